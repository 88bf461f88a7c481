import type { Referential } from '../referential/schema.js';
import { LIMITS } from './model.js';
import type { Invalid } from './outcome.js';
import { invalid } from './outcome.js';

/**
 * Merges typed per-domain comments into the current ones: known domains only, trimmed,
 * at most LIMITS.domainComment characters; an empty comment removes the domain's.
 */
export function checkDomainComments(
  current: Readonly<Record<string, string>>,
  typed: Readonly<Record<string, string>>,
  referential: Referential,
): { type: 'ok'; comments: Record<string, string> } | Invalid {
  const comments: Record<string, string> = { ...current };
  for (const [domainId, text] of Object.entries(typed)) {
    if (!referential.domains.some((d) => d.id === domainId)) return invalid('unknown_domain', { field: 'comments', ids: [domainId] });
    const comment = text.trim();
    if (comment.length > LIMITS.domainComment) return invalid('comment_too_long', { field: 'comments', ids: [domainId] });
    if (comment) comments[domainId] = comment;
    else delete comments[domainId];
  }
  return { type: 'ok', comments };
}
