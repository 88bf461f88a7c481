import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalDebriefView {
  title: string;
  rehearsalId: string;
  rev: number;
  duration: string;
  conditionsHeading: string;
  conditions: string[];
  shapeHeading: string;
  /** How the call ended when it ended early ('' otherwise). */
  ending: string;
  /** One per line the client said: the line, then its time, whether the client pressed, the ideas heard. */
  relaunches: { text: string; details: string }[];
  notPlayedHeading: string;
  /** The sheet's lines left unplayed by an early end. */
  notPlayed: string[];
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

/** The end of a role play: the conversation's shape, observations as hints, self-assessment per criterion, self-rating, transcript with times. */
export function rehearsalDebriefCard(view: RehearsalDebriefView): CardJson {
  return renderTemplate('rehearsal-debrief', {
    ...view,
    hasConditions: view.conditions.length > 0,
    hasShape: view.relaunches.length > 0 || view.ending !== '',
    hasEnding: view.ending !== '',
    hasNotPlayed: view.notPlayed.length > 0,
  });
}
