import { describe, expect, it } from 'vitest';
import { debriefCard, drillSummaryCard } from '../../../src/bot/features/rehearsal/debrief-views.js';
import { HISTORY_ATTEMPTS_SHOWN, historyCard } from '../../../src/bot/features/rehearsal/history-view.js';
import { briefingCard, conditionCard, menuCard, rateCard } from '../../../src/bot/features/rehearsal/play-views.js';
import { rehearsalEraseCard } from '../../../src/cards/rehearsal-erase-card.js';
import type { CardJson } from '../../../src/cards/render-template.js';
import { REHEARSAL_ANSWER_MAX, type Rehearsal } from '../../../src/domain/model.js';
import {
  answerRehearsal,
  DRILL_SHEET,
  drillQuestions,
  rateQuestion,
  startRehearsal,
  type RehearsalResult,
} from '../../../src/domain/rehearsal/index.js';
import { translator } from '../../../src/i18n/translate.js';
import { describeCardContract, type CardCase } from '../../cards/card-contract.js';
import { at, briefing, referential, T0 } from './fixture.js';

function changed(result: RehearsalResult): Rehearsal {
  if (result.type !== 'changed') throw new Error(result.reason);
  return result.rehearsal;
}

/** The longest answer a candidate may give, made of 2-byte-in-JSON characters where possible. */
const longest = (i: number, prefix = '') => {
  const head = `${prefix}${i} `;
  return head + 'é'.repeat(REHEARSAL_ANSWER_MAX - head.length);
};

/** A sheet played to its debrief with every answer at its maximum length, every criterion ticked "à travailler". */
function debriefAtMaximum(sheet: number): Rehearsal {
  let r = changed(startRehearsal(referential, briefing(sheet), { now: T0, mode: 'shuffled', seed: 3 }));
  for (let i = 0; r.state !== 'debrief'; i += 1) r = changed(answerRehearsal(referential, r, longest(i, i === 3 ? "J'accepte " : ''), at(i + 1)));
  const ticked = Object.fromEntries(referential.rolePlays.find((s) => s.number === sheet)?.successCriteria.map((c) => [c.id, 'a_travailler'] as const) ?? []);
  return { ...r, selfAssessment: ticked, hintsUsed: 999 };
}

function drillAtMaximum(): Rehearsal {
  let r = changed(startRehearsal(referential, briefing(DRILL_SHEET), { now: T0, mode: 'ordered', seed: 1 }));
  drillQuestions(referential).forEach((q, i) => {
    r = changed(answerRehearsal(referential, r, longest(i), at(i + 1)));
    r = changed(rateQuestion(referential, r, q.id, '100', at(i + 2)));
  });
  return r;
}

const sheetOfNumber = (n: number) => referential.rolePlays.find((s) => s.number === n);

const cases: CardCase[] = [];
for (const locale of ['fr', 'en'] as const) {
  const t = translator(locale);
  const add = (type: string, label: string, card: CardJson, texts: readonly string[] = []) => cases.push({ type, label: `${label} ${locale}`, card, texts });
  add('menu', 'menu', menuCard([referential], t), referential.rolePlays.map((s) => s.title));
  for (const n of [1, 2, 3]) add('briefing', `briefing ${n}`, briefingCard(referential, briefing(n), t), [sheetOfNumber(n)?.title ?? '', ...(sheetOfNumber(n)?.context ?? [])]);
  add('briefing', 'briefing drill', briefingCard(referential, briefing(DRILL_SHEET), t));
  const condition = referential.rolePlays.flatMap((s) => s.conditions)[0];
  if (condition) add('condition', 'condition', conditionCard(briefing(2), condition, t), [condition.question]);
  for (const n of [1, 2, 3]) {
    add('debrief', `debrief ${n} at maximum`, debriefCard(referential, debriefAtMaximum(n), t), sheetOfNumber(n)?.successCriteria.map((c) => c.text) ?? []);
  }
  const question = drillQuestions(referential)[0];
  if (question) add('rate', 'rate', rateCard(referential, briefing(DRILL_SHEET), question, 0, 7, t), [question.text]);
  add('drill-summary', 'drill summary at maximum', drillSummaryCard(referential, drillAtMaximum(), t), drillQuestions(referential).map((q) => q.text));
  const attempts = [1, 2, 3, DRILL_SHEET].flatMap((sheet) =>
    Array.from({ length: 40 }, (_, i) => ({
      ...debriefAtMaximum(sheet === DRILL_SHEET ? 1 : sheet),
      id: `r-${sheet}-${i}`,
      sheet,
      state: 'done' as const,
      startedAt: at(i * 60).toISOString(),
      endedAt: at(i * 60 + 12).toISOString(),
      selfRating: 100,
    })),
  );
  add('history', 'history with 40 attempts per sheet', historyCard(attempts, new Map([[referential.id, referential]]), 'Europe/Paris', t));
  const erase = { title: t('rehearsal.erase.title'), body: t('rehearsal.erase.body', { count: 999 }), confirm: t('rehearsal.erase.confirm'), cancel: t('rehearsal.erase.cancel') };
  add('erase', 'erase', rehearsalEraseCard({ ...erase, askedAt: T0.toISOString() }), [erase.title, erase.body]);
}

describeCardContract(cases, { heading: 'Largest rehearsal card per type' });

describe('rehearsal cards: what is cut to fit', () => {
  it('reads the bands as the juror cards do: "0 à 29 %" … "70 à 100 %"', () => {
    const question = drillQuestions(referential)[0];
    if (!question) throw new Error('no drill question');
    const json = JSON.stringify(rateCard(referential, briefing(DRILL_SHEET), question, 0, 7, translator('fr')));
    for (const band of ['0 à 29 %', '30 à 49 %', '50 à 69 %', '70 à 100 %']) expect(json).toContain(band);
    expect(json).not.toContain('0 à 30');
  });

  it('the history lists the latest attempts per sheet and says how many earlier ones are left out', () => {
    const attempts = Array.from({ length: HISTORY_ATTEMPTS_SHOWN + 3 }, (_, i) => ({
      ...briefing(1),
      id: `r-${i}`,
      state: 'done' as const,
      startedAt: at(i * 60).toISOString(),
      endedAt: at(i * 60 + 5).toISOString(),
      selfRating: 50,
    }));
    const json = JSON.stringify(historyCard(attempts, new Map([[referential.id, referential]]), 'Europe/Paris', translator('fr')));
    expect(json).toContain('3 tentative(s) plus ancienne(s) non affichée(s).');
    expect(json).not.toContain('Tentative 3 ·');
    expect(json).toContain('Tentative 4 ·');
    expect(json).toContain(`Tentative ${HISTORY_ATTEMPTS_SHOWN + 3} ·`);
  });

  it('the debrief shows at most 600 characters of an answer', () => {
    const json = JSON.stringify(debriefCard(referential, debriefAtMaximum(3), translator('fr')));
    expect(json).toContain(`${'é'.repeat(590)}…`);
    expect(json).not.toContain('é'.repeat(600));
  });
});
