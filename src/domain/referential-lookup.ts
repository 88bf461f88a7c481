import type { Domain, Referential, Row } from '../referential/schema.js';

export interface RowLocation {
  domain: Domain;
  row: Row;
}

/** The row with this id and its domain, or undefined. */
export function findRow(referential: Referential, rowId: string): RowLocation | undefined {
  for (const domain of referential.domains) {
    const row = domain.rows.find((r) => r.id === rowId);
    if (row) return { domain, row };
  }
  return undefined;
}

/** Every row id, in the referential's order. */
export function allRowIds(referential: Referential): string[] {
  return referential.domains.flatMap((domain) => domain.rows.map((row) => row.id));
}

/** Ids of the lines of the role-play sheets this row refers to. */
export function lineIdsOfRow(referential: Referential, row: Row): Set<string> {
  const sheets = referential.rolePlays.filter((sheet) => row.rolePlays.includes(sheet.number));
  return new Set(sheets.flatMap((sheet) => sheet.lines.map((line) => line.id)));
}
