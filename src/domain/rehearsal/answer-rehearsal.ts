/** The candidate's answers during the play (a message, a condition's oui / non) and the client's next line. */
import type { Condition, Referential, RolePlay } from '../../referential/schema.js';
import { REHEARSAL_ANSWER_MAX, type ClientReaction, type Rehearsal } from '../model.js';
import { clientMemory, clientMove, reactionOf, readAnswer } from './client-reaction.js';
import { matchCondition } from './condition-matcher.js';
import { currentQuestion } from './rate-question.js';
import { DRILL_SHEET, sheetOf, type RehearsalResult } from './rehearsal-types.js';

/**
 * A message of the candidate during the play: recorded as their answer, checked against the
 * sheet's conditions (the latest answer that decides wins), then the client's next line.
 * In the drill: the answer to the current question, whose rating is asked next.
 */
export function answerRehearsal(referential: Referential, rehearsal: Rehearsal, text: string, now: Date): RehearsalResult {
  if (rehearsal.state !== 'playing') return { type: 'forbidden', reason: 'not_active' };
  const answer = text.trim();
  if (answer === '') return { type: 'invalid', reason: 'answer_empty' };
  if (answer.length > REHEARSAL_ANSWER_MAX) return { type: 'invalid', reason: 'answer_too_long', length: answer.length };
  const at = now.toISOString();
  if (rehearsal.sheet === DRILL_SHEET) {
    const current = currentQuestion(referential, rehearsal);
    if (!current || rehearsal.cursor.awaiting !== 'answer') return { type: 'forbidden', reason: 'not_active' };
    return {
      type: 'changed',
      rehearsal: {
        ...rehearsal,
        rev: rehearsal.rev + 1,
        cursor: { ...rehearsal.cursor, awaiting: 'rating' },
        transcript: [...rehearsal.transcript, { speaker: 'candidate', text: answer, at, lineId: current.question.id }],
      },
      steps: [{ type: 'rate', ...current }],
    };
  }
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) return { type: 'forbidden', reason: 'unknown_sheet' };
  const evidence = { ...rehearsal.cursor.evidence };
  for (const condition of sheet.conditions) {
    const match = matchCondition(condition, answer);
    if (match !== 'unsure') evidence[condition.id] = match;
  }
  const answered = lastPrompt(rehearsal);
  const next: Rehearsal = {
    ...rehearsal,
    rev: rehearsal.rev + 1,
    cursor: { ...rehearsal.cursor, evidence },
    transcript: [...rehearsal.transcript, { speaker: 'candidate', text: answer, at, ...(answered ? { lineId: answered } : {}) }],
  };
  return react(sheet, next, answered, answer, now);
}

/**
 * The client's reaction to the answer (when the sheet has `client` data), then the script:
 * a follow-up waits on the same line; a conclusion plays the closing line; a hang-up ends
 * the call; otherwise the next line, after an acknowledgement or a calming word if any.
 */
function react(sheet: RolePlay, rehearsal: Rehearsal, answered: string | undefined, answer: string, now: Date): RehearsalResult {
  const client = sheet.client;
  if (!client) return playNext(sheet, rehearsal, now);
  const reaction = client.reactions.find((r) => r.line === answered);
  const move = clientMove(client, reaction, readAnswer(client, reaction, answer), clientMemory(rehearsal, answered));
  const at = now.toISOString();
  const say = (r: Rehearsal, kind: ClientReaction, text: string): Rehearsal => ({
    ...r,
    transcript: [...r.transcript, { speaker: 'client', text, at, reaction: kind, ...(answered ? { lineId: answered } : {}) }],
  });
  switch (move.type) {
    case 'move_on': {
      if (!move.before) return playNext(sheet, rehearsal, now);
      const played = playNext(sheet, say(rehearsal, move.before.kind, move.before.line.text), now);
      if (played.type !== 'changed') return played;
      return { ...played, steps: [{ type: 'reaction', kind: move.before.kind, text: move.before.line.text }, ...played.steps] };
    }
    case 'follow_up':
      return { type: 'changed', rehearsal: say(rehearsal, move.kind, move.line.text), steps: [{ type: 'reaction', kind: move.kind, text: move.line.text }] };
    case 'hang_up': {
      const hungUp = endEarly(sheet, say(rehearsal, 'hang_up', move.line.text), 'hang_up', at);
      return { type: 'changed', rehearsal: hungUp, steps: [{ type: 'reaction', kind: 'hang_up', text: move.line.text }, { type: 'ended', closing: null }] };
    }
    case 'conclude': {
      const said = move.line ? say(rehearsal, reactionOf(move), move.line.text) : rehearsal;
      const closing = sheet.lines.find((l) => l.type === 'closing');
      const ended = endEarly(sheet, said, 'conclusion', at);
      const withClosing = closing ? { ...ended, transcript: [...ended.transcript, { speaker: 'client' as const, text: closing.text, at, lineId: closing.id }] } : ended;
      return {
        type: 'changed',
        rehearsal: withClosing,
        steps: [...(move.line ? [{ type: 'reaction' as const, kind: 'conclude' as const, text: move.line.text }] : []), { type: 'ended', closing: closing ?? null }],
      };
    }
  }
}

/** Ends the call before its closing line's turn: the sheet's own lines (and stage directions) not yet played are kept as skipped. */
function endEarly(sheet: RolePlay, rehearsal: Rehearsal, endedBy: 'conclusion' | 'hang_up', at: string): Rehearsal {
  const order = rehearsal.cursor.order ?? [];
  const fromSheet = (id: string) => sheet.lines.some((l) => l.id === id && (l.fromSheet || l.type === 'direction'));
  const skipped = order.slice(rehearsal.cursor.next ?? 0).filter(fromSheet);
  return ended({ ...rehearsal, cursor: { ...rehearsal.cursor, next: order.length, endedBy, skipped } }, at);
}

/** The candidate's oui / non to the pending condition's question; its line is then played or skipped. */
export function resolveCondition(referential: Referential, rehearsal: Rehearsal, met: boolean, now: Date): RehearsalResult {
  const pending = rehearsal.cursor.pendingCondition;
  if (rehearsal.state !== 'awaiting_condition' || !pending) return { type: 'forbidden', reason: 'not_awaiting_condition' };
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) return { type: 'forbidden', reason: 'unknown_sheet' };
  const resolved: Rehearsal = {
    ...rehearsal,
    rev: rehearsal.rev + 1,
    state: 'playing',
    cursor: { ...rehearsal.cursor, pendingCondition: undefined, decided: { ...rehearsal.cursor.decided, [pending]: { met, by: 'question' } } },
  };
  return playNext(sheet, resolved, now);
}

/** The line (or cue, or question) the candidate is answering now: the last thing put to them. */
function lastPrompt(rehearsal: Rehearsal): string | undefined {
  for (let i = rehearsal.transcript.length - 1; i >= 0; i -= 1) {
    const entry = rehearsal.transcript[i];
    if (entry?.speaker === 'client' || entry?.lineId === 'cue') return entry.lineId;
  }
  return undefined;
}

/**
 * Plays from the cursor: a conditional line is decided when its turn comes (keywords seen in
 * the answers so far, else the question), skipped when not met; a closing line ends the
 * play; any other line is said and waits for the candidate.
 */
export function playNext(sheet: RolePlay, rehearsal: Rehearsal, now: Date): RehearsalResult {
  const at = now.toISOString();
  const order = rehearsal.cursor.order ?? [];
  let next = rehearsal.cursor.next ?? 0;
  let decided = { ...rehearsal.cursor.decided };
  for (;;) {
    const line = sheet.lines.find((l) => l.id === order[next]);
    if (!line) {
      return { type: 'changed', rehearsal: ended({ ...rehearsal, cursor: { ...rehearsal.cursor, next, decided } }, at), steps: [{ type: 'ended', closing: null }] };
    }
    if (line.type === 'conditional' && line.condition) {
      const conditionId = line.condition;
      const known = decided[conditionId] ?? fromEvidence(rehearsal.cursor.evidence?.[conditionId]);
      if (!known) {
        const condition = sheet.conditions.find((c) => c.id === conditionId) as Condition;
        return {
          type: 'changed',
          rehearsal: {
            ...rehearsal,
            state: 'awaiting_condition',
            cursor: { ...rehearsal.cursor, next, decided, pendingCondition: conditionId },
            transcript: [...rehearsal.transcript, { speaker: 'bot', text: condition.question, at, lineId: `condition:${conditionId}` }],
          },
          steps: [{ type: 'condition', condition }],
        };
      }
      decided = { ...decided, [conditionId]: known };
      if (!known.met) {
        next += 1;
        continue;
      }
    }
    const said: Rehearsal = {
      ...rehearsal,
      state: 'playing',
      cursor: { ...rehearsal.cursor, next: next + 1, decided },
      transcript: [...rehearsal.transcript, { speaker: 'client', text: line.text, at, lineId: line.id }],
    };
    if (line.type === 'closing') return { type: 'changed', rehearsal: ended(said, at), steps: [{ type: 'ended', closing: line }] };
    return { type: 'changed', rehearsal: said, steps: [{ type: 'line', line }] };
  }
}

function fromEvidence(evidence: 'met' | 'not_met' | undefined): { met: boolean; by: 'keywords' } | undefined {
  return evidence === undefined ? undefined : { met: evidence === 'met', by: 'keywords' };
}

function ended(rehearsal: Rehearsal, at: string): Rehearsal {
  return { ...rehearsal, state: 'debrief', endedAt: at };
}
