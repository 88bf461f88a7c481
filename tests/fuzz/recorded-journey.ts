import type { Activity } from 'botbuilder';
import { MemoryStorage } from 'botbuilder';
import { actionsOf, inputsOf } from '../helpers/cards.js';
import { FakeTransport } from '../helpers/fake-transport.js';
import { JuryHarness, type PersonKey } from '../helpers/jury.js';
import { endedJury, scoreAndSubmit } from '../helpers/jury-scenarios.js';
import { cardsOf, Chat } from '../helpers/test-app.js';

/** Everything the bot showed anyone, in replies and proactive messages. */
class RecordingTransport extends FakeTransport {
  constructor(private readonly seen: Partial<Activity>[]) {
    super();
  }

  override async send(...args: Parameters<FakeTransport['send']>): Promise<void> {
    this.seen.push(args[1]);
    return super.send(...args);
  }
}

export interface Journey {
  jury: JuryHarness;
  storage: MemoryStorage;
  /** What a client sends for every button of every card shown: the card's inputs merged with the action's data. */
  payloads: Record<string, unknown>[];
  /** An evaluation none of the fuzzed people belongs to (Paul's, alone). */
  foreignEvaluationId: string;
}

/**
 * A whole jury day and a rehearsal, driven like people do, recording every
 * card payload a client could send at each step: the seeds of the fuzz suite.
 */
export async function recordJourney(): Promise<Journey> {
  const seen: Partial<Activity>[] = [];
  const send = Chat.prototype.send;
  Chat.prototype.send = async function recording(this: Chat, activity) {
    const replies = await send.call(this, activity);
    seen.push(...replies);
    return replies;
  };
  try {
    const storage = new MemoryStorage();
    const paul = new JuryHarness({ storage, transport: new RecordingTransport(seen) });
    await paul.create('paul', 'professional', { last: 'Martin', first: 'Hugo', company: 'Fromagerie du Lac' });
    const foreignEvaluationId = paul.evaluationId;

    const jury = new JuryHarness({ storage, clock: paul.clock, transport: paul.transport });
    await endedJury(jury);
    await scoreAndSubmit(jury, 'marc', [80, 70, 75, 60, 50, 55, 60], { 'relation-client': 'Clair et posé.' });
    await scoreAndSubmit(jury, 'ines', [40, 50, null, 50, 70, 45, 60]);
    const last = await scoreAndSubmit(jury, 'claire', [60, 60, 61, 30, 56, 57, 57]);
    await jury.say('claire', 'tableau de bord');
    await jury.say('marc', 'reprendre');
    const consolidation = [...last, ...jury.delivered('claire')];
    if (cardsOf(consolidation).some((card) => actionsOf(card).some((a) => a.data.verb === 'synthesis.preview'))) {
      const preview = await jury.click('claire', consolidation, 'synthesis.preview', () => true, { comment: 'Un commentaire unique.' });
      if (cardsOf(preview).some((card) => actionsOf(card).some((a) => a.data.verb === 'synthesis.sign'))) await jury.click('claire', preview, 'synthesis.sign');
    }
    for (const who of ['claire', 'marc', 'ines'] as PersonKey[]) jury.delivered(who);

    await rehearse(jury);
    return { jury, storage, payloads: payloadsOf(seen), foreignEvaluationId };
  } finally {
    Chat.prototype.send = send;
  }
}

/** Léa rehearses sheet 2 to its debrief, answering neutrally and accepting the claim when asked. */
async function rehearse(jury: JuryHarness): Promise<void> {
  const lea = jury.chat('lea');
  const menu = await lea.say('répétition');
  let replies = await jury.click('lea', menu, 'rehearsal.choose', (a) => a.data.sheet === 2 || a.data.sheet === '2');
  replies = await jury.click('lea', replies, 'rehearsal.start', (a) => a.data.mode === 'ordered');
  for (let i = 0; i < 20; i += 1) {
    const condition = cardsOf(replies).flatMap(actionsOf).find((a) => a.data.verb === 'rehearsal.condition' && a.data.answer === 'oui');
    if (condition) replies = await lea.submit(condition.data);
    else if (cardsOf(replies).flatMap(actionsOf).some((a) => a.data.verb === 'rehearsal.debrief')) break;
    else replies = await lea.say(`Je prends note, point ${i}.`);
  }
  await lea.say('mes répétitions');
}

function payloadsOf(seen: Partial<Activity>[]): Record<string, unknown>[] {
  const unique = new Map<string, Record<string, unknown>>();
  for (const card of cardsOf(seen)) {
    for (const action of actionsOf(card)) {
      const payload = { ...inputsOf(card), ...action.data };
      unique.set(JSON.stringify(payload), payload);
    }
  }
  return [...unique.values()];
}
