import { inputNames } from '../input-names.js';
import { translator } from '../../i18n/translate.js';
import { headerFacts } from '../evaluation/header-facts.js';
import { bulletList } from '../evaluation/markdown-list.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import { inputNumber } from './input-number.js';
import type { ConsolidationView } from './views.js';

/**
 * The consolidation (issue 4, journey 1 step 7): per domain the members'
 * reported percentages with mean, min, max and spread, divergent domains in
 * attention style with the flag, the rows where members differ most, then the
 * agreed value (pre-filled), *non évalué* and its reason; the jury's single
 * comment. Buttons `synthesis.save` and `synthesis.preview`; nothing is sent
 * from here.
 */
export function consolidationCard(view: ConsolidationView): CardJson {
  const t = translator(view.locale);
  return renderCard('consolidation', {
    evaluationId: view.evaluationId,
    rev: view.rev,
    notice: view.notice ?? '',
    showNotice: Boolean(view.notice),
    headerFacts: headerFacts(view.header, t, 'members'),
    membersList: bulletList(view.members),
    excludedList: bulletList(view.excluded),
    showExcluded: view.excluded.length > 0,
    domains: view.domains.map((domain) => ({
      title: domain.title,
      divergent: domain.divergent,
      // null leaves the property out: only divergent domains are styled.
      style: domain.divergent ? 'attention' : null,
      flag: t('pcard.consolidation.divergence', { spread: domain.spread, threshold: view.threshold }),
      facts: [
        ...domain.values.map(({ member, value }) => ({ title: member, value })),
        { title: t('pcard.consolidation.mean'), value: domain.mean },
        { title: t('pcard.consolidation.min'), value: domain.min },
        { title: t('pcard.consolidation.max'), value: domain.max },
        { title: t('pcard.consolidation.spread'), value: domain.spread },
      ],
      hasRowDifferences: domain.rowDifferences.length > 0,
      rowDifferencesList: bulletList(domain.rowDifferences),
      agreedId: inputNames.agreed(domain.id),
      agreedValue: inputNumber(domain.agreed),
      notEvaluatedId: inputNames.notEvaluated(domain.id),
      notEvaluatedValue: domain.notEvaluated ? 'true' : 'false',
      reasonId: inputNames.reason(domain.id),
      reason: domain.notEvaluatedReason,
    })),
    comment: view.comment,
    l: {
      title: t('pcard.consolidation.title'),
      intro: t(view.alone ? 'pcard.consolidation.intro.alone' : 'pcard.consolidation.intro'),
      members: t('pcard.consolidation.members'),
      excluded: t('pcard.consolidation.excluded'),
      rowDifferences: t('pcard.consolidation.rowDifferences'),
      agreed: t('pcard.consolidation.agreed'),
      agreedPlaceholder: t('pcard.consolidation.agreedPlaceholder'),
      agreedError: t('pcard.consolidation.agreedError'),
      notEvaluated: t('pcard.consolidation.notEvaluated'),
      notEvaluatedTitle: t(view.alone ? 'pcard.consolidation.notEvaluatedTitle.alone' : 'pcard.consolidation.notEvaluatedTitle'),
      reason: t('pcard.consolidation.reason'),
      reasonPlaceholder: t('pcard.consolidation.reasonPlaceholder'),
      comment: t(view.alone ? 'pcard.consolidation.comment.alone' : 'pcard.consolidation.comment'),
      commentPlaceholder: t('pcard.consolidation.commentPlaceholder'),
      commentError: t('pcard.consolidation.commentError'),
      footer: t('pcard.consolidation.footer'),
      save: t('pcard.consolidation.save'),
      preview: t('pcard.consolidation.preview'),
    },
  });
}
