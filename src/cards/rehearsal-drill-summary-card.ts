import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalDrillSummaryView {
  title: string;
  intro: string;
  questions: { heading: string; question: string; answer: string; details: string }[];
}

/** Question drill, at the end: each question with the answer, its time and its self-rating. */
export function rehearsalDrillSummaryCard(view: RehearsalDrillSummaryView): CardJson {
  return renderTemplate('rehearsal-drill-summary', view);
}
