// npm run dev — the compiled bot and Microsoft's Agents Playground (a local
// Teams emulator) side by side; Ctrl-C stops both. No dependency beyond the
// playground itself (devDependency @microsoft/m365agentsplayground).
//   TEAMSAPPTESTER_BROWSER=none   do not open a desktop browser
//   TEAMSAPPTESTER_PORT=56150     the playground's port (default 56150, another free one if taken)
//   BOT_LOCALE=fr                 the bot's reply language (default fr here: the playground sends en-US)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const envFile = join(root, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const children = new Set();
let stopping = false;

function start(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      process.stderr.write(`dev: ${name} stopped (${signal ?? `code ${code}`}); stopping the rest.\n`);
      stop(code ?? 1);
    } else if (children.size === 0) process.exit(0);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (children.size === 0) process.exit(code);
  for (const child of children) child.kill('SIGTERM');
  // The bot waits for turns in flight (10 s at most); don't hang forever.
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(code);
  }, 15_000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// As npm start: restify 11's known process.binding('http_parser') warning (DEP0111) is kept
// out of the console, nothing else. BOT_LOCALE=fr: the playground sends every message as
// en-US, so without it the bot would answer in English beside the guide's French texts.
const bot = start('the bot', ['--disable-warning=DEP0111', join(root, 'dist', 'src', 'main.js')], { BOT_LOCALE: process.env.BOT_LOCALE || 'fr' });
let playgroundStarted = false;
bot.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const match = /"msg":"listening","url":"([^"]+)"/.exec(chunk.toString());
  if (match?.[1] && !playgroundStarted) {
    playgroundStarted = true;
    startPlayground(`${match[1]}/api/messages`);
  }
});

function startPlayground(endpoint) {
  const args = [
    '--import',
    join(root, 'scripts', 'loopback-only.mjs'),
    join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
    '--app-endpoint',
    endpoint,
    '--channel-id',
    'msteams',
    '--disable-telemetry',
  ];
  // With app credentials the bot checks tokens: the playground then signs its requests.
  if (process.env.MicrosoftAppId) {
    args.push('--client-id', process.env.MicrosoftAppId, '--client-secret', process.env.MicrosoftAppPassword ?? '', '--tenant-id', process.env.MicrosoftAppTenantId ?? '');
  }
  const logFile = process.env.M365_AGENTS_PLAYGROUND_LOGFILE || join(tmpdir(), 'jury-cqp-playground.log');
  const playground = start('the Agents Playground', args, {
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH || join(root, '.m365agentsplayground.yml'),
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  });
  playground.stdout.on('data', (chunk) => {
    const match = /Listening on (\d+)/.exec(chunk.toString());
    if (match) {
      process.stdout.write(`\nAgents Playground: http://127.0.0.1:${match[1]}  (bot: ${endpoint}; playground log: ${logFile}; Ctrl-C stops both)\n\n`);
    } else process.stdout.write(chunk);
  });
}
