import { renderTemplate, type CardJson } from './render-template.js';

export interface RehearsalBriefingView {
  title: string;
  rehearsalId: string;
  rev: number;
  rolesHeading: string;
  /** You / the bot, with the sheet's roles; empty for the drill. */
  roles: { title: string; value: string }[];
  contextHeading: string;
  context: string[];
  /** Sheet 3's GPA note, with its label; empty when the sheet has none. */
  note: string;
  howHeading: string;
  how: string[];
  commandsHeading: string;
  commands: { title: string; value: string }[];
  answerNote: string;
  /** One button per way to play. */
  starts: { title: string; mode: 'ordered' | 'shuffled' }[];
}

/** A chosen sheet (or the drill): roles, context, how it goes, the commands; the candidate starts when ready. */
export function rehearsalBriefingCard(view: RehearsalBriefingView): CardJson {
  return renderTemplate('rehearsal-briefing', {
    ...view,
    hasRoles: view.roles.length > 0,
    hasContext: view.context.length > 0,
    hasNote: view.note !== '',
  });
}
