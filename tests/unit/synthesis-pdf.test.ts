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

let referential: Referential;
let input: SynthesisPdfInput;

beforeAll(() => {
  const found = loadReferentials().get('cqp-agc');
  if (!found) throw new Error('cqp-agc referential missing');
  referential = found;
  input = synthesisPdfInput(referential, evaluationRecord(), signedVersion(), 'Europe/Paris');
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
    expect(synthesisPdfInput(referential, evaluationRecord(), version, 'Europe/Paris').domains[1]?.value).toBe('Non évalué\u00a0: aucune question posée');
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
    const replacedInput = synthesisPdfInput(referential, evaluationRecord(), replaced, 'Europe/Paris');
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

  it('lays out more domains than fit across as one row per domain', async () => {
    const domains = Array.from({ length: 6 }, (_, i) => ({ title: `DOMAINE ${i + 1}`, value: `${10 * (i + 1)}\u00a0%` }));
    const { text } = await read(await renderSynthesisPdf({ ...input, domains }));
    for (const d of domains) expect(text).toContain(`${d.title} ${d.value.replace('\u00a0', ' ')}`);
  });
});
