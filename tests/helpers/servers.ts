import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Started {
  child: ChildProcess;
  url: string;
  logs: string[];
  /** The bot's store folder (startBot only). */
  store?: string;
  /** Kills the process (SIGKILL: tests need no graceful stop) and removes its temp folders. */
  stop: () => Promise<void>;
}

/** Spawns `node args`, resolves with the URL `match` finds in its output (stdout and stderr both kept in `logs`). */
export function spawnUntil(args: string[], env: NodeJS.ProcessEnv, match: (text: string) => string | undefined, what: string, cwd = root, cleanup: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${what} did not start within 20 s:\n${logs.join('')}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      logs.push(chunk.toString());
      const url = match(logs.join(''));
      if (url) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => logs.push(more.toString()));
        resolve({ child, url, logs, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${logs.join('')}`));
    });
  });
}

/**
 * The compiled bot (dist/, built by the global setup) on 127.0.0.1 and a free
 * port, with its own temp store; resolves once it logs "listening".
 */
export async function startBot(env: Record<string, string> = {}): Promise<Started> {
  const store = mkdtempSync(join(tmpdir(), 'jury-bot-'));
  const started = await spawnUntil(
    ['dist/src/main.js'],
    { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', STORE_DIR: store, LOG_LEVEL: 'info', ...env },
    (text) => /"msg":"listening","url":"([^"]+)"/.exec(text)?.[1],
    'the bot',
    root,
    [store],
  );
  return { ...started, store };
}

/**
 * Microsoft's Agents Playground (Teams emulator, channel msteams) pointed at
 * the bot, on 127.0.0.1 and a free port, never opening a desktop browser.
 */
export function startPlayground(botUrl: string): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'jury-playground-'));
  return spawnUntil(
    [
      '--import',
      join(root, 'scripts', 'loopback-only.mjs'),
      join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
      '--app-endpoint',
      `${botUrl}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      '0',
      '--disable-telemetry',
    ],
    {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(root, '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
    },
    (text) => {
      const port = /Listening on (\d+)/.exec(text)?.[1];
      return port ? `http://127.0.0.1:${port}` : undefined;
    },
    'the Agents Playground',
    dir,
    [dir],
  );
}
