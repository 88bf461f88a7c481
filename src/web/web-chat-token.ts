import { webChatIdentity, type WebChatIdentity } from './identity.js';

const PREFIX = 'demo.';

/**
 * The demo's Direct Line token: the self-declared name, encoded, not signed.
 * It proves nothing (anyone may open `?user=claire`); it only lets open tabs
 * keep working across a restart of the bot.
 */
export function tokenFor(identity: WebChatIdentity): string {
  return PREFIX + Buffer.from(JSON.stringify({ name: identity.name }), 'utf8').toString('base64url');
}

/** The identity a request's `Authorization: Bearer …` names, or undefined. */
export function identityFromAuthorization(header: string | string[] | undefined): WebChatIdentity | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+demo\.([A-Za-z0-9_-]{1,400})$/.exec(value ?? '');
  if (!match?.[1]) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as { name?: unknown };
    return typeof decoded.name === 'string' && decoded.name !== '' ? webChatIdentity(decoded.name) : undefined;
  } catch {
    return undefined;
  }
}
