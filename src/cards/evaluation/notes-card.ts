import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { renderCard } from './render-card.js';
import type { NotesView } from './views.js';

/** The full notes of one row ("Voir les notes" on the report), read-only. */
export function notesCard(view: NotesView): CardJson {
  const t = translator(view.locale);
  return renderCard('notes', {
    evaluationId: view.evaluationId,
    rowTitle: view.rowTitle,
    notes: view.notes,
    hasNotes: view.notes.trim() !== '',
    l: {
      title: t('card.notes.title'),
      empty: t('card.notes.empty'),
      back: t('card.notes.back'),
    },
  });
}
