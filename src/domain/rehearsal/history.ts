import type { RolePlay } from '../../referential/schema.js';
import type { Rehearsal } from '../model.js';
import { meanHalfUp } from '../round-half-up.js';

/** One past attempt as `mes répétitions` lists it. */
export interface AttemptSummary {
  id: string;
  referentialId: string;
  sheet: number;
  mode: Rehearsal['mode'];
  state: Rehearsal['state'];
  startedAt: string;
  /** From the start of the play to its end (closing line, last drill question); null when it never ended. */
  durationMs: number | null;
  acquis: number;
  aTravailler: number;
  rating: number | null;
  /** Compared with the previous completed attempt at the same sheet; absent for the first. */
  progress?: AttemptProgress;
}

export interface AttemptProgress {
  /** Self-rating now minus before, in points; null when either has none. */
  ratingDelta: number | null;
  /** Duration now minus before, in ms (negative: faster); null when either has none. */
  durationDeltaMs: number | null;
}

/** Attempts that count in the history: started ones (a briefing never started is not an attempt). */
function isAttempt(rehearsal: Rehearsal): boolean {
  return rehearsal.state !== 'briefing';
}

function isCompleted(rehearsal: Rehearsal): boolean {
  return rehearsal.state === 'done' || rehearsal.state === 'debrief';
}

/**
 * The user's attempts grouped by sheet (sheets in ascending order, the drill last), each
 * group oldest first; every completed attempt carries its progress over the previous
 * completed one of the same sheet. Interrupted attempts are listed, never compared.
 */
export function rehearsalHistory(rehearsals: readonly Rehearsal[]): { sheet: number; attempts: AttemptSummary[] }[] {
  const bySheet = new Map<number, Rehearsal[]>();
  for (const rehearsal of [...rehearsals].filter(isAttempt).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))) {
    bySheet.set(rehearsal.sheet, [...(bySheet.get(rehearsal.sheet) ?? []), rehearsal]);
  }
  const sheets = [...bySheet.keys()].sort((a, b) => (a === 0 ? Infinity : a) - (b === 0 ? Infinity : b));
  return sheets.map((sheet) => {
    let previous: AttemptSummary | undefined;
    const attempts = (bySheet.get(sheet) ?? []).map((rehearsal) => {
      const summary = summarize(rehearsal);
      if (isCompleted(rehearsal)) {
        if (previous) summary.progress = progressBetween(previous, summary);
        previous = summary;
      }
      return summary;
    });
    return { sheet, attempts };
  });
}

export function summarize(rehearsal: Rehearsal): AttemptSummary {
  const values = Object.values(rehearsal.selfAssessment);
  return {
    id: rehearsal.id,
    referentialId: rehearsal.referentialId,
    sheet: rehearsal.sheet,
    mode: rehearsal.mode,
    state: rehearsal.state,
    startedAt: rehearsal.startedAt,
    durationMs: rehearsal.endedAt && isCompleted(rehearsal) ? Date.parse(rehearsal.endedAt) - Date.parse(rehearsal.startedAt) : null,
    acquis: values.filter((v) => v === 'acquis').length,
    aTravailler: values.filter((v) => v === 'a_travailler').length,
    rating: ratingOf(rehearsal),
  };
}

/**
 * The self-rating; for a drill stopped before its end (no self-rating yet), the mean of the
 * questions rated so far, rounded half up as the finished drill does; null when none was rated.
 */
function ratingOf(rehearsal: Rehearsal): number | null {
  if (rehearsal.selfRating !== null || rehearsal.mode !== 'drill') return rehearsal.selfRating;
  return meanHalfUp(Object.values(rehearsal.questionRatings ?? {}));
}

export function progressBetween(before: AttemptSummary, after: AttemptSummary): AttemptProgress {
  return {
    ratingDelta: before.rating !== null && after.rating !== null ? after.rating - before.rating : null,
    durationDeltaMs: before.durationMs !== null && after.durationMs !== null ? after.durationMs - before.durationMs : null,
  };
}

/** One success criterion across the latest completed attempts at a sheet. */
export interface CriterionProgress {
  criterionId: string;
  text: string;
  /** In how many of those attempts the candidate ticked it « acquis ». */
  acquired: number;
  /** How many attempts were looked at (at most `last`). */
  of: number;
}

/**
 * Per success criterion of the sheet, in how many of the last `last` debriefed attempts at it
 * (`done`) the candidate judged it acquired; empty when none was debriefed yet.
 */
export function criteriaProgress(rehearsals: readonly Rehearsal[], referentialId: string, sheet: RolePlay, last = 3): CriterionProgress[] {
  const recent = rehearsals
    .filter((r) => r.referentialId === referentialId && r.sheet === sheet.number && r.state === 'done')
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
    .slice(-last);
  if (recent.length === 0) return [];
  return sheet.successCriteria.map((criterion) => ({
    criterionId: criterion.id,
    text: criterion.text,
    acquired: recent.filter((r) => r.selfAssessment[criterion.id] === 'acquis').length,
    of: recent.length,
  }));
}
