import type { Activity } from 'botbuilder';
import type { Rehearsal } from '../../src/domain/model.js';
import { CARD_BUDGET_BYTES, cardSize } from '../../src/cards/render-template.js';
import { GOOD_ANSWERS } from '../helpers/rehearsal-samples.js';
import { cardsOf, type Chat, type TestApp } from '../helpers/test-app.js';

export type Replies = Partial<Activity>[];

/** Every Action.Submit `data` in a card (actions and ActionSets, at any depth). */
export function submitActions(card: unknown): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Submit') found.push({ title: String(record.title), data: record.data as Record<string, unknown> });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The data of the first Action.Submit of the replies' cards whose data matches. */
export function actionData(replies: Replies, match: Record<string, unknown>): Record<string, unknown> {
  const all = cardsOf(replies).flatMap(submitActions);
  const hit = all.find((a) => Object.entries(match).every(([k, v]) => a.data[k] === v));
  if (!hit) throw new Error(`no action ${JSON.stringify(match)} among ${JSON.stringify(all.map((a) => a.data))}`);
  return hit.data;
}

/** Every input of a card: its type, id and label. */
export function inputsOf(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.')) found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The card rules every test checks: no leftover `${`, every input with id and label, within the budget. */
export function checkCards(replies: Replies): void {
  for (const card of cardsOf(replies)) {
    const json = JSON.stringify(card);
    if (json.includes('${')) throw new Error(`leftover template expression in ${json.slice(0, 200)}`);
    if (card.version !== '1.5') throw new Error('card version is not 1.5');
    for (const input of inputsOf(card)) {
      if (typeof input.id !== 'string' || input.id === '' || typeof input.label !== 'string' || input.label === '') {
        throw new Error(`input without id or label: ${JSON.stringify(input)}`);
      }
    }
    if (cardSize(card) > CARD_BUDGET_BYTES) throw new Error(`card of ${cardSize(card)} bytes`);
    for (const action of submitActions(card)) if (typeof action.data.verb !== 'string') throw new Error('action without verb');
  }
}

/** Writes `répétition`, picks the sheet, presses the start button for the mode. */
export async function startSheet(chat: Chat, sheet: number, mode: 'ordered' | 'shuffled' = 'ordered'): Promise<Replies> {
  const menu = await chat.say('répétition');
  checkCards(menu);
  const briefing = await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet }));
  checkCards(briefing);
  const started = await chat.submit(actionData(briefing, { verb: 'rehearsal.start', mode }));
  checkCards(started);
  return started;
}

/** The user's only rehearsal, as stored. */
export async function storedRehearsal(app: TestApp, userId: string): Promise<Rehearsal> {
  const list = await app.repositories.rehearsals.listForUser(userId);
  const last = list.at(-1);
  if (!last) throw new Error(`no rehearsal for ${userId}`);
  return last;
}

/** How the client's line is shown: with the speaker, in quotes, verbatim. */
export function clientSays(text: string): string {
  return `🧑‍💼 Client : « ${text} »`;
}

/** The line (or `cue`) the stored rehearsal waits an answer to: the last client line, or the line a reaction is about. */
export function promptOf(rehearsal: Rehearsal): string | undefined {
  return [...rehearsal.transcript].reverse().find((e) => e.speaker === 'client' || e.lineId === 'cue')?.lineId;
}

/**
 * Answers the user's running role play well (GOOD_ANSWERS, by the line asked) until the
 * debrief, `minutes` apart on the clock if given; a condition's question gets « oui ».
 * Returns the last replies (the debrief's).
 */
export async function playWell(app: TestApp, chat: Chat, userId: string, clock?: { advance(minutes: number): void }, minutes = 1): Promise<Replies> {
  let replies: Replies = [];
  for (let i = 0; i < 30; i += 1) {
    const rehearsal = await storedRehearsal(app, userId);
    if (rehearsal.state === 'debrief') return replies;
    clock?.advance(minutes);
    if (rehearsal.state === 'awaiting_condition') replies = await chat.say('oui');
    else replies = await chat.say(GOOD_ANSWERS[rehearsal.sheet]?.[promptOf(rehearsal) ?? ''] ?? 'Je ne sais pas.');
    checkCards(replies);
  }
  throw new Error('the play did not end');
}
