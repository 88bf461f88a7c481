import { describe, expect, it } from 'vitest';
import { submissionSchema } from '../../src/bot/verbs.js';
import {
  auditCard,
  confirmCard,
  consolidationCard,
  DASHBOARD_BUTTONS_PER_ROW,
  dashboardCard,
  dayCard,
  headerFormCard,
  pdfLinkCard,
  reasonFormCard,
  signPreviewCard,
  synthesisCard,
  type AuditView,
  type ConfirmView,
  type ConsolidationView,
  type DashboardView,
  type DayView,
  type EvaluationLineView,
  type HeaderFormView,
  type PdfLinkView,
  type ReasonFormView,
  type SignPreviewView,
  type SynthesisView,
} from '../../src/cards/president/index.js';
import { CARD_BUDGET_BYTES, cardSize, type CardJson } from '../../src/cards/render-template.js';
import type { Locale } from '../../src/i18n/translate.js';
import { describeCardContract, type CardCase } from './card-contract.js';
import { actions, asShown, dataOf, inputs, nodes, payload, strings, submits, typeOf, type Node } from './card-walk.js';
import { COMMENT_MAX, REASON_MAX, candidate, company, fill, header, members, referential } from './fixture.js';

/**
 * The president's cards rendered from realistic views at their maximum: three
 * members with 100-character names and functions, the unified comment at
 * 2,000 characters, reasons at 500, three row differences per domain, the real
 * referential's domain titles, questions and relaunches.
 */

const EVALUATION = 'ev-2026-11-28-lea-dupont';
const SESSION = 'session-2026-11-28-claire';
const percent = (value: number): string => `${value}\u00a0%`;
const UNIFIED_MAX = fill(
  "Candidate à l'aise au téléphone, discours posé et argumenté ; propose des solutions de remplacement et un avoir. La procédure de rupture est à consolider (sources, délais). ",
  2000,
);
const memberLine = (m: (typeof members)[number]): string => `${m.name} (${m.function})`;
const domains = referential.domains;
const rowTitles = domains.map((d) => d.rows.map((r) => r.title));

/** Domain 1 diverges (Marc 75, Inès 45, Claire 60: spread 30); the others do not. */
const reported: number[][] = [
  [60, 75, 45],
  [70, 65, 70],
  [55, 50, 60],
];

function consolidationView(locale: Locale = 'fr', options: { excluded?: boolean } = {}): ConsolidationView {
  const present = options.excluded ? members.slice(0, 2) : members;
  return {
    locale,
    evaluationId: EVALUATION,
    rev: 7,
    header: header('members'),
    members: present.map(memberLine),
    excluded: options.excluded ? [memberLine(members[2])] : [],
    threshold: 20,
    domains: domains.map((domain, d) => {
      const values = reported[d]!.slice(0, present.length);
      const min = Math.min(...values);
      const max = Math.max(...values);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return {
        id: domain.id,
        title: domain.title,
        values: present.map((m, i) => ({ member: m.name, value: percent(values[i]!) })),
        mean: `${mean.toFixed(1).replace('.', ',')}\u00a0%`,
        min: percent(min),
        max: percent(max),
        spread: `${max - min} points`,
        divergent: max - min >= 20,
        rowDifferences: [0, 1, 2].map((i) => {
          const row = rowTitles[d]![i] ?? rowTitles[d]![0]!;
          return `${row} : 40 à 80\u00a0% (écart 40)`;
        }),
        agreed: String(Math.round(mean)),
        notEvaluated: d === 2,
        notEvaluatedReason: REASON_MAX,
      };
    }),
    comment: UNIFIED_MAX,
    notice: 'Enregistré à 15\u00a0h\u00a002. Les valeurs « 55,5 » ne sont pas acceptées : nombre entier de 0 à 100.',
  };
}

const synthesisDomains = (): { title: string; value: string }[] =>
  domains.map((d, i) => ({ title: d.title, value: i === 2 ? `Non évalué : ${REASON_MAX}` : percent(60 + i) }));

function signPreviewView(locale: Locale = 'fr'): SignPreviewView {
  return {
    locale,
    evaluationId: EVALUATION,
    rev: 8,
    header: header('members'),
    domains: synthesisDomains(),
    comment: UNIFIED_MAX,
    recipients: [`${members[0].name} (vous)`, members[1].name, members[2].name],
  };
}

function synthesisView(locale: Locale = 'fr', replaced = false): SynthesisView {
  return {
    locale,
    evaluationId: EVALUATION,
    title: referential.grids.synthesis,
    header: header('members'),
    domains: synthesisDomains(),
    comment: UNIFIED_MAX,
    signature: `Signé par ${members[0].name} le 28/11/2026 à 14\u00a0h\u00a005`,
    ...(replaced ? { replaced: `Version remplacée le 28/11/2026 à 15\u00a0h\u00a010 : ${REASON_MAX}` } : {}),
  };
}

function pdfLinkView(locale: Locale = 'fr'): PdfLinkView {
  return {
    locale,
    url: `https://jury.example.fr/pdf/${EVALUATION}?token=${fill('a1B2c3D4', 64)}`,
    validity: "Lien valable jusqu'à 14\u00a0h\u00a020.",
  };
}

const allActions: EvaluationLineView['actions'] = {
  open: true,
  remind: true,
  closeCollection: true,
  consolidation: true,
  cancel: true,
  reopenGrid: true,
  reopenSynthesis: true,
  header: true,
  audit: true,
  day: true,
};

function evaluationLine(n: number, actionsOf: EvaluationLineView['actions'] = allActions): EvaluationLineView {
  return {
    evaluationId: `${EVALUATION}-${n}`,
    evaluationRev: 12,
    candidate: `${n}. ${candidate}`,
    company,
    state: n % 2 === 0 ? 'Collecte close' : 'Signée',
    time: '43 min / 45',
    members: members.map((m, i) => ({ name: memberLine(m), status: i === 2 ? 'Laissé hors synthèse' : 'Grille soumise' })),
    agreed: domains.map((d) => `${d.title} : ${percent(60)}`),
    ownProgress: 'Votre grille : soumise',
    actions: actionsOf,
  };
}

function dashboardView(locale: Locale = 'fr', dayCount = 2, perDay = 2): DashboardView {
  return {
    locale,
    days: Array.from({ length: dayCount }, (_, d) => ({
      sessionId: `${SESSION}-${d}`,
      date: `${28 - d}/11/2026`,
      role: 'Présidente',
      evaluations: Array.from({ length: perDay }, (_, e) => evaluationLine(d * perDay + e + 1)),
    })),
    notice: "La collecte est close : Inès Roy n'a pas soumis sa grille, elle est laissée hors de la synthèse.",
  };
}

const questionTexts = domains.flatMap((d) => d.rows.flatMap((r) => r.questions.map((q) => q.text)));
const lineTexts = referential.rolePlays.flatMap((s) => s.lines.filter((l) => l.type === 'relaunch' || l.type === 'direction' || l.type === 'conditional').map((l) => l.text));

/** A full jury day: six candidates, every question and every relaunch listed for each. */
function dayView(locale: Locale = 'fr', candidates = 6): DayView {
  return {
    locale,
    sessionId: SESSION,
    date: '28/11/2026',
    candidates: Array.from({ length: candidates }, (_, i) => ({
      candidate: `${i + 1}. ${candidate}`,
      time: `${40 + i} min / 45`,
      agreed: domains.map((d) => `${d.title} : ${percent(60 + i)}`),
    })),
    calibration: members.map((m) => ({
      member: memberLine(m),
      domains: domains.map((d) => ({ title: d.title, value: `${percent(75)} déclaré / ${percent(60)} retenu (+15)` })),
    })),
    equalTreatment: Array.from({ length: candidates }, (_, i) => ({
      candidate: `${i + 1}. ${candidate}`,
      summary: `Questions posées : ${questionTexts.length}/${questionTexts.length} · Relances utilisées : ${lineTexts.length}/${lineTexts.length}`,
      // What was asked (✓) or not (✗), different for each candidate.
      details: [...questionTexts, ...lineTexts].map((text, j) => `${(i + j) % candidates === 0 ? '✗' : '✓'} ${text}`),
    })),
  };
}

function reasonFormView(action: ReasonFormView['action'], locale: Locale = 'fr'): ReasonFormView {
  return {
    locale,
    evaluationId: EVALUATION,
    evaluationRev: 7,
    action,
    title: { cancel: "Annuler l'évaluation", reopenGrid: 'Rouvrir une grille', reopenSynthesis: 'Rouvrir la synthèse signée' }[action],
    explanation: `L'évaluation de ${candidate} reste dans le journal ; chaque membre est informé.`,
    ...(action === 'reopenGrid' ? { members: members.map((m, i) => ({ id: `person-${i}`, title: memberLine(m) })) } : {}),
    error: 'Indiquez un motif : il est inscrit au journal.',
  };
}

function headerFormView(locale: Locale = 'fr'): HeaderFormView {
  return {
    locale,
    evaluationId: EVALUATION,
    evaluationRev: 7,
    date: '2026-11-28',
    candidateLastName: fill('DUPONT-LEFÈVRE ', 100),
    candidateFirstName: fill('Léa-Marie ', 100),
    company,
    error: "La date « 31/02/2026 » n'existe pas.",
  };
}

function confirmView(action: ConfirmView['action'], locale: Locale = 'fr'): ConfirmView {
  return {
    locale,
    evaluationId: EVALUATION,
    evaluationRev: 7,
    action,
    title: action === 'close' ? 'Clore la collecte ?' : 'Relancer les membres ?',
    explanation:
      action === 'close'
        ? `${members[2].name} n'a pas soumis sa grille : elle sera laissée hors de la synthèse.`
        : 'Un rappel sera envoyé à ceux qui n’ont pas soumis leur grille :',
    names: [members[1].name, members[2].name],
  };
}

function auditView(locale: Locale = 'fr', count = 20): AuditView {
  const sentences = [
    (who: string) => `${who} a soumis sa grille.`,
    (who: string) => `${who} a corrigé l'en-tête : entreprise : « Laiterie du Val » → « ${company} ».`,
    (who: string) => `${who} a noté la ligne « Traitement en interne d'une erreur » : 70\u00a0%.`,
    (who: string) => `${who} a modifié la ligne « Délais » : notes « ${'Reformule la demande, propose un délai réaliste. '.repeat(3).slice(0, 160)}… »`,
  ];
  return {
    locale,
    evaluationId: EVALUATION,
    candidate,
    entries: Array.from({ length: count }, (_, i) => ({
      at: `28/11/2026 ${String(17 - Math.floor(i / 6)).padStart(2, '0')}\u00a0h\u00a0${String((i * 7) % 60).padStart(2, '0')}`,
      sentence: sentences[i % sentences.length]!(members[i % 3]!.name),
    })),
    range: `Entrées 21 à ${20 + count} sur 75, les plus récentes en premier.`,
    older: { page: 2, total: 75 },
    newer: { page: 0, total: 75 },
  };
}

// ---------------------------------------------------------------- every card, both locales

const headerTexts = (h: ReturnType<typeof header>): string[] => [h.date, h.people, h.candidate, h.company];

function buildCases(): CardCase[] {
  const cases: CardCase[] = [];
  for (const locale of ['fr', 'en'] as const) {
    for (const excluded of [false, true]) {
      const view = consolidationView(locale, { excluded });
      cases.push({
        type: 'consolidation',
        label: `consolidation ${locale} excluded=${excluded}`,
        card: consolidationCard(view),
        texts: [
          ...headerTexts(view.header),
          ...view.members,
          ...view.excluded,
          view.comment,
          view.notice ?? '',
          ...view.domains.flatMap((d) => [
            d.title,
            d.mean,
            d.min,
            d.max,
            d.spread,
            d.notEvaluatedReason,
            ...d.rowDifferences,
            ...d.values.flatMap((v) => [v.member, v.value]),
          ]),
        ],
      });
    }
    const preview = signPreviewView(locale);
    cases.push({
      type: 'sign-preview',
      label: `sign-preview ${locale}`,
      card: signPreviewCard(preview),
      texts: [...headerTexts(preview.header), preview.comment, ...preview.recipients, ...preview.domains.flatMap((d) => [d.title, d.value])],
    });
    for (const replaced of [false, true]) {
      const view = synthesisView(locale, replaced);
      cases.push({
        type: 'synthesis',
        label: `synthesis ${locale} replaced=${replaced}`,
        card: synthesisCard(view),
        texts: [view.title, ...headerTexts(view.header), view.comment, view.signature, view.replaced ?? '', ...view.domains.flatMap((d) => [d.title, d.value])],
      });
    }
    const pdf = pdfLinkView(locale);
    cases.push({ type: 'pdf-link', label: `pdf-link ${locale}`, card: pdfLinkCard(pdf), texts: [pdf.url, pdf.validity] });
    const dashboard = dashboardView(locale);
    cases.push({
      type: 'dashboard',
      label: `dashboard ${locale}`,
      card: dashboardCard(dashboard),
      texts: [
        dashboard.notice ?? '',
        ...dashboard.days.flatMap((d) => [
          d.date,
          d.role,
          ...d.evaluations.flatMap((e) => [e.candidate, e.company, e.state, e.time, e.ownProgress ?? '', ...e.agreed, ...e.members.flatMap((m) => [m.name, m.status])]),
        ]),
      ],
    });
    const day = dayView(locale);
    cases.push({
      type: 'day',
      label: `day ${locale}`,
      card: dayCard(day),
      texts: [
        day.date,
        ...day.candidates.flatMap((c) => [c.candidate, c.time, ...c.agreed]),
        ...day.calibration.flatMap((c) => [c.member, ...c.domains.flatMap((d) => [d.title, d.value])]),
        ...day.equalTreatment.flatMap((e) => [e.candidate, e.summary]),
        // The first candidates' lists always fit (the last ones may be left out: see below).
        ...day.equalTreatment[0]!.details,
      ],
    });
    for (const action of ['cancel', 'reopenGrid', 'reopenSynthesis'] as const) {
      const view = reasonFormView(action, locale);
      cases.push({
        type: 'reason-form',
        label: `reason-form ${action} ${locale}`,
        card: reasonFormCard(view),
        texts: [view.title, view.explanation, view.error ?? '', ...(view.members ?? []).map((m) => m.title)],
      });
    }
    const headerForm = headerFormView(locale);
    cases.push({
      type: 'header-form',
      label: `header-form ${locale}`,
      card: headerFormCard(headerForm),
      texts: [headerForm.date, headerForm.candidateLastName, headerForm.candidateFirstName, headerForm.company, headerForm.error ?? ''],
    });
    for (const action of ['close', 'remind'] as const) {
      const view = confirmView(action, locale);
      cases.push({ type: 'confirm', label: `confirm ${action} ${locale}`, card: confirmCard(view), texts: [view.title, view.explanation, ...view.names] });
    }
    const audit = auditView(locale);
    cases.push({
      type: 'audit',
      label: `audit ${locale}`,
      card: auditCard(audit),
      texts: [audit.candidate, audit.range ?? '', ...audit.entries.flatMap((e) => [e.at, e.sentence])],
    });
  }
  return cases;
}

const cases = buildCases();
describeCardContract(cases, { heading: 'Largest president card per type', openUrlTypes: ['pdf-link'] });

// ---------------------------------------------------------------- card by card

const byId = (card: CardJson, id: string): Node => {
  const found = inputs(card).find((i) => i.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
};

describe('consolidation card', () => {
  const view = consolidationView();
  const card = consolidationCard(view);

  it('has per domain the agreed value (pre-filled), non évalué and its reason, then the comment', () => {
    const ids = inputs(card).map((i) => i.id);
    expect(ids).toEqual([...domains.flatMap((d) => [`agreed_${d.id}`, `notEvaluated_${d.id}`, `reason_${d.id}`]), 'comment']);
    for (const [d, domain] of view.domains.entries()) {
      expect(byId(card, `agreed_${domain.id}`)).toMatchObject({ type: 'Input.Number', min: 0, max: 100, value: Number(domain.agreed), label: 'Appréciation retenue (%)' });
      expect(byId(card, `notEvaluated_${domain.id}`)).toMatchObject({
        type: 'Input.Toggle',
        valueOn: 'true',
        valueOff: 'false',
        value: d === 2 ? 'true' : 'false',
        label: 'Non évalué',
      });
      expect(byId(card, `reason_${domain.id}`)).toMatchObject({ type: 'Input.Text', maxLength: 500, value: REASON_MAX, label: 'Motif' });
    }
    expect(byId(card, 'comment')).toMatchObject({
      type: 'Input.Text',
      isMultiline: true,
      maxLength: 2000,
      value: UNIFIED_MAX,
      label: 'Commentaire unique du jury (2 000 caractères au plus)',
    });
  });

  it('flags only the divergent domains, in attention style', () => {
    const flag = '⚠ Divergence : écart de 30 points (seuil : ≥ 20)';
    expect(strings(card).filter((s) => s.startsWith('⚠ Divergence'))).toEqual([flag]);
    const domainContainers = nodes(card).filter((n) => typeOf(n) === 'Container' && Array.isArray(n.items) && (n.items as Node[]).some((i) => i.type === 'Input.Number'));
    expect(domainContainers.map((c) => c.style ?? 'default')).toEqual(['attention', 'default', 'default']);
    expect(strings(domainContainers[0]!)).toContain(flag);
    const calm = consolidationCard({ ...view, domains: view.domains.map((d) => ({ ...d, divergent: false })) });
    expect(strings(calm).some((s) => s.startsWith('⚠'))).toBe(false);
    expect(nodes(calm).filter((n) => n.style === 'attention')).toHaveLength(1); // the notice only
  });

  it("shows each member's value and the mean, min, max and spread as facts", () => {
    const facts = nodes(card).filter((n) => typeOf(n) === 'FactSet')[1]!.facts as Node[];
    expect(facts.map((f) => f.title)).toEqual([...members.map((m) => m.name), 'Moyenne', 'Min.', 'Max.', 'Écart']);
    expect(facts.map((f) => f.value)).toEqual([percent(60), percent(75), percent(45), '60,0\u00a0%', percent(45), percent(75), '30 points']);
    expect(strings(card)).toContain('Lignes où les avis diffèrent le plus');
  });

  it('saves and previews with the synthesis rev, the inputs parsed as the bot receives them', () => {
    expect(submits(card).map((a) => [a.title, dataOf(a)])).toEqual([
      ['Enregistrer', { verb: 'synthesis.save', evaluationId: EVALUATION, rev: 7 }],
      ['Vérifier avant de signer', { verb: 'synthesis.preview', evaluationId: EVALUATION, rev: 7 }],
    ]);
    const parsed = submissionSchema.parse(payload(card, submits(card)[1]!));
    expect(parsed).toMatchObject({ verb: 'synthesis.preview', rev: 7, comment: UNIFIED_MAX, [`agreed_${domains[0]!.id}`]: '70', [`reason_${domains[2]!.id}`]: REASON_MAX });
  });

  it('gives the agreed input no value when nothing is agreed, and lists the excluded members', () => {
    const empty = consolidationCard({ ...view, domains: view.domains.map((d) => ({ ...d, agreed: '' })) });
    for (const d of domains) expect(byId(empty, `agreed_${d.id}`)).not.toHaveProperty('value');
    const excluded = consolidationCard(consolidationView('fr', { excluded: true }));
    expect(strings(excluded)).toContain('Laissés hors de la synthèse (grille non soumise à la clôture de la collecte) :');
    expect(strings(card).some((s) => s.startsWith('Laissés hors'))).toBe(false);
  });
});

describe('sign preview card', () => {
  it('names the recipients and signs with the rev, or goes back to the consolidation', () => {
    const view = signPreviewView();
    const card = signPreviewCard(view);
    expect(strings(card)).toContain('Sera envoyée à :');
    expect(strings(card)).toContain(view.recipients.map((r) => `- ${r}`).join('\r'));
    expect(inputs(card)).toHaveLength(0);
    expect(submits(card).map((a) => [a.title, dataOf(a)])).toEqual([
      ['Signer et envoyer', { verb: 'synthesis.sign', evaluationId: EVALUATION, rev: 8 }],
      ['Revenir à la consolidation', { verb: 'synthesis.open', evaluationId: EVALUATION }],
    ]);
  });
});

describe('synthesis card', () => {
  const signed = synthesisCard(synthesisView());
  const replaced = synthesisCard(synthesisView('fr', true));

  const texts = (card: CardJson): string[] => nodes(card).filter((n) => typeOf(n) === 'TextBlock').map((n) => String(n.text));

  it("is the guide's grille de synthèse: title, the header's four fields, domains, comment, signature", () => {
    const all = texts(signed);
    expect(all[0]).toBe(referential.grids.synthesis);
    const header = nodes(signed).find((n) => typeOf(n) === 'FactSet')!.facts as Node[];
    expect(header.map((f) => f.title)).toEqual([
      "Date de l'évaluation",
      'Nom et fonction des membres du jury ou du professionnel',
      'Nom et prénom du candidat',
      'Entreprise du candidat',
    ]);
    for (const text of ['Domaines', "L'appréciation de chaque domaine", 'Commentaires :', 'Signature du président du jury ou du professionnel']) expect(all).toContain(text);
    expect(all.indexOf('Domaines')).toBeLessThan(all.indexOf(domains[0]!.title));
    expect(all.indexOf(domains[2]!.title)).toBeLessThan(all.indexOf('Commentaires :'));
    expect(all.indexOf(UNIFIED_MAX)).toBeLessThan(all.indexOf(synthesisView().signature));
  });

  it('has no input, and a PDF button only when not replaced', () => {
    expect(inputs(signed)).toHaveLength(0);
    expect(inputs(replaced)).toHaveLength(0);
    expect(submits(signed).map(dataOf)).toEqual([{ verb: 'synthesis.pdf', evaluationId: EVALUATION }]);
    expect(actions(replaced)).toHaveLength(0);
  });

  it('shows a replaced version in attention style, first', () => {
    const attention = nodes(replaced).filter((n) => n.style === 'attention');
    expect(attention).toHaveLength(1);
    expect(texts(attention[0]!)[0]).toMatch(/^Version remplacée le 28\/11\/2026/);
    expect(texts(replaced)[0]).toBe(synthesisView('fr', true).replaced);
    expect(nodes(signed).some((n) => n.style === 'attention')).toBe(false);
  });

  it('says so when there is no comment', () => {
    expect(strings(synthesisCard({ ...synthesisView(), comment: '  ' }))).toContain('Aucun commentaire.');
  });
});

describe('PDF link card', () => {
  it('opens the URL: the only OpenUrl, no submit', () => {
    const view = pdfLinkView();
    const card = pdfLinkCard(view);
    expect(actions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Ouvrir le PDF', url: view.url }]);
  });
});

describe('dashboard card', () => {
  const titlesOf = (container: Node): string[] => actions(container as CardJson).map((a) => String(a.title));

  it(`shows every allowed button, ${DASHBOARD_BUTTONS_PER_ROW} at most in a row, the rest behind "Plus d'actions…" with the same data`, () => {
    const card = dashboardCard(dashboardView());
    const rows = nodes(card).filter((n) => typeOf(n) === 'ActionSet' && (n.actions as Node[]).some((a) => dataOf(a as Node).verb !== 'dashboard.day' || typeOf(a as Node) === 'Action.ShowCard'));
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect((row.actions as Node[]).length).toBeLessThanOrEqual(DASHBOARD_BUTTONS_PER_ROW);
      const more = (row.actions as Node[]).find((a) => typeOf(a) === 'Action.ShowCard')!;
      expect(more.title).toBe("Plus d'actions…");
    }
    const first = rows[0]!;
    expect(titlesOf(first)).toEqual([
      'Ouvrir',
      'Consolidation',
      'Relancer',
      "Plus d'actions…",
      'Clore la collecte',
      'Rouvrir une grille',
      'Rouvrir la synthèse signée',
      "Corriger l'en-tête",
      'Journal',
      "Annuler l'évaluation",
    ]);
    const verbs = submits(first as CardJson).map(dataOf);
    expect(verbs).toEqual(
      [
        'evaluation.frame',
        'synthesis.open',
        'evaluation.remind',
        'evaluation.close',
        'grid.reopenForm',
        'synthesis.reopenForm',
        'evaluation.headerForm',
        'evaluation.audit',
        'evaluation.cancelForm',
      ].map((verb) => ({ verb, evaluationId: `${EVALUATION}-1`, evaluationRev: 12 })),
    );
  });

  it('shows only the buttons whose flag is true, in one row when they are few; the day review per day', () => {
    const none = Object.fromEntries(Object.keys(allActions).map((k) => [k, false])) as EvaluationLineView['actions'];
    const view: DashboardView = {
      locale: 'fr',
      days: [
        { sessionId: SESSION, date: '28/11/2026', role: 'Membre du jury', evaluations: [evaluationLine(1, { ...none, open: true, audit: true }), evaluationLine(2, none)] },
      ],
    };
    const card = dashboardCard(view);
    expect(actions(card).map((a) => [a.title, dataOf(a)])).toEqual([
      ['Ouvrir', { verb: 'evaluation.frame', evaluationId: `${EVALUATION}-1`, evaluationRev: 12 }],
      ['Journal', { verb: 'evaluation.audit', evaluationId: `${EVALUATION}-1`, evaluationRev: 12 }],
    ]);
    const withDay = dashboardCard({ ...view, days: [{ ...view.days[0]!, evaluations: [evaluationLine(2, { ...none, day: true })] }] });
    expect(actions(withDay).map((a) => [a.title, dataOf(a)])).toEqual([['Bilan de la journée', { verb: 'dashboard.day', sessionId: SESSION }]]);
    expect(strings(card)).toContain('Journée du 28/11/2026 · Membre du jury');
  });

  it('says when there is nothing yet', () => {
    const card = dashboardCard({ locale: 'fr', days: [] });
    expect(strings(card)).toContain("Aucune évaluation pour l'instant. Écrivez « nouvelle évaluation » pour en créer une.");
    expect(actions(card)).toHaveLength(0);
  });

  it('leaves out the oldest evaluations when a long history would not fit, and says how many', () => {
    const view = dashboardView('fr', 12, 3);
    const full = 36;
    const card = dashboardCard(view);
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const shown = submits(card).filter((a) => dataOf(a).verb === 'evaluation.frame').length;
    console.log(`dashboard, 36 evaluations at their maximum: ${shown} shown, ${cardSize(card)} B`);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(full);
    expect(strings(card)).toContain(`Pour tenir dans la carte, ${full - shown} évaluation(s) des journées les plus anciennes ne sont pas affichées.`);
    // The newest first: the first evaluation of the first day is shown.
    expect(strings(card)).toContain(view.days[0]!.evaluations[0]!.candidate);
  });
});

describe('day card', () => {
  it('shows time per candidate, calibration per member and equal treatment, and goes back to the dashboard', () => {
    const view = dayView();
    const card = dayCard(view);
    const all = strings(card);
    expect(all).toContain("Durée de l'entretien : 40 min / 45");
    expect(all).toContain(view.equalTreatment[0]!.details.map((d) => `- ${d}`).join('\r'));
    const calibration = nodes(card).filter((n) => typeOf(n) === 'FactSet');
    expect(calibration).toHaveLength(members.length);
    expect(submits(card).map(dataOf)).toEqual([{ verb: 'dashboard.open' }]);
  });

  it('leaves out the lists of the last candidates when a full day would not fit, keeping every summary', () => {
    const view = dayView('fr', 6);
    const card = dayCard(view);
    const all = strings(card);
    const lists = view.equalTreatment.map((e) => all.includes(e.details.map((d) => `- ${d}`).join('\r')));
    expect(new Set(view.equalTreatment.map((e) => e.details.join())).size).toBe(view.equalTreatment.length);
    const shown = lists.filter(Boolean).length;
    console.log(`day card, six candidates with every question and relaunch: ${shown} lists of ${lists.length} shown, ${cardSize(card)} B`);
    expect(shown).toBeGreaterThan(0);
    expect(lists).toEqual(view.equalTreatment.map((_, i) => i < shown));
    if (shown < view.equalTreatment.length) {
      expect(all).toContain(`Pour tenir dans la carte, le détail des questions et relances des ${view.equalTreatment.length - shown} derniers candidats n'est pas affiché.`);
    }
    for (const e of view.equalTreatment) expect(all).toContain(e.summary);
    expect(dayCard(dayView('fr', 2)).body).not.toContainEqual(expect.objectContaining({ text: expect.stringMatching(/^Pour tenir/) }));
  });

  it('says when nothing is consolidated yet', () => {
    const card = dayCard({ locale: 'fr', sessionId: SESSION, date: '28/11/2026', candidates: [], calibration: [], equalTreatment: [] });
    expect(strings(card)).toEqual(expect.arrayContaining(["Aucun candidat pour l'instant.", "Aucune évaluation consolidée pour l'instant."]));
  });
});

describe('reason form card', () => {
  it.each([
    ['cancel', 'evaluation.cancel', "Annuler l'évaluation"],
    ['reopenGrid', 'grid.reopen', 'Rouvrir la grille'],
    ['reopenSynthesis', 'synthesis.reopen', 'Rouvrir la synthèse signée'],
  ] as const)('%s submits %s with a required reason (≤ 500)', (action, verb, title) => {
    const card = reasonFormCard(reasonFormView(action));
    expect(byId(card, 'reason')).toMatchObject({ type: 'Input.Text', maxLength: 500, isRequired: true, label: 'Motif' });
    const [submit, back] = submits(card);
    expect([submit!.title, dataOf(submit!)]).toEqual([title, { verb, evaluationId: EVALUATION, evaluationRev: 7 }]);
    expect(dataOf(back!)).toEqual({ verb: 'dashboard.open' });
    expect(back!.associatedInputs).toBe('none');
    const parsed = submissionSchema.parse(payload(card, submit!));
    expect(parsed).toMatchObject({ verb, reason: 'Texte saisi' });
  });

  it('asks whose grid to reopen, and only then', () => {
    const card = reasonFormCard(reasonFormView('reopenGrid'));
    const member = byId(card, 'memberId');
    expect(member).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, label: 'Membre dont la grille est rouverte' });
    expect((member.choices as Node[]).map((c) => c.value)).toEqual(['person-0', 'person-1', 'person-2']);
    expect(submissionSchema.parse(payload(card, submits(card)[0]!))).toMatchObject({ verb: 'grid.reopen', memberId: 'person-0' });
    expect(inputs(reasonFormCard(reasonFormView('cancel'))).map((i) => i.id)).toEqual(['reason']);
  });
});

describe('header form card', () => {
  it('has the four fields pre-filled and submits evaluation.header', () => {
    const view = headerFormView();
    const card = headerFormCard(view);
    expect(inputs(card).map((i) => [i.id, i.type, i.value])).toEqual([
      ['date', 'Input.Date', '2026-11-28'],
      ['candidateLastName', 'Input.Text', view.candidateLastName],
      ['candidateFirstName', 'Input.Text', view.candidateFirstName],
      ['company', 'Input.Text', view.company],
    ]);
    const submit = submits(card)[0]!;
    expect(submissionSchema.parse(payload(card, submit))).toEqual({
      verb: 'evaluation.header',
      evaluationId: EVALUATION,
      evaluationRev: 7,
      date: '2026-11-28',
      candidateLastName: view.candidateLastName,
      candidateFirstName: view.candidateFirstName,
      company: view.company,
    });
  });

  it('gives the date input no value when the date is not AAAA-MM-JJ', () => {
    expect(byId(headerFormCard({ ...headerFormView(), date: '28/11/2026' }), 'date')).not.toHaveProperty('value');
  });
});

describe('confirm card', () => {
  it.each([
    ['close', 'evaluation.close', 'Clore la collecte'],
    ['remind', 'evaluation.remind', 'Relancer'],
  ] as const)('%s confirms with %s and confirm: true, or cancels to the dashboard', (action, verb, title) => {
    const card = confirmCard(confirmView(action));
    expect(submits(card).map((a) => [a.title, dataOf(a)])).toEqual([
      [title, { verb, evaluationId: EVALUATION, evaluationRev: 7, confirm: true }],
      ['Annuler', { verb: 'dashboard.open' }],
    ]);
    expect(submissionSchema.parse(dataOf(submits(card)[0]!))).toMatchObject({ verb, confirm: true });
  });
});

describe('audit card', () => {
  it('lists the page as given (newest first), each entry its time and its sentence', () => {
    const view = auditView('fr', 5);
    const all = strings(auditCard(view));
    const positions = view.entries.map((e) => all.indexOf(e.sentence, all.indexOf(e.at)));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    expect(all).toContain(view.range);
  });

  it('pages with « Entrées plus anciennes » / « Entrées plus récentes », the page and the trail length in the data', () => {
    const card = auditCard(auditView());
    expect(submits(card).map((a) => [a.title, dataOf(a)])).toEqual([
      ['Entrées plus anciennes', { verb: 'evaluation.audit', evaluationId: EVALUATION, page: '2', total: '75' }],
      ['Entrées plus récentes', { verb: 'evaluation.audit', evaluationId: EVALUATION, page: '0', total: '75' }],
      ['Revenir au tableau de bord', { verb: 'dashboard.open' }],
    ]);
    for (const action of submits(card).slice(0, 2)) expect(submissionSchema.parse(dataOf(action))).toMatchObject({ verb: 'evaluation.audit' });
    const { older: _older, newer: _newer, ...firstAndLast } = auditView();
    expect(submits(auditCard(firstAndLast)).map((a) => a.title)).toEqual(['Revenir au tableau de bord']);
  });

  it('leaves out the oldest entries of a page itself if they would not fit, and says how many', () => {
    const view = auditView('fr', 400);
    const card = auditCard(view);
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const shown = view.entries.filter((e) => strings(card).includes(e.sentence) && strings(card).includes(e.at)).length;
    expect(shown).toBeGreaterThan(20);
    expect(strings(card)).toContain(`Pour tenir dans la carte, les ${400 - shown} entrées les plus anciennes de cette page ne sont pas affichées.`);
    // The newest entry is kept.
    expect(strings(card)).toContain(view.entries[0]!.sentence);
  });

  it('says when the trail is empty, and shows a notice when given', () => {
    const { range: _range, ...rest } = auditView();
    expect(strings(auditCard({ ...rest, entries: [] }))).toContain('Aucune entrée.');
    expect(strings(auditCard({ ...auditView(), notice: 'Cette page du journal n’existe pas ou plus.' }))).toContain('Cette page du journal n’existe pas ou plus.');
  });
});

describe('English labels come from the English catalog', () => {
  it('consolidation and synthesis', () => {
    const card = consolidationCard(consolidationView('en'));
    expect(actions(card).map((a) => a.title)).toEqual(['Save', 'Check before signing']);
    expect(strings(card)).toContain('⚠ Divergence: spread of 30 points (threshold: ≥ 20)');
    expect(strings(card)).toContain(domains[0]!.title);
    expect(strings(synthesisCard(synthesisView('en')))).toContain('Comments:');
  });
});

// ---------------------------------------------------------------- worst cases and user text

describe('worst case sizes', () => {
  it('a consolidation whose every text JSON-escapes to double length stays within budget', () => {
    const view = consolidationView();
    view.comment = fill('"', 2000);
    view.notice = fill('"', 300);
    for (const domain of view.domains) {
      domain.notEvaluatedReason = fill('"', 500);
      domain.rowDifferences = domain.rowDifferences.map(() => fill('"', 150));
    }
    const size = cardSize(consolidationCard(view));
    console.log(`consolidation, every text escaped: ${size} B`);
    expect(size).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });

  it('a synthesis with an escaped 2,000-character comment and 500-character reasons stays within budget', () => {
    const view = synthesisView('fr', true);
    view.comment = fill('"', 2000);
    view.domains = view.domains.map((d) => ({ ...d, value: `Non évalué : ${fill('"', 500)}` }));
    expect(cardSize(synthesisCard(view))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(cardSize(signPreviewCard({ ...signPreviewView(), comment: view.comment, domains: view.domains }))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });

  it('the fixture is at its maximum', () => {
    expect(UNIFIED_MAX).toHaveLength(2000);
    expect(REASON_MAX).toHaveLength(500);
    expect(COMMENT_MAX).toHaveLength(1000);
    for (const m of members) expect([m.name.length, m.function.length]).toEqual([100, 100]);
  });
});

describe('user text is data, never a template', () => {
  const tricky = "${comment} ${$root.evaluationId} $root ${if(true, 'a', 'b')} @{x} {{x}} ${ \\${x} {name}";
  const trickyHeader = { date: tricky, candidate: tricky, company: tricky, people: tricky };

  it.each([
    [
      'consolidation',
      () => {
        const view = consolidationView();
        return consolidationCard({
          ...view,
          header: trickyHeader,
          members: [tricky],
          excluded: [tricky],
          comment: tricky,
          notice: tricky,
          domains: view.domains.map((d) => ({ ...d, title: tricky, values: [{ member: tricky, value: tricky }], rowDifferences: [tricky], notEvaluatedReason: tricky })),
        });
      },
    ],
    ['sign preview', () => signPreviewCard({ ...signPreviewView(), header: trickyHeader, comment: tricky, recipients: [tricky], domains: [{ title: tricky, value: tricky }] })],
    ['synthesis', () => synthesisCard({ ...synthesisView(), title: tricky, header: trickyHeader, comment: tricky, signature: tricky, replaced: tricky })],
    ['pdf link', () => pdfLinkCard({ ...pdfLinkView(), validity: tricky })],
    [
      'dashboard',
      () =>
        dashboardCard({
          locale: 'fr',
          notice: tricky,
          days: [{ sessionId: SESSION, date: tricky, role: tricky, evaluations: [{ ...evaluationLine(1), candidate: tricky, company: tricky, state: tricky, ownProgress: tricky, agreed: [tricky], members: [{ name: tricky, status: tricky }] }] }],
        }),
    ],
    [
      'day',
      () =>
        dayCard({
          ...dayView('fr', 1),
          candidates: [{ candidate: tricky, time: tricky, agreed: [tricky] }],
          calibration: [{ member: tricky, domains: [{ title: tricky, value: tricky }] }],
          equalTreatment: [{ candidate: tricky, summary: tricky, details: [tricky] }],
        }),
    ],
    ['reason form', () => reasonFormCard({ ...reasonFormView('reopenGrid'), title: tricky, explanation: tricky, error: tricky, members: [{ id: 'p', title: tricky }] })],
    ['header form', () => headerFormCard({ ...headerFormView(), candidateLastName: tricky, candidateFirstName: tricky, company: tricky, error: tricky })],
    ['confirm', () => confirmCard({ ...confirmView('close'), title: tricky, explanation: tricky, names: [tricky] })],
    ['audit', () => auditCard({ ...auditView('fr', 1), candidate: tricky, range: tricky, notice: tricky, entries: [{ at: tricky, sentence: tricky }] })],
  ])('%s: output verbatim', (_name, render) => {
    const card = render();
    // Markdown escapes are part of showing the text as typed (see plain-text.ts).
    const json = JSON.stringify(asShown(card));
    const escaped = JSON.stringify(tricky).slice(1, -1);
    expect(json).toContain(escaped);
    // Nothing else is left unresolved: every "${" belongs to the user's text.
    const occurrences = (text: string, part: string): number => text.split(part).length - 1;
    expect(occurrences(json, '${')).toBe(occurrences(json, escaped) * occurrences(tricky, '${'));
  });

  it('keeps the exact comment and reason as input values', () => {
    const view = consolidationView();
    const card = consolidationCard({ ...view, comment: tricky, domains: view.domains.map((d) => ({ ...d, notEvaluatedReason: tricky })) });
    expect(byId(card, 'comment').value).toBe(tricky);
    expect(byId(card, `reason_${domains[0]!.id}`).value).toBe(tricky);
  });
});
