import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Activity } from 'botbuilder';
import type { App } from './app.js';
import { registerExportRoute } from './export/index.js';
import { parseEnvelope } from './http/activity-envelope.js';
import { registerLegalPages } from './http/legal-pages.js';
import { serviceUrlTrust } from './http/trusted-service-url.js';
import { registerPdfRoute } from './pdf/index.js';
import { hasCredentials } from './config.js';
import { registerWebChat } from './web/register-web-chat.js';

export interface RunningServer {
  server: restify.Server;
  /** Starts listening; resolves with the bound address. */
  listen: () => Promise<AddressInfo>;
  /** Stops accepting, then waits (bounded) for the turns in flight. */
  close: (graceMs?: number) => Promise<void>;
}

/** The HTTP edge: Bot Framework messages and a health check. */
export function createServer(app: App): RunningServer {
  const { config } = app;
  const server = restify.createServer({ name: 'jury-cqp-bot', handleUncaughtExceptions: false });
  // Without the body parser CloudAdapter answers 400; the size limit keeps one request from eating memory.
  server.use(restify.plugins.bodyParser({ maxBodySize: config.MAX_BODY_BYTES, mapParams: false }));

  let inFlight = 0;
  let idle: (() => void) | undefined;

  const trusted = serviceUrlTrust(hasCredentials(config));
  server.post('/api/messages', async (req, res) => {
    inFlight += 1;
    try {
      // Checked before the adapter: a malformed activity is the caller's error (400), never a turn.
      const envelope = parseEnvelope(req.body, trusted);
      if (envelope.type === 'invalid') {
        app.logger.info('activity refused', { outcome: 'bad_envelope' });
        res.send(400, { code: 'BadArgument', message: envelope.reason });
        return;
      }
      const authHeader = req.header('authorization') ?? '';
      const outcome = await app.adapter.processChecked(authHeader, envelope.activity as unknown as Activity, app.run);
      if (outcome.failure) app.logger.warn('activity not processed', { status: outcome.status, outcome: outcome.failure });
      if (outcome.body === undefined) res.send(outcome.status);
      else res.send(outcome.status, outcome.body);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  });

  server.get('/healthz', async (_req, res) => {
    const health = await app.health();
    res.send(health.status === 'ok' ? 200 : 503, health);
  });

  registerPdfRoute(server, app);
  // The manifest's privacy and terms links: in every mode, Teams shows them to every user.
  registerLegalPages(server, config);
  registerExportRoute(server, app);

  if (!hasCredentials(config)) registerWebChat(server, app);

  // Longer than the load balancer's idle timeout, so the balancer closes idle sockets first.
  server.server.keepAliveTimeout = config.KEEP_ALIVE_TIMEOUT_MS;
  server.server.headersTimeout = config.KEEP_ALIVE_TIMEOUT_MS + 1_000;

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          server.removeListener('error', reject);
          const address = server.address() as AddressInfo;
          app.listening(address);
          resolve(address);
        });
      }),
    close: async (graceMs = 10_000) => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections?.();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (idle = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.server.closeAllConnections?.();
      await stopped;
    },
  };
}
