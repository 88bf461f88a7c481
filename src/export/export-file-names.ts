/**
 * Names inside the archive: `AAAA-MM-JJ_Nom_Prénom.pdf`, accents kept (the archive marks names
 * as UTF-8), characters no file system accepts replaced, spaces as hyphens; two candidates with
 * the same name on the same day get `_2`, `_3`…
 */

const FORBIDDEN = /[\\/:*?"<>|]+/g;

/** Control characters (below U+0020) are as unwelcome in a file name. */
const withoutControls = (value: string): string => [...value].map((c) => (c.charCodeAt(0) < 0x20 ? '-' : c)).join('');

function part(value: string): string {
  return withoutControls(value.normalize('NFC')).replace(FORBIDDEN, '-').trim().replace(/\s+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'x';
}

export function pdfEntryNames(candidates: readonly { date: string; lastName: string; firstName: string }[]): string[] {
  const seen = new Map<string, number>();
  return candidates.map(({ date, lastName, firstName }) => {
    const stem = `${date}_${part(lastName)}_${part(firstName)}`;
    const count = (seen.get(stem.toLowerCase()) ?? 0) + 1;
    seen.set(stem.toLowerCase(), count);
    return `${count === 1 ? stem : `${stem}_${count}`}.pdf`;
  });
}
