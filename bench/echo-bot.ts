import restify from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  UserState,
  type Request as BotRequest,
  type Response as BotResponse,
} from 'botbuilder';

/**
 * The yardstick of `npm run bench`: botbuilder's canonical echo bot (restify,
 * CloudAdapter without credentials, conversation and user state on
 * MemoryStorage, saved every turn). Replies travel in the HTTP body when the
 * request says `deliveryMode: expectReplies`, as the jury bot's do in the bench.
 */
const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const turns = conversationState.createProperty<number>('turns');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`Echo (${count}): ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await conversationState.saveChanges(context, false);
    await userState.saveChanges(context, false);
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req as unknown as BotRequest, res as unknown as BotResponse, (context) => bot.run(context));
});
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => {
  process.stdout.write(`echo bot listening on ${String(process.env.PORT ?? 3979)}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
