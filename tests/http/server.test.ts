import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startBot } from '../helpers/servers.js';



function messageActivity(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:ines', name: 'Inès Roy', aadObjectId: 'ines' },
    recipient: { id: '28:bot', name: 'Jury CQP' },
    conversation: { id: 'personal:ines', conversationType: 'personal' },
    locale: 'fr-FR',
    text,
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

describe('the compiled server over HTTP', () => {
  let server: Awaited<ReturnType<typeof startBot>>;
  let store: string;

  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), 'jury-http-'));
    server = await startBot({ STORE_DIR: store });
  });

  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(store, { recursive: true, force: true });
  });

  it('answers GET /healthz with 200, the version and the storage status', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', storage: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('returns the help reply in the HTTP body when deliveryMode is expectReplies', async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('aide')),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { attachments?: { content: unknown }[] }[] };
    expect(body.activities).toHaveLength(1);
    expect(JSON.stringify(body.activities[0]?.attachments?.[0]?.content)).toContain('Ce que je sais faire');
  });

  it('refuses a body larger than the configured limit', async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('x'.repeat(2_000_000))),
    });
    expect(response.status).toBe(413);
  });

  it('logs no message text', () => {
    expect(server.logs.join('')).not.toContain('Ce que je sais faire');
    expect(server.logs.join('')).not.toContain('Inès');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.logs.join('')).toContain('"msg":"stopped"');
  });
});

describe('start-up errors', () => {
  it('fails with one message naming the file and the JSON path when a referential is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jury-ref-'));
    try {
      const referential = JSON.parse(readFileSync(join(root, 'data/referentiels/cqp-agc.json'), 'utf8'));
      referential.domains[1].rows[0].questions[0].text = '';
      writeFileSync(join(dir, 'cqp-casse.json'), JSON.stringify(referential));
      await expect(startBot({ REFERENTIALS_DIR: dir })).rejects.toThrow(/cqp-casse\.json.*\$\.domains\[1\]\.rows\[0\]\.questions\[0\]\.text/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with one message naming the variable when the configuration is invalid', async () => {
    await expect(startBot({ PORT: 'not-a-port' })).rejects.toThrow(/PORT/);
  });
});
