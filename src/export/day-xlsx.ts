import type { DayResultTable, ResultCell } from './day-results.js';

/**
 * The table as an Excel workbook: one sheet, bold frozen header row, column widths,
 * percentages as numbers formatted `0 %` (60 is stored as 0.6, as Excel stores 60 %),
 * dates as dates.
 */

const PERCENT_FORMAT = '0 %';
const DATE_FORMAT = 'dd/mm/yyyy';
const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** Excel dates carry no time zone: the local wall-clock time is written as such. */
function wallClock(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00.000Z`);
}

function cellValue(cell: ResultCell): { value: string | number | Date; numFmt?: string } {
  switch (cell.kind) {
    case 'percent':
      return { value: cell.value / 100, numFmt: PERCENT_FORMAT };
    case 'date':
      return { value: wallClock(cell.value), numFmt: DATE_FORMAT };
    case 'datetime':
      return { value: wallClock(cell.date, cell.time), numFmt: DATETIME_FORMAT };
    case 'text':
      return { value: cell.value };
  }
}

export async function dayXlsx(table: DayResultTable, sheetName: string, createdAt: Date): Promise<Buffer> {
  // Loaded on the first export, not at start-up (as pdfkit is): most runs export nothing.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jury-cqp-bot';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((cell) => cellValue(cell).value));
    added.alignment = { vertical: 'top', wrapText: true };
    row.forEach((cell, index) => {
      const numFmt = cellValue(cell).numFmt;
      if (numFmt) added.getCell(index + 1).numFmt = numFmt;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
