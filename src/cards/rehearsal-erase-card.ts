import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalEraseView {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  /** When the confirmation was asked: tells two confirmation cards apart (a double click on one is silent). */
  askedAt: string;
}

/** `supprimer mes répétitions`: nothing is erased before Confirmer. */
export function rehearsalEraseCard(view: RehearsalEraseView): CardJson {
  return renderTemplate('rehearsal-erase', view);
}
