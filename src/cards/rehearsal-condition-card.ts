import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalConditionView {
  title: string;
  intro: string;
  /** The condition's question, from the referential. */
  question: string;
  rehearsalId: string;
  rev: number;
  conditionId: string;
  yes: string;
  no: string;
}

/** The keywords could not tell whether the condition is met: oui / non. */
export function rehearsalConditionCard(view: RehearsalConditionView): CardJson {
  const { yes, no, ...rest } = view;
  return renderTemplate('rehearsal-condition', {
    ...rest,
    answers: [
      { title: yes, answer: 'oui' },
      { title: no, answer: 'non' },
    ],
  });
}
