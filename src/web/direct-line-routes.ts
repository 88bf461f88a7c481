import type restify from 'restify';
import type { Logger } from '../log.js';
import { hashId } from '../log.js';
import { webChatIdentity, type WebChatIdentity } from './identity.js';
import type { WebChatChannel } from './web-chat-channel.js';
import { identityFromAuthorization, tokenFor } from './web-chat-token.js';

const EXPIRES_IN = 3600;
const PREFIX = '/v3/directline';

function body(req: restify.Request): Record<string, unknown> {
  const parsed: unknown = req.body;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

function session(identity: WebChatIdentity): Record<string, unknown> {
  return { conversationId: identity.conversationId, token: tokenFor(identity), expires_in: EXPIRES_IN };
}

/**
 * The Direct Line 3.0 calls Web Chat's DirectLineJS makes when polling
 * (`webSocket: false`): token generation and refresh, start or reconnect a
 * conversation, post an activity, get activities after a watermark.
 */
export function registerDirectLineRoutes(server: restify.Server, channel: WebChatChannel, logger: Logger, logSalt: string): void {
  /** The caller's identity, or a 403 sent; the conversation in the path must be theirs. */
  const authorize = (req: restify.Request, res: restify.Response, conversationId?: string): WebChatIdentity | undefined => {
    const identity = identityFromAuthorization(req.headers.authorization);
    if (!identity || (conversationId !== undefined && conversationId !== identity.conversationId)) {
      res.send(403, { error: { code: 'TokenInvalid', message: 'jeton absent ou pour une autre conversation' } });
      return undefined;
    }
    return identity;
  };

  // Not in DirectLineJS: the demo page asks for a token for the name in `?user=` (Azure's call has the same shape).
  server.post(`${PREFIX}/tokens/generate`, async (req, res) => {
    const user = body(req).user as { name?: unknown; id?: unknown } | undefined;
    const identity = webChatIdentity(user?.name ?? user?.id);
    res.send(200, { ...session(identity), user: { id: identity.id, name: identity.name } });
  });

  server.post(`${PREFIX}/tokens/refresh`, async (req, res) => {
    const identity = authorize(req, res);
    if (identity) res.send(200, session(identity));
  });

  server.post(`${PREFIX}/conversations`, async (req, res) => {
    const identity = authorize(req, res);
    if (!identity) return;
    try {
      await channel.start(identity);
      logger.info('webchat conversation', { user: hashId(identity.aadObjectId, logSalt) });
    } catch (error) {
      logger.warn('webchat welcome failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
    res.send(201, session(identity));
  });

  // Reconnect (DirectLineJS given a conversationId): same conversation, same token.
  server.get(`${PREFIX}/conversations/:conversationId`, async (req, res) => {
    const identity = authorize(req, res, req.params.conversationId);
    if (identity) res.send(200, session(identity));
  });

  server.post(`${PREFIX}/conversations/:conversationId/activities`, async (req, res) => {
    const identity = authorize(req, res, req.params.conversationId);
    if (!identity) return;
    const activity = body(req);
    if (typeof activity.type !== 'string') {
      res.send(400, { error: { code: 'BadArgument', message: 'activité sans type' } });
      return;
    }
    try {
      const id = await channel.fromUser(identity, activity);
      res.send(200, { id });
    } catch (error) {
      // Azure Direct Line answers 502 when the bot fails; Web Chat then offers to retry.
      logger.error('webchat turn failed', { error: error instanceof Error ? error.name : 'unknown' });
      res.send(502, { error: { code: 'BotError', message: 'le bot n’a pas pu traiter ce message' } });
    }
  });

  server.get(`${PREFIX}/conversations/:conversationId/activities`, async (req, res) => {
    const identity = authorize(req, res, req.params.conversationId);
    if (!identity) return;
    // The server registers no query parser: read the query string here.
    const watermark = new URL(req.url ?? '', 'http://localhost').searchParams.get('watermark') ?? undefined;
    res.send(200, channel.activities(identity.conversationId, watermark));
  });
}
