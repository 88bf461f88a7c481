import { describe, expect, it } from 'vitest';
import {
  codeIssuedCard,
  createEvaluationCard,
  frameCard,
  joinRequestCard,
  notesCard,
  profileCard,
  prompterCard,
  recordedCard,
  reportCard,
  rowCard,
  submitConfirmCard,
} from '../../src/cards/evaluation/index.js';
import { CARD_BUDGET_BYTES, cardSize, type CardJson } from '../../src/cards/render-template.js';
import { submissionSchema } from '../../src/bot/verbs.js';
import { ROW_NEXT_STEPS } from '../../src/bot/features/evaluation/verbs.js';
import { describeCardContract, type CardCase } from './card-contract.js';
import { actions, asShown, dataOf, inputs, nodes, payload, strings, submits, typeOf, type Node } from './card-walk.js';
import {
  COMMENT_MAX,
  NOTES_MAX,
  allFrameActions,
  codeIssuedView,
  createEvaluationView,
  fill,
  frameView,
  joinRequestView,
  members,
  notesView,
  profileView,
  prompterView,
  recordedView,
  referential,
  reportView,
  rowPlaces,
  rowView,
  sheetsByLength,
  submitConfirmView,
} from './fixture.js';

const sheetTexts = (number: number): string[] => {
  const view = prompterView(referential.rolePlays.find((s) => s.number === number) ?? referential.rolePlays[0]!);
  return [view.title, ...view.context, ...(view.note ? [view.note] : []), ...(view.relaunchesIntro ? [view.relaunchesIntro] : []), ...view.lines.map((l) => l.text), ...view.criteria];
};

function rowTexts(view: ReturnType<typeof rowView>): string[] {
  const scoring = view.phase === 'scoring';
  return [
    view.position,
    view.clock,
    view.domainTitle,
    view.rowTitle,
    view.workstation,
    view.savedAt,
    view.notice ?? '',
    ...view.questions.map((q) => q.text),
    ...(scoring ? view.scales.flatMap((s) => [s.title, ...s.descriptors.flatMap((d) => [d.band, d.text])]) : []),
    ...(scoring ? view.indicative : []),
    ...(scoring ? [] : view.rolePlays.map((s) => s.title)),
  ];
}

function buildCases(): CardCase[] {
  const cases: CardCase[] = [];
  for (const locale of ['fr', 'en'] as const) {
    const create = createEvaluationView(locale);
    cases.push({ type: 'create-evaluation', label: `create-evaluation ${locale}`, card: createEvaluationCard(create), texts: [create.error ?? ''] });
    const profile = profileView(locale);
    cases.push({ type: 'profile', label: `profile ${locale}`, card: profileCard(profile), texts: [profile.reason, profile.error ?? ''] });
    for (const sameDay of [false, true]) {
      const code = codeIssuedView(sameDay, locale);
      cases.push({
        type: 'code-issued',
        label: `code-issued ${locale} sameDay=${sameDay}`,
        card: codeIssuedCard(code),
        texts: [code.code, code.forward, code.header.people, code.header.candidate, code.header.company, code.header.date],
      });
    }
    const join = joinRequestView(locale);
    cases.push({ type: 'join-request', label: `join-request ${locale}`, card: joinRequestCard(join), texts: [join.name, join.function, join.date] });
    const frame = frameView(allFrameActions, locale);
    cases.push({
      type: 'frame',
      label: `frame ${locale}`,
      card: frameCard(frame),
      texts: [
        frame.clock,
        frame.workstationAdvice ?? '',
        frame.header.people,
        ...frame.jury,
        ...frame.objectives.paragraphs,
        frame.objectives.capacitiesIntro,
        ...frame.objectives.capacities,
        ...frame.steps,
        ...frame.principles,
      ],
    });
    for (const place of rowPlaces) {
      for (const phase of ['notes', 'scoring'] as const) {
        const view = rowView(place, phase, { locale });
        cases.push({ type: 'row', label: `row ${place.row.id} ${phase} ${locale}`, card: rowCard(view), texts: rowTexts(view) });
      }
      const notEvaluated = rowView(place, 'scoring', { locale, notEvaluated: true });
      cases.push({ type: 'row', label: `row ${place.row.id} non évalué ${locale}`, card: rowCard(notEvaluated), texts: rowTexts(notEvaluated) });
    }
    for (const sheet of referential.rolePlays) {
      cases.push({ type: 'prompter', label: `prompter n°${sheet.number} ${locale}`, card: prompterCard(prompterView(sheet, locale)), texts: sheetTexts(sheet.number) });
    }
    for (const submitted of [false, true]) {
      const report = reportView(submitted, locale);
      cases.push({
        type: 'report',
        label: `report ${locale} submitted=${submitted}`,
        card: reportCard(report),
        texts: [
          report.title ?? '',
          report.header.people,
          report.notice ?? '',
          report.submittedAt ?? '',
          ...report.domains.flatMap((d) => [d.title, d.reported, d.comment, ...d.rows.flatMap((r) => [r.title, r.value, r.notesExcerpt])]),
        ].filter((text) => text !== ''),
      });
    }
    const confirm = submitConfirmView(locale);
    cases.push({ type: 'submit-confirm', label: `submit-confirm ${locale}`, card: submitConfirmCard(confirm), texts: confirm.domains });
    const notes = notesView(locale);
    cases.push({ type: 'notes', label: `notes ${locale}`, card: notesCard(notes), texts: [notes.rowTitle, notes.notes] });
    const recorded = recordedView(locale);
    cases.push({ type: 'recorded', label: `recorded ${locale}`, card: recordedCard(recorded), texts: [recorded.title, ...recorded.facts.flatMap((f) => [f.title, f.value])] });
  }
  return cases;
}

const cases = buildCases();
describeCardContract(cases, { heading: 'Largest card per type' });

describe('row card', () => {
  const gpa = rowPlaces.find((p) => p.row.id === 'gpa');
  if (!gpa) throw new Error('gpa row missing');
  const notes = rowCard(rowView(gpa, 'notes'));
  const scoring = rowCard(rowView(gpa, 'scoring'));
  const byId = (card: CardJson, id: string): Node => {
    const found = inputs(card).find((i) => i.id === id);
    if (!found) throw new Error(`no input ${id}`);
    return found;
  };
  const has = (card: CardJson, id: string): boolean => inputs(card).some((i) => i.id === id);
  /** Card-level buttons shown as buttons; the others are in the card's overflow menu. */
  const visibleButtons = (card: CardJson): string[] =>
    ((card.actions as Node[] | undefined) ?? []).filter((a) => a.mode !== 'secondary').map((a) => String(a.title));

  it('lists the questions verbatim as a multi-select, ticked ones as the value', () => {
    const questions = byId(notes, 'questionsUsed');
    expect(questions).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'expanded', label: 'Questions posées' });
    expect(questions.choices).toEqual(gpa.row.questions.map((q) => ({ title: q.text, value: q.id })));
    expect(questions.value).toBe(gpa.row.questions.filter((_, i) => i % 2 === 0).map((q) => q.id).join(','));
  });

  it('has the inputs of the contract with their limits', () => {
    for (const card of [notes, scoring]) {
      expect(byId(card, 'notes')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 4000, value: NOTES_MAX });
      expect(byId(card, 'source')).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', value: 'both' });
      expect((byId(card, 'source').choices as Node[]).map((c) => c.value)).toEqual(['workstation', 'questions', 'both']);
      expect((byId(card, 'source').choices as Node[]).map((c) => c.title)).toEqual(['Observation au poste', 'Questions et jeux de rôles', 'Les deux']);
      const goto = byId(card, 'gotoRow');
      expect(goto).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact' });
      expect((goto.choices as Node[]).map((c) => c.value)).toEqual(rowPlaces.map((p) => p.row.id));
    }
    // No min/max: Web Chat reads an empty number field as NaN and would block every button of the card.
    expect(byId(scoring, 'percentage')).toEqual({ type: 'Input.Number', id: 'percentage', value: 50, label: 'Ou une valeur précise (0 à 100)', placeholder: '0 à 100' });
    expect(byId(scoring, 'notEvaluated')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false', value: 'false', label: 'Non évalué' });
    expect(byId(scoring, 'notEvaluatedReason')).toMatchObject({ type: 'Input.Text', label: 'Motif' });
  });

  it('gives no value at all when nothing is saved', () => {
    const empty = { source: null, percentage: null, questions: gpa.row.questions.map((q) => ({ id: q.id, text: q.text, used: false })) };
    const notesCard = rowCard({ ...rowView(gpa, 'notes'), ...empty });
    const scoringCard = rowCard({ ...rowView(gpa, 'scoring'), ...empty });
    expect(byId(scoringCard, 'percentage')).not.toHaveProperty('value');
    expect(byId(notesCard, 'source')).not.toHaveProperty('value');
    expect(byId(notesCard, 'questionsUsed')).not.toHaveProperty('value');
    expect(JSON.stringify(notesCard)).not.toContain('null');
    expect(JSON.stringify(scoringCard)).not.toContain('null');
  });

  it('asks for notes only during the interview: no percentage, no non évalué, no pick, no scale', () => {
    expect(has(notes, 'percentage')).toBe(false);
    expect(has(notes, 'notEvaluated')).toBe(false);
    expect(has(notes, 'notEvaluatedReason')).toBe(false);
    expect(submits(notes).some((a) => 'pick' in dataOf(a))).toBe(false);
    const all = strings(notes);
    for (const scale of referential.scales.list) for (const d of scale.descriptors) expect(all).not.toContain(d.text);
    expect(has(scoring, 'questionsUsed')).toBe(false);
  });

  it('offers one quick pick per mark, each saving the row and opening the next one, beside the band it opens', () => {
    const picks = submits(scoring).filter((a) => 'pick' in dataOf(a));
    expect(picks.map((a) => a.title)).toEqual(referential.scales.marks.map((m) => `${m}\u00a0%`));
    for (const pick of picks) {
      expect(dataOf(pick)).toMatchObject({ verb: 'grid.save', evaluationId: 'ev-2026-11-28-lea-dupont', rowId: 'gpa', rev: 12, phase: 'scoring', then: 'next' });
    }
    // The saved value (50) is the highlighted pick.
    expect(picks.filter((a) => a.style === 'positive').map((a) => dataOf(a).pick)).toEqual([50]);
    // Each pick sits in a column set beside the descriptor(s) of its band, here on both scales (source "les deux").
    const rowsOfPicks = nodes(scoring).filter((n) => typeOf(n) === 'ColumnSet' && JSON.stringify(n).includes('"pick"'));
    expect(rowsOfPicks).toHaveLength(referential.scales.marks.length);
    const [workstation, questions] = referential.scales.list;
    // The beginning of each descriptor, cut at a word: the full text is one tap away.
    const opening = (text: string): string => text.split(' ').slice(0, 4).join(' ');
    const fifty = strings(rowsOfPicks[2]!);
    expect(fifty.some((s) => s.startsWith(`Observation au poste : ${opening(workstation!.descriptors[2]!.text)}`))).toBe(true);
    expect(fifty.some((s) => s.startsWith(`Questions et jeux de rôles : ${opening(questions!.descriptors[2]!.text)}`))).toBe(true);
    expect(strings(rowsOfPicks[4]!).some((s) => s.startsWith(`Questions et jeux de rôles : ${opening(questions!.descriptors[3]!.text)}`))).toBe(true);
    expect(fifty.every((s) => s.length <= 'Questions et jeux de rôles : '.length + 61)).toBe(true);
  });

  it('shows only the scale of the row\'s source beside the picks', () => {
    const card = rowCard({ ...rowView(gpa, 'scoring'), source: 'questions', picks: rowView(gpa, 'scoring').picks.map((p) => ({ ...p, bands: p.bands.filter((b) => b.source === 'questions') })) });
    const rowsOfPicks = nodes(card).filter((n) => typeOf(n) === 'ColumnSet' && JSON.stringify(n).includes('"pick"'));
    const questions = referential.scales.list.find((s) => s.id === 'questions')!;
    expect(strings(rowsOfPicks[1]!).some((s) => s.startsWith(questions.descriptors[1]!.text.slice(0, 60)))).toBe(true);
    expect(strings(card)).toContain(questions.title);
  });

  it('keeps the full scales, the repère indicatif and the guide text one tap away', () => {
    const guide = nodes(scoring).find((n) => n.id === 'row-guide')!;
    expect(guide.isVisible).toBe(false);
    const emphasised = nodes(guide).filter((n) => typeOf(n) === 'TextBlock' && n.color === 'Accent' && n.weight === 'Bolder');
    expect(emphasised).toHaveLength(4); // 50 %: both sides of the mark, on both scales
    for (const scale of referential.scales.list) for (const d of scale.descriptors) expect(strings(guide).some((s) => s.endsWith(d.text))).toBe(true);
    expect(strings(guide)).toContain('Repère indicatif — 50\u00a0%');
    for (const question of gpa.row.questions) expect(strings(guide)).toContain(question.text);
    const toggles = actions(scoring).filter((a) => typeOf(a) === 'Action.ToggleVisibility');
    expect(toggles.map((a) => a.targetElements)).toEqual([['row-more'], ['row-guide']]);
  });

  it('ends with at most two visible buttons, the others in the overflow', () => {
    expect(visibleButtons(scoring)).toEqual(['Enregistrer et suivant', '◀ Ligne précédente']);
    expect(visibleButtons(notes)).toEqual(['Enregistrer et suivant', 'Enregistrer']);
    for (const card of [notes, scoring]) {
      const overflow = ((card.actions as Node[]) ?? []).filter((a) => a.mode === 'secondary').map((a) => a.title);
      expect(overflow).toEqual(expect.arrayContaining(['Aller à la ligne', 'Pause', 'Grille de report']));
    }
    const last = rowCard(rowView(rowPlaces[rowPlaces.length - 1]!, 'scoring'));
    expect(visibleButtons(last)).toEqual(['Enregistrer et ouvrir la grille de report', '◀ Ligne précédente']);
    expect(submits(last).find((a) => a.title === 'Enregistrer et ouvrir la grille de report')).toMatchObject({ data: { then: 'next' } });
  });

  it('carries the row, rev, phase and next step on every button; one prompter button per sheet', () => {
    const all = [...submits(notes), ...submits(scoring)].map(dataOf);
    expect(all.every((d) => d.verb === 'grid.save' && d.rowId === 'gpa' && d.rev === 12)).toBe(true);
    const steps = new Set(all.map((d) => d.then));
    expect([...steps].sort()).toEqual([...ROW_NEXT_STEPS].sort());
    const prompters = submits(notes).filter((a) => dataOf(a).then === 'prompter');
    expect(prompters.map((a) => [a.title, dataOf(a).sheet])).toEqual([['Souffleur : fiche n°3 — GPA', 3]]);
    expect(strings(notes)).toContain('Relances cochées dans le souffleur : 2');
    const titles = actions(scoring).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Enregistrer', 'Enregistrer et suivant', '◀ Ligne précédente', 'Aller à la ligne', 'Pause', 'Grille de report']));
  });

  it('hides what the row does not have', () => {
    const first = rowCard(rowView(rowPlaces[0]!, 'notes'));
    expect(inputs(first).some((i) => i.id === 'questionsUsed')).toBe(false);
    expect(actions(first).some((a) => a.title === '◀ Ligne précédente')).toBe(false);
    const last = rowCard({ ...rowView(rowPlaces[rowPlaces.length - 1]!, 'scoring'), notice: undefined, indicative: [] });
    expect(actions(last).some((a) => a.title === 'Enregistrer et suivant')).toBe(false);
    expect(submits(last).some((a) => dataOf(a).then === 'prompter')).toBe(false);
    expect(strings(last).some((s) => s.startsWith('Repère indicatif'))).toBe(false);
    expect(nodes(last).some((n) => n.style === 'attention')).toBe(false);
  });

  it('parses a quick pick and a go-to as the bot will receive them', () => {
    const pick = submits(scoring).find((a) => dataOf(a).pick === 70)!;
    const parsed = submissionSchema.parse(payload(scoring, pick));
    expect(parsed).toMatchObject({ verb: 'grid.save', then: 'next', pick: 70, rev: 12, notes: NOTES_MAX });
    const goto = submits(scoring).find((a) => dataOf(a).then === 'goto')!;
    expect(submissionSchema.parse(payload(scoring, goto))).toMatchObject({ then: 'goto', gotoRow: rowPlaces[0]!.row.id, notes: NOTES_MAX });
  });
});

describe('prompter card', () => {
  it('lists the sheet lines to tick, the used ones as the value, and submits grid.lines with the sheet', () => {
    const [longest] = sheetsByLength();
    const view = prompterView(longest!);
    const card = prompterCard(view);
    const lines = inputs(card).find((i) => i.id === 'linesUsed')!;
    expect(lines).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'expanded' });
    expect((lines.choices as Node[]).map((c) => c.value)).toEqual(view.lines.map((l) => l.id));
    expect(lines.value).toBe(view.lines.filter((l) => l.used).map((l) => l.id).join(','));
    const [save] = submits(card);
    expect(dataOf(save!)).toEqual({ verb: 'grid.lines', evaluationId: view.evaluationId, rowId: view.rowId, rev: 12, phase: 'notes', sheet: view.number });
  });

  it('quotes relaunches and names the stage direction and the condition', () => {
    const sheet1 = prompterCard(prompterView(referential.rolePlays.find((s) => s.number === 1)!));
    const titles = (inputs(sheet1)[0]!.choices as Node[]).map((c) => c.title);
    expect(titles).toContain('« Vous ne pouvez pas m\'en faire envoyer en urgence ? »');
    expect(titles).toContain('Consigne de jeu : Le client devient insultant, que faites vous ?');
    const sheet2 = prompterCard(prompterView(referential.rolePlays.find((s) => s.number === 2)!));
    expect((inputs(sheet2)[0]!.choices as Node[]).map((c) => c.title)).toContain(
      'Si réclamation acceptée : « Le coût de la marchandise ne vaut pas le coût du transport. »',
    );
    expect(strings(sheet2)).toContain('Souffleur : fiche n°2 — Le produit « détruit sur place »');
  });
});

describe('report card', () => {
  const open = reportCard(reportView(false));
  const submitted = reportCard(reportView(true));

  it('shows at most 300 characters of the notes, with Voir les notes for each cut row', () => {
    for (const card of [open, submitted]) {
      for (const text of strings(card)) {
        if (text.startsWith(NOTES_MAX.slice(0, 50))) expect(Array.from(text.replace(/…$/, '')).length).toBeLessThanOrEqual(300);
      }
      const viewNotes = submits(card).filter((a) => a.title === 'Voir les notes');
      expect(viewNotes.map((a) => dataOf(a).rowId)).toEqual(rowPlaces.map((p) => p.row.id));
      for (const action of viewNotes) expect(dataOf(action)).toEqual({ verb: 'grid.notes', evaluationId: 'ev-2026-11-28-lea-dupont', rowId: dataOf(action).rowId });
    }
  });

  it('cuts an over-long excerpt itself', () => {
    const view = reportView(false);
    const row = view.domains[0]!.rows[0]!;
    view.domains[0]!.rows[0] = { ...row, notesExcerpt: NOTES_MAX, notesCut: false };
    const card = reportCard(view);
    const excerpt = strings(card).find((s) => s.startsWith(NOTES_MAX.slice(0, 50)))!;
    expect(excerpt).toBe(`${NOTES_MAX.slice(0, 300)}…`);
    expect(submits(card).filter((a) => a.title === 'Voir les notes')).toHaveLength(rowPlaces.length);
  });

  it('has a comment input per domain, Modifier per row, and both grid buttons while open', () => {
    const comments = inputs(open);
    expect(comments.map((i) => i.id)).toEqual(referential.domains.map((d) => `comment_${d.id}`));
    for (const input of comments) expect(input).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 1000, value: COMMENT_MAX });
    const modify = submits(open).filter((a) => a.title === 'Modifier').map(dataOf);
    expect(modify).toEqual(rowPlaces.map((p) => ({ verb: 'grid.open', evaluationId: 'ev-2026-11-28-lea-dupont', rowId: p.row.id, phase: 'scoring' })));
    expect(submits(open).map(dataOf).filter((d) => d.verb === 'grid.comments' || d.verb === 'grid.submit')).toEqual([
      { verb: 'grid.comments', evaluationId: 'ev-2026-11-28-lea-dupont', rev: 31 },
      { verb: 'grid.submit', evaluationId: 'ev-2026-11-28-lea-dupont', rev: 31 },
    ]);
    const parsed = submissionSchema.parse(payload(open, submits(open).find((a) => a.title === 'Soumettre ma grille')!));
    expect(parsed).toMatchObject({ verb: 'grid.submit', [`comment_${referential.domains[0]!.id}`]: COMMENT_MAX });
  });

  it('is read-only once submitted: no input, no submit, no Modifier; says when', () => {
    expect(inputs(submitted)).toHaveLength(0);
    expect(submits(submitted).map((a) => dataOf(a).verb).every((verb) => verb === 'grid.notes')).toBe(true);
    expect(strings(submitted)).toContain('Soumise le 28/11/2026 à 14\u00a0h\u00a052');
    expect(strings(submitted)).toContain(COMMENT_MAX);
  });

  it('uses the guide title when the view gives it', () => {
    expect(strings(open)).toContain(referential.grids.individualReport);
    const { title: _title, ...untitled } = reportView(false);
    expect(strings(reportCard(untitled))).toContain('Grille de report des appréciations individuelles');
  });
});

describe('frame card', () => {
  it('shows only the buttons whose flag is true', () => {
    const all = frameCard(frameView(allFrameActions));
    expect(submits(all).map((a) => a.title)).toEqual([
      "Démarrer l'entretien",
      'Prendre des notes',
      "Terminer l'entretien",
      'Noter les lignes',
      'Grille de report',
    ]);
    const reportOnly = frameCard(frameView({ start: false, notes: false, end: false, scoring: false, report: true }));
    expect(submits(reportOnly).map(dataOf)).toEqual([{ verb: 'grid.report', evaluationId: 'ev-2026-11-28-lea-dupont' }]);
    expect(submits(all).map(dataOf)).toContainEqual({ verb: 'grid.open', evaluationId: 'ev-2026-11-28-lea-dupont', phase: 'scoring' });
  });

  it('folds the guide (objectives, steps, principles) behind one toggle, below the clock, the header and the jury', () => {
    const view = frameView(allFrameActions);
    const card = frameCard(view);
    const guide = nodes(card).find((n) => n.id === 'guide');
    expect(guide).toMatchObject({ type: 'Container', isVisible: false });
    const folded = JSON.stringify(guide);
    for (const text of [view.objectives.paragraphs[0]!, view.principles[0]!, 'Principes de fonctionnement']) expect(folded).toContain(JSON.stringify(text).slice(1, -1));
    const toggle = actions(card).find((a) => a.type === 'Action.ToggleVisibility');
    expect(toggle).toMatchObject({ title: 'Le guide : objectifs, déroulement, principes (afficher / masquer)', targetElements: ['guide'] });
    // The clock and the jury stay in view, before the folded guide.
    const body = card.body as Node[];
    const guideAt = body.findIndex((n) => n.id === 'guide');
    expect(body.slice(0, guideAt).some((n) => JSON.stringify(n).includes(view.clock))).toBe(true);
    expect(body.slice(0, guideAt).some((n) => JSON.stringify(n).includes(view.jury[0]!))).toBe(true);
  });

  it('numbers the steps and shows the advice only when given', () => {
    const view = frameView(allFrameActions);
    const card = frameCard(view);
    expect(strings(card)).toContain(view.steps.map((s, i) => `${i + 1}. ${s}`).join('\r'));
    const { workstationAdvice: _advice, ...withoutAdvice } = view;
    const plain = frameCard(withoutAdvice);
    expect(nodes(plain).some((n) => n.style === 'attention')).toBe(false);
    expect(strings(plain)).not.toContain(view.workstationAdvice);
  });
});

describe('code card', () => {
  it('gives the code first, then the sentence to forward in its own block, the header last', () => {
    const view = codeIssuedView(false, 'fr');
    const body = codeIssuedCard(view).body as Node[];
    const at = (text: string) => body.findIndex((n) => JSON.stringify(n).includes(text));
    expect(at(view.code)).toBe(1);
    expect(at(view.code)).toBeLessThan(at(view.forward));
    expect(body[at(view.forward)]).toMatchObject({ type: 'Container', style: 'emphasis' });
    expect(at(view.header.candidate)).toBe(body.length - 1);
  });
});

describe('other cards', () => {
  it('creation form: every field, the date as Input.Date, the mode as jury / professional', () => {
    const card = createEvaluationCard(createEvaluationView());
    expect(inputs(card).map((i) => i.id)).toEqual(['date', 'mode', 'presidentScores', 'candidateLastName', 'candidateFirstName', 'company', 'creatorName', 'creatorFunction']);
    expect(inputs(card)[0]).toMatchObject({ type: 'Input.Date', value: '2026-11-28' });
    expect(inputs(card)[1]!.choices).toEqual([
      { title: 'Jury avec président', value: 'jury' },
      { title: 'Professionnel seul', value: 'professional' },
    ]);
    // Whether the president scores too: yes by default, as the guide's president is a juror who presides.
    expect(inputs(card)[2]).toMatchObject({ type: 'Input.ChoiceSet', value: 'yes', isRequired: true });
    expect((inputs(card)[2]!.choices as { value: string }[]).map((c) => c.value)).toEqual(['yes', 'no']);
    expect(submits(card).map(dataOf)).toEqual([{ verb: 'evaluation.create' }]);
  });

  it('join request: Accepter and Refuser with the session and the person', () => {
    const card = joinRequestCard(joinRequestView());
    expect(submits(card).map((a) => [a.title, dataOf(a).decision])).toEqual([
      ['Accepter', 'accept'],
      ['Refuser', 'refuse'],
    ]);
  });

  it('submit confirmation carries the comments and confirmEmpty', () => {
    const view = submitConfirmView();
    const [confirm, back] = submits(submitConfirmCard(view));
    expect(dataOf(confirm!)).toEqual({ verb: 'grid.submit', evaluationId: view.evaluationId, rev: 31, confirmEmpty: true, comments: view.comments });
    expect(dataOf(back!)).toEqual({ verb: 'grid.report', evaluationId: view.evaluationId });
  });

  it('English labels come from the English catalog', () => {
    const card = rowCard(rowView(rowPlaces[2]!, 'scoring', { locale: 'en' }));
    expect(actions(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Save', 'Save and next', 'Go to row']));
    expect(strings(card)).toContain(rowPlaces[2]!.row.questions[0]!.text);
  });
});

describe('user text is data, never a template', () => {
  const tricky = "${notes} ${$root.rowId} $root ${if(true, 'a', 'b')} @{x} {{x}} ${ \\${x} {name}";

  it.each([
    ['row notes and reason', () => rowCard({ ...rowView(rowPlaces[2]!, 'scoring'), notes: tricky, notEvaluatedReason: tricky, notice: tricky })],
    ['profile', () => profileCard({ ...profileView(), name: tricky, function: tricky, error: tricky })],
    ['join request', () => joinRequestCard({ ...joinRequestView(), name: tricky, function: tricky })],
    ['frame', () => frameCard({ ...frameView(allFrameActions), jury: [tricky], header: { date: '28/11/2026', candidate: tricky, company: tricky, people: tricky } })],
    ['notes', () => notesCard({ ...notesView(), notes: tricky })],
    ['confirm', () => submitConfirmCard({ ...submitConfirmView(), comments: { 'relation-client': tricky } })],
    [
      'report',
      () => {
        const view = reportView(false);
        view.domains[0] = { ...view.domains[0]!, comment: tricky, rows: view.domains[0]!.rows.map((r) => ({ ...r, notesExcerpt: tricky, notesCut: false })) };
        return reportCard(view);
      },
    ],
  ])('%s: output verbatim', (_name, render) => {
    const card = render();
    // Markdown escapes are part of showing the text as typed (see plain-text.ts).
    const json = JSON.stringify(asShown(card));
    expect(json).toContain(JSON.stringify(tricky).slice(1, -1));
    // Nothing else is left unresolved: the only "${" are the user's.
    const occurrences = (text: string, part: string): number => text.split(part).length - 1;
    expect(occurrences(json, '${')).toBe(occurrences(json, JSON.stringify(tricky).slice(1, -1)) * occurrences(tricky, '${'));
  });

  it('keeps the exact notes as the input value', () => {
    const card = rowCard({ ...rowView(rowPlaces[2]!, 'notes'), notes: tricky });
    expect(inputs(card).find((i) => i.id === 'notes')?.value).toBe(tricky);
  });
});

describe('worst case sizes', () => {
  it('a row card whose notes are 4,000 characters that JSON escapes stays within budget', () => {
    const view = { ...rowView(rowPlaces[2]!, 'scoring', { notEvaluated: true }), notes: fill('"\\\n', 4000), notice: fill('"', 300) };
    expect(cardSize(rowCard(view))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });

  it('an open report with every excerpt and comment JSON-escaped stays within budget', () => {
    const view = reportView(false);
    for (const domain of view.domains) {
      domain.comment = fill('"', 1000);
      domain.rows = domain.rows.map((r) => ({ ...r, notesExcerpt: `${fill('"', 300)}…` }));
    }
    expect(cardSize(reportCard(view))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });

  it('names are at most 100 characters in the fixture', () => {
    for (const m of members) expect([m.name.length, m.function.length]).toEqual([100, 100]);
  });
});
