import { translator, type Translate } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { bulletList } from './markdown-list.js';
import { renderCard } from './render-card.js';
import type { PrompterView } from './views.js';

/**
 * The sheet for the juror who plays the client: roles, context, the sheet's
 * relaunches to tick as they are played, the success criteria. Submits `grid.lines`.
 */
export function prompterCard(view: PrompterView): CardJson {
  const t = translator(view.locale);
  return renderCard('prompter', {
    evaluationId: view.evaluationId,
    rowId: view.rowId,
    rev: view.rev,
    phase: view.phase,
    number: view.number,
    title: t('card.prompter.title', { number: view.number, title: view.title }),
    roles: view.roles,
    context: view.context,
    noteLine: view.note ? t('card.prompter.note', { text: view.note }) : '',
    showNote: Boolean(view.note),
    relaunchesIntro: view.relaunchesIntro ?? '',
    showRelaunchesIntro: Boolean(view.relaunchesIntro),
    choices: view.lines.map((line) => ({ id: line.id, title: lineTitle(t, line) })),
    linesValue: view.lines.some((line) => line.used)
      ? view.lines
          .filter((line) => line.used)
          .map((line) => line.id)
          .join(',')
      : null,
    criteriaList: bulletList(view.criteria),
    l: {
      roles: t('card.prompter.roles'),
      candidate: t('card.prompter.candidate'),
      jury: t('card.prompter.jury'),
      context: t('card.prompter.context'),
      relaunches: t('card.prompter.relaunches'),
      linesUsed: t('card.prompter.linesUsed'),
      criteria: t('card.prompter.criteria'),
      save: t('card.prompter.save'),
    },
  });
}

/** What the client says in « », a stage direction as such, a conditional line after its condition. */
function lineTitle(t: Translate, line: PrompterView['lines'][number]): string {
  switch (line.kind) {
    case 'relaunch':
      return t('card.prompter.relaunch', { text: line.text });
    case 'direction':
      return t('card.prompter.direction', { text: line.text });
    case 'conditional':
      return line.condition
        ? t('card.prompter.conditional', { condition: line.condition, text: line.text })
        : t('card.prompter.relaunch', { text: line.text });
  }
}
