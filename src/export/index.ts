import { createLinkToken, PDF_LINK_TTL_MS, pdfTokenExpiry, publicUrl, type PdfLinkSettings } from '../pdf/index.js';

export { registerExportRoute, EXPORT_FORMATS, type ExportFormat } from './export-route.js';
export { dayResultTable, referentialVersion, type DayResultTable, type ResultCell, type ResultColumn } from './day-results.js';
export { dayCsv } from './day-csv.js';
export { dayXlsx } from './day-xlsx.js';
export { dayZip, type ZipEntry } from './day-zip.js';
export { pdfEntryNames } from './export-file-names.js';
export { loadDay, type DayRecords } from './load-day.js';

export interface DayExportLinks {
  zip: string;
  xlsx: string;
  csv: string;
  expiresAt: Date;
}

/**
 * Fresh links to a jury day's export for this user, valid 15 minutes, one token (the PDF
 * links' mechanism, another purpose) for the three files: `<base>/export/<token>/<lang>/<format>`.
 * Check the president's role first: the link is their proof of it for 15 minutes.
 */
export function dayExportUrls(
  settings: PdfLinkSettings,
  { sessionId, userId, now, lang, ttlMs = PDF_LINK_TTL_MS }: { sessionId: string; userId: string; now: Date; lang: string; ttlMs?: number },
): DayExportLinks {
  const token = createLinkToken('dayExport', { recordId: sessionId, userId, now, secret: settings.secret, ttlMs });
  const url = (format: string) => publicUrl(settings.PUBLIC_BASE_URL, `export/${token}/${lang}/${format}`);
  return { zip: url('zip'), xlsx: url('xlsx'), csv: url('csv'), expiresAt: pdfTokenExpiry(now, ttlMs) };
}
