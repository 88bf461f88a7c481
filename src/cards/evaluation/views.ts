import type { Locale } from '../../i18n/translate.js';

/**
 * View models of the juror's cards. The bot builds them from the domain and
 * the referential; renderers turn them into Adaptive Card JSON. Texts from
 * the referential are passed as they are (French); dates, times and
 * percentages arrive already formatted (French formats: 28/11/2026,
 * 14 h 05, "57 %" with a no-break space). Static labels come from the
 * renderer's own catalog for `locale`.
 */

/** Every view carries the locale of the static labels. */
export interface LocalizedView {
  locale: Locale;
}

/** Header of a grid (guide: date, juror's name and function, candidate, company). */
export interface HeaderView {
  date: string;
  candidate: string;
  company: string;
  /** "Marc Petit, commercial" (report) or every member joined by " ; " (frame, synthesis). */
  people: string;
}

export interface ChoiceView {
  id: string;
  title: string;
}

// ---------------------------------------------------------------- creation and joining

/** `nouvelle évaluation`: the creation form. */
export interface CreateEvaluationView extends LocalizedView {
  /** AAAA-MM-JJ, today by default (Europe/Paris). */
  date: string;
  mode: 'jury' | 'professional';
  /** In jury mode, whether the president fills a grid too: 'yes' (the guide's default) or 'no'. */
  presidentScores: 'yes' | 'no';
  candidateLastName: string;
  candidateFirstName: string;
  company: string;
  creatorName: string;
  creatorFunction: string;
  /** Set when the form comes back after a refusal: what was wrong, in French. */
  error?: string;
}
// Submits { verb: 'evaluation.create' } with inputs: date, mode, presidentScores, candidateLastName,
// candidateFirstName, company, creatorName, creatorFunction.

/** Name and function, asked once and remembered (joining, creating). */
export interface ProfileView extends LocalizedView {
  name: string;
  function: string;
  /** Why it is asked, e.g. "Pour rejoindre le jury, indiquez votre nom et votre fonction." */
  reason: string;
  error?: string;
}
// Submits { verb: 'profile.save' } with inputs: name, function.

/** Sent to the creator after `evaluation.create` in jury mode. */
export interface CodeIssuedView extends LocalizedView {
  header: HeaderView;
  code: string;
  /** The sentence to forward to the jurors. */
  forward: string;
  /** True when the day already existed (second candidate: same code). */
  sameDay: boolean;
}

/** To the president: someone asks to join the jury day. */
export interface JoinRequestView extends LocalizedView {
  sessionId: string;
  personId: string;
  name: string;
  function: string;
  /** The day's date, formatted. */
  date: string;
  /** People already on the jury (president included). */
  juryCount: number;
}
// Buttons: { verb: 'session.decide', sessionId, personId, decision: 'accept' | 'refuse' }.

// ---------------------------------------------------------------- the interview frame

export interface FrameView extends LocalizedView {
  /** A lone professional's card: wording for one person, no jury nor president. */
  alone?: boolean;
  evaluationId: string;
  header: HeaderView;
  /** Members with their functions, president first, e.g. "Claire Martin (responsable ADV) — présidente". */
  jury: string[];
  /** The guide's advice when more than 3 people are on the jury; absent otherwise. */
  workstationAdvice?: string;
  objectives: { paragraphs: string[]; capacitiesIntro: string; capacities: string[] };
  steps: string[];
  principles: string[];
  /** "Entretien non commencé", "Entretien en cours : 12 min / 45", "Entretien terminé : 43 min". */
  clock: string;
  actions: {
    start: boolean;
    notes: boolean;
    end: boolean;
    scoring: boolean;
    report: boolean;
  };
}
// Buttons: evaluation.start / evaluation.end { evaluationId }; grid.open { evaluationId, phase:
// 'notes' | 'scoring' }; grid.report { evaluationId }.

// ---------------------------------------------------------------- a row of the grid

export interface ScaleView {
  title: string;
  descriptors: { band: string; text: string; current: boolean }[];
}

export interface RowView extends LocalizedView {
  evaluationId: string;
  rowId: string;
  rev: number;
  phase: 'notes' | 'scoring';
  /** "Domaine 1/3 · Ligne 2/7". */
  position: string;
  /** "Entretien : 12 min / 45" or "Entretien terminé : 43 min". */
  clock: string;
  domainTitle: string;
  rowTitle: string;
  /** What to observe at the workstation. */
  workstation: string;
  /** The row's questions, verbatim, with whether each was used. */
  questions: { id: string; text: string; used: boolean }[];
  /** Role-play sheets of the row, for the prompter button(s). */
  rolePlays: { number: number; title: string }[];
  /** Number of the sheet's relaunches/directions ticked in the prompter. */
  linesUsedCount: number;
  notes: string;
  source: 'workstation' | 'questions' | 'both' | null;
  /** Saved percentage, null when none. */
  percentage: number | null;
  notEvaluated: boolean;
  notEvaluatedReason: string;
  /** "Enregistré à 14 h 05" / "Pas encore enregistré". */
  savedAt: string;
  /** The scales of the row's source (both for "both"; both when no source yet), with the band of the saved percentage marked. */
  scales: ScaleView[];
  /** The *repère indicatif* of the saved percentage, e.g. descriptor texts of its band(s); empty when none. */
  indicative: string[];
  /** Rows for "Aller à la ligne": every row of the grid. */
  rows: ChoiceView[];
  hasPrevious: boolean;
  hasNext: boolean;
  /** A message shown at the top (e.g. notes given back after a refusal). */
  notice?: string;
  /**
   * Quick picks in the scoring phase, one per mark of the scale: each saves the row and opens
   * the next one. `bands`: the descriptor of the band the mark opens, on each scale shown.
   */
  picks: PickView[];
}

export interface PickView {
  mark: number;
  bands: { source: 'workstation' | 'questions'; text: string }[];
  /** The saved percentage is this mark. */
  current: boolean;
}
// Every action is { verb: 'grid.save', evaluationId, rowId, rev, phase, then } with then in
// 'stay' | 'next' | 'previous' | 'goto' | 'pause' | 'prompter' | 'report', plus `pick` (a
// mark; then 'next') on quick-pick buttons and `sheet` on prompter buttons. Inputs: notes
// (multi-line, maxLength 4000), source, questionsUsed (notes phase; multi-select,
// comma-separated ids), percentage (scoring; Input.Number without min/max, so that an empty
// field never blocks a quick pick in Web Chat: the bot checks 0–100), notEvaluated (toggle
// "true"/"false"), notEvaluatedReason, gotoRow.

/** The prompter for the juror who plays the client. */
export interface PrompterView extends LocalizedView {
  evaluationId: string;
  rowId: string;
  rev: number;
  phase: 'notes' | 'scoring';
  number: number;
  title: string;
  roles: { candidate: string; jury: string };
  context: string[];
  note?: string;
  /** "Le client réagit :" when the sheet has it. */
  relaunchesIntro?: string;
  /** Relaunches, directions and the conditional line, in the sheet's order, from the sheet. */
  lines: { id: string; text: string; kind: 'relaunch' | 'direction' | 'conditional'; condition?: string; used: boolean }[];
  criteria: string[];
}
// Submits { verb: 'grid.lines', evaluationId, rowId, rev, phase, sheet } with input linesUsed
// (multi-select, comma-separated ids).

// ---------------------------------------------------------------- the individual report

export interface ReportRowView {
  rowId: string;
  title: string;
  /** "70 %", "Non évalué : <reason>", or "À compléter". */
  value: string;
  status: 'scored' | 'not_evaluated' | 'missing';
  /** At most 300 characters of the notes, with "…" when cut. */
  notesExcerpt: string;
  notesCut: boolean;
}

export interface ReportView extends LocalizedView {
  /** A lone professional's card: wording for one person, no jury nor president. */
  alone?: boolean;
  evaluationId: string;
  rev: number;
  /** The guide's title of the grid (referential `grids.individualReport`); the card catalog's wording when absent. */
  title?: string;
  header: HeaderView;
  domains: {
    id: string;
    title: string;
    rows: ReportRowView[];
    /** "57 %" or "Non évalué". */
    reported: string;
    comment: string;
  }[];
  submitted: boolean;
  /** "Soumise le 28/11/2026 à 14 h 05" once submitted. */
  submittedAt?: string;
  notice?: string;
}
// Buttons: grid.open { evaluationId, rowId, phase: 'scoring' } (Modifier), grid.notes
// { evaluationId, rowId } (Voir les notes), grid.comments { evaluationId, rev } and
// grid.submit { evaluationId, rev } with inputs comment_<domainId> (maxLength 1000).

/** Confirmation asked when domains have no evaluated row. */
export interface SubmitConfirmView extends LocalizedView {
  evaluationId: string;
  rev: number;
  domains: string[];
  /** The comments typed on the report card, carried so confirming loses none. */
  comments: Record<string, string>;
}
// Buttons: grid.submit { evaluationId, rev, confirmEmpty: true, comments } / grid.report.

/** The full notes of one row (from "Voir les notes"). */
export interface NotesView extends LocalizedView {
  evaluationId: string;
  rowTitle: string;
  notes: string;
}

/** Read-only replacement of a card the juror acted on: what was recorded. */
export interface RecordedView extends LocalizedView {
  title: string;
  facts: { title: string; value: string }[];
}
