import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app.js';
import { hasCredentials, loadConfig } from './config.js';
import { packageRoot } from './paths.js';
import { createServer } from './server.js';
import { localBaseUrl, startBanner } from './start-banner.js';

/** Process entry: config → app → listen; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const envFile = resolve(packageRoot(), '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);

  const config = loadConfig();
  const app = createApp({ config });
  const server = createServer(app);
  const address = await server.listen();
  // Timers and undelivered messages left by the previous run are picked up now.
  app.scheduler.start();
  void app.scheduler.tick();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  app.logger.info('listening', { url: `http://${host}:${address.port}`, messages: '/api/messages', health: '/healthz' });
  // For the person who typed npm start: where to go, in words (the JSON line is for log readers).
  if (config.LOG_LEVEL !== 'silent') process.stdout.write(startBanner(localBaseUrl(address), !hasCredentials(config)));

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.logger.info('stopping', { signal });
    await server.close();
    await app.close();
    app.logger.info('stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up errors (configuration, referential) are the operator's to fix: one clear line.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
