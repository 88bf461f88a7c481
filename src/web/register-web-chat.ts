import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import type { App } from '../app.js';
import { hasCredentials } from '../config.js';
import { fromRoot } from '../paths.js';
import { registerConnectorRoutes } from './connector-routes.js';
import { registerDirectLineRoutes } from './direct-line-routes.js';
import { WebChatChannel } from './web-chat-channel.js';

/** The official Web Chat bundle, from the installed package (never a CDN). */
function webChatBundle(): string {
  // The package exports only its entry point (lib/index.js); the bundle sits beside it in dist/.
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

/** http://127.0.0.1:port/ for a server on every interface: the bot calls itself over loopback. */
export function ownBaseUrl(address: AddressInfo | string | null): string {
  if (!address || typeof address === 'string') throw new Error('server not listening');
  const loopback = address.address === '0.0.0.0' || address.address === '::' ? (address.family === 'IPv6' ? '::1' : '127.0.0.1') : address.address;
  const host = loopback.includes(':') ? `[${loopback}]` : loopback;
  return `http://${host}:${address.port}/`;
}

function sendFile(res: restify.Response, path: string, contentType: string, cache: string): Promise<void> {
  return new Promise((resolve) => {
    if (!existsSync(path)) {
      res.send(404, { error: { code: 'NotFound', message: `${path} introuvable (npm install ?)` } });
      resolve();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, 'cache-control': cache });
    const stream = createReadStream(path);
    stream.on('error', () => {
      res.end();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

/**
 * The local demo web chat: the page at /, the Web Chat bundle, and the Direct
 * Line and Bot Connector endpoints that join it to this bot in-process.
 * Identities there are self-declared, so it exists only without app
 * credentials; returns false (and registers nothing) when they are set.
 */
export function registerWebChat(server: restify.Server, app: App): boolean {
  if (hasCredentials(app.config)) return false;
  const channel = new WebChatChannel({
    deliver: (activity) => app.adapter.processActivityDirect('', activity as unknown as Activity, app.run),
    serviceUrl: () => ownBaseUrl(server.address()),
  });
  server.get('/', async (_req, res) => sendFile(res, fromRoot('web', 'index.html'), 'text/html; charset=utf-8', 'no-cache'));
  // The conversation's language and the bot's time zone, so Web Chat's own texts and times read as the bot's.
  const settings = { locale: app.config.BOT_LOCALE === 'en' ? 'en-US' : 'fr-FR', timeZone: app.config.TIMEZONE };
  server.get('/webchat/settings.json', async (_req, res) => {
    res.send(200, settings);
  });
  server.get('/webchat/webchat.js', async (_req, res) => sendFile(res, webChatBundle(), 'text/javascript; charset=utf-8', 'public, max-age=3600'));
  registerDirectLineRoutes(server, channel, app.logger, app.config.LOG_HASH_SALT);
  registerConnectorRoutes(server, channel);
  return true;
}
