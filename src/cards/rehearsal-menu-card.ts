import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalMenuView {
  title: string;
  intro: string;
  /** The role-play sheets, then the question drill (sheet 0). */
  items: { heading: string; context: string; button: string; referentialId: string; sheet: number }[];
  footer: string;
}

/** `répétition`: the sheets and the question drill to choose from. */
export function rehearsalMenuCard(view: RehearsalMenuView): CardJson {
  return renderTemplate('rehearsal-menu', view);
}
