import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dayExportUrls } from '../../src/export/index.js';
import { createLinkToken, createPdfToken, pdfUrl, verifyLinkToken, verifyPdfToken } from '../../src/pdf/index.js';

const secret = 'a-test-secret-of-at-least-32-characters!';
const now = new Date('2026-11-28T13:06:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const token = createPdfToken({ evaluationId: 'evaluation-1', userId: 'aad-claire', now, secret });

describe('PDF link tokens', () => {
  it('round-trips the evaluation and the user, and is URL-safe', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyPdfToken(token, { now, secret })).toEqual({
      type: 'ok',
      evaluationId: 'evaluation-1',
      userId: 'aad-claire',
      expiresAt: minutes(15),
    });
  });

  it('keeps ids holding dots, slashes and accents intact', () => {
    const odd = createPdfToken({ evaluationId: 'éval/2026.11?x=1', userId: '29:1a-B.c', now, secret });
    expect(verifyPdfToken(odd, { now, secret })).toMatchObject({ type: 'ok', evaluationId: 'éval/2026.11?x=1', userId: '29:1a-B.c' });
  });

  it('is valid until just before 15 minutes, expired at exactly 15 minutes', () => {
    expect(verifyPdfToken(token, { now: new Date(minutes(15).getTime() - 1), secret }).type).toBe('ok');
    expect(verifyPdfToken(token, { now: minutes(15), secret })).toEqual({ type: 'expired' });
    expect(verifyPdfToken(token, { now: minutes(60), secret })).toEqual({ type: 'expired' });
  });

  it('honours another lifetime', () => {
    const short = createPdfToken({ evaluationId: 'e', userId: 'u', now, secret, ttlMs: 60_000 });
    expect(verifyPdfToken(short, { now: minutes(1), secret }).type).toBe('expired');
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyPdfToken(token, { now, secret: 'another-secret-of-at-least-32-characters' })).toEqual({ type: 'invalid' });
  });

  it('refuses a token whose body names another user, even expired ones', () => {
    const [, signature] = token.split('.');
    const expiry = minutes(15).getTime();
    const otherUser = Buffer.from(JSON.stringify(['evaluation-1', 'aad-zoe', expiry])).toString('base64url');
    const later = Buffer.from(JSON.stringify(['evaluation-1', 'aad-claire', expiry + 86_400_000])).toString('base64url');
    expect(verifyPdfToken(`${otherUser}.${signature}`, { now, secret })).toEqual({ type: 'invalid' });
    expect(verifyPdfToken(`${later}.${signature}`, { now, secret })).toEqual({ type: 'invalid' });
    expect(verifyPdfToken(`${otherUser}.${signature}`, { now: minutes(30), secret })).toEqual({ type: 'invalid' });
  });

  it('gives different tokens to different users of the same evaluation', () => {
    const forZoe = createPdfToken({ evaluationId: 'evaluation-1', userId: 'aad-zoe', now, secret });
    expect(forZoe).not.toBe(token);
    expect(verifyPdfToken(forZoe, { now, secret })).toMatchObject({ type: 'ok', userId: 'aad-zoe' });
  });

  it.each([
    ['a flipped signature character', token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA')],
    ['a truncated signature', token.slice(0, -4)],
    ['no signature', token.split('.')[0] ?? ''],
    ['an extra segment', `${token}.x`],
    ['characters outside base64url', token.replace(/^./, '+')],
    ['an empty string', ''],
    ['a signed body that is not the expected JSON', signedGarbage()],
  ])('refuses %s', (_label, tampered) => {
    expect(verifyPdfToken(tampered, { now, secret })).toEqual({ type: 'invalid' });
  });

  it('signs the way signedGarbage() re-signs (so that case fails on the body, not on the signature)', () => {
    const body = token.split('.')[0] ?? '';
    const signature = createHmac('sha256', secret).update('jury-cqp/pdf-link/v1').update('\n').update(body).digest('base64url');
    expect(`${body}.${signature}`).toBe(token);
  });
});

describe('pdfUrl', () => {
  it('builds a link under PUBLIC_BASE_URL, keeping a path prefix, with its expiry', () => {
    const link = pdfUrl({ PUBLIC_BASE_URL: 'https://bot.example.fr/jury', secret }, { evaluationId: 'evaluation-1', userId: 'aad-claire', now });
    expect(link.expiresAt).toEqual(minutes(15));
    expect(link.url).toMatch(/^https:\/\/bot\.example\.fr\/jury\/pdf\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const tokenInUrl = link.url.split('/pdf/')[1] ?? '';
    expect(verifyPdfToken(tokenInUrl, { now, secret })).toMatchObject({ type: 'ok', evaluationId: 'evaluation-1', userId: 'aad-claire' });
  });

  it('accepts a base URL with a trailing slash', () => {
    const link = pdfUrl({ PUBLIC_BASE_URL: 'http://localhost:3978/', secret }, { evaluationId: 'e', userId: 'u', now });
    expect(link.url).toMatch(/^http:\/\/localhost:3978\/pdf\/[^/]+$/);
  });
});

/** A body correctly signed (same recipe as the module) but not [evaluationId, userId, expiry]. */
function signedGarbage(): string {
  const body = Buffer.from(JSON.stringify({ not: 'a tuple' })).toString('base64url');
  const signature = createHmac('sha256', secret).update('jury-cqp/pdf-link/v1').update('\n').update(body).digest('base64url');
  return `${body}.${signature}`;
}

describe('day export links', () => {
  it('share the mechanism under their own purpose: neither kind of token opens the other', () => {
    const exportToken = createLinkToken('dayExport', { recordId: 'session-1', userId: 'aad-claire', now, secret });
    expect(verifyLinkToken('dayExport', exportToken, { now, secret })).toEqual({ type: 'ok', recordId: 'session-1', userId: 'aad-claire', expiresAt: minutes(15) });
    expect(verifyPdfToken(exportToken, { now, secret })).toEqual({ type: 'invalid' });
    expect(verifyLinkToken('dayExport', token, { now, secret })).toEqual({ type: 'invalid' });
    expect(verifyLinkToken('dayExport', exportToken, { now: minutes(15), secret })).toEqual({ type: 'expired' });
  });

  it('are three links under PUBLIC_BASE_URL, one token, the language and the format in the path', () => {
    const links = dayExportUrls({ PUBLIC_BASE_URL: 'https://bot.example.fr/jury', secret }, { sessionId: 'session-1', userId: 'aad-claire', now, lang: 'en' });
    expect(links.expiresAt).toEqual(minutes(15));
    const pattern = /^https:\/\/bot\.example\.fr\/jury\/export\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\/en\/(zip|xlsx|csv)$/;
    const tokens = [links.zip, links.xlsx, links.csv].map((url) => pattern.exec(url)?.[1]);
    expect(new Set(tokens).size).toBe(1);
    expect(verifyLinkToken('dayExport', tokens[0] ?? '', { now, secret })).toMatchObject({ type: 'ok', recordId: 'session-1' });
    expect([links.zip, links.xlsx, links.csv].map((url) => url.split('/').pop())).toEqual(['zip', 'xlsx', 'csv']);
  });
});
