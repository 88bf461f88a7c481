import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalHistoryView {
  title: string;
  groups: { heading: string; attempts: { title: string; details: string; progress: string }[] }[];
  footer: string;
}

/** `mes répétitions`: each attempt per sheet and the progress from one to the next. */
export function rehearsalHistoryCard(view: RehearsalHistoryView): CardJson {
  return renderTemplate('rehearsal-history', {
    ...view,
    groups: view.groups.map((group) => ({
      ...group,
      attempts: group.attempts.map((attempt) => ({ ...attempt, hasProgress: attempt.progress !== '' })),
    })),
  });
}
