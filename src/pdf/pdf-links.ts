import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Signed, expiring links to the printable synthesis. A token names one evaluation and
 * one user and carries its expiry; the server keeps nothing, so whoever holds the link
 * may open it until it expires — hence the short default life. The route checks the
 * user's membership again when the link is opened.
 */

export const PDF_LINK_TTL_MS = 15 * 60 * 1000;

/** Mixed into the HMAC so a signature made for another purpose never verifies here. */
const PURPOSE = 'jury-cqp/pdf-link/v1';
const SEGMENT = /^[A-Za-z0-9_-]+$/;

const bodySchema = z.tuple([z.string().min(1), z.string().min(1), z.number().int().positive()]);

export interface CreatePdfTokenInput {
  evaluationId: string;
  userId: string;
  now: Date;
  secret: string;
  ttlMs?: number;
}

export type PdfTokenCheck =
  | { type: 'ok'; evaluationId: string; userId: string; expiresAt: Date }
  | { type: 'expired' }
  | { type: 'invalid' };

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).update('\n').update(body).digest();
}

/** The expiry time of a token created at `now` (what the bot tells the user). */
export function pdfTokenExpiry(now: Date, ttlMs = PDF_LINK_TTL_MS): Date {
  return new Date(now.getTime() + ttlMs);
}

/**
 * A URL-safe token `<body>.<signature>`: the body is base64url JSON of
 * [evaluationId, userId, expiry in ms], the signature a base64url HMAC-SHA256 of it.
 */
export function createPdfToken({ evaluationId, userId, now, secret, ttlMs = PDF_LINK_TTL_MS }: CreatePdfTokenInput): string {
  const body = Buffer.from(JSON.stringify([evaluationId, userId, pdfTokenExpiry(now, ttlMs).getTime()]), 'utf8').toString('base64url');
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

/**
 * Checks the signature first (timing-safe), then the expiry: a forged or altered token is
 * `invalid` whatever its date. A token is valid strictly before its expiry instant.
 */
export function verifyPdfToken(token: string, { now, secret }: { now: Date; secret: string }): PdfTokenCheck {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0 || !SEGMENT.test(body) || !SEGMENT.test(signature)) return { type: 'invalid' };
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { type: 'invalid' };

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { type: 'invalid' };
  }
  const parsed = bodySchema.safeParse(decoded);
  if (!parsed.success) return { type: 'invalid' };
  const [evaluationId, userId, expiresAtMs] = parsed.data;
  if (now.getTime() >= expiresAtMs) return { type: 'expired' };
  return { type: 'ok', evaluationId, userId, expiresAt: new Date(expiresAtMs) };
}
