import { translator } from '../../i18n/translate.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import type { DayExportLinksView } from './views.js';

/** The fresh links to the day's export: like the PDF link card, links (Action.OpenUrl), not submissions. */
export function dayExportLinksCard(view: DayExportLinksView): CardJson {
  const t = translator(view.locale);
  return renderCard('day-export-links', {
    title: t('ecard.links.title', { date: view.date }),
    countLine: t('ecard.links.count', { count: view.count }),
    validity: view.validity,
    zip: view.zip,
    xlsx: view.xlsx,
    csv: view.csv,
    l: {
      personal: t('ecard.links.personal'),
      zip: t('ecard.links.zip'),
      xlsx: t('ecard.links.xlsx'),
      csv: t('ecard.links.csv'),
    },
  });
}
