import { z } from 'zod';
import { sessionSchema, type Session } from '../domain/model.js';
import { EntryIndex, idEntrySchema } from './entry-index.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { normaliseCode, storageKeys } from './storage-keys.js';
import type { Decide } from './update-with-retry.js';

/** Jury days. */
export interface SessionRepository {
  get(sessionId: string): Promise<Session | undefined>;
  /** Creates or replaces the session (last write wins), then its indexes. */
  save(session: Session): Promise<Session>;
  /** Changes a session others may change too (join requests, members): conflicts are retried. */
  update<R>(sessionId: string, decide: Decide<Session, R>): Promise<R>;
  /** The session whose open joining code this is, inside the tenant (codes are case-insensitive). */
  findByCode(tenantId: string, code: string): Promise<Session | undefined>;
  /** The president's sessions on that date, oldest first. */
  findByPresidentOnDate(tenantId: string, presidentId: string, date: string): Promise<Session[]>;
  /** Sessions where the user is president or an accepted member, by date. */
  listForMember(userId: string): Promise<Session[]>;
}

const codeIndexSchema = z.object({ schemaVersion: z.literal(1), sessionId: z.string().min(1) });

export function createSessionRepository(context: StorageContext): SessionRepository {
  const sessions = new RecordStore(context, sessionSchema);
  const codes = new RecordStore(context, codeIndexSchema);
  const ids = new EntryIndex(context, idEntrySchema);

  // Record first, then indexes; every save re-asserts them, so an interrupted one heals.
  async function index(session: Session): Promise<void> {
    if (session.code !== null) {
      await codes.update(storageKeys.sessionByCode(session.tenantId, session.code), (current) =>
        current?.sessionId === session.id ? { result: undefined } : { write: { schemaVersion: 1, sessionId: session.id }, result: undefined },
      );
    }
    await ids.upsert(storageKeys.sessionsByPresidentOnDate(session.tenantId, session.president.id, session.date), { id: session.id });
    for (const userId of peopleOf(session)) await ids.upsert(storageKeys.sessionsOfMember(userId), { id: session.id });
  }

  return {
    get: (sessionId) => sessions.get(storageKeys.session(sessionId)),
    async save(session) {
      const saved = await sessions.put(storageKeys.session(session.id), session);
      await index(saved);
      return saved;
    },
    async update(sessionId, decide) {
      const { result, written } = await sessions.update(storageKeys.session(sessionId), decide);
      if (written) await index(written);
      return result;
    },
    async findByCode(tenantId, code) {
      const entry = await codes.get(storageKeys.sessionByCode(tenantId, code));
      if (!entry) return undefined;
      const session = await sessions.get(storageKeys.session(entry.sessionId));
      // A closed or changed code leaves a stale index entry behind: the session decides.
      const open = session && session.tenantId === tenantId && session.code !== null && normaliseCode(session.code) === normaliseCode(code);
      return open ? session : undefined;
    },
    async findByPresidentOnDate(tenantId, presidentId, date) {
      const entries = await ids.list(storageKeys.sessionsByPresidentOnDate(tenantId, presidentId, date));
      const found = await sessions.getMany(entries.map((e) => storageKeys.session(e.id)));
      return found.filter((s) => s.tenantId === tenantId && s.president.id === presidentId && s.date === date);
    },
    async listForMember(userId) {
      const entries = await ids.list(storageKeys.sessionsOfMember(userId));
      const found = await sessions.getMany(entries.map((e) => storageKeys.session(e.id)));
      // Removed members keep an index entry; membership is read from the session itself.
      return found.filter((s) => peopleOf(s).includes(userId)).sort((a, b) => a.date.localeCompare(b.date));
    },
  };
}

function peopleOf(session: Session): string[] {
  return [session.president.id, ...session.members.map((m) => m.id)];
}
