import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../src/bot/verbs.js';
import { submissionSchema } from '../../src/bot/verbs.js';
import { fr } from '../../src/i18n/fr.js';
import { actionsOf, cardWithVerb, clickPayload } from '../helpers/cards.js';
import { JuryHarness } from '../helpers/jury.js';
import { cardsOf, Chat, visibleText, type ChatUser } from '../helpers/test-app.js';

/**
 * Who may do what, as one table: every card verb and every text command, for
 * each kind of person, in a personal and in a group chat. A verb or a command
 * without a row fails the first test. Each cell runs on the same stored state,
 * restored before the cell, so no cell depends on another.
 */

const ROLES = ['president', 'juror', 'pending', 'otherJury', 'professional', 'candidate', 'stranger'] as const;
type Role = (typeof ROLES)[number];

/** What the person reads. `ok`: the action ran (or answered about the state, e.g. "collecte close"), not refused for who they are. */
type Outcome = 'ok' | 'notMember' | 'presidentOnly' | 'notYours' | 'personalOnly' | 'help';

const PEOPLE_BY_ROLE: Record<Role, ChatUser> = {
  president: { id: 'claire', name: 'Claire Martin' },
  juror: { id: 'marc', name: 'Marc Petit' },
  pending: { id: 'ines', name: 'Inès Roy' },
  otherJury: { id: 'zoe', name: 'Zoé Lambert' },
  professional: { id: 'paul', name: 'Paul Girard' },
  candidate: { id: 'lea', name: 'Léa Dupont' },
  stranger: { id: 'yann', name: 'Yann Morel' },
};

interface Fixture {
  evaluationId: string;
  sessionId: string;
  rehearsalId: string;
  rehearsalRev: number;
  code: string;
}

type Cells = Outcome | Partial<Record<Role, Outcome>> & { others: Outcome };

interface Row {
  /** The card payload, or the text typed. */
  send: (f: Fixture) => Record<string, unknown> | string;
  personal: Cells;
  group: Cells;
}

const EVERYONE = (outcome: Outcome): Cells => outcome;
const ONLY = (who: Partial<Record<Role, Outcome>>, others: Outcome): Cells => ({ ...who, others });
const GROUP: Cells = 'personalOnly';
/** Acting on Claire's evaluation: her jury only (the pending juror is not in it yet). */
const JURY: Cells = ONLY({ president: 'ok', juror: 'ok' }, 'notMember');
/** Claire only; Marc is told it is the president's, everyone else that it is not their evaluation. */
const PRESIDENT: Cells = ONLY({ president: 'ok', juror: 'presidentOnly' }, 'notMember');

const VERBS = {
  'command.run': { send: () => ({ verb: 'command.run', command: 'help' }), personal: EVERYONE('ok'), group: EVERYONE('ok') },
  'evaluation.create': { send: () => ({ verb: 'evaluation.create', mode: 'jury', candidateLastName: 'Roux', candidateFirstName: 'Tom', company: 'ADV', creatorName: 'X', creatorFunction: 'Y' }), personal: EVERYONE('ok'), group: GROUP },
  'profile.save': { send: () => ({ verb: 'profile.save', name: 'Nom', function: 'Fonction' }), personal: EVERYONE('ok'), group: GROUP },
  'session.decide': { send: (f) => ({ verb: 'session.decide', sessionId: f.sessionId, personId: 'ines', decision: 'accept' }), personal: ONLY({ president: 'ok' }, 'presidentOnly'), group: GROUP },
  'evaluation.frame': { send: (f) => ({ verb: 'evaluation.frame', evaluationId: f.evaluationId }), personal: JURY, group: GROUP },
  'evaluation.start': { send: (f) => ({ verb: 'evaluation.start', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'evaluation.end': { send: (f) => ({ verb: 'evaluation.end', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'grid.open': { send: (f) => ({ verb: 'grid.open', evaluationId: f.evaluationId, phase: 'notes' }), personal: JURY, group: GROUP },
  'grid.save': { send: (f) => ({ verb: 'grid.save', evaluationId: f.evaluationId, rowId: 'delais', rev: 0, phase: 'notes', then: 'stay', notes: 'Note' }), personal: JURY, group: GROUP },
  'grid.lines': { send: (f) => ({ verb: 'grid.lines', evaluationId: f.evaluationId, rowId: 'delais', rev: 0, phase: 'notes', sheet: 1, linesUsed: '' }), personal: JURY, group: GROUP },
  'grid.report': { send: (f) => ({ verb: 'grid.report', evaluationId: f.evaluationId }), personal: JURY, group: GROUP },
  'grid.notes': { send: (f) => ({ verb: 'grid.notes', evaluationId: f.evaluationId, rowId: 'delais' }), personal: JURY, group: GROUP },
  'grid.comments': { send: (f) => ({ verb: 'grid.comments', evaluationId: f.evaluationId, rev: 0, 'comment_relation-client': 'Bien.' }), personal: JURY, group: GROUP },
  'grid.submit': { send: (f) => ({ verb: 'grid.submit', evaluationId: f.evaluationId, rev: 0 }), personal: JURY, group: GROUP },
  'dashboard.open': { send: () => ({ verb: 'dashboard.open' }), personal: EVERYONE('ok'), group: GROUP },
  'dashboard.day': { send: (f) => ({ verb: 'dashboard.day', sessionId: f.sessionId }), personal: PRESIDENT, group: GROUP },
  'export.open': { send: (f) => ({ verb: 'export.open', sessionId: f.sessionId }), personal: ONLY({ president: 'ok' }, 'presidentOnly'), group: GROUP },
  'export.links': { send: (f) => ({ verb: 'export.links', sessionId: f.sessionId }), personal: ONLY({ president: 'ok' }, 'presidentOnly'), group: GROUP },
  'synthesis.open': { send: (f) => ({ verb: 'synthesis.open', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'synthesis.save': { send: (f) => ({ verb: 'synthesis.save', evaluationId: f.evaluationId, rev: 0, comment: 'C' }), personal: PRESIDENT, group: GROUP },
  'synthesis.preview': { send: (f) => ({ verb: 'synthesis.preview', evaluationId: f.evaluationId, rev: 0, comment: 'C' }), personal: PRESIDENT, group: GROUP },
  'synthesis.sign': { send: (f) => ({ verb: 'synthesis.sign', evaluationId: f.evaluationId, rev: 0 }), personal: PRESIDENT, group: GROUP },
  'synthesis.pdf': { send: (f) => ({ verb: 'synthesis.pdf', evaluationId: f.evaluationId }), personal: JURY, group: GROUP },
  'synthesis.reopenForm': { send: (f) => ({ verb: 'synthesis.reopenForm', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'synthesis.reopen': { send: (f) => ({ verb: 'synthesis.reopen', evaluationId: f.evaluationId, reason: 'Erreur' }), personal: PRESIDENT, group: GROUP },
  'evaluation.remind': { send: (f) => ({ verb: 'evaluation.remind', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'evaluation.close': { send: (f) => ({ verb: 'evaluation.close', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'evaluation.cancelForm': { send: (f) => ({ verb: 'evaluation.cancelForm', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'evaluation.cancel': { send: (f) => ({ verb: 'evaluation.cancel', evaluationId: f.evaluationId, reason: 'Absent' }), personal: PRESIDENT, group: GROUP },
  'evaluation.headerForm': { send: (f) => ({ verb: 'evaluation.headerForm', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'evaluation.header': { send: (f) => ({ verb: 'evaluation.header', evaluationId: f.evaluationId, company: 'Laiterie du Val' }), personal: PRESIDENT, group: GROUP },
  'evaluation.audit': { send: (f) => ({ verb: 'evaluation.audit', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'grid.reopenForm': { send: (f) => ({ verb: 'grid.reopenForm', evaluationId: f.evaluationId }), personal: PRESIDENT, group: GROUP },
  'grid.reopen': { send: (f) => ({ verb: 'grid.reopen', evaluationId: f.evaluationId, memberId: 'marc', reason: 'Erreur' }), personal: PRESIDENT, group: GROUP },
  'rehearsal.choose': { send: () => ({ verb: 'rehearsal.choose', referentialId: 'cqp-agc', sheet: 1 }), personal: EVERYONE('ok'), group: GROUP },
  'rehearsal.start': { send: (f) => ({ verb: 'rehearsal.start', rehearsalId: f.rehearsalId, rev: f.rehearsalRev, mode: 'ordered' }), personal: ONLY({ candidate: 'ok' }, 'notYours'), group: GROUP },
  'rehearsal.condition': { send: (f) => ({ verb: 'rehearsal.condition', rehearsalId: f.rehearsalId, rev: f.rehearsalRev, conditionId: 'x', answer: 'oui' }), personal: ONLY({ candidate: 'ok' }, 'notYours'), group: GROUP },
  'rehearsal.debrief': { send: (f) => ({ verb: 'rehearsal.debrief', rehearsalId: f.rehearsalId, rev: f.rehearsalRev, rating: '50' }), personal: ONLY({ candidate: 'ok' }, 'notYours'), group: GROUP },
  'rehearsal.rate': { send: (f) => ({ verb: 'rehearsal.rate', rehearsalId: f.rehearsalId, rev: f.rehearsalRev, questionId: 'q', rating: '50' }), personal: ONLY({ candidate: 'ok' }, 'notYours'), group: GROUP },
  'rehearsal.erase': { send: () => ({ verb: 'rehearsal.erase', answer: 'cancel', askedAt: '2026-11-28T08:00:00.000Z' }), personal: EVERYONE('ok'), group: GROUP },
} satisfies Record<Submission['verb'], Row>;

const COMMANDS: Record<string, Row> = {
  help: { send: () => 'aide', personal: EVERYONE('ok'), group: EVERYONE('help') },
  newEvaluation: { send: () => 'nouvelle évaluation', personal: EVERYONE('ok'), group: GROUP },
  join: { send: (f) => `rejoindre ${f.code}`, personal: EVERYONE('ok'), group: GROUP },
  resume: { send: () => 'reprendre', personal: EVERYONE('ok'), group: GROUP },
  cancel: { send: () => 'annuler', personal: EVERYONE('ok'), group: GROUP },
  dashboard: { send: () => 'tableau de bord', personal: EVERYONE('ok'), group: GROUP },
  // The president exports their day, the professional their own evaluations; nobody else has a day to export.
  export: { send: () => 'exporter la journée', personal: ONLY({ president: 'ok', professional: 'ok' }, 'presidentOnly'), group: GROUP },
  rehearsal: { send: () => 'répétition', personal: EVERYONE('ok'), group: GROUP },
  'rehearsal-history': { send: () => 'mes répétitions', personal: EVERYONE('ok'), group: GROUP },
  'rehearsal-erase': { send: () => 'supprimer mes répétitions', personal: EVERYONE('ok'), group: GROUP },
};

const DENIALS: [Outcome, string][] = [
  ['personalOnly', fr['error.personalOnly']],
  ['notMember', fr['evaluation.notFound']],
  ['presidentOnly', fr['evaluation.presidentOnly']],
  ['presidentOnly', fr['export.presidentOnly']],
  ['notYours', fr['rehearsal.notYours']],
];

function outcomeOf(replies: Partial<Activity>[]): Outcome | 'invalid' | 'failed' {
  const shown = visibleText(replies);
  if (shown.includes(fr['error.turn'])) return 'failed';
  if (shown.includes(fr['error.badSubmission'])) return 'invalid';
  for (const [outcome, text] of DENIALS) if (shown.includes(text)) return outcome;
  if (shown.includes(fr['help.group'])) return 'help';
  return 'ok';
}

function expected(cells: Cells, role: Role): Outcome {
  return typeof cells === 'string' ? cells : (cells[role] ?? cells.others);
}

describe('the permission matrix', () => {
  let jury: JuryHarness;
  let fixture: Fixture;
  let saved: Record<string, string>;
  const memory = (): Record<string, string> => (jury.storage as unknown as { memory: Record<string, string> }).memory;

  beforeAll(async () => {
    jury = new JuryHarness();
    // Claire's jury day: Marc accepted, Inès still waiting, the interview under way.
    await jury.create('claire');
    await jury.joinAccepted('marc');
    await jury.requestJoin('ines');
    await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
    const session = await jury.app.repositories.sessions.findByCode('tenant-test', jury.code);
    // Another jury, Olga presiding, Zoé in it.
    const olga = new Chat(jury.app, { id: 'olga', name: 'Olga Perrin' });
    const form = await olga.say('nouvelle évaluation');
    const created = await olga.submit(clickPayload(cardWithVerb(form, 'evaluation.create'), (a) => a.data.verb === 'evaluation.create', { mode: 'jury', candidateLastName: 'Roux', candidateFirstName: 'Tom', company: 'ADV', creatorName: 'Olga Perrin', creatorFunction: 'formatrice' }));
    const otherCode = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(visibleText(created))?.[1] ?? '';
    const asked = await jury.say('zoe', `rejoindre ${otherCode}`);
    await jury.click('zoe', asked, 'profile.save', () => true, { name: 'Zoé Lambert', function: 'assistante ADV' });
    const request = cardsOf(jury.transport.to('olga', true)).find((c) => actionsOf(c).some((a) => a.data.verb === 'session.decide'));
    if (!request) throw new Error('no join request for Olga');
    await olga.submit(clickPayload(request, (a) => a.data.verb === 'session.decide' && a.data.decision === 'accept'));
    // Paul evaluates alone; Léa rehearses.
    await new JuryHarness({ storage: jury.storage }).create('paul', 'professional');
    const menu = await jury.say('lea', 'répétition');
    await jury.click('lea', menu, 'rehearsal.choose', (a) => String(a.data.sheet) === '1');
    const [rehearsal] = await jury.app.repositories.rehearsals.listForUser('lea');
    if (!session || !rehearsal) throw new Error('fixture incomplete');
    fixture = { evaluationId: jury.evaluationId, sessionId: session.id, rehearsalId: rehearsal.id, rehearsalRev: rehearsal.rev, code: jury.code };
    saved = { ...memory() };
  });

  let cells = 0;
  afterAll(() => {
    console.log(`permission matrix: ${Object.keys(VERBS).length} verbs and ${Object.keys(COMMANDS).length} commands × ${ROLES.length} people × 2 chats = ${cells} cells checked`);
  });

  it('has a row for every card verb and every text command', () => {
    const verbs = submissionSchema.options.map((option) => String(option.shape.verb.value));
    expect(Object.keys(VERBS).sort()).toEqual(verbs.sort());
    expect(Object.keys(COMMANDS).sort()).toEqual(jury.app.bot.commands().map((c) => c.id).sort());
  });

  const rows = [...Object.entries(VERBS).map(([name, row]) => [`verb ${name}`, row] as const), ...Object.entries(COMMANDS).map(([name, row]) => [`command ${name}`, row] as const)];
  it.each(rows)('%s: each person, in a personal and in a group chat', async (_name, row: Row) => {
    const observed: string[] = [];
    const wanted: string[] = [];
    for (const chatType of ['personal', 'groupChat'] as const) {
      for (const role of ROLES) {
        const mem = memory();
        for (const key of Object.keys(mem)) delete mem[key];
        Object.assign(mem, saved);
        const chat = new Chat(jury.app, PEOPLE_BY_ROLE[role], { conversationType: chatType });
        const sent = row.send(fixture);
        const replies = typeof sent === 'string' ? await chat.say(sent) : await chat.submit(sent);
        cells += 1;
        observed.push(`${chatType} ${role}: ${outcomeOf(replies)}`);
        wanted.push(`${chatType} ${role}: ${expected(chatType === 'personal' ? row.personal : row.group, role)}`);
      }
    }
    expect(observed).toEqual(wanted);
  });
});
