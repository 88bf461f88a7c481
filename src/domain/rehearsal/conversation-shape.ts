import type { Line, RolePlay } from '../../referential/schema.js';
import type { Rehearsal } from '../model.js';
import { readAnswer } from './client-reaction.js';
import { timeline, type TimedEntry } from './timeline.js';

/** How the call went on one line of the sheet the client said. */
export interface RelaunchShape {
  line: Line;
  /** The client had to insist (or escalated) before moving on. */
  insisted: boolean;
  /** Time to the first answer to the line, in ms; null when it was never answered. */
  answerMs: number | null;
  /** Labels of the key ideas the answers to this line touched (those it expects, when it expects some). */
  heard: string[];
  /** Labels of the ideas the line expects that no answer touched. */
  missed: string[];
}

export interface ConversationShape {
  relaunches: RelaunchShape[];
  /** The sheet's own lines left unplayed because the call ended early (« non jouées »). */
  notPlayed: Line[];
  endedBy: 'conclusion' | 'hang_up' | undefined;
}

/** The shape of the conversation, line by line, as the debrief shows it (closing line left out). */
export function conversationShape(sheet: RolePlay, rehearsal: Rehearsal): ConversationShape {
  const timed = timeline(rehearsal);
  const relaunches: RelaunchShape[] = [];
  for (const { entry } of timed) {
    if (entry.speaker !== 'client' || entry.reaction) continue;
    const line = sheet.lines.find((l) => l.id === entry.lineId);
    if (!line || line.type === 'closing' || relaunches.some((r) => r.line.id === line.id)) continue;
    relaunches.push(shapeOf(sheet, rehearsal, timed, line));
  }
  const notPlayed = (rehearsal.cursor.skipped ?? []).flatMap((id) => sheet.lines.filter((l) => l.id === id));
  return { relaunches, notPlayed, endedBy: rehearsal.cursor.endedBy };
}

function shapeOf(sheet: RolePlay, rehearsal: Rehearsal, timed: readonly TimedEntry[], line: Line): RelaunchShape {
  const client = sheet.client;
  const answers = timed.filter(({ entry }) => entry.speaker === 'candidate' && entry.lineId === line.id);
  const reaction = client?.reactions.find((x) => x.line === line.id);
  const touched = new Set(client ? answers.flatMap(({ entry }) => readAnswer(client, reaction, entry.text).ideas) : []);
  const expected = reaction?.expects ?? client?.ideas.map((i) => i.id) ?? [];
  const label = (id: string) => client?.ideas.find((i) => i.id === id)?.label ?? id;
  return {
    line,
    insisted: rehearsal.transcript.some(
      (e) => e.speaker === 'client' && e.lineId === line.id && (e.reaction === 'insist' || e.reaction === 'escalate'),
    ),
    answerMs: answers[0]?.answerMs ?? null,
    heard: expected.filter((id) => touched.has(id)).map(label),
    missed: (reaction?.expects ?? []).filter((id) => !touched.has(id)).map(label),
  };
}
