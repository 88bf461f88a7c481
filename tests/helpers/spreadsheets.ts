import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Spreadsheets read back with a real parser (exceljs, fast-csv underneath), never string-matched. */

export interface ReadSheet {
  name: string;
  /** Row by row, cell by cell (1-based columns shifted to 0-based). */
  rows: unknown[][];
  /** The number format of each cell, same shape as `rows` ('' when none). */
  formats: string[][];
  frozenRows: number;
  widths: number[];
}

function valuesOf(row: ExcelJS.Row, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, i) => row.getCell(i + 1).value ?? null);
}

export async function readXlsx(data: Buffer): Promise<ReadSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet in the workbook');
  const columns = sheet.columnCount;
  const rows: unknown[][] = [];
  const formats: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(valuesOf(row, columns));
    formats.push(Array.from({ length: columns }, (_, i) => row.getCell(i + 1).numFmt ?? ''));
  });
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  return {
    name: sheet.name,
    rows,
    formats,
    frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    widths: Array.from({ length: columns }, (_, i) => sheet.getColumn(i + 1).width ?? 0),
  };
}

export interface ReadCsv {
  /** The UTF-8 byte-order mark French Excel needs to read accents. */
  bom: boolean;
  rows: unknown[][];
}

/** Parsed with `;` as French Excel does; numbers come back as numbers. */
export async function readCsv(data: Buffer): Promise<ReadCsv> {
  const bom = data.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([bom ? data.subarray(3) : data]), { parserOptions: { delimiter: ';' } });
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { bom, rows };
}
