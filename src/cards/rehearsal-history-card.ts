import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalHistoryView {
  title: string;
  /** `older`: says how many earlier attempts are left out ('' when none). */
  /** `criteria`: per success criterion, in how many of the latest attempts it was acquired (empty for the drill, or before any debrief). */
  groups: {
    heading: string;
    older: string;
    attempts: { title: string; details: string; progress: string }[];
    criteriaHeading: string;
    criteria: string[];
  }[];
  footer: string;
}

/** `mes répétitions`: each attempt per sheet, the progress from one to the next, and per criterion. */
export function rehearsalHistoryCard(view: RehearsalHistoryView): CardJson {
  return renderTemplate('rehearsal-history', {
    ...view,
    groups: view.groups.map((group) => ({
      ...group,
      hasOlder: group.older !== '',
      hasCriteria: group.criteria.length > 0,
      attempts: group.attempts.map((attempt) => ({ ...attempt, hasProgress: attempt.progress !== '' })),
    })),
  });
}
