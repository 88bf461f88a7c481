import type { Referential } from '../referential/schema.js';
import type { MemberGrid, RowEntry } from './model.js';
import { meanHalfUp } from './round-half-up.js';

export interface NotEvaluatedRow {
  rowId: string;
  reason: string;
}

/** One domain of a juror's individual report (*grille de report des appréciations individuelles*). */
export interface DomainReport {
  domainId: string;
  /** Mean of the scored rows, rounded half up; null = *non évalué* (no scored row). */
  value: number | null;
  /** Rows with a percentage. */
  evaluated: string[];
  /** Rows marked *non évalué*: left out of the mean, never counted as 0. */
  notEvaluated: NotEvaluatedRow[];
  /** Rows with neither a percentage nor a reason yet. */
  missing: string[];
}

export type RowStatus = 'scored' | 'not_evaluated' | 'missing';

export function rowStatus(entry: RowEntry | undefined): RowStatus {
  if (entry?.percentage !== null && entry?.percentage !== undefined) return 'scored';
  if (entry?.notEvaluatedReason) return 'not_evaluated';
  return 'missing';
}

/** The juror's reported domain percentages, in the referential's domain order. */
export function reportDomains(grid: Pick<MemberGrid, 'rows'>, referential: Referential): DomainReport[] {
  return referential.domains.map((domain) => {
    const report: DomainReport = { domainId: domain.id, value: null, evaluated: [], notEvaluated: [], missing: [] };
    const percentages: number[] = [];
    for (const row of domain.rows) {
      const entry = grid.rows[row.id];
      const status = rowStatus(entry);
      if (status === 'scored' && entry?.percentage != null) {
        report.evaluated.push(row.id);
        percentages.push(entry.percentage);
      } else if (status === 'not_evaluated' && entry?.notEvaluatedReason) {
        report.notEvaluated.push({ rowId: row.id, reason: entry.notEvaluatedReason });
      } else {
        report.missing.push(row.id);
      }
    }
    report.value = meanHalfUp(percentages);
    return report;
  });
}
