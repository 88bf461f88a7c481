import { translator } from '../../i18n/translate.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import type { PdfLinkView } from './views.js';

/** The fresh link to the printable synthesis: the product's only Action.OpenUrl (a link, not a submission). */
export function pdfLinkCard(view: PdfLinkView): CardJson {
  const t = translator(view.locale);
  return renderCard('pdf-link', {
    url: view.url,
    validity: view.validity,
    l: {
      title: t('pcard.pdf.title'),
      personal: t('pcard.pdf.personal'),
      open: t('pcard.pdf.open'),
    },
  });
}
