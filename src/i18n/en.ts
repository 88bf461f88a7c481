import { coreEn } from './catalogs/core.en.js';
import type { MessageKey } from './fr.js';

/** English catalog, typed against the French keys so a missing translation fails the build. */
export const en: Record<MessageKey, string> = {
  ...coreEn,
};
