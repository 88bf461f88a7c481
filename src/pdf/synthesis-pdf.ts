import { readFile } from 'node:fs/promises';
import { fromRoot } from '../paths.js';
import { BOLD, BORDER, BOTTOM, INK, LABEL_FILL, MARGIN, MUTED, PAD, REGULAR, table, type Cell } from './pdf-layout.js';

/**
 * The printable grille de synthèse, drawn with pdfkit. Plain data in, PDF bytes out:
 * nothing here reads storage or knows the bot. Every text arrives formatted and in
 * French (see synthesis-pdf-input.ts); this module only lays it out.
 */

export interface SynthesisPdfInput {
  labels: {
    /** The guide's grid title, "Grille de synthèse des appréciations Jury ou Professionnel CQP …". */
    title: string;
    /** "Cette grille est destinée au président du jury ou au professionnel". */
    audience: string;
    /** The four header fields' labels, as the referential words them. */
    header: { date: string; members: string; candidate: string; company: string };
    /** "Domaines" and "L'appréciation de chaque domaine". */
    domains: string;
    appraisal: string;
    /** "Commentaires :". */
    comment: string;
    /** "Signature du président du jury ou du professionnel". */
    signature: string;
    /** "Signature manuscrite": the space left to sign by hand on the printed page. */
    handwritten: string;
  };
  /** ISSUER_NAME: the issuing body, a line above the title; absent, no line. */
  issuer?: string;
  /** Footer lines after the candidate: the referential's name and version, the bot's version. */
  provenance: string[];
  header: {
    /** "28/11/2026". */
    date: string;
    members: { name: string; function: string }[];
    candidateLastName: string;
    candidateFirstName: string;
    company: string;
  };
  /** In the referential's order; `value` is "60 %" or "Non évalué : <reason>". */
  domains: { title: string; value: string }[];
  comment: string;
  /** "Signé par Claire Martin le 28/11/2026 à 14 h 05". */
  signature: string;
  /** "Version remplacée le 28/11/2026 à 15 h 10 : <reason>", on an archived version only. */
  replaced?: string;
  /** PDF metadata: the signer, and the signature time (also what makes the output reproducible). */
  metadata: { author: string; createdAt: Date };
}

const FONT_DIR = ['node_modules', 'dejavu-fonts-ttf', 'ttf'] as const;
/** Height of the blank space left for a handwritten signature. */
const HANDWRITTEN_SPACE = 64;
/** A comment box is never drawn shorter than this, even for an empty comment. */
const MIN_COMMENT_BOX = 90;
/** Up to this many domains the table runs across, as in the guide; beyond, one row per domain. */
const MAX_DOMAIN_COLUMNS = 4;

/** Renders the synthesis as an A4 PDF; the same input gives the same bytes. */
export async function renderSynthesisPdf(input: SynthesisPdfInput): Promise<Buffer> {
  // Loaded on the first PDF, not at start-up: most runs print nothing, and pdfkit weighs on start time and memory.
  const { default: PDFDocument } = await import('pdfkit');
  const [regular, bold] = await Promise.all([
    readFile(fromRoot(...FONT_DIR, `${REGULAR}.ttf`)),
    readFile(fromRoot(...FONT_DIR, `${BOLD}.ttf`)),
  ]);
  const candidate = `${input.header.candidateLastName} ${input.header.candidateFirstName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `${input.labels.title} – ${candidate}`,
      Author: input.metadata.author,
      Creator: 'jury-cqp-bot',
      // pdfkit derives the document id from the info dictionary: a fixed date makes it stable.
      CreationDate: input.metadata.createdAt,
    },
  });
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);

  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;

  if (input.issuer) {
    doc.fillColor(MUTED).font(BOLD).fontSize(10).text(input.issuer, MARGIN, MARGIN, { width, align: 'center' });
    doc.moveDown(0.6);
  }
  doc.fillColor(INK).font(BOLD).fontSize(14).text(input.labels.title, MARGIN, doc.y, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.fillColor(MUTED).font(REGULAR).fontSize(9).text(input.labels.audience, { width, align: 'center' });
  doc.fillColor(INK).moveDown(1);

  if (input.replaced) banner(doc, input.replaced, width);

  const h = input.labels.header;
  table(doc, [0.15, 0.4, 0.23, 0.22].map((share) => share * width), [
    [h.date, h.members, h.candidate, h.company].map((text) => ({ text, bold: true, size: 8.5, fill: LABEL_FILL })),
    [
      { text: input.header.date },
      { text: input.header.members.map((m) => `${m.name}, ${m.function}`).join('\n'), paragraphGap: 3 },
      { text: candidate },
      { text: input.header.company },
    ],
  ]);
  doc.moveDown(1.5);

  domainsTable(doc, input, width);
  doc.moveDown(1.5);

  commentAndSignature(doc, input, width);
  footers(doc, [`${candidate} · ${input.header.date}`, input.provenance.join(' · ')], width);

  doc.end();
  return done;
}

function banner(doc: PDFKit.PDFDocument, text: string, width: number): void {
  doc.font(BOLD).fontSize(10);
  const height = doc.heightOfString(text, { width: width - 2 * PAD }) + 2 * PAD;
  const y = doc.y;
  doc.save().rect(MARGIN, y, width, height).fillAndStroke('#fdecea', '#b3261e').restore();
  doc.fillColor('#8c1d18').text(text, MARGIN + PAD, y + PAD, { width: width - 2 * PAD, align: 'center' });
  doc.fillColor(INK);
  doc.y = y + height;
  doc.moveDown(1);
}

function domainsTable(doc: PDFKit.PDFDocument, input: SynthesisPdfInput, width: number): void {
  const { labels, domains } = input;
  const label = (text: string): Cell => ({ text, bold: true, size: 8.5, fill: LABEL_FILL });
  const value = (text: string): Cell => (isShort(text) ? { text, bold: true, size: 14, align: 'center' } : { text, size: 9, align: 'center' });

  if (domains.length <= MAX_DOMAIN_COLUMNS) {
    const first = 0.25 * width;
    const rest = (width - first) / Math.max(1, domains.length);
    table(doc, [first, ...domains.map(() => rest)], [
      [label(labels.domains), ...domains.map((d) => ({ ...label(d.title), align: 'center' as const }))],
      [label(labels.appraisal), ...domains.map((d) => value(d.value))],
    ]);
    return;
  }
  table(doc, [0.6 * width, 0.4 * width], [
    [label(labels.domains), label(labels.appraisal)],
    ...domains.map((d) => [{ text: d.title, bold: true, size: 9 }, value(d.value)]),
  ]);
}

/** "60 %" is shown large; a "Non évalué" with its reason in body size. */
function isShort(value: string): boolean {
  return value.length <= 6;
}

const COMMENT_TEXT = { font: REGULAR, size: 10, lineGap: 2 } as const;

/**
 * The comment, then the signature block. When both fit on the page they share with the
 * tables, the comment gets a framed box that runs down to the signature block, which sits at
 * the foot of the page: a one-page synthesis uses its page and leaves room to write. A comment
 * too long for that flows on as text over the next pages (pdfkit breaks it by itself).
 */
function commentAndSignature(doc: PDFKit.PDFDocument, input: SynthesisPdfInput, width: number): void {
  const comment = input.comment.trim() === '' ? '—' : input.comment;
  const bottom = doc.page.height - BOTTOM;
  const signature = signatureParts(doc, input, width);
  doc.font(BOLD).fontSize(11);
  const labelHeight = doc.heightOfString(input.labels.comment, { width }) + 4;
  doc.font(COMMENT_TEXT.font).fontSize(COMMENT_TEXT.size);
  const textHeight = doc.heightOfString(comment, { width: width - 2 * PAD, lineGap: COMMENT_TEXT.lineGap }) + 2 * PAD;
  const gap = 18;
  const boxHeight = bottom - doc.y - labelHeight - gap - signature.height;

  doc.font(BOLD).fontSize(11).fillColor(INK).text(input.labels.comment, MARGIN, doc.y, { width });
  doc.y += 4;
  if (boxHeight >= Math.max(textHeight, MIN_COMMENT_BOX)) {
    const y = doc.y;
    doc.save().lineWidth(0.6).rect(MARGIN, y, width, boxHeight).stroke(BORDER).restore();
    doc.font(COMMENT_TEXT.font).fontSize(COMMENT_TEXT.size).fillColor(INK).text(comment, MARGIN + PAD, y + PAD, { width: width - 2 * PAD, lineGap: COMMENT_TEXT.lineGap });
    doc.x = MARGIN;
    doc.y = y + boxHeight + gap;
  } else {
    doc.font(COMMENT_TEXT.font).fontSize(COMMENT_TEXT.size).text(comment, MARGIN, doc.y, { width, lineGap: COMMENT_TEXT.lineGap });
    doc.moveDown(2);
  }
  signatureBlock(doc, input, signature, width);
}

/** The signature block's parts: title, the typed line, then a blank space to sign by hand. */
function signatureParts(doc: PDFKit.PDFDocument, input: SynthesisPdfInput, width: number) {
  const inner = width - 2 * PAD;
  doc.font(BOLD).fontSize(10.5);
  const title = doc.heightOfString(input.labels.signature, { width: inner });
  doc.font(REGULAR).fontSize(10.5);
  const typed = doc.heightOfString(input.signature, { width: inner });
  doc.font(REGULAR).fontSize(9);
  const handwritten = doc.heightOfString(input.labels.handwritten, { width: inner });
  return { inner, title, typed, handwritten, height: title + typed + handwritten + HANDWRITTEN_SPACE + 5 * PAD + 8 };
}

function signatureBlock(doc: PDFKit.PDFDocument, input: SynthesisPdfInput, parts: ReturnType<typeof signatureParts>, width: number): void {
  // The block is never split across pages.
  if (doc.y + parts.height > doc.page.height - BOTTOM) doc.addPage();
  const y = doc.y;
  const x = MARGIN + PAD;
  doc.save().lineWidth(0.8).rect(MARGIN, y, width, parts.height).stroke(BORDER).restore();
  doc.font(BOLD).fontSize(10.5).fillColor(INK).text(input.labels.signature, x, y + PAD, { width: parts.inner });
  const typedY = y + 2 * PAD + parts.title + 4;
  doc.font(REGULAR).fontSize(10.5).text(input.signature, x, typedY, { width: parts.inner });
  // Under the typed line: a dotted rule, the label, and the blank space for the pen.
  const ruleY = typedY + parts.typed + PAD;
  doc.save().lineWidth(0.5).dash(2, { space: 2 }).moveTo(x, ruleY).lineTo(MARGIN + width - PAD, ruleY).stroke(BORDER).undash().restore();
  doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(`${input.labels.handwritten}\u00a0:`, x, ruleY + PAD, { width: parts.inner });
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = y + parts.height;
}

/**
 * "Page 1 / 2" on every page, with the candidate and the date so loose pages stay identifiable,
 * and under them where the document comes from (referential and bot versions).
 */
function footers(doc: PDFKit.PDFDocument, [left, provenance]: [string, string], width: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit add a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - BOTTOM + 26;
    doc.save().lineWidth(0.5).moveTo(MARGIN, y - 6).lineTo(MARGIN + width, y - 6).stroke(BORDER).restore();
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    doc.text(left, MARGIN, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - range.start + 1} / ${range.count}`, MARGIN + width * 0.7, y, { width: width * 0.3, align: 'right', lineBreak: false });
    doc.text(provenance, MARGIN, y + 11, { width, lineBreak: false, ellipsis: true });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(INK);
}
