import { translator } from '../../i18n/translate.js';
import { headerFacts } from '../evaluation/header-facts.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import type { SynthesisView } from './views.js';

/**
 * The guide's *grille de synthèse*, posted at signature to the president and
 * every member: header, one agreed appraisal per domain, the single comment,
 * the signature. Read-only; a PDF button unless the version was replaced.
 */
export function synthesisCard(view: SynthesisView): CardJson {
  const t = translator(view.locale);
  const replaced = Boolean(view.replaced);
  return renderCard('synthesis', {
    evaluationId: view.evaluationId,
    title: view.title,
    replaced: view.replaced ?? '',
    showReplaced: replaced,
    headerFacts: headerFacts(view.header, t, 'members'),
    domains: view.domains,
    comment: view.comment.trim() === '' ? t('pcard.synthesis.noComment') : view.comment,
    signature: view.signature,
    showPdf: !replaced,
    l: {
      domains: t('pcard.synthesis.domains'),
      appraisal: t('pcard.synthesis.appraisal'),
      comment: t('pcard.synthesis.comment'),
      signature: t(view.alone ? 'pcard.synthesis.signature.alone' : 'pcard.synthesis.signature'),
      pdf: t('pcard.synthesis.pdf'),
    },
  });
}
