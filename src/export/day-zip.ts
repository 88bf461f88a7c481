export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** One archive for the deliberation: the spreadsheets and the signed PDFs, at its root. */
export async function dayZip(entries: readonly ZipEntry[], at: Date): Promise<Buffer> {
  // Loaded on the first export, not at start-up.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  // JSZip marks non-ASCII names as UTF-8, so « Prénom » keeps its accent once unzipped.
  for (const entry of entries) zip.file(entry.name, entry.data, { date: at, binary: true });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
