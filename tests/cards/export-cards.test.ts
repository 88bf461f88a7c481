import { describe, expect, it } from 'vitest';
import { dashboardCard, dayExportCard, dayExportLinksCard, type DayExportLinksView, type DayExportView, type EvaluationLineView } from '../../src/cards/president/index.js';
import { cardSize, CARD_BUDGET_BYTES } from '../../src/cards/render-template.js';
import type { Locale } from '../../src/i18n/translate.js';
import { describeCardContract, type CardCase } from './card-contract.js';
import { actions, dataOf, strings, submits, typeOf } from './card-walk.js';
import { candidate, company } from './fixture.js';

const SESSION = '3f6c1a52-9d0e-4b7a-8c21-5e4f7a9b0c13';
const STATES = ['Signée', 'Entretien terminé, grilles en cours', `Annulée : ${'candidat absent, prévenu trop tard. '.repeat(14).slice(0, 500)}`];

function exportView(locale: Locale = 'fr', count = 8, signed = (i: number) => i % 2 === 0): DayExportView {
  return {
    locale,
    sessionId: SESSION,
    date: '28/11/2026',
    role: 'Présidence du jury',
    candidates: Array.from({ length: count }, (_, i) => ({
      candidate: `${i + 1}. ${candidate}`,
      company,
      state: STATES[i % STATES.length] ?? '',
      included: signed(i),
    })),
  };
}

/** Real links are long: a 40-character-plus session id and a Teams user id in the token. */
const token = `${'eyJzZXNzaW9uIjoiM2Y2YzFhNTItOWQwZS00YjdhLThjMjEtNWU0ZjdhOWIwYzEzIiwidXNlciI6IjI5OjF4WXpBYkNkRWZHaElqS2xNbk9wUXJTdFV2V3hZejAxMjM0NTY3ODkifQ'}.${'s'.repeat(43)}`;
function linksView(locale: Locale = 'fr'): DayExportLinksView {
  const url = (format: string) => `https://jury-cqp.example.org/bot/export/${token}/${locale}/${format}`;
  return { locale, date: '28/11/2026', count: 8, validity: "Liens personnels, valables jusqu'à 14\u00a0h\u00a020.", zip: url('zip'), xlsx: url('xlsx'), csv: url('csv') };
}

/** A signed evaluation on the dashboard, with no button but the export's. */
function line(evaluationId: string): EvaluationLineView {
  const none = { open: false, remind: false, closeCollection: false, consolidation: false, cancel: false, reopenGrid: false, reopenSynthesis: false, header: false, audit: false, day: false };
  return { evaluationId, evaluationRev: 3, candidate, company, state: 'Signée', time: '43 min / 45', members: [], agreed: [], actions: none };
}

const cases: CardCase[] = [];
for (const locale of ['fr', 'en'] as const) {
  for (const [label, view] of [
    ['a day of eight, four signed', exportView(locale)],
    ['nothing signed', exportView(locale, 3, () => false)],
    ['no evaluation', exportView(locale, 0)],
  ] as const) {
    cases.push({
      type: 'day-export',
      label: `day-export ${locale} ${label}`,
      card: dayExportCard(view),
      texts: [view.date, view.role, ...view.candidates.flatMap((c) => [c.candidate, c.company, c.state])],
    });
  }
  const links = linksView(locale);
  cases.push({ type: 'day-export-links', label: `day-export-links ${locale}`, card: dayExportLinksCard(links), texts: [links.validity] });
}
cases.push({
  type: 'dashboard',
  label: 'dashboard with an exportable day',
  card: dashboardCard({ locale: 'fr', days: [{ sessionId: SESSION, date: '28/11/2026', role: 'Présidente', evaluations: [line('e1')], exportable: true }] }),
  texts: [],
});

describeCardContract(cases, { heading: 'Largest export card per type', openUrlTypes: ['day-export-links'] });

describe('the day export card', () => {
  it('marks each candidate exported or not and offers the download only when one is signed', () => {
    const card = dayExportCard(exportView('fr', 3));
    const all = strings(card);
    expect(all.filter((s) => s === 'Exportée')).toHaveLength(2);
    expect(all.filter((s) => s === 'Non exportée (pas signée)')).toHaveLength(1);
    expect(all).toContain('2 évaluation(s) signée(s) sur 3.');
    expect(submits(card).map((a) => dataOf(a))).toEqual([{ verb: 'export.links', sessionId: SESSION }, { verb: 'dashboard.open' }]);

    const none = dayExportCard(exportView('fr', 3, () => false));
    expect(strings(none)).toContain("Aucune évaluation n'est encore signée : il n'y a rien à exporter.");
    expect(submits(none).map((a) => dataOf(a).verb)).toEqual(['dashboard.open']);
  });

  it('is in English for an English-speaking president; the referential and the people stay as they are', () => {
    const all = strings(dayExportCard(exportView('en', 2)));
    expect(all).toContain("The day's results for the deliberation");
    expect(all).toContain('1 signed evaluation(s) out of 2.');
    expect(all).toContain('Not exported (not signed)');
  });

  it('leaves the last candidates of a very long day off the card, says so, and stays within budget', () => {
    const card = dayExportCard(exportView('fr', 80));
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const cut = strings(card).find((s) => s.includes('non affichée(s) ici'));
    expect(cut).toMatch(/^\d+ évaluation\(s\) de plus/);
    expect(strings(card)).toContain('1. ' + candidate);
    expect(strings(card)).not.toContain('80. ' + candidate);
  });
});

describe('the day export links card', () => {
  it('holds the three links and nothing to submit', () => {
    const view = linksView();
    const card = dayExportLinksCard(view);
    expect(actions(card).map((a) => [typeOf(a), a.url])).toEqual([
      ['Action.OpenUrl', view.zip],
      ['Action.OpenUrl', view.xlsx],
      ['Action.OpenUrl', view.csv],
    ]);
    expect(strings(card)).toContain('8 évaluation(s) signée(s) : tableur et PDF.');
  });
});

describe('the dashboard', () => {
  it('offers the export on the days the person presides over only', () => {
    const day = (exportable: boolean, sessionId: string) => ({ sessionId, date: '28/11/2026', role: 'Présidente', evaluations: [line(sessionId)], exportable });
    const card = dashboardCard({ locale: 'fr', days: [day(true, 'mine'), day(false, 'theirs')] });
    expect(submits(card).map((a) => dataOf(a))).toEqual([{ verb: 'export.open', sessionId: 'mine' }]);
  });
});
