import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { systemClock, type Clock } from './bot/clock.js';
import { createFeatures } from './bot/features/index.js';
import { GuardedAdapter, GuardedAuthentication } from './bot/guarded-adapter.js';
import { prepareCardTemplates } from './cards/render-template.js';
import { JuryBot } from './bot/jury-bot.js';
import { adapterTransport, OutboxNotifier, type Transport } from './bot/outbox-notifier.js';
import { Scheduler } from './bot/scheduler.js';
import type { BotServices } from './bot/services.js';
import { createTurnErrorHandler } from './bot/turn-error.js';
import { cryptoRandom } from './crypto-random.js';
import type { RandomSource } from './domain/index.js';
import { hasCredentials, type Config } from './config.js';
import { serviceUrlTrust } from './http/trusted-service-url.js';
import { createLogger, type Logger } from './log.js';
import { packageRoot } from './paths.js';
import { dayExportUrls } from './export/index.js';
import { pdfUrl } from './pdf/index.js';
import { loadReferentials } from './referential/load-referentials.js';
import type { Referential } from './referential/schema.js';
import { BlobStorage } from './storage/blob-storage.js';
import { createStorage } from './storage/create-storage.js';
import { FileStorage } from './storage/file-storage.js';
import type { KeyValueStore } from './storage/key-value-store.js';
import { createRepositories, type Repositories } from './storage/repositories.js';

export interface AppDeps {
  config: Config;
  /** Defaults to the store STORAGE names (files in STORE_DIR, or Azure Blob); tests pass a MemoryStore or a temp folder. */
  storage?: KeyValueStore;
  logger?: Logger;
  clock?: Clock;
  random?: RandomSource;
  /** Proactive delivery; defaults to the adapter continuing stored conversations. */
  transport?: Transport;
  /**
   * Where tokens' signing keys are published (botbuilder's defaults otherwise): tests point it
   * at a loopback identity provider so no test reaches the Internet.
   */
  openIdMetadataUrl?: string;
}


export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  storage: 'ok' | 'error';
}

export interface App {
  config: Config;
  /** The bot's version (package.json), in /healthz and the PDF's footer. */
  version: string;
  /** PUBLIC_BASE_URL, else http://localhost:<port listened on> once listening (PORT before). */
  publicBaseUrl: () => string;
  /** Told by the server once bound, so that links name the port actually listened on. */
  listening: (address: AddressInfo) => void;
  adapter: GuardedAdapter;
  bot: JuryBot;
  services: BotServices;
  scheduler: Scheduler;
  storage: KeyValueStore;
  repositories: Repositories;
  referentials: ReadonlyMap<string, Referential>;
  logger: Logger;
  /** Signs the PDF links: LINK_SECRET, else drawn at start (links then die with the process). */
  linkSecret: string;
  onTurnError: (context: TurnContext, error: unknown) => Promise<void>;
  /** Runs one turn through the bot (the adapter's callback). */
  run: (context: TurnContext) => Promise<void>;
  health: () => Promise<Health>;
  /** Waits for pending storage writes; call after the server stopped taking turns. */
  close: () => Promise<void>;
}

/** botbuilder's public-cloud settings, keys read elsewhere (botbuilder needs them all once one is given). */
function publicCloudWithKeysAt(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
  };
}

/** The composition root: builds everything, listens on nothing (STYLE.md 2). */
export function createApp(deps: AppDeps): App {
  const { config } = deps;
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const referentials = loadReferentials(resolve(packageRoot(), config.REFERENTIALS_DIR));
  const storage = deps.storage ?? createStorage(config, packageRoot());
  const repositories = createRepositories(storage);

  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    // Without an app id there is nothing to authenticate; botbuilder insists on an id for SingleTenant.
    MicrosoftAppType: hasCredentials(config) ? config.MicrosoftAppType : 'MultiTenant',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const endpoints = deps.openIdMetadataUrl ? publicCloudWithKeysAt(deps.openIdMetadataUrl) : {};
  const auth = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: config.MicrosoftAppId, MicrosoftAppTenantId: config.MicrosoftAppTenantId, ...endpoints },
    credentials,
  );
  // Every reply and proactive message goes through this guard: no call to an untrusted serviceUrl.
  const adapter = new GuardedAdapter(new GuardedAuthentication(auth, serviceUrlTrust(hasCredentials(config))));
  const onTurnError = createTurnErrorHandler(logger, config.LOG_HASH_SALT, config.BOT_LOCALE);
  adapter.onTurnError = onTurnError;

  const clock = deps.clock ?? systemClock;
  // One value for the whole process: the bot signs links with it, the PDF route checks them.
  const linkSecret = config.LINK_SECRET ?? randomBytes(32).toString('base64url');
  let listenedPort: number | undefined;
  // localhost rather than the bound address: the links are for a browser on this machine.
  const publicBaseUrl = (): string => config.PUBLIC_BASE_URL ?? `http://localhost:${listenedPort ?? config.PORT}`;
  const notifier = new OutboxNotifier({
    repositories,
    instanceId: randomUUID(),
    transport: deps.transport ?? adapterTransport(adapter, config.MicrosoftAppId),
    clock,
    logger,
    logSalt: config.LOG_HASH_SALT,
  });
  const services: BotServices = {
    referentials,
    repositories,
    clock,
    random: deps.random ?? cryptoRandom,
    newId: () => randomUUID(),
    notifier,
    logger,
    logSalt: config.LOG_HASH_SALT,
    timezone: config.TIMEZONE,
    divergenceThreshold: config.DIVERGENCE_THRESHOLD,
    // Shared by the instances of one run (RUN_ID): moving between them is no restart.
    bootId: config.RUN_ID ?? randomUUID(),
    fixedLocale: config.BOT_LOCALE,
    pdfLink: (input) => pdfUrl({ PUBLIC_BASE_URL: publicBaseUrl(), secret: linkSecret }, input),
    dayExportLinks: (input) => dayExportUrls({ PUBLIC_BASE_URL: publicBaseUrl(), secret: linkSecret }, input),
  };
  // Card templates are parsed here, once, so that a turn only binds data.
  prepareCardTemplates();
  const features = createFeatures(services);
  const bot = new JuryBot(services, features);
  const scheduler = new Scheduler({
    repositories,
    notifier,
    clock,
    logger,
    handlers: Object.assign({}, ...features.map((feature) => feature.timerHandlers ?? {})),
  });
  const version = (JSON.parse(readFileSync(resolve(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

  return {
    config,
    version,
    publicBaseUrl,
    listening: (address) => {
      listenedPort = address.port;
    },
    adapter,
    bot,
    services,
    scheduler,
    storage,
    repositories,
    referentials,
    logger,
    linkSecret,
    onTurnError,
    run: (context) => bot.run(context),
    health: async () => {
      try {
        await storage.read(['health/probe']);
        return { status: 'ok', version, storage: 'ok' };
      } catch {
        return { status: 'degraded', version, storage: 'error' };
      }
    },
    close: async () => {
      await scheduler.stop();
      if (storage instanceof FileStorage) await storage.close();
      if (storage instanceof BlobStorage) await storage.flush();
    },
  };
}
