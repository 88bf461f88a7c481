import { presidentEn } from './catalogs/president.en.js';
import { presidentCardsEn } from './catalogs/president-cards.en.js';
import { cardsEn } from './catalogs/cards.en.js';
import { coreEn } from './catalogs/core.en.js';
import { evaluationEn } from './catalogs/evaluation.en.js';
import { exportEn } from './catalogs/export.en.js';
import { rehearsalEn } from './catalogs/rehearsal.en.js';
import type { MessageKey } from './fr.js';

/** English catalog, typed against the French keys so a missing translation fails the build. */
export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...presidentEn,
  ...presidentCardsEn,
  ...evaluationEn,
  ...cardsEn,
  ...rehearsalEn,
  ...exportEn,
};
