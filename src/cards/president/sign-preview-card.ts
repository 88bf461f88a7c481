import { translator } from '../../i18n/translate.js';
import { headerFacts } from '../evaluation/header-facts.js';
import { bulletList } from '../evaluation/markdown-list.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import type { SignPreviewView } from './views.js';

/**
 * What will be sent and to whom (STYLE.md 12: anything that reaches other
 * people is confirmed first). `synthesis.sign` carries the synthesis `rev`, so
 * a preview made stale by a later save is refused by the bot.
 */
export function signPreviewCard(view: SignPreviewView): CardJson {
  const t = translator(view.locale);
  return renderCard('sign-preview', {
    evaluationId: view.evaluationId,
    rev: view.rev,
    headerFacts: headerFacts(view.header, t, 'members'),
    domains: view.domains,
    comment: view.comment.trim() === '' ? t('pcard.synthesis.noComment') : view.comment,
    recipientsList: bulletList(view.recipients),
    l: {
      title: t('pcard.preview.title'),
      intro: t('pcard.preview.intro'),
      domains: t('pcard.synthesis.domains'),
      appraisal: t('pcard.synthesis.appraisal'),
      comment: t('pcard.synthesis.comment'),
      recipients: t('pcard.preview.recipients'),
      warning: t(view.alone ? 'pcard.preview.warning.alone' : 'pcard.preview.warning'),
      sign: t('pcard.preview.sign'),
      back: t('pcard.preview.back'),
    },
  });
}
