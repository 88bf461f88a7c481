import type { RandomSource } from '../domain/index.js';
import type { DayExportLinks } from '../export/index.js';
import type { Locale } from '../i18n/translate.js';
import type { Logger } from '../log.js';
import type { Referential } from '../referential/schema.js';
import type { Repositories } from '../storage/repositories.js';
import type { Clock } from './clock.js';
import type { Notifier } from './notifier.js';

/** What the bot's features use; built once by the composition root. */
export interface BotServices {
  referentials: ReadonlyMap<string, Referential>;
  repositories: Repositories;
  clock: Clock;
  /** Crypto-backed in production (join codes); seeded in tests. */
  random: RandomSource;
  newId: () => string;
  notifier: Notifier;
  logger: Logger;
  logSalt: string;
  timezone: string;
  /** BOT_LOCALE: the reply language whatever the activity's locale; unset, the activity decides. */
  fixedLocale?: Locale | undefined;
  divergenceThreshold: number;
  /** A fresh link to the printable synthesis, valid 15 minutes, for this person. */
  pdfLink: (input: { evaluationId: string; userId: string; now: Date }) => { url: string; expiresAt: Date | string };
  /** Fresh links to a jury day's export (ZIP, XLSX, CSV), valid 15 minutes, for its president. */
  dayExportLinks: (input: { sessionId: string; userId: string; now: Date; lang: Locale }) => DayExportLinks;
  /** Changes at every start, so a user's first message after a restart can resume their flow. */
  bootId: string;
}
