import { describe, expect, it } from 'vitest';
import { debriefCard, drillSummaryCard } from '../../../src/bot/features/rehearsal/debrief-views.js';
import { HISTORY_ATTEMPTS_SHOWN, historyCard } from '../../../src/bot/features/rehearsal/history-view.js';
import { briefingCard, conditionCard, menuCard, rateCard } from '../../../src/bot/features/rehearsal/play-views.js';
import { rehearsalEraseCard } from '../../../src/cards/rehearsal-erase-card.js';
import { CARD_BUDGET_BYTES, cardSize, type CardJson } from '../../../src/cards/render-template.js';
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

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

const cases: [string, () => CardJson][] = [];
for (const locale of ['fr', 'en'] as const) {
  const t = translator(locale);
  cases.push([`${locale} menu`, () => menuCard([referential], t)]);
  for (const n of [1, 2, 3, DRILL_SHEET]) cases.push([`${locale} briefing ${n}`, () => briefingCard(referential, briefing(n), t)]);
  const condition = referential.rolePlays.flatMap((s) => s.conditions)[0];
  if (condition) cases.push([`${locale} condition`, () => conditionCard(briefing(2), condition, t)]);
  for (const n of [1, 2, 3]) cases.push([`${locale} debrief ${n} at maximum`, () => debriefCard(referential, debriefAtMaximum(n), t)]);
  const question = drillQuestions(referential)[0];
  if (question) cases.push([`${locale} rate`, () => rateCard(referential, briefing(DRILL_SHEET), question, 0, 7, t)]);
  cases.push([`${locale} drill summary at maximum`, () => drillSummaryCard(referential, drillAtMaximum(), t)]);
  cases.push([
    `${locale} history with 40 attempts per sheet`,
    () => {
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
      return historyCard(attempts, new Map([[referential.id, referential]]), 'Europe/Paris', t);
    },
  ]);
  cases.push([
    `${locale} erase`,
    () => rehearsalEraseCard({ title: t('rehearsal.erase.title'), body: t('rehearsal.erase.body', { count: 999 }), confirm: t('rehearsal.erase.confirm'), cancel: t('rehearsal.erase.cancel'), askedAt: T0.toISOString() }),
  ]);
}

describe('rehearsal cards: Adaptive Cards 1.5, within the budget, every input labelled', () => {
  it.each(cases)('%s', (_name, render) => {
    const card = render();
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(card.version).toBe('1.5');
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    walk(card, (node) => {
      if (typeof node.type === 'string' && node.type.startsWith('Input.')) {
        expect(typeof node.id === 'string' && node.id !== '').toBe(true);
        expect(typeof node.label === 'string' && node.label !== '').toBe(true);
      }
      if (typeof node.type === 'string' && node.type.startsWith('Action.')) {
        expect(node.type).toBe('Action.Submit');
        expect(typeof (node.data as { verb?: unknown }).verb).toBe('string');
      }
    });
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
