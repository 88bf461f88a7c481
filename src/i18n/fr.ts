import { presidentFr } from './catalogs/president.fr.js';
import { presidentCardsFr } from './catalogs/president-cards.fr.js';
import { cardsFr } from './catalogs/cards.fr.js';
import { coreFr } from './catalogs/core.fr.js';
import { evaluationFr } from './catalogs/evaluation.fr.js';
import { exportFr } from './catalogs/export.fr.js';
import { rehearsalFr } from './catalogs/rehearsal.fr.js';

/**
 * The French catalog: the default voice of the bot, plain and honest
 * (STYLE.md 12). One catalog file per feature, merged here; `{name}`
 * placeholders are filled by `translate`.
 */
export const fr = {
  ...coreFr,
  ...presidentFr,
  ...presidentCardsFr,
  ...evaluationFr,
  ...cardsFr,
  ...rehearsalFr,
  ...exportFr,
} as const;

export type MessageKey = keyof typeof fr;
