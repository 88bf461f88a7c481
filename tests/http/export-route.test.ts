import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkToken } from '../../src/pdf/index.js';
import { startBot } from '../helpers/servers.js';
import { seedSignedDay } from '../helpers/signed-day-store.js';
import { members, outsider, president, sessionRecord } from '../helpers/signed-synthesis.js';
import { readCsv } from '../helpers/spreadsheets.js';

const LINK_SECRET = 'http-test-link-secret-0123456789abcdef';
const SESSION_ID = sessionRecord().id;

const link = (userId: string, rest: string, now = new Date()) => `export/${createLinkToken('dayExport', { recordId: SESSION_ID, userId, now, secret: LINK_SECRET })}/${rest}`;

describe('GET /export/<token>/<lang>/<format> on the compiled server', () => {
  let server: Awaited<ReturnType<typeof startBot>>;
  let store: string;

  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), 'jury-export-'));
    // A day of two evaluations, one signed, one consolidated: records written before the server starts.
    await seedSignedDay(store);
    server = await startBot({ STORE_DIR: store, LINK_SECRET, LOG_HASH_SALT: 'salt' });
  });

  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(store, { recursive: true, force: true });
  });

  it('gives the president the ZIP: the spreadsheets and the one signed PDF, as an attachment, never cached', async () => {
    const response = await fetch(`${server.url}/${link(president.id, 'fr/zip')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="2026-11-28_resultats.zip"');
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    expect(Object.keys(zip.files).sort()).toEqual(['2026-11-28_resultats.csv', '2026-11-28_resultats.xlsx', '2026-11-28_Œuvray-Dupré_Léa.pdf']);
    const csv = await readCsv(await zip.file('2026-11-28_resultats.csv')!.async('nodebuffer'));
    expect(csv.rows.map((row) => row[1])).toEqual(['Nom du candidat', 'Œuvray-Dupré']);
    expect(csv.rows[1]?.slice(5, 8)).toEqual([60, 75, 45]);
  });

  it('refuses a member and someone off the jury with 403, an expired link with 410, a forged one with 404', async () => {
    for (const userId of [members[0]?.id ?? '', outsider.id]) {
      const response = await fetch(`${server.url}/${link(userId, 'fr/csv')}`);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('réservés au président');
    }
    const expired = await fetch(`${server.url}/${link(president.id, 'en/csv', new Date(Date.now() - 16 * 60_000))}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    const forged = createLinkToken('dayExport', { recordId: SESSION_ID, userId: president.id, now: new Date(), secret: 'x'.repeat(40) });
    expect((await fetch(`${server.url}/export/${forged}/fr/csv`)).status).toBe(404);
  });

  it('logs neither the candidate, the token nor a raw user id', () => {
    const logs = server.logs.join('');
    expect(logs).toContain('"msg":"export.served"');
    expect(logs).toContain('"msg":"export.refused"');
    expect(logs).not.toContain('Œuvray');
    expect(logs).not.toContain(president.id);
    expect(logs).not.toContain(link(president.id, '').slice(7, 47));
  });
});
