import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { asShown } from '../cards/card-walk.js';
import { actionsOf, cardWithVerb, clickPayload } from '../helpers/cards.js';
import { JuryHarness } from '../helpers/jury.js';
import { cardsOf, visibleText } from '../helpers/test-app.js';

/** A name that would show a link, bold text and a right-to-left override if rendered as markdown. */
const EVIL_NAME = '[Valider ici](https://evil.example/p) **URGENT**\u202E';
const EVIL_NAME_SAVED = '[Valider ici](https://evil.example/p) **URGENT**';
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** Texts a client renders as markdown (TextBlock, FactSet) that would show as a link or emphasis. */
function renderedMarkdown(replies: Partial<Activity>[]): string[] {
  const found: string[] = [];
  const check = (text: unknown): void => {
    if (typeof text !== 'string') return;
    if (/(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)\*(?<!\\)\*|(?<!\\)_[^_\s]+(?<!\\)_/.test(text)) found.push(text);
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (item.type === 'TextBlock') check(item.text);
      if (item.type === 'FactSet' && Array.isArray(item.facts)) for (const fact of item.facts as { title?: unknown; value?: unknown }[]) [fact.title, fact.value].forEach(check);
      Object.entries(item).filter(([key]) => key !== 'data').forEach(([, value]) => walk(value));
    }
  };
  cardsOf(replies).forEach(walk);
  return found;
}

/** What a person reads, markdown escapes taken as the client takes them. */
function shownText(replies: Partial<Activity>[]): string {
  return visibleText(replies.map((reply) => ({ ...reply, attachments: reply.attachments?.map((a) => ({ ...a, content: asShown(a.content as Record<string, unknown>) })) })));
}

function expectLiteral(replies: Partial<Activity>[]): void {
  expect(renderedMarkdown(replies)).toEqual([]);
  expect(JSON.stringify(replies)).not.toMatch(BIDI);
  for (const reply of replies) if (reply.text && !reply.attachments?.length) expect(reply.textFormat).toBe('plain');
}

describe('what people typed is shown as text in other people’s cards', () => {
  it('names, candidate, company, notes: no link, no bold, no right-to-left override', async () => {
    const jury = new JuryHarness();
    const form = await jury.say('claire', 'nouvelle évaluation');
    const created = await jury.click('claire', form, 'evaluation.create', () => true, {
      mode: 'jury',
      candidateLastName: '**Dupont**',
      candidateFirstName: 'Léa\u202E',
      company: '[Laiterie](https://evil.example/l)',
      creatorName: '[Claire](https://evil.example/c)',
      creatorFunction: '_responsable ADV_',
    });
    jury.code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(visibleText(created))?.[1] ?? '';
    jury.evaluationId = String(cardsOf(created).flatMap(actionsOf).find((a) => typeof a.data.evaluationId === 'string')?.data.evaluationId);
    expectLiteral(created);
    expect(shownText(created)).toContain('[Laiterie](https://evil.example/l)');

    // A juror who has the code saves a name written to look like a button.
    const asked = await jury.say('marc', `rejoindre ${jury.code}`);
    const sent = await jury.click('marc', asked, 'profile.save', () => true, { name: EVIL_NAME, function: '**commercial**' });
    expectLiteral(sent);
    expect((await jury.app.repositories.profiles.get('marc'))?.name).toBe(EVIL_NAME_SAVED);

    // The president's accept card shows the name as typed, minus the override.
    const request = jury.delivered('claire');
    expectLiteral(request);
    expect(shownText(request)).toContain(EVIL_NAME_SAVED);
    const card = cardsOf(request).find((c) => actionsOf(c).some((a) => a.data.verb === 'session.decide'));
    if (!card) throw new Error('no join request card');
    const accepted = await jury.chat('claire').submit(clickPayload(card, (a) => a.data.verb === 'session.decide' && a.data.decision === 'accept'));
    expectLiteral(accepted);

    // The juror's cards show the president's name, the candidate and the company as typed.
    const welcome = jury.delivered('marc');
    expectLiteral(welcome);
    expect(shownText(welcome)).toContain('[Claire](https://evil.example/c)');

    // Notes come back as typed in the notes card and the report.
    const grid = await jury.openGrid('marc', 'notes');
    const saved = await jury.onRow('marc', grid, 'stay', { notes: '**gras** [lien](https://evil.example/n) \u202Dfin' });
    expectLiteral(saved);
    expect((await jury.stored('marc')).rows.delais?.notes).toBe('**gras** [lien](https://evil.example/n) fin');
    const report = await jury.chat('marc').submit({ verb: 'grid.report', evaluationId: jury.evaluationId });
    expectLiteral(report);
    expect(shownText(report)).toContain('**gras** [lien](https://evil.example/n) fin');
    expect(() => cardWithVerb(report, 'grid.submit')).not.toThrow();
  });
});
