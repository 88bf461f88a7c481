/** An activity as stored and served to Web Chat: plain JSON with an id. */
export type LoggedActivity = Record<string, unknown> & { id: string };

interface Entry {
  /** Position in the conversation, from 0; the watermark is "the next position". */
  seq: number;
  activity: LoggedActivity;
}

/**
 * The activities of one demo conversation, in memory, in the order Web Chat
 * must receive them. An update is a new entry carrying the same id: Web Chat
 * replaces the activity it already shows. Only the latest `limit` entries are kept.
 */
export class ConversationLog {
  private entries: Entry[] = [];
  private nextSeq = 0;

  constructor(
    readonly conversationId: string,
    private readonly limit = 500,
  ) {}

  append(activity: LoggedActivity): void {
    this.entries.push({ seq: this.nextSeq, activity });
    this.nextSeq += 1;
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** The latest version of an activity, if this conversation has it. */
  find(id: string): LoggedActivity | undefined {
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.entries[i];
      if (entry?.activity.id === id) return entry.activity;
    }
    return undefined;
  }

  /** Newest first: the latest version of each activity. */
  latest(): LoggedActivity[] {
    const seen = new Set<string>();
    const result: LoggedActivity[] = [];
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const activity = this.entries[i]?.activity;
      if (!activity || seen.has(activity.id)) continue;
      seen.add(activity.id);
      result.push(activity);
    }
    return result;
  }

  /** Entries at or after position `from`, and the watermark to ask with next time. */
  since(from: number): { activities: LoggedActivity[]; next: number } {
    return { activities: this.entries.filter((entry) => entry.seq >= from).map((entry) => entry.activity), next: this.nextSeq };
  }
}
