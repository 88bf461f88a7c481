import { createHash } from 'node:crypto';
import { foldForMatch } from '../referential/verbatim.js';

/** Who a web chat tab says it is (`?user=claire`). Self-declared: demo use only. */
export interface WebChatIdentity {
  /** The channel's user id (`from.id`). */
  id: string;
  /** Stands in for Teams' `aadObjectId`, which the bot keys people by. */
  aadObjectId: string;
  name: string;
  /** One conversation per person, so a reloaded tab or a second tab finds its history. */
  conversationId: string;
}

const MAX_NAME = 60;
const DEFAULT_NAME = 'visiteur';

/** The same name always gives the same ids, whatever its case and accents ("Inès" = "ines"). */
export function webChatIdentity(rawName: unknown): WebChatIdentity {
  const cleaned = typeof rawName === 'string' ? rawName.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) : '';
  const given = cleaned === '' ? DEFAULT_NAME : cleaned;
  const name = given.charAt(0).toUpperCase() + given.slice(1);
  const folded = foldForMatch(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  // Names with no Latin letter or digit still need a stable, distinct key.
  const slug = folded === '' ? `u${createHash('sha256').update(name).digest('hex').slice(0, 12)}` : folded;
  return { id: `webchat:${slug}`, aadObjectId: `local:${slug}`, name, conversationId: `webchat-${slug}` };
}
