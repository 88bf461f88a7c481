import { renderTemplate, type CardJson } from './render-template.js';

export interface HelpView {
  title: string;
  intro: string;
  commands: { name: string; description: string }[];
}

export function helpCard(view: HelpView): CardJson {
  return renderTemplate('help', view);
}
