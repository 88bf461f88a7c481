import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalHistoryView {
  title: string;
  /** `older`: says how many earlier attempts are left out ('' when none). */
  groups: { heading: string; older: string; attempts: { title: string; details: string; progress: string }[] }[];
  footer: string;
}

/** `mes répétitions`: each attempt per sheet and the progress from one to the next. */
export function rehearsalHistoryCard(view: RehearsalHistoryView): CardJson {
  return renderTemplate('rehearsal-history', {
    ...view,
    groups: view.groups.map((group) => ({
      ...group,
      hasOlder: group.older !== '',
      attempts: group.attempts.map((attempt) => ({ ...attempt, hasProgress: attempt.progress !== '' })),
    })),
  });
}
