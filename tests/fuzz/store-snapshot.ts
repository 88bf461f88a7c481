import type { MemoryStorage } from 'botbuilder';

export type Snapshot = Map<string, string>;

/** The stored records, as serialised by the storage. */
export function snapshot(storage: MemoryStorage): Snapshot {
  return new Map(Object.entries((storage as unknown as { memory: Record<string, string> }).memory));
}

/**
 * Keys whose record differs between two snapshots. A rewrite with the same
 * content but a fresh eTag is not a change of the record, and neither is the
 * user state's cursor: it follows the card last shown (a refusal shows a fresh
 * one) so that "reprendre" reopens it; it holds nothing the user saved.
 */
export function changedKeys(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a === b) continue;
    if (a === undefined || b === undefined || withoutETag(a) !== withoutETag(b)) changed.push(key);
  }
  return changed;
}

function withoutETag(json: string): string {
  const { eTag: _eTag, ...record } = JSON.parse(json) as Record<string, unknown>;
  if (typeof record.userId === 'string' && 'bootId' in record) {
    const { evaluationCursor: _cursor, updatedAt: _updatedAt, ...state } = record;
    return JSON.stringify(state);
  }
  return JSON.stringify(record);
}
