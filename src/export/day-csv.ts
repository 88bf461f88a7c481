import type { DayResultTable, ResultCell } from './day-results.js';

/**
 * The table as CSV for French Excel: UTF-8 with a byte-order mark (without it Excel reads the
 * accents as Windows-1252), `;` between fields (`,` is the French decimal separator), CRLF.
 */

const BOM = '\ufeff';
const SEPARATOR = ';';

/** A text Excel would run as a formula (=, +, -, @ first) is prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** "28/11/2026", the product's date format, which French Excel reads as a date. */
function day(value: string): string {
  const [year, month, date] = value.split('-');
  return `${date}/${month}/${year}`;
}

function field(cell: ResultCell): string {
  switch (cell.kind) {
    case 'percent':
      return String(cell.value);
    case 'date':
      return day(cell.value);
    case 'datetime':
      return `${day(cell.date)} ${cell.time}`;
    case 'text': {
      const value = FORMULA_START.test(cell.value) ? `'${cell.value}` : cell.value;
      return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    }
  }
}

export function dayCsv(table: DayResultTable): Buffer {
  const lines = [
    table.columns.map((column) => field({ kind: 'text', value: column.header })),
    ...table.rows.map((row) => row.map(field)),
  ].map((fields) => fields.join(SEPARATOR));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
