/**
 * The page's furniture for the PDFs: fonts, margins, colours, and bordered tables of cells that
 * start a new page rather than cross the bottom margin. What a document says is its own module's.
 */

export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';

export const MARGIN = 50;
/** Room under the text block for the footer (two lines). */
export const BOTTOM = 72;
export const PAD = 6;
export const BORDER = '#8a8f98';
export const LABEL_FILL = '#eef0f3';
export const INK = '#1b1f24';
export const MUTED = '#5b616b';

export type Align = 'left' | 'center' | 'right';
export interface Cell {
  text: string;
  bold?: boolean;
  size?: number;
  fill?: string;
  align?: Align;
  /** Space between the cell's lines of text (members, one per line). */
  paragraphGap?: number;
}

/** Draws rows of cells; a row that would cross the bottom margin starts a new page. */
export function table(doc: PDFKit.PDFDocument, widths: number[], rows: Cell[][]): void {
  for (const row of rows) {
    const heights = row.map((cell, i) => {
      setCellFont(doc, cell);
      return doc.heightOfString(cell.text, { width: (widths[i] ?? 0) - 2 * PAD, paragraphGap: cell.paragraphGap ?? 0 }) + 2 * PAD;
    });
    const height = Math.max(...heights);
    if (doc.y + height > doc.page.height - BOTTOM) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      doc.save().lineWidth(0.6);
      if (cell.fill) doc.rect(x, y, w, height).fillAndStroke(cell.fill, BORDER);
      else doc.rect(x, y, w, height).stroke(BORDER);
      doc.restore();
      setCellFont(doc, cell);
      const textHeight = (heights[i] ?? 0) - 2 * PAD;
      // Short values sit in the middle of their cell; labels and long texts from the top.
      const top = cell.align === 'center' ? y + (height - textHeight) / 2 : y + PAD;
      doc.fillColor(INK).text(cell.text, x + PAD, top, { width: w - 2 * PAD, align: cell.align ?? 'left', paragraphGap: cell.paragraphGap ?? 0 });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + height;
  }
}

function setCellFont(doc: PDFKit.PDFDocument, cell: Cell): void {
  doc.font(cell.bold ? BOLD : REGULAR).fontSize(cell.size ?? 10);
}
