import type { Referential } from '../../referential/schema.js';

/** One question of the grid, with where it comes from. */
export interface DrillQuestion {
  id: string;
  text: string;
  rowId: string;
  rowTitle: string;
  domainTitle: string;
}

/** Every question of every row of the grid, in the referential's order: what the drill asks. */
export function drillQuestions(referential: Referential): DrillQuestion[] {
  return referential.domains.flatMap((domain) =>
    domain.rows.flatMap((row) =>
      row.questions.map((question) => ({
        id: question.id,
        text: question.text,
        rowId: row.id,
        rowTitle: row.title,
        domainTitle: domain.title,
      })),
    ),
  );
}

/** The question scale (answers to questions and role plays) the candidate rates themselves on. */
export function questionsScale(referential: Referential) {
  const scale = referential.scales.list.find((s) => s.id === 'questions');
  if (!scale) throw new Error(`referential ${referential.id} has no "questions" scale`);
  return scale;
}
