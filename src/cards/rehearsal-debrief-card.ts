import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalDebriefView {
  title: string;
  rehearsalId: string;
  rev: number;
  duration: string;
  conditionsHeading: string;
  conditions: string[];
  observationsHeading: string;
  observationsNote: string;
  observations: { text: string }[];
  criteriaHeading: string;
  acquisLabel: string;
  aTravaillerLabel: string;
  /** One choice per success criterion; `value` is what was saved ('' when nothing yet). */
  criteria: { inputId: string; label: string; value: string }[];
  ratingHeading: string;
  scaleTitle: string;
  bands: { title: string; value: string }[];
  ratingLabel: string;
  transcriptHeading: string;
  transcript: { speaker: string; text: string }[];
  submit: string;
}

/** The end of a role play: observations as hints, self-assessment per criterion, self-rating, transcript with times. */
export function rehearsalDebriefCard(view: RehearsalDebriefView): CardJson {
  return renderTemplate('rehearsal-debrief', { ...view, hasConditions: view.conditions.length > 0 });
}
