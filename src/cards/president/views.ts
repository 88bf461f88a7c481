import type { ChoiceView, HeaderView, LocalizedView } from '../evaluation/views.js';

/**
 * View models of the president's cards (consolidation, signature, synthesis,
 * dashboards, forms). Same rules as the juror's views: texts formatted by
 * the bot, static labels from the renderer's catalog for `locale`.
 * Percentages arrive formatted ("57 %", "57,3 %"); "Non évalué" likewise.
 */

// ---------------------------------------------------------------- consolidation

export interface ConsolidationDomainView {
  id: string;
  title: string;
  /** Each member's reported domain %, e.g. { member: "Marc Petit", value: "75 %" } or value "Non évalué". */
  values: { member: string; value: string }[];
  /** "60,0 %" (unrounded mean, one decimal), "—" when no member has a value. */
  mean: string;
  min: string;
  max: string;
  /** "30 points". */
  spread: string;
  divergent: boolean;
  /** Rows where members differ most: "Gestion … délais : 40 à 80 % (écart 40)". */
  rowDifferences: string[];
  /** The agreed value as the input shows it ("" when none), pre-filled with the rounded mean. */
  agreed: string;
  notEvaluated: boolean;
  notEvaluatedReason: string;
}

export interface ConsolidationView extends LocalizedView {
  /** A lone professional's card: wording for one person, no jury nor president. */
  alone?: boolean;
  evaluationId: string;
  /** The synthesis revision the card edits. */
  rev: number;
  header: HeaderView;
  /** Members whose grids are consolidated, "Marc Petit (commercial)". */
  members: string[];
  /** Members left off because they had not submitted when the collection was closed. */
  excluded: string[];
  /** The divergence threshold in points (20 by default). */
  threshold: number;
  domains: ConsolidationDomainView[];
  /** The unified comment (≤ 2,000 characters), pre-filled from the members' per-domain comments. */
  comment: string;
  notice?: string;
}
// Buttons: { verb: 'synthesis.save', evaluationId, rev } (Enregistrer) and
// { verb: 'synthesis.preview', evaluationId, rev } (Vérifier avant de signer). Inputs:
// agreed_<domainId> (Input.Number 0–100), notEvaluated_<domainId> (toggle "true"/"false"),
// reason_<domainId> (≤ 500), comment (multi-line, maxLength 2000).

/** What will be sent and to whom, before signing. */
export interface SignPreviewView extends LocalizedView {
  /** A lone professional's card: wording for one person, no jury nor president. */
  alone?: boolean;
  evaluationId: string;
  rev: number;
  header: HeaderView;
  domains: { title: string; value: string }[];
  comment: string;
  /** "Claire Martin (vous)", "Marc Petit", "Inès Roy". */
  recipients: string[];
}
// Buttons: { verb: 'synthesis.sign', evaluationId, rev } (Signer et envoyer) and
// { verb: 'synthesis.open', evaluationId } (Revenir à la consolidation).

// ---------------------------------------------------------------- the synthesis

/** The grille de synthèse, as posted to the president and each member at signature. */
export interface SynthesisView extends LocalizedView {
  /** A lone professional's card: wording for one person, no jury nor president. */
  alone?: boolean;
  evaluationId: string;
  /** The referential's grid title, e.g. "Grille de synthèse des appréciations Jury ou Professionnel CQP …". */
  title: string;
  /** Header with `people` = every member's name and function; candidate "Dupont Léa". */
  header: HeaderView;
  /** The three domains with the agreed percentages ("60 %", or "Non évalué : <reason>"). */
  domains: { title: string; value: string }[];
  comment: string;
  /** "Signé par Claire Martin le 28/11/2026 à 14 h 05". */
  signature: string;
  /** Set on an archived version: "Version remplacée le 28/11/2026 à 15 h 10 : <reason>". */
  replaced?: string;
}
// Button: { verb: 'synthesis.pdf', evaluationId } (PDF) — absent on a replaced version.

/** The fresh link to the printable synthesis. */
export interface PdfLinkView extends LocalizedView {
  url: string;
  /** "Lien valable jusqu'à 14 h 20." */
  validity: string;
}
// Action.OpenUrl to `url` (the only OpenUrl in the product: a link, not a submission).

// ---------------------------------------------------------------- dashboards

export interface MemberProgressView {
  /** "Marc Petit (commercial)". */
  name: string;
  /** "Grille soumise", "En cours", "Pas encore ouverte", "Laissé hors synthèse". */
  status: string;
}

export interface EvaluationLineView {
  evaluationId: string;
  /** The evaluation's revision, carried by its buttons (a form acting on an older one is refused). */
  evaluationRev: number;
  candidate: string;
  company: string;
  /** The state in French ("Entretien en cours", "Collecte close", "Signée", "Annulée : absent"). */
  state: string;
  /** "43 min / 45" or "—". */
  time: string;
  /** The president sees members' progress (never their values before the collection closes). */
  members: MemberProgressView[];
  /** Agreed percentages once consolidated, "RELATION CLIENT / ARGUMENTATION : 60 %". */
  agreed: string[];
  /** For a juror: "Votre grille : 5/7 lignes notées" or "soumise". */
  ownProgress?: string;
  actions: {
    open: boolean;
    remind: boolean;
    closeCollection: boolean;
    consolidation: boolean;
    cancel: boolean;
    reopenGrid: boolean;
    reopenSynthesis: boolean;
    header: boolean;
    audit: boolean;
    day: boolean;
  };
}

export interface DashboardView extends LocalizedView {
  /** One section per jury day, newest first. */
  /** `exportable`: the person presides over the day, so it offers the export of its signed results. */
  days: { sessionId: string; date: string; role: string; evaluations: EvaluationLineView[]; exportable?: boolean }[];
  notice?: string;
}
// Buttons per evaluation (each also carries evaluationRev): evaluation.frame { evaluationId } (Ouvrir), evaluation.remind
// { evaluationId } (Relancer), evaluation.close { evaluationId } (Clore la collecte),
// synthesis.open { evaluationId } (Consolidation), evaluation.cancelForm { evaluationId },
// grid.reopenForm { evaluationId }, synthesis.reopenForm { evaluationId }, evaluation.headerForm
// { evaluationId }, evaluation.audit { evaluationId } (Journal); per day: dashboard.day
// { sessionId } (Bilan de la journée) and export.open { sessionId } (Exporter les résultats).

/** The jury day's review: time per candidate, calibration per member, equal treatment. */
export interface DayView extends LocalizedView {
  sessionId: string;
  date: string;
  candidates: { candidate: string; time: string; agreed: string[] }[];
  /** Per member, per domain: "75 % déclaré / 60 % retenu (+15)", averaged over the day's consolidated evaluations. */
  calibration: { member: string; domains: { title: string; value: string }[] }[];
  /** Per candidate: "Questions posées : 6/9 · Relances utilisées : 12/16", with the list. */
  equalTreatment: { candidate: string; summary: string; details: string[] }[];
}

// ---------------------------------------------------------------- forms and confirmations

/** A reason asked before an action (cancel an evaluation, reopen a grid or a signed synthesis). */
export interface ReasonFormView extends LocalizedView {
  evaluationId: string;
  /** The evaluation's revision when shown: submitted back, a changed evaluation refuses the form. */
  evaluationRev: number;
  /** Which action: decides the submit verb. */
  action: 'cancel' | 'reopenGrid' | 'reopenSynthesis';
  title: string;
  explanation: string;
  /** For reopenGrid: the members whose submitted grid can be reopened. */
  members?: ChoiceView[];
  error?: string;
}
// Submit: cancel → { verb: 'evaluation.cancel', evaluationId, evaluationRev } ; reopenGrid →
// { verb: 'grid.reopen', evaluationId, evaluationRev } with input memberId ; reopenSynthesis →
// { verb: 'synthesis.reopen', evaluationId, evaluationRev } — all with input reason (≤ 500, required).

/** Header correction by the president (audited). */
export interface HeaderFormView extends LocalizedView {
  evaluationId: string;
  /** The evaluation's revision when shown: submitted back, a changed evaluation refuses the form. */
  evaluationRev: number;
  date: string;
  candidateLastName: string;
  candidateFirstName: string;
  company: string;
  error?: string;
}
// Submit: { verb: 'evaluation.header', evaluationId, evaluationRev } with inputs date, candidateLastName,
// candidateFirstName, company.

/** A confirmation naming who is concerned (close the collection, remind the members). */
export interface ConfirmView extends LocalizedView {
  evaluationId: string;
  /** The evaluation's revision when shown: submitted back, a changed evaluation refuses the form. */
  evaluationRev: number;
  action: 'close' | 'remind';
  title: string;
  /** "Inès Roy n'a pas soumis sa grille : elle sera laissée hors de la synthèse." */
  explanation: string;
  names: string[];
}
// Buttons: close → { verb: 'evaluation.close', evaluationId, evaluationRev, confirm: true };
// remind → { verb: 'evaluation.remind', evaluationId, evaluationRev, confirm: true }; and a cancel button
// { verb: 'dashboard.open' } (Annuler).

/** The evaluation's audit trail, readable by the president. */
export interface AuditView extends LocalizedView {
  evaluationId: string;
  candidate: string;
  /** One page, newest first: "28/11/2026 14 h 05" and the entry as a sentence ("Marc Petit a noté la ligne « … » : 70 %."). */
  entries: { at: string; sentence: string }[];
  /** "Entrées 1 à 20 sur 46, les plus récentes en premier"; absent when the trail is empty. */
  range?: string;
  /** Why this page and not the one asked (a stale or forged page number). */
  notice?: string;
  /** The pages the buttons open, with the trail's length when shown (pages count from the newest entry then). */
  older?: { page: number; total: number };
  newer?: { page: number; total: number };
}
// Buttons: { verb: 'evaluation.audit', evaluationId, page, total } (older / newer entries); { verb: 'dashboard.open' }.

// ---------------------------------------------------------------- the day's export

/** The jury day's results for the deliberation: every candidate with their state; only the signed are exported. */
export interface DayExportView extends LocalizedView {
  sessionId: string;
  /** "28/11/2026". */
  date: string;
  /** "Présidence du jury", "Mode professionnel seul". */
  role: string;
  /** In the day's order; `state` as on the dashboard ("Signée", "Entretien terminé", "Annulée : absent"). */
  candidates: { candidate: string; company: string; state: string; included: boolean }[];
}
// Buttons: { verb: 'export.links', sessionId } (Préparer le téléchargement), only when one is
// signed; { verb: 'dashboard.open' }.

/** The fresh links to the day's export (ZIP, XLSX, CSV). */
export interface DayExportLinksView extends LocalizedView {
  date: string;
  /** Signed evaluations in the files. */
  count: number;
  /** "Liens personnels, valables jusqu'à 14 h 20. …" */
  validity: string;
  zip: string;
  xlsx: string;
  csv: string;
}
// Action.OpenUrl ×3, like the PDF link card: links, not submissions.
