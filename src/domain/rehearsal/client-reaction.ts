/** What the client makes of one answer: the sheet's `client` data applied to the candidate's words. */
import type { AddedLine, Client, LineReaction } from '../../referential/client-schema.js';
import type { ClientReaction, Rehearsal } from '../model.js';
import { readWords } from './answer-words.js';
import { keywordsIn } from './keyword-match.js';

/** One answer as the client hears it. */
export interface AnswerReading {
  /** Every key idea of the sheet the answer touches (ids, in the data's order). */
  ideas: string[];
  /** Those the line answered expects (empty when the line expects nothing). */
  expected: string[];
  /** Fewer words than the sheet's `shortAnswerWords`. */
  short: boolean;
  /** Curt or refusing words, and nothing proposed. */
  escalates: boolean;
  /** The client's problem acknowledged and something proposed. */
  calming: boolean;
  /** Every idea of the sheet's conclusion (its main success criterion) in this one answer. */
  concludes: boolean;
}

export function readAnswer(client: Client, reaction: LineReaction | undefined, text: string): AnswerReading {
  const words = readWords(text);
  const ideas = client.ideas.filter((idea) => keywordsIn(words, idea.keywords).length > 0).map((idea) => idea.id);
  const touched = (ids: readonly string[]) => ids.some((id) => ideas.includes(id));
  return {
    ideas,
    expected: reaction ? reaction.expects.filter((id) => ideas.includes(id)) : [],
    short: words.length < client.shortAnswerWords,
    escalates: keywordsIn(words, client.escalation.keywords).length > 0 && !touched(client.calming.proposes),
    calming: touched(client.calming.acknowledges) && touched(client.calming.proposes),
    concludes: client.conclusion !== undefined && client.conclusion.ideas.every((id) => ideas.includes(id)),
  };
}

/** What the client does next. */
export type ClientMove =
  /** The main criterion is met: the conclusion's line (if any), then the closing line. */
  | { type: 'conclude'; line: AddedLine | undefined }
  /** The call ends on the client's words. */
  | { type: 'hang_up'; line: AddedLine }
  /** The client presses on the same line (once per line): the candidate answers again. */
  | { type: 'follow_up'; kind: 'insist' | 'escalate'; line: AddedLine }
  /** The next line of the script, after an acknowledgement or a calming word when there is one. */
  | { type: 'move_on'; before?: { kind: 'acknowledge' | 'calm' | 'escalate'; line: AddedLine } };

/** What the client already did in this call, read from the transcript. */
export interface ClientMemory {
  /** The client already insisted or escalated on the line being answered. */
  followedUp: boolean;
  /** An escalation not yet calmed. */
  tense: boolean;
  /** How many acknowledgements, calming words and escalations were said (to vary them). */
  said: Record<'acknowledge' | 'calm' | 'escalate', number>;
}

export function clientMemory(rehearsal: Rehearsal, lineId: string | undefined): ClientMemory {
  const said = { acknowledge: 0, calm: 0, escalate: 0 };
  let followedUp = false;
  let tense = false;
  for (const entry of rehearsal.transcript) {
    if (entry.speaker !== 'client' || !entry.reaction) continue;
    if ((entry.reaction === 'insist' || entry.reaction === 'escalate') && entry.lineId === lineId) followedUp = true;
    if (entry.reaction === 'escalate') tense = true;
    if (entry.reaction === 'calm') tense = false;
    if (entry.reaction === 'acknowledge' || entry.reaction === 'calm' || entry.reaction === 'escalate') said[entry.reaction] += 1;
  }
  return { followedUp, tense, said };
}

function inTurn(lines: readonly AddedLine[], count: number): AddedLine {
  return lines[count % lines.length] as AddedLine;
}

/**
 * The client's move after an answer, in this order: the main criterion met ends the call;
 * a curt refusal escalates (or hangs up where the line says so), waiting for a better answer
 * the first time on a line, with the next line after that; a poor answer (no expected
 * idea, too short, only apologies) gets one insistence per line, then the script moves on
 * (or the client hangs up where the line says so); a good answer is acknowledged, or calms
 * the client when they were angry and the candidate acknowledged the problem and proposed
 * something.
 */
export function clientMove(client: Client, reaction: LineReaction | undefined, reading: AnswerReading, memory: ClientMemory): ClientMove {
  if (reading.concludes) return { type: 'conclude', line: client.conclusion?.line };
  if (reading.escalates) {
    if (reaction?.hangUp) return { type: 'hang_up', line: reaction.hangUp };
    const line = inTurn(client.escalation.lines, memory.said.escalate);
    // Once the client has pressed on this line, the outburst comes with the next line instead of waiting again.
    return memory.followedUp ? { type: 'move_on', before: { kind: 'escalate', line } } : { type: 'follow_up', kind: 'escalate', line };
  }
  const calmed: ClientMove = memory.tense && reading.calming
    ? { type: 'move_on', before: { kind: 'calm', line: inTurn(client.calming.lines, memory.said.calm) } }
    : { type: 'move_on' };
  const poor = reaction !== undefined && (reading.expected.length === 0 || reading.short);
  if (reaction && poor) {
    if (!memory.followedUp) return { type: 'follow_up', kind: 'insist', line: reaction.insist };
    if (reaction.hangUp) return { type: 'hang_up', line: reaction.hangUp };
    return calmed;
  }
  if (reaction?.calmed) return { type: 'move_on', before: { kind: 'calm', line: reaction.calmed } };
  if (memory.tense) return calmed;
  if (reaction) return { type: 'move_on', before: { kind: 'acknowledge', line: inTurn(client.acknowledgements, memory.said.acknowledge) } };
  return { type: 'move_on' };
}

/** The reaction kind a move writes into the transcript. */
export function reactionOf(move: Exclude<ClientMove, { type: 'move_on' }>): ClientReaction {
  return move.type === 'follow_up' ? move.kind : move.type;
}
