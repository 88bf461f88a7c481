import type restify from 'restify';
import type { WebChatChannel } from './web-chat-channel.js';

const MAX_ID = 200;

function activityOf(req: restify.Request, res: restify.Response): Record<string, unknown> | undefined {
  const parsed: unknown = req.body;
  const { conversationId } = req.params as { conversationId?: string };
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || typeof (parsed as { type?: unknown }).type !== 'string' || !conversationId || conversationId.length > MAX_ID) {
    res.send(400, { error: { code: 'BadArgument', message: 'activité invalide' } });
    return undefined;
  }
  return parsed as Record<string, unknown>;
}

/**
 * The Bot Connector calls the bot makes back to its `serviceUrl` (this
 * server): send to a conversation, reply to an activity, update one. Posts to
 * conversations or activity ids this process has never seen (proactive
 * messages, a restart) are accepted.
 */
export function registerConnectorRoutes(server: restify.Server, channel: WebChatChannel): void {
  server.post('/v3/conversations/:conversationId/activities', async (req, res) => {
    const activity = activityOf(req, res);
    if (activity) res.send(200, { id: channel.fromBot(String(req.params.conversationId), activity) });
  });

  server.post('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    const activity = activityOf(req, res);
    if (activity) res.send(200, { id: channel.fromBot(String(req.params.conversationId), activity, String(req.params.activityId)) });
  });

  server.put('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    const activity = activityOf(req, res);
    if (activity) res.send(200, { id: channel.update(String(req.params.conversationId), String(req.params.activityId), activity) });
  });
}
