import { prompterCard, recordedCard, rowCard } from '../../../cards/evaluation/index.js';
import { findRow, formatScore, LIMITS, saveRow, type MemberGrid } from '../../../domain/index.js';
import { scoreWords } from '../../format.js';
import type { Turn } from '../../turn.js';
import { rowPlaces } from './frame-view.js';
import { viewContext } from './view-context.js';
import { prompterView, rowView, savedLine } from './row-views.js';
import { sendReport } from './report-flow.js';
import { answerRefusal, GRID_FORBIDDEN } from '../../outcomes.js';
import { appendAudit, evaluationContext, loadScope, ownGrid, saveCursor, savedGrid, updateOwnGrid, type EvaluationScope } from './scope.js';
import type { EvaluationSubmission } from './verbs.js';
import { giveBack, refusalMessage, rowInput, type SaveSubmission } from './row-input.js';

type LinesSubmission = Extract<EvaluationSubmission, { verb: 'grid.lines' }>;
/** What a row save decided: the domain's word, or the card's inputs refused before it. */
type RowOutcome = ReturnType<typeof saveRow> | { type: 'input_refused'; message: string };
type Phase = 'notes' | 'scoring';

/** Scores come after the interview (the guide's "après l'épreuve"); notes during it. */
export function defaultPhase(scope: EvaluationScope): Phase {
  return scope.evaluation.endedAt || scope.evaluation.state !== 'in_progress' && scope.evaluation.state !== 'draft' ? 'scoring' : 'notes';
}

export async function sendRow(turn: Turn, scope: EvaluationScope, grid: MemberGrid, rowId: string, phase: Phase, override?: { notes?: string; notice?: string }): Promise<void> {
  // A card's row id is only data from the client: a forged one is refused, never rendered.
  if (!findRow(scope.referential, rowId)) {
    await turn.say(turn.t('error.badSubmission'));
    return;
  }
  const view = rowView(viewContext(turn), scope, grid, rowId, phase, override);
  await saveCursor(turn, { evaluationId: scope.evaluation.id, step: phase, rowId });
  await turn.sendCard(rowCard(view), `${view.position} — ${view.rowTitle}`);
}

/** `grid.open`: a row card (the first one to do, or the one asked), or the report once submitted. */
export async function openGrid(turn: Turn, evaluationId: string, phase?: Phase, rowId?: string): Promise<void> {
  const scope = await loadScope(turn, evaluationId, { fillsGrid: true });
  if (!scope) return;
  const grid = await ownGrid(turn, scope);
  if (grid.state === 'submitted') {
    await sendReport(turn, scope, grid, turn.t('evaluation.grid.submittedReadOnly'));
    return;
  }
  const chosenPhase = phase ?? defaultPhase(scope);
  const places = rowPlaces(scope.referential);
  const firstToScore = places.find((p) => {
    const entry = grid.rows[p.row.id];
    return entry?.percentage === null && !entry?.notEvaluatedReason;
  });
  const target = rowId && places.some((p) => p.row.id === rowId) ? rowId : chosenPhase === 'scoring' ? (firstToScore ?? places[0])?.row.id : places[0]?.row.id;
  if (!target) return;
  await sendRow(turn, scope, grid, target, chosenPhase);
}

export async function saveFromCard(turn: Turn, submission: SaveSubmission): Promise<void> {
  const scope = await loadScope(turn, submission.evaluationId, { fillsGrid: true });
  if (!scope) return;
  // Quick picks are the scale's marks; any other value on a pick button was not sent by our card.
  const forgedPick = submission.pick !== undefined && !scope.referential.scales.marks.includes(submission.pick);
  if (!findRow(scope.referential, submission.rowId) || forgedPick) {
    await turn.say(turn.t('error.badSubmission'));
    return;
  }
  // A refused save keeps what the juror typed in the fresh card (notes within the limit).
  const typed = submission.notes !== undefined && submission.notes.length <= LIMITS.notes ? { notes: submission.notes } : {};
  const ctx = evaluationContext(turn, scope);
  // The whole submission (where to go next included) makes its fingerprint: the same click twice is a double click.
  const card = { verb: submission.verb, values: submission };
  // The card's inputs are read against the grid the update reads: one read of the grid per save.
  const saved = await updateOwnGrid(
    turn,
    scope,
    (grid): RowOutcome => {
      const parsed = rowInput(turn, submission, grid);
      return parsed.type === 'invalid' ? { type: 'input_refused', message: parsed.message } : saveRow(grid, parsed.input, ctx, card);
    },
    savedGrid,
  );
  if (!saved) return;
  const { current, outcome } = saved;
  if (outcome.type === 'input_refused') {
    await turn.say(`${outcome.message} ${turn.t('evaluation.grid.nothingChanged')}`);
    await sendRow(turn, scope, current, submission.rowId, submission.phase, typed);
    return;
  }
  turn.log('info', 'row save', { evaluation: scope.evaluation.id, row: submission.rowId, outcome: outcome.type });
  switch (outcome.type) {
    case 'invalid': {
      await turn.say(refusalMessage(turn, outcome.reason, submission));
      if (outcome.reason === 'notes_too_long') await giveBack(turn, submission.notes);
      await sendRow(turn, scope, current, submission.rowId, submission.phase, typed);
      return;
    }
    case 'saved':
      await appendAudit(turn, outcome.audit);
      await afterSave(turn, scope, outcome.grid, submission);
      return;
    case 'unchanged':
      await afterSave(turn, scope, current, submission);
      return;
    default:
      return answerRefusal(turn, outcome, { resend: (fresh) => sendRow(turn, scope, fresh, submission.rowId, submission.phase), forbidden: GRID_FORBIDDEN });
  }
}

/** The acted card becomes a read-only record of what was saved; then the next step. */
async function afterSave(turn: Turn, scope: EvaluationScope, grid: MemberGrid, submission: SaveSubmission): Promise<void> {
  const entry = grid.rows[submission.rowId];
  const place = rowPlaces(scope.referential).find((p) => p.row.id === submission.rowId);
  const notes = entry?.notes ?? '';
  await turn.replaceActedCard(
    recordedCard({
      locale: turn.locale,
      title: place?.row.title ?? submission.rowId,
      facts: [
        { title: turn.t('evaluation.fact.saved'), value: savedLine(viewContext(turn), entry) },
        { title: turn.t('evaluation.fact.notes'), value: notes ? (notes.length > 200 ? `${notes.slice(0, 200)}…` : notes) : '—' },
        {
          title: turn.t('evaluation.fact.percentage'),
          value: formatScore(entry, scoreWords(turn.t, '—')),
        },
      ],
    }),
  );
  const places = rowPlaces(scope.referential);
  const index = places.findIndex((p) => p.row.id === submission.rowId);
  switch (submission.then) {
    case 'stay':
      return sendRow(turn, scope, grid, submission.rowId, submission.phase);
    case 'next': {
      const next = places[index + 1];
      if (next) return sendRow(turn, scope, grid, next.row.id, submission.phase);
      if (submission.phase === 'scoring') return sendReport(turn, scope, grid, turn.t('evaluation.grid.lastRowScored'));
      await turn.say(turn.t('evaluation.grid.lastRowNotes'));
      return sendRow(turn, scope, grid, submission.rowId, submission.phase);
    }
    case 'previous':
      return sendRow(turn, scope, grid, places[Math.max(0, index - 1)]?.row.id ?? submission.rowId, submission.phase);
    case 'goto': {
      const target = places.find((p) => p.row.id === submission.gotoRow)?.row.id;
      if (!target) await turn.say(turn.t('evaluation.grid.chooseRow'));
      return sendRow(turn, scope, grid, target ?? submission.rowId, submission.phase);
    }
    case 'pause':
      await saveCursor(turn, { evaluationId: scope.evaluation.id, step: submission.phase, rowId: submission.rowId });
      await turn.say(turn.t('evaluation.grid.paused', { row: place?.row.title ?? '' }));
      return;
    case 'prompter': {
      const view = submission.sheet !== undefined && place?.row.rolePlays.includes(submission.sheet)
        ? prompterView(viewContext(turn), scope, grid, submission.rowId, submission.sheet, submission.phase)
        : undefined;
      if (!view) {
        await turn.say(turn.t('error.badSubmission'));
        return sendRow(turn, scope, grid, submission.rowId, submission.phase);
      }
      return void (await turn.sendCard(prompterCard(view), view.title));
    }
    case 'report':
      return sendReport(turn, scope, grid);
  }
}

/** The prompter's checklist: relaunches and directions ticked as they are used. */
export async function saveLines(turn: Turn, submission: LinesSubmission): Promise<void> {
  const scope = await loadScope(turn, submission.evaluationId, { fillsGrid: true });
  if (!scope) return;
  const place = rowPlaces(scope.referential).find((p) => p.row.id === submission.rowId);
  if (!place?.row.rolePlays.includes(submission.sheet)) {
    await turn.say(turn.t('error.badSubmission'));
    return;
  }
  // Lines of the row's other sheets stay as they were; this card only ticks its own sheet.
  const sheetLines = new Set(scope.referential.rolePlays.find((s) => s.number === submission.sheet)?.lines.map((l) => l.id) ?? []);
  const ctx = evaluationContext(turn, scope);
  const card = { verb: submission.verb, values: submission };
  const saved = await updateOwnGrid(
    turn,
    scope,
    (grid) => {
      const kept = (grid.rows[submission.rowId]?.linesUsed ?? []).filter((id) => !sheetLines.has(id));
      return saveRow(grid, { rowId: submission.rowId, rev: submission.rev, linesUsed: [...kept, ...(submission.linesUsed ?? [])] }, ctx, card);
    },
    savedGrid,
  );
  if (!saved) return;
  const { current, outcome } = saved;
  switch (outcome.type) {
    case 'invalid':
      await turn.say(turn.t('error.badSubmission'));
      return sendRow(turn, scope, current, submission.rowId, submission.phase);
    case 'saved':
      await appendAudit(turn, outcome.audit);
      await turn.replaceActedCard(
        recordedCard({ locale: turn.locale, title: turn.t('evaluation.prompter.recorded', { sheet: submission.sheet }), facts: [{ title: turn.t('evaluation.fact.linesUsed'), value: String(submission.linesUsed?.length ?? 0) }] }),
      );
      return sendRow(turn, scope, outcome.grid, submission.rowId, submission.phase);
    case 'unchanged':
      return sendRow(turn, scope, current, submission.rowId, submission.phase);
    default:
      return answerRefusal(turn, outcome, { resend: (fresh) => sendRow(turn, scope, fresh, submission.rowId, submission.phase), forbidden: GRID_FORBIDDEN });
  }
}
