import type { Activity, Storage } from 'botbuilder';
import { MemoryStorage } from 'botbuilder';
import { expect } from 'vitest';
import { actionsOf, cardWithVerb, clickPayload, type CardAction } from './cards.js';
import { ManualClock } from './manual-clock.js';
import { buildTestApp, cardsOf, Chat, visibleText, type TestApp } from './test-app.js';
import { FakeTransport } from './fake-transport.js';

export const PEOPLE = {
  claire: { id: 'claire', name: 'Claire Martin', function: 'responsable ADV' },
  marc: { id: 'marc', name: 'Marc Petit', function: 'commercial' },
  ines: { id: 'ines', name: 'Inès Roy', function: 'formatrice' },
  paul: { id: 'paul', name: 'Paul Girard', function: 'chef des ventes' },
  zoe: { id: 'zoe', name: 'Zoé Lambert', function: 'assistante ADV' },
  lea: { id: 'lea', name: 'Léa Dupont', function: 'candidate' },
} as const;
export type PersonKey = keyof typeof PEOPLE;

const ANY = (): boolean => true;

/**
 * A jury day driven like real people: one chat per person on one app, a
 * clock the test moves, and the channel's proactive deliveries captured.
 */
export class JuryHarness {
  readonly clock: ManualClock;
  readonly storage: Storage;
  readonly transport: FakeTransport;
  app: TestApp;
  private chats = new Map<PersonKey, Chat>();
  private pendingRequests: Partial<Activity>[] = [];
  evaluationId = '';
  code = '';

  constructor(options: { storage?: Storage; clock?: ManualClock; transport?: FakeTransport } = {}) {
    this.clock = options.clock ?? new ManualClock('2026-11-28T08:00:00.000Z');
    this.storage = options.storage ?? new MemoryStorage();
    this.transport = options.transport ?? new FakeTransport();
    this.app = buildTestApp({ storage: this.storage, clock: this.clock, transport: this.transport });
  }

  /** A new process on the same storage files: new adapter, new bot, new boot id. */
  restart(): void {
    this.app = buildTestApp({ storage: this.storage, clock: this.clock, transport: this.transport });
    this.chats.clear();
  }

  chat(who: PersonKey, options: { conversationType?: 'personal' | 'groupChat'; locale?: string } = {}): Chat {
    if (options.conversationType || options.locale) return new Chat(this.app, PEOPLE[who], options);
    let chat = this.chats.get(who);
    if (!chat) {
      chat = new Chat(this.app, PEOPLE[who]);
      this.chats.set(who, chat);
    }
    return chat;
  }

  async say(who: PersonKey, text: string): Promise<Partial<Activity>[]> {
    return this.chat(who).say(text);
  }

  async click(who: PersonKey, replies: Partial<Activity>[], verb: string, match: (a: CardAction) => boolean = () => true, typed: Record<string, string> = {}): Promise<Partial<Activity>[]> {
    const card = cardWithVerb(replies, verb);
    return this.chat(who).submit(clickPayload(card, (a) => a.data.verb === verb && match(a), typed));
  }

  /** What reached this person proactively since last asked. */
  delivered(who: PersonKey): Partial<Activity>[] {
    return this.transport.to(who, true);
  }

  /** Claire creates Léa Dupont's evaluation in jury mode; returns the replies. */
  async create(
    who: PersonKey = 'claire',
    mode: 'jury' | 'professional' = 'jury',
    candidate = { last: 'Dupont', first: 'Léa', company: 'Laiterie du Val' },
    more: Record<string, string> = {},
  ): Promise<Partial<Activity>[]> {
    const form = await this.say(who, 'nouvelle évaluation');
    const replies = await this.click(who, form, 'evaluation.create', () => true, {
      mode,
      candidateLastName: candidate.last,
      candidateFirstName: candidate.first,
      company: candidate.company,
      creatorName: PEOPLE[who].name,
      creatorFunction: PEOPLE[who].function,
      ...more,
    });
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(visibleText(replies));
    if (code?.[1]) this.code = code[1];
    const start = cardsOf(replies).flatMap(actionsOf).find((a) => typeof a.data.evaluationId === 'string');
    if (start) this.evaluationId = String(start.data.evaluationId);
    return replies;
  }

  /** `rejoindre <code>`, name and function given on the profile card. */
  async requestJoin(who: PersonKey): Promise<Partial<Activity>[]> {
    const replies = await this.say(who, `rejoindre ${this.code}`);
    const profile = cardsOf(replies).find((c) => actionsOf(c).some((a) => a.data.verb === 'profile.save'));
    if (!profile) return replies;
    return this.click(who, replies, 'profile.save', () => true, { name: PEOPLE[who].name, function: PEOPLE[who].function });
  }

  /** The president answers the join request card delivered to them for this person. */
  async decide(who: PersonKey, decision: 'accept' | 'refuse', president: PersonKey = 'claire'): Promise<Partial<Activity>[]> {
    this.pendingRequests.push(...this.delivered(president));
    const card = cardsOf(this.pendingRequests).find((c) => actionsOf(c).some((a) => a.data.verb === 'session.decide' && a.data.personId === who));
    if (!card) throw new Error(`no join request card for ${who}`);
    expect(visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }])).toContain(PEOPLE[who].name);
    return this.chat(president).submit(clickPayload(card, (a) => a.data.verb === 'session.decide' && a.data.decision === decision && a.data.personId === who));
  }

  async joinAccepted(who: PersonKey): Promise<void> {
    await this.requestJoin(who);
    await this.decide(who, 'accept');
    this.delivered(who);
  }

  /** A lone professional's evaluation, interview run and ended: the first row card of the scoring pass. */
  async professionalScoring(who: PersonKey = 'claire'): Promise<Partial<Activity>[]> {
    await this.create(who, 'professional');
    await this.chat(who).submit({ verb: 'evaluation.start', evaluationId: this.evaluationId });
    await this.chat(who).submit({ verb: 'evaluation.end', evaluationId: this.evaluationId });
    return this.openGrid(who, 'scoring');
  }

  async openGrid(who: PersonKey, phase: 'notes' | 'scoring'): Promise<Partial<Activity>[]> {
    return this.chat(who).submit({ verb: 'grid.open', evaluationId: this.evaluationId, phase });
  }

  /** Clicks an action of the row card among replies, typing the given inputs. */
  async onRow(who: PersonKey, replies: Partial<Activity>[], then: string, typed: Record<string, string> = {}, extra: (a: CardAction) => boolean = ANY): Promise<Partial<Activity>[]> {
    // Quick-pick buttons are grid.save with `pick`: only chosen when `extra` asks for them.
    return this.click(who, replies, 'grid.save', (a) => a.data.then === then && (a.data.pick === undefined || extra !== ANY) && extra(a), typed);
  }

  /** The evaluation's revision now: what a president's form shown now carries. */
  async evaluationRev(): Promise<number> {
    const evaluation = await this.app.repositories.evaluations.get(this.evaluationId);
    if (!evaluation) throw new Error('no evaluation');
    return evaluation.rev;
  }

  async stored(who: PersonKey) {
    const grid = await this.app.repositories.grids.get(this.evaluationId, who);
    if (!grid) throw new Error(`no grid for ${who}`);
    return grid;
  }
}

/** The row id a row card is about. */
export function rowIdOf(replies: Partial<Activity>[]): string {
  const card = cardWithVerb(replies, 'grid.save');
  return String(actionsOf(card).find((a) => a.data.verb === 'grid.save')?.data.rowId);
}
