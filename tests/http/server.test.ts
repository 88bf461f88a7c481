import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the compiled server on an ephemeral port and waits for its "listening" log line. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; logs: string[] }> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('')}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      logs.push(chunk.toString());
      const match = /"msg":"listening","url":"([^"]+)"/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join('')}`));
    });
  });
  return { child, url, logs };
}

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
  let server: Awaited<ReturnType<typeof startServer>>;
  let store: string;

  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), 'jury-http-'));
    server = await startServer({ STORE_DIR: store });
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
      await expect(startServer({ REFERENTIALS_DIR: dir })).rejects.toThrow(/cqp-casse\.json.*\$\.domains\[1\]\.rows\[0\]\.questions\[0\]\.text/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with one message naming the variable when the configuration is invalid', async () => {
    await expect(startServer({ PORT: 'not-a-port' })).rejects.toThrow(/PORT/);
  });
});
