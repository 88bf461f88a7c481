import type { Rehearsal } from '../../../src/domain/model.js';
import { answerCondition, answerRehearsal, resolveCondition, sheetOf, startRehearsal } from '../../../src/domain/rehearsal/index.js';
import { at, briefing, referential } from './fixture.js';

/** One minute per answer; a condition's question is answered with the next scripted answer, read naturally. */
export function playAttempt(number: number, answers: readonly string[]): Rehearsal {
  const started = startRehearsal(referential, briefing(number), { now: at(0), mode: 'ordered', seed: 1 });
  if (started.type !== 'changed') throw new Error(started.type);
  let rehearsal = started.rehearsal;
  let minute = 0;
  for (const answer of answers) {
    if (rehearsal.state === 'debrief') break;
    minute += 1;
    if (rehearsal.state === 'awaiting_condition') {
      const condition = sheetOf(referential, number)?.conditions.find((c) => c.id === rehearsal.cursor.pendingCondition);
      const yes = condition ? answerCondition(condition, answer) : null;
      if (yes === null) continue;
      const resolved = resolveCondition(referential, rehearsal, yes, at(minute));
      if (resolved.type !== 'changed') throw new Error(resolved.type);
      rehearsal = resolved.rehearsal;
      continue;
    }
    const result = answerRehearsal(referential, rehearsal, answer, at(minute));
    if (result.type !== 'changed') throw new Error(`${result.type}: ${'reason' in result ? result.reason : ''}`);
    rehearsal = result.rehearsal;
  }
  return rehearsal;
}

/** The transcript as the closing note quotes it: who speaks, and what a client's line does. */
export function transcriptText(rehearsal: Rehearsal): string[] {
  return rehearsal.transcript.map((entry) => {
    if (entry.speaker === 'candidate') return `Candidat : ${entry.text}`;
    if (entry.speaker === 'bot') return `[${entry.lineId === 'cue' ? 'consigne' : 'bot'}] ${entry.text}`;
    return `Client${entry.reaction ? ` (${entry.reaction})` : ''} : ${entry.text}`;
  });
}

/** The line (or `cue`) the candidate is answering now: the last client line or cue, or the line a reaction is about. */
export function promptOf(rehearsal: Rehearsal): string | undefined {
  return [...rehearsal.transcript].reverse().find((e) => e.speaker === 'client' || e.lineId === 'cue')?.lineId;
}

/** Plays a sheet answering each prompt with `answers[prompt]` (a condition's question with « oui »). */
export function playByLine(number: number, answers: Record<string, string>, mode: 'ordered' | 'shuffled' = 'ordered', seed = 1): Rehearsal {
  const started = startRehearsal(referential, briefing(number), { now: at(0), mode, seed });
  if (started.type !== 'changed') throw new Error(started.type);
  let rehearsal = started.rehearsal;
  for (let minute = 1; minute < 40 && rehearsal.state !== 'debrief'; minute += 1) {
    const result =
      rehearsal.state === 'awaiting_condition'
        ? resolveCondition(referential, rehearsal, true, at(minute))
        : answerRehearsal(referential, rehearsal, answers[promptOf(rehearsal) ?? ''] ?? 'Je ne sais pas.', at(minute));
    if (result.type !== 'changed') throw new Error(result.type);
    rehearsal = result.rehearsal;
  }
  return rehearsal;
}
