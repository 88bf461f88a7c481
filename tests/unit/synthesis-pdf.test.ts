import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferentials } from '../../src/referential/load-referentials.js';
import type { Referential } from '../../src/referential/schema.js';
import { renderSynthesisPdf, synthesisPdfInput, type SynthesisPdfInput } from '../../src/pdf/index.js';
import { COMMENT_END, COMMENT_START, evaluationRecord, longComment, signedVersion } from '../helpers/signed-synthesis.js';

/** The PDF's text and metadata, whitespace (no-break spaces included) collapsed to single spaces. */
async function read(pdf: Buffer): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    return { text: text.text.replace(/\s+/g, ' '), pages: text.total, info: info.info as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Where each text sits: page and distance from the page's top, in points. pdf-parse gives text
 * only; its own PDF engine (pdfjs-dist, which it pins) gives the positions.
 */
async function positions(pdf: Buffer): Promise<{ text: string; page: number; top: number; pageHeight: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  try {
    const found: { text: string; page: number; top: number; pageHeight: number }[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const height = page.getViewport({ scale: 1 }).height;
      for (const item of (await page.getTextContent()).items) {
        if ('str' in item && item.str.trim() !== '') found.push({ text: item.str, page: number, top: height - (item.transform[5] as number), pageHeight: height });
      }
    }
    return found;
  } finally {
    await doc.destroy();
  }
}

/** The first text item that starts with `start`. */
function at(items: Awaited<ReturnType<typeof positions>>, start: string) {
  const item = items.find((i) => i.text.startsWith(start));
  if (!item) throw new Error(`"${start}" not found in the PDF`);
  return item;
}

/** The bot's version is given, not read: the footer must print what it is given. */
const ISSUE = { timeZone: 'Europe/Paris', botVersion: '9.8.7' };

let referential: Referential;
let input: SynthesisPdfInput;

beforeAll(() => {
  const found = loadReferentials().get('cqp-agc');
  if (!found) throw new Error('cqp-agc referential missing');
  referential = found;
  input = synthesisPdfInput(referential, evaluationRecord(), signedVersion(), ISSUE);
});

describe('synthesisPdfInput', () => {
  it('formats the header, the agreed values and the signature in French, Paris time', () => {
    expect(input.labels.title).toBe(referential.grids.synthesis);
    expect(input.header.date).toBe('28/11/2026');
    expect(input.header.members.map((m) => m.name)).toEqual(['Claire Martin', 'Marc Petit', 'Inès Roy']);
    expect(input.domains.map((d) => d.value)).toEqual(['60\u00a0%', '75\u00a0%', '45\u00a0%']);
    expect(input.signature).toBe('Signé par Claire Martin le 28/11/2026 à 14\u00a0h\u00a005');
    expect(input.labels.comment).toBe('Commentaires\u00a0:');
    expect(input.replaced).toBeUndefined();
    expect(input.metadata).toEqual({ author: 'Claire Martin', createdAt: new Date('2026-11-28T13:05:00.000Z') });
  });

  it('writes "Non évalué : <reason>" for a domain without a value', () => {
    const version = signedVersion({
      domains: { ...signedVersion().domains, 'produits-offres': { percentage: null, notEvaluatedReason: 'aucune question posée' } },
    });
    expect(synthesisPdfInput(referential, evaluationRecord(), version, ISSUE).domains[1]?.value).toBe('Non évalué\u00a0: aucune question posée');
  });
});

describe('renderSynthesisPdf', () => {
  let pdf: Buffer;
  let parsed: Awaited<ReturnType<typeof read>>;

  beforeAll(async () => {
    pdf = await renderSynthesisPdf(input);
    parsed = await read(pdf);
  });

  it('writes an A4 PDF with a 2,000-character comment', () => {
    expect(longComment()).toHaveLength(2000);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('contains the title, the audience line and every header label and value', () => {
    const { text } = parsed;
    expect(text).toContain(flat(referential.grids.synthesis));
    expect(text).toContain(flat(referential.grids.synthesisAudience));
    for (const field of referential.headerFields.synthesis) expect(text).toContain(flat(field.label));
    expect(text).toContain('28/11/2026');
    expect(text).toContain('Claire Martin, Présidente du jury, responsable d’agence');
    expect(text).toContain('Marc Petit, Commercial sédentaire');
    expect(text).toContain('Inès Roy, Formatrice « relation client »');
    expect(text).toContain('Œuvray-Dupré Léa');
    expect(text).toContain('Coopérative « Les Vergers »');
  });

  it('contains the domains table: its two labels, the three domain titles and their percentages in order', () => {
    const { text } = parsed;
    expect(text).toContain('Domaines');
    expect(text).toContain("L'appréciation de chaque domaine");
    for (const domain of referential.domains) expect(text).toContain(domain.title);
    expect(text).toMatch(/60 % 75 % 45 %/);
  });

  it('contains "Commentaires :", the comment from its start to its end, and the signature block', () => {
    const { text } = parsed;
    expect(text).toContain('Commentaires :');
    expect(text).toContain(COMMENT_START);
    expect(text).toContain(COMMENT_END);
    expect(text).toContain('(95 %)');
    expect(text).toContain(referential.grids.signature);
    expect(text).toContain('Signé par Claire Martin le 28/11/2026 à 14 h 05');
    expect(text).not.toContain('Version remplacée');
  });

  it('numbers its pages', () => {
    expect(parsed.text).toContain(`Page 1 / ${parsed.pages}`);
  });

  it('sets the title, the signer as author and the signature time as creation date', () => {
    expect(parsed.info.Title).toBe(`${referential.grids.synthesis} – Œuvray-Dupré Léa`);
    expect(parsed.info.Author).toBe('Claire Martin');
    expect(parsed.info.CreationDate).toBe('D:20261128130500Z');
  });

  it('embeds the DejaVu fonts (subsets) rather than a standard font without « » or œ', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).not.toContain('/Helvetica');
  });

  it('gives the same bytes for the same input', async () => {
    expect(Buffer.compare(await renderSynthesisPdf(input), pdf)).toBe(0);
  });

  it('marks an archived version as replaced', async () => {
    const replaced = { ...signedVersion(), replacedAt: '2026-11-28T14:10:00.000Z', reason: 'erreur de saisie sur le domaine « produits »' };
    const replacedInput = synthesisPdfInput(referential, evaluationRecord(), replaced, ISSUE);
    expect(replacedInput.replaced).toBe('Version remplacée le 28/11/2026 à 15\u00a0h\u00a010\u00a0: erreur de saisie sur le domaine « produits »');
    const { text } = await read(await renderSynthesisPdf(replacedInput));
    expect(text).toContain('Version remplacée le 28/11/2026 à 15 h 10 : erreur de saisie sur le domaine « produits »');
    expect(text).toContain('Signé par Claire Martin le 28/11/2026 à 14 h 05');
  });

  it('runs a comment of many short lines over several pages, footers on each, signature block whole on the last', async () => {
    const comment = Array.from({ length: 120 }, (_, i) => `Ligne ${i + 1} : remarque.`).join('\n');
    const { text, pages } = await read(await renderSynthesisPdf({ ...input, comment }));
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Page ${page} / ${pages}`);
    expect(text).toContain('Ligne 1 : remarque.');
    expect(text).toContain('Ligne 120 : remarque.');
    expect(text.indexOf('Ligne 120 : remarque.')).toBeLessThan(text.indexOf('Signé par Claire Martin'));
  });

  it('prints the referential with its version and the bot version in every footer', async () => {
    const { text } = parsed;
    expect(text).toMatch(/Référentiel CQP Assistant\(e\) de Gestion Client, version sha256:[0-9a-f]{12} · Bot Jury CQP 9\.8\.7/);
    const versioned = synthesisPdfInput({ ...referential, version: '2024-09' }, evaluationRecord(), signedVersion(), ISSUE);
    const comment = Array.from({ length: 120 }, (_, i) => `Ligne ${i + 1}.`).join('\n');
    const { text: long, pages } = await read(await renderSynthesisPdf({ ...versioned, comment }));
    expect(pages).toBeGreaterThan(1);
    expect(long.split('Référentiel CQP Assistant(e) de Gestion Client, version 2024-09 · Bot Jury CQP 9.8.7').length - 1).toBe(pages);
  });

  it('leaves a space for a handwritten signature under the typed signature line', async () => {
    const items = await positions(pdf);
    const typed = at(items, 'Signé par Claire Martin');
    const handwritten = at(items, 'Signature manuscrite');
    expect(handwritten.page).toBe(typed.page);
    expect(handwritten.top).toBeGreaterThan(typed.top);
    // Nothing is printed in the blank space under the label but the footer.
    const below = items.filter((i) => i.page === handwritten.page && i.top > handwritten.top && !i.text.startsWith('Œuvray') && !i.text.startsWith('Référentiel') && !i.text.startsWith('Page'));
    expect(below).toEqual([]);
  });

  it('prints the issuing body above the title when ISSUER_NAME is set, and no such line otherwise', async () => {
    const issuer = 'Organisme certificateur de la branche';
    const withIssuer = synthesisPdfInput(referential, evaluationRecord(), signedVersion(), { ...ISSUE, issuer });
    const items = await positions(await renderSynthesisPdf(withIssuer));
    expect(at(items, issuer).top).toBeLessThan(at(items, 'Grille de synthèse').top);
    expect(parsed.text).not.toContain(issuer);
    expect(input.issuer).toBeUndefined();
  });

  it('a one-page synthesis uses its page: the comment box runs down to the signature block at the foot of the page', async () => {
    const items = await positions(await renderSynthesisPdf({ ...input, comment: 'Candidate à l’aise ; reformulation à travailler.' }));
    expect(Math.max(...items.map((i) => i.page))).toBe(1);
    const handwritten = at(items, 'Signature manuscrite');
    const footer = at(items, 'Référentiel');
    // The blank space to sign ends just above the footer, not halfway down the page.
    expect(handwritten.top).toBeGreaterThan(handwritten.pageHeight * 0.75);
    expect(footer.top - handwritten.top).toBeLessThan(130);
  });

  it('lays out more domains than fit across as one row per domain', async () => {
    const domains = Array.from({ length: 6 }, (_, i) => ({ title: `DOMAINE ${i + 1}`, value: `${10 * (i + 1)}\u00a0%` }));
    const { text } = await read(await renderSynthesisPdf({ ...input, domains }));
    for (const d of domains) expect(text).toContain(`${d.title} ${d.value.replace('\u00a0', ' ')}`);
  });
});
