import type { Criterion, RolePlay } from '../../referential/schema.js';
import { keywordsFound } from './keyword-match.js';

/** One observation rule applied to the candidate's answers: a hint, never a grade. */
export interface Observation {
  ruleId: string;
  criterionId: string;
  found: boolean;
  /** The rule's `found` or `missing` text, as the referential words it. */
  text: string;
  /** The keywords that triggered it (empty when missing). */
  keywords: string[];
}

/**
 * Runs every observation rule of the sheet over all the candidate's answers: a rule is
 * found when any of its keywords appears, as whole words, in any answer (see containsKeyword).
 */
export function observe(sheet: RolePlay, answers: readonly string[]): Observation[] {
  const all = answers.join('\n');
  return sheet.observationRules.map((rule) => {
    const keywords = keywordsFound(all, rule.keywords);
    const found = keywords.length > 0;
    return { ruleId: rule.id, criterionId: rule.criterion, found, text: found ? rule.found : rule.missing, keywords };
  });
}

/**
 * The success criteria still worth a hint: those the observation rules have not (all) found
 * in the answers so far, and those no rule can observe; empty when the answers show them all.
 */
export function criteriaToHint(sheet: RolePlay, answers: readonly string[]): Criterion[] {
  const observations = observe(sheet, answers);
  return sheet.successCriteria.filter((criterion) => {
    const rules = observations.filter((o) => o.criterionId === criterion.id);
    return rules.length === 0 || rules.some((o) => !o.found);
  });
}
