import { renderTemplate, type CardJson } from './render-template.js';

export interface WelcomeView {
  title: string;
  body: string;
  privacy: string;
  next: string;
  /** Buttons that run a top-level command. */
  actions: { title: string; command: string }[];
}

export function welcomeCard(view: WelcomeView): CardJson {
  return renderTemplate('welcome', view);
}
