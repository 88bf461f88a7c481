import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalRateView {
  title: string;
  question: string;
  scaleTitle: string;
  bands: { title: string; value: string }[];
  ratingLabel: string;
  typedNote: string;
  submit: string;
  rehearsalId: string;
  rev: number;
  questionId: string;
}

/** Question drill: the candidate places their answer on the questions scale. */
export function rehearsalRateCard(view: RehearsalRateView): CardJson {
  return renderTemplate('rehearsal-rate', view);
}
