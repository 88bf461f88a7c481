/**
 * Names inside the archive: `AAAA-MM-JJ_Nom_Prénom.pdf`, accents kept (the archive marks names
 * as UTF-8), characters no file system accepts replaced, spaces as hyphens; two candidates with
 * the same name on the same day get `_2`, `_3`…
 */

const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]+/g;

function part(value: string): string {
  return value.normalize('NFC').replace(FORBIDDEN, '-').trim().replace(/\s+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'x';
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
