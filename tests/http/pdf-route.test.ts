import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../helpers/servers.js';
import { seedSignedDay } from '../helpers/signed-day-store.js';
import { createPdfToken } from '../../src/pdf/index.js';
import { EVALUATION_ID, members, outsider, president, UNSIGNED_EVALUATION_ID } from '../helpers/signed-synthesis.js';

const LINK_SECRET = 'http-test-link-secret-0123456789abcdef';


const token = (evaluationId: string, userId: string, now = new Date()) => createPdfToken({ evaluationId, userId, now, secret: LINK_SECRET });

describe('GET /pdf/:token on the compiled server', () => {
  let server: Awaited<ReturnType<typeof startBot>>;
  let store: string;

  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), 'jury-pdf-'));
    // The records a signed evaluation leaves in storage, written before the server starts.
    await seedSignedDay(store);
    server = await startBot({ STORE_DIR: store, LINK_SECRET, LOG_HASH_SALT: 'salt' });
  });

  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(store, { recursive: true, force: true });
  });

  it('answers a member with the PDF, inline, never cached, named in ASCII', async () => {
    const link = token(EVALUATION_ID, members[0]?.id ?? '');
    expect(link.length).toBeGreaterThan(150);
    const response = await fetch(`${server.url}/pdf/${link}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="synthese-oeuvray-dupre-2026-11-28.pdf"');
    const pdf = new Uint8Array(await response.arrayBuffer());
    const parser = new PDFParse({ data: pdf });
    try {
      const { text } = await parser.getText();
      expect(text.replace(/\s+/g, ' ')).toContain('Œuvray-Dupré Léa');
      expect(text.replace(/\s+/g, ' ')).toContain('Signé par Claire Martin le 28/11/2026 à 14 h 05');
    } finally {
      await parser.destroy();
    }
  });

  it('answers the president too', async () => {
    const response = await fetch(`${server.url}/pdf/${token(EVALUATION_ID, president.id)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
  });

  it('answers 410 with a French message to a link older than 15 minutes', async () => {
    const response = await fetch(`${server.url}/pdf/${token(EVALUATION_ID, president.id, new Date(Date.now() - 16 * 60_000))}`);
    expect(response.status).toBe(410);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('Ce lien a expiré');
  });

  it('refuses someone off the jury without the PDF', async () => {
    const response = await fetch(`${server.url}/pdf/${token(EVALUATION_ID, outsider.id)}`);
    expect([403, 404]).toContain(response.status);
    expect(response.headers.get('content-type')).not.toBe('application/pdf');
    expect(await response.text()).not.toContain('%PDF');
  });

  it('answers 404 while the synthesis is not signed', async () => {
    const response = await fetch(`${server.url}/pdf/${token(UNSIGNED_EVALUATION_ID, president.id)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('%PDF');
  });

  it.each([
    ['a link signed with another secret', createPdfToken({ evaluationId: EVALUATION_ID, userId: president.id, now: new Date(), secret: 'x'.repeat(40) })],
    ['an altered link', `${token(EVALUATION_ID, president.id).slice(0, -3)}abc`],
    ['garbage', 'not-a-token'],
    ['an unknown evaluation', token('evaluation-nope', president.id)],
  ])('answers 404 to %s', async (_label, bad) => {
    const response = await fetch(`${server.url}/pdf/${bad}`);
    expect(response.status).toBe(404);
  });

  it('logs neither the candidate, the token nor a raw user id', () => {
    const logs = server.logs.join('');
    expect(logs).toContain('"msg":"pdf.served"');
    expect(logs).not.toContain('Œuvray');
    expect(logs).not.toContain(president.id);
    // The first 40 characters of a token encode its first 30 bytes: the same for every link to this evaluation.
    expect(logs).not.toContain(token(EVALUATION_ID, president.id).slice(0, 40));
  });
});
