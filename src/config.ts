import { z } from 'zod';

/**
 * The process environment, parsed once at start-up. Every variable is
 * documented in .env.example and in the README's configuration table.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** 127.0.0.1 by default so a laptop never exposes the bot; containers set 0.0.0.0. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** file: one folder on this machine, one instance; blob: Azure Blob Storage, shared by several instances. */
  STORAGE: z.enum(['file', 'blob']).default('file'),
  STORE_DIR: z.string().min(1).default('data/store'),
  AZURE_STORAGE_CONNECTION_STRING: z.string().optional(),
  AZURE_STORAGE_CONTAINER: z
    .string()
    .regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, 'nom de conteneur Azure invalide (3 à 63 caractères : minuscules, chiffres, tirets isolés)')
    .optional(),
  REFERENTIALS_DIR: z.string().min(1).default('data/referentiels'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  /** Unset: http://localhost:<the port actually listened on> (see App.publicBaseUrl). */
  PUBLIC_BASE_URL: z.url().optional(),
  /**
   * fr or en: the bot answers in that language whatever the incoming activity's locale
   * (the Agents Playground sends en-US on every message). Unset: the activity's locale decides.
   */
  BOT_LOCALE: z.enum(['fr', 'en'], { message: 'fr ou en' }).optional(),
  /** Issuing body printed in the PDF synthesis' header (e.g. the branch's certification body). */
  ISSUER_NAME: z.string().trim().min(1).max(120, '120 caractères au plus').optional(),
  TIMEZONE: z
    .string()
    .default('Europe/Paris')
    .refine((tz) => isKnownTimeZone(tz), { message: 'fuseau horaire IANA inconnu' }),
  DIVERGENCE_THRESHOLD: z.coerce.number().int().min(1).max(100).default(20),
  MAX_BODY_BYTES: z.coerce.number().int().min(16_384).max(10_485_760).default(1_048_576),
  /** Above the Azure load balancer's 240 s idle timeout, so it closes idle sockets first. */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(241_000),
  /** Salt for the hashed user ids written to logs. */
  LOG_HASH_SALT: z.string().default(''),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * Key signing the 15-minute PDF links. When unset, a random one is drawn at each start:
   * links then stop working after a restart (the user asks for a fresh one).
   */
  LINK_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
  /**
   * The run that all instances sharing a store belong to (e.g. the release or the container
   * app's revision). A person's first message in a new run brings them back to where they were
   * ("Le bot a redémarré…"); with several instances, a turn reaching another instance of the
   * same run is no restart. Unset: each process is its own run (one instance).
   */
  RUN_ID: z.string().trim().min(1).max(200).optional(),
}).superRefine((config, ctx) => {
  if (config.STORAGE === 'blob') {
    // Several instances share the store: a link signed by one is checked by another, and a turn moves between them.
    for (const name of ['AZURE_STORAGE_CONNECTION_STRING', 'AZURE_STORAGE_CONTAINER', 'LINK_SECRET', 'RUN_ID'] as const) {
      if (config[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'requis quand STORAGE=blob (required when STORAGE=blob)' });
    }
  }
  if (config.MicrosoftAppId === '') return;
  if (config.MicrosoftAppType === 'SingleTenant' && config.MicrosoftAppTenantId === '') {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'requis pour une application SingleTenant' });
  }
  if (config.MicrosoftAppType !== 'UserAssignedMSI' && config.MicrosoftAppPassword === '') {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'requis quand MicrosoftAppId est renseigné' });
  }
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses the environment; one error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable in .env means "not set", not "set to empty".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Local mode: no app credentials, so no JWT checks and the demo web chat may be served. */
export function hasCredentials(config: Config): boolean {
  return config.MicrosoftAppId !== '';
}
