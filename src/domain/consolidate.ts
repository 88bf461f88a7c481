import type { Referential } from '../referential/schema.js';
import type { Evaluation, MemberGrid, Session } from './model.js';
import { scorersOf } from './jury.js';
import { reportDomains } from './report-domains.js';
import { divideHalfUp } from './round-half-up.js';

/** A submitted member's grid; their reported domain integers are computed from it. */
export interface MemberReport {
  memberId: string;
  grid: Pick<MemberGrid, 'rows' | 'domainComments'>;
}

/**
 * The grids that feed the consolidation: submitted, of the jurors who score and were not
 * left out at the collection's close, in the jury's order (president first).
 */
export function memberReportsFor(session: Session, evaluation: Evaluation, grids: readonly MemberGrid[]): MemberReport[] {
  return scorersOf(session, evaluation).flatMap((person) => {
    const grid = grids.find((g) => g.memberId === person.id && g.evaluationId === evaluation.id);
    if (!grid || grid.state !== 'submitted' || evaluation.excludedMemberIds.includes(person.id)) return [];
    return [{ memberId: person.id, grid }];
  });
}

export interface MemberValue {
  memberId: string;
  /** null = *non évalué* (left out of the mean, min and max). */
  value: number | null;
}

export interface RowDifference {
  rowId: string;
  values: MemberValue[];
  /** max − min of the members' percentages on this row. */
  spread: number;
}

export interface DomainConsolidation {
  domainId: string;
  values: MemberValue[];
  /** Mean of the members' reported (already rounded) domain percentages, unrounded; null when none has one. */
  mean: number | null;
  /**
   * `mean` rounded half up: the synthesis is pre-filled with it. Built from the percentages each
   * member reported (rounded on their own report), never from their unrounded row means: the guide
   * has each member report a percentage per domain and the president collect those.
   */
  proposal: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
  /** spread ≥ divergenceThreshold. */
  divergent: boolean;
  /** The domain's rows where members differ most (spread > 0), largest first. */
  rowDifferences: RowDifference[];
  /** The members' non-empty comments on this domain, for the president's unified comment. */
  comments: { memberId: string; comment: string }[];
}

export interface ConsolidateOptions {
  /** Spread from which a domain is flagged (default 20, inclusive). */
  divergenceThreshold?: number;
  /** How many differing rows to keep per domain (default 3). */
  maxRowDifferences?: number;
}

/**
 * The president's view of the members' reported domain percentages. The proposed value of a
 * domain is the rounded (half up) mean of the members' *reported* percentages, each one the
 * rounded mean of that member's rows (report-domains.ts): members whose rows average 60.67 % and 60 % report 61 %
 * and 60 %, so the proposal is 61 % (60.5 rounded), where the unrounded means would give 60 %.
 */
export function consolidate(
  referential: Referential,
  memberReports: readonly MemberReport[],
  options: ConsolidateOptions = {},
): DomainConsolidation[] {
  const threshold = options.divergenceThreshold ?? 20;
  const maxRows = options.maxRowDifferences ?? 3;
  if (!Number.isInteger(threshold) || threshold < 0 || !Number.isInteger(maxRows) || maxRows < 0) {
    throw new RangeError('consolidate: divergenceThreshold and maxRowDifferences are non-negative integers');
  }
  const reports = memberReports.map((m) => ({ memberId: m.memberId, grid: m.grid, domains: reportDomains(m.grid, referential) }));

  return referential.domains.map((domain, index) => {
    const values: MemberValue[] = reports.map((r) => ({ memberId: r.memberId, value: r.domains[index]?.value ?? null }));
    const present = values.flatMap((v) => (v.value === null ? [] : [v.value]));
    const sum = present.reduce((a, b) => a + b, 0);
    const min = present.length ? Math.min(...present) : null;
    const max = present.length ? Math.max(...present) : null;
    const spread = min === null || max === null ? null : max - min;

    const rowDifferences = domain.rows
      .map((row): RowDifference => {
        const rowValues = reports.map((r) => ({ memberId: r.memberId, value: r.grid.rows[row.id]?.percentage ?? null }));
        const scored = rowValues.flatMap((v) => (v.value === null ? [] : [v.value]));
        return { rowId: row.id, values: rowValues, spread: scored.length ? Math.max(...scored) - Math.min(...scored) : 0 };
      })
      .filter((row) => row.spread > 0)
      .sort((a, b) => b.spread - a.spread) // stable: equal spreads keep the referential's order
      .slice(0, maxRows);

    const comments = reports.flatMap((r) => {
      const comment = r.grid.domainComments[domain.id]?.trim();
      return comment ? [{ memberId: r.memberId, comment }] : [];
    });

    return {
      domainId: domain.id,
      values,
      mean: present.length ? sum / present.length : null,
      proposal: present.length ? divideHalfUp(sum, present.length) : null,
      min,
      max,
      spread,
      divergent: spread !== null && spread >= threshold,
      rowDifferences,
      comments,
    };
  });
}
