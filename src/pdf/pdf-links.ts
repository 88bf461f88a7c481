import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Signed, expiring links: to the printable synthesis, and to the jury day's export. A token
 * names one record (an evaluation, a jury day) and one user and carries its expiry; the
 * server keeps nothing, so whoever holds the link may open it until it expires — hence the
 * short default life. Each route checks the user's role again when the link is opened.
 */

export const PDF_LINK_TTL_MS = 15 * 60 * 1000;

/** Mixed into the HMAC so a token made for one purpose (a PDF) never opens another (a day's export). */
export const LINK_PURPOSES = {
  pdf: 'jury-cqp/pdf-link/v1',
  dayExport: 'jury-cqp/day-export/v1',
} as const;
export type LinkPurpose = keyof typeof LINK_PURPOSES;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

const bodySchema = z.tuple([z.string().min(1), z.string().min(1), z.number().int().positive()]);

export interface CreateLinkTokenInput {
  recordId: string;
  userId: string;
  now: Date;
  secret: string;
  ttlMs?: number;
}

export type LinkTokenCheck =
  | { type: 'ok'; recordId: string; userId: string; expiresAt: Date }
  | { type: 'expired' }
  | { type: 'invalid' };

export type CreatePdfTokenInput = Omit<CreateLinkTokenInput, 'recordId'> & { evaluationId: string };

export type PdfTokenCheck =
  | { type: 'ok'; evaluationId: string; userId: string; expiresAt: Date }
  | { type: 'expired' }
  | { type: 'invalid' };

function sign(body: string, secret: string, purpose: LinkPurpose): Buffer {
  return createHmac('sha256', secret).update(LINK_PURPOSES[purpose]).update('\n').update(body).digest();
}

/** The expiry time of a token created at `now` (what the bot tells the user). */
export function pdfTokenExpiry(now: Date, ttlMs = PDF_LINK_TTL_MS): Date {
  return new Date(now.getTime() + ttlMs);
}

/**
 * A URL-safe token `<body>.<signature>`: the body is base64url JSON of
 * [recordId, userId, expiry in ms], the signature a base64url HMAC-SHA256 of it and the purpose.
 */
export function createLinkToken(purpose: LinkPurpose, { recordId, userId, now, secret, ttlMs = PDF_LINK_TTL_MS }: CreateLinkTokenInput): string {
  const body = Buffer.from(JSON.stringify([recordId, userId, pdfTokenExpiry(now, ttlMs).getTime()]), 'utf8').toString('base64url');
  return `${body}.${sign(body, secret, purpose).toString('base64url')}`;
}

/**
 * Checks the signature first (timing-safe), then the expiry: a forged or altered token, or one
 * made for another purpose, is `invalid` whatever its date. Valid strictly before its expiry instant.
 */
export function verifyLinkToken(purpose: LinkPurpose, token: string, { now, secret }: { now: Date; secret: string }): LinkTokenCheck {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0 || !SEGMENT.test(body) || !SEGMENT.test(signature)) return { type: 'invalid' };
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(body, secret, purpose);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { type: 'invalid' };

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { type: 'invalid' };
  }
  const parsed = bodySchema.safeParse(decoded);
  if (!parsed.success) return { type: 'invalid' };
  const [recordId, userId, expiresAtMs] = parsed.data;
  if (now.getTime() >= expiresAtMs) return { type: 'expired' };
  return { type: 'ok', recordId, userId, expiresAt: new Date(expiresAtMs) };
}

/** A token opening one evaluation's printable synthesis for one user. */
export function createPdfToken({ evaluationId, ...rest }: CreatePdfTokenInput): string {
  return createLinkToken('pdf', { recordId: evaluationId, ...rest });
}

export function verifyPdfToken(token: string, options: { now: Date; secret: string }): PdfTokenCheck {
  const check = verifyLinkToken('pdf', token, options);
  if (check.type !== 'ok') return check;
  const { recordId, ...rest } = check;
  return { ...rest, evaluationId: recordId };
}
