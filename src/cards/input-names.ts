/**
 * The names of a card's inputs, written by the card and read back by the bot's parser through
 * these same names, so a rename cannot leave one side behind.
 */

/** The row card's inputs (cards/row.json takes them as `inputs`); the grid.save schema has them as keys. */
export const ROW_INPUTS = {
  questionsUsed: 'questionsUsed',
  notes: 'notes',
  source: 'source',
  percentage: 'percentage',
  notEvaluated: 'notEvaluated',
  notEvaluatedReason: 'notEvaluatedReason',
  gotoRow: 'gotoRow',
} as const;

const COMMENT = 'comment_';

export const inputNames = {
  /** The report card's comment on a domain. */
  comment: (domainId: string) => `${COMMENT}${domainId}`,
  /** The domain id a report-card input comments on; undefined for any other input. */
  commentedDomain: (name: string): string | undefined => (name.startsWith(COMMENT) ? name.slice(COMMENT.length) : undefined),
  /** The consolidation card's agreed percentage for a domain. */
  agreed: (domainId: string) => `agreed_${domainId}`,
  /** The consolidation card's *non évalué* toggle for a domain. */
  notEvaluated: (domainId: string) => `notEvaluated_${domainId}`,
  /** The consolidation card's *non évalué* reason for a domain. */
  reason: (domainId: string) => `reason_${domainId}`,
} as const;
