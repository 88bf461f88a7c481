import type { Rehearsal } from '../model.js';

export type TranscriptEntry = Rehearsal['transcript'][number];

export interface TimedEntry {
  entry: TranscriptEntry;
  /**
   * For a candidate's answer: milliseconds from the last thing put to them (the client's
   * line, the cue inviting them to open, a drill question) to their answer. The condition's
   * question (or any other bot entry) does not restart the count: the answer is to the client's line.
   */
  answerMs?: number;
}

/** The transcript with the time each answer took. */
export function timeline(rehearsal: Rehearsal): TimedEntry[] {
  let promptAt: number | undefined;
  return rehearsal.transcript.map((entry) => {
    const at = Date.parse(entry.at);
    if (entry.speaker === 'client' || entry.lineId === 'cue' || entry.lineId?.startsWith('question:')) {
      promptAt = at;
      return { entry };
    }
    if (entry.speaker === 'candidate' && promptAt !== undefined) return { entry, answerMs: Math.max(0, at - promptAt) };
    return { entry };
  });
}

/** "mm:ss" (minutes past 59 keep counting: "75:03"). */
export function formatMinutesSeconds(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
