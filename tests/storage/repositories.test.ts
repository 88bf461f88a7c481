import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberGrid } from '../../src/domain/model.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { blobStorageForTest } from '../helpers/azurite.js';
import { createInMemoryRepositories, createRepositories, type Repositories } from '../../src/storage/repositories.js';
import { saveIfRev } from '../../src/storage/rev-guard.js';
import { storageKeys } from '../../src/storage/storage-keys.js';
import { updateWithRetry, type Decide } from '../../src/storage/update-with-retry.js';
import {
  sampleAuditEntry,
  sampleEvaluation,
  sampleGrid,
  sampleOutboxMessage,
  sampleProfile,
  sampleRehearsal,
  sampleSession,
  sampleSynthesis,
  sampleTimer,
  sampleUserState,
} from './sample-records.js';

interface Backend {
  storage: Storage;
  cleanup: () => Promise<void>;
}

const backends: [string, () => Promise<Backend>][] = [
  ['MemoryStorage', async () => ({ storage: new MemoryStorage(), cleanup: async () => undefined })],
  ['MemoryStore', async () => ({ storage: new MemoryStore(), cleanup: async () => undefined })],
  [
    'FileStorage',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'repositories-'));
      const storage = new FileStorage({ dir: join(dir, 'store') });
      return {
        storage,
        cleanup: async () => {
          await storage.flush();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  ['BlobStorage (Azurite)', blobStorageForTest],
];

/** A grid edit as a card would make it: applies only on top of the rev the card showed. */
function setRow(rowId: string, percentage: number, basedOnRev: number | 'latest'): Decide<MemberGrid, 'saved' | 'stale'> {
  return (current) => {
    if (!current) return { result: 'stale' };
    if (basedOnRev !== 'latest' && current.rev !== basedOnRev) return { result: 'stale' };
    const rows = { ...current.rows, [rowId]: { ...sampleRow(), percentage } };
    return { write: { ...current, rows, rev: current.rev + 1 }, result: 'saved' };
  };
}

const sampleRow = () => ({ notes: '', source: null, percentage: null, notEvaluatedReason: null, questionsUsed: [], linesUsed: [] });

describe.each(backends)('repositories over %s', (_name, makeBackend) => {
  let backend: Backend;
  let repos: Repositories;

  beforeEach(async () => {
    backend = await makeBackend();
    repos = createRepositories(backend.storage);
  });
  afterEach(async () => {
    await backend.cleanup();
  });

  describe('sessions', () => {
    it('round-trips a session and finds it by its code, case-insensitively, inside its tenant only', async () => {
      const session = sampleSession();
      await repos.sessions.save(session);
      expect(await repos.sessions.get(session.id)).toEqual(session);
      expect(await repos.sessions.get('unknown')).toBeUndefined();
      expect((await repos.sessions.findByCode('tenant-a', ' k7q2-mx9p '))?.id).toBe(session.id);
      expect(await repos.sessions.findByCode('tenant-b', 'K7Q2-MX9P')).toBeUndefined();
      expect(await repos.sessions.findByCode('tenant-a', 'NOPE')).toBeUndefined();
    });

    it('stops finding a session by its code once the code is closed', async () => {
      await repos.sessions.save(sampleSession());
      await repos.sessions.update('session-1', (current) => ({ write: { ...current!, code: null }, result: undefined }));
      expect(await repos.sessions.findByCode('tenant-a', 'K7Q2-MX9P')).toBeUndefined();
    });

    it('finds the president’s sessions on a date', async () => {
      await repos.sessions.save(sampleSession({ id: 's1' }));
      await repos.sessions.save(sampleSession({ id: 's2', code: 'OTHER' }));
      await repos.sessions.save(sampleSession({ id: 's3', code: null, date: '2026-11-29' }));
      const found = await repos.sessions.findByPresidentOnDate('tenant-a', 'president', '2026-11-28');
      expect(found.map((s) => s.id)).toEqual(['s1', 's2']);
      expect(await repos.sessions.findByPresidentOnDate('tenant-b', 'president', '2026-11-28')).toEqual([]);
    });

    it('lists a member’s sessions, following membership changes', async () => {
      const juror = { id: 'juror-1', name: 'Paul Leroy', function: 'Formateur', joinedAt: '2026-11-28T09:05:00.000Z' };
      await repos.sessions.save(sampleSession({ id: 's2', date: '2026-12-01', code: null }));
      await repos.sessions.save(sampleSession({ id: 's1', code: null }));
      expect(await repos.sessions.listForMember('juror-1')).toEqual([]);
      await repos.sessions.update('s2', (current) => ({ write: { ...current!, members: [juror] }, result: undefined }));
      await repos.sessions.update('s1', (current) => ({ write: { ...current!, members: [juror] }, result: undefined }));
      expect((await repos.sessions.listForMember('juror-1')).map((s) => s.id)).toEqual(['s1', 's2']);
      expect((await repos.sessions.listForMember('president')).map((s) => s.id)).toEqual(['s1', 's2']);
      await repos.sessions.update('s1', (current) => ({ write: { ...current!, members: [] }, result: undefined }));
      expect((await repos.sessions.listForMember('juror-1')).map((s) => s.id)).toEqual(['s2']);
    });

    it('applies concurrent join requests without losing one', async () => {
      await repos.sessions.save(sampleSession());
      const people = Array.from({ length: 8 }, (_, i) => ({ id: `juror-${i}`, name: `Juré ${i}`, function: 'Formateur' }));
      await Promise.all(
        people.map((person) =>
          repos.sessions.update('session-1', (current) => {
            if (!current || current.joinRequests.some((r) => r.person.id === person.id)) return { result: 'already' };
            const request = { person, requestedAt: '2026-11-28T09:01:00.000Z', status: 'pending' as const };
            return { write: { ...current, joinRequests: [...current.joinRequests, request] }, result: 'requested' };
          }),
        ),
      );
      expect((await repos.sessions.get('session-1'))?.joinRequests.map((r) => r.person.id).sort()).toEqual(people.map((p) => p.id).sort());
    });
  });

  describe('evaluations', () => {
    it('round-trips evaluations and reads several in the order asked', async () => {
      await repos.evaluations.save(sampleEvaluation({ id: 'e1' }));
      await repos.evaluations.save(sampleEvaluation({ id: 'e2' }));
      expect(await repos.evaluations.get('e1')).toEqual(sampleEvaluation({ id: 'e1' }));
      expect((await repos.evaluations.getMany(['e2', 'missing', 'e1'])).map((e) => e.id)).toEqual(['e2', 'e1']);
    });

    it('refuses to store a record that does not fit its schema', async () => {
      await expect(repos.evaluations.save({ ...sampleEvaluation(), state: 'weird' } as never)).rejects.toThrow(/Refusing to store/);
      expect(await repos.evaluations.get('evaluation-1')).toBeUndefined();
    });
  });

  describe('grids', () => {
    it('saves a grid only on top of the rev it was based on', async () => {
      expect((await repos.grids.save(sampleGrid({ rev: 1 }), null)).type).toBe('saved');
      const stale = await repos.grids.save(sampleGrid({ rev: 1 }), null);
      expect(stale).toEqual({ type: 'stale', current: sampleGrid({ rev: 1 }) });
      expect((await repos.grids.save(sampleGrid({ rev: 2, state: 'submitted' }), 1)).type).toBe('saved');
      expect((await repos.grids.save(sampleGrid({ rev: 2 }), 1)).type).toBe('stale');
      expect((await repos.grids.get('evaluation-1', 'juror-1'))?.state).toBe('submitted');
    });

    it('refuses, as a bug, a save whose rev does not grow', () => {
      expect(() => saveIfRev(sampleGrid({ rev: 3 }), 3)).toThrow(RangeError);
    });

    it('lists an evaluation’s grids for the members given, in their order', async () => {
      await repos.grids.save(sampleGrid({ memberId: 'a' }), null);
      await repos.grids.save(sampleGrid({ memberId: 'b' }), null);
      await repos.grids.save(sampleGrid({ memberId: 'c', evaluationId: 'evaluation-2' }), null);
      const grids = await repos.grids.listForEvaluation('evaluation-1', ['b', 'missing', 'a', 'c']);
      expect(grids.map((g) => g.memberId)).toEqual(['b', 'a']);
    });

    it('applies two concurrent updates of one grid (no lost update)', async () => {
      await repos.grids.save(sampleGrid({ rev: 1 }), null);
      const results = await Promise.all([
        repos.grids.update('evaluation-1', 'juror-1', setRow('delais', 70, 'latest')),
        repos.grids.update('evaluation-1', 'juror-1', setRow('litige', 50, 'latest')),
      ]);
      expect(results).toEqual(['saved', 'saved']);
      const grid = await repos.grids.get('evaluation-1', 'juror-1');
      expect(grid?.rev).toBe(3);
      expect(grid?.rows.delais?.percentage).toBe(70);
      expect(grid?.rows.litige?.percentage).toBe(50);
    });

    it('applies concurrent updates from two processes sharing the storage (eTag retry)', async () => {
      const counting = countConflicts(backend.storage);
      const first = createRepositories(counting.storage);
      const second = createRepositories(counting.storage);
      await first.grids.save(sampleGrid({ rev: 1 }), null);
      const rows = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
      await Promise.all(rows.map((row, i) => (i % 2 ? first : second).grids.update('evaluation-1', 'juror-1', setRow(row, i * 10, 'latest'))));
      const grid = await first.grids.get('evaluation-1', 'juror-1');
      expect(Object.keys(grid?.rows ?? {}).sort()).toEqual(rows);
      expect(grid?.rev).toBe(1 + rows.length);
      expect(counting.conflicts()).toBeGreaterThan(0);
    });
  });

  describe('syntheses', () => {
    it('round-trips a synthesis with rev checks', async () => {
      expect((await repos.syntheses.save(sampleSynthesis(), null)).type).toBe('saved');
      expect((await repos.syntheses.save(sampleSynthesis({ rev: 6, comment: 'x' }), 5)).type).toBe('stale');
      expect((await repos.syntheses.save(sampleSynthesis({ rev: 2, comment: 'Accord' }), 1)).type).toBe('saved');
      expect((await repos.syntheses.get('evaluation-1'))?.comment).toBe('Accord');
    });
  });

  describe('profiles, user states, conversation references', () => {
    it('round-trips them per user', async () => {
      await repos.profiles.save(sampleProfile());
      await repos.userStates.save(sampleUserState());
      expect(await repos.profiles.get('juror-1')).toEqual(sampleProfile());
      expect(await repos.userStates.get('juror-1')).toEqual(sampleUserState());
      expect(await repos.profiles.get('juror-2')).toBeUndefined();
      await repos.userStates.save(sampleUserState({ flow: 'idle', rowId: undefined }));
      expect((await repos.userStates.get('juror-1'))?.flow).toBe('idle');
    });

    it('keeps a conversation reference as botbuilder JSON', async () => {
      const reference = {
        activityId: undefined,
        user: { id: 'juror-1', name: 'Paul', aadObjectId: 'aad-1' },
        bot: { id: 'bot', name: 'Jury' },
        conversation: { id: 'a:1/x', isGroup: false, conversationType: 'personal', tenantId: 't', name: '' },
        channelId: 'msteams',
        serviceUrl: 'https://smba.example/emea/',
      };
      await repos.conversationReferences.save('aad-1', reference);
      const { activityId: _dropped, ...expected } = reference;
      expect(await repos.conversationReferences.get('aad-1')).toEqual(expected);
      expect(await repos.conversationReferences.get('nobody')).toBeUndefined();
    });
  });

  describe('audit', () => {
    it('lists a trail oldest first, keeps append order on equal instants, appends idempotently', async () => {
      await repos.audit.append(sampleAuditEntry({ id: 'b', at: '2026-11-28T09:10:00.000Z' }));
      await repos.audit.append(sampleAuditEntry({ id: 'a', at: '2026-11-28T09:05:00.000+01:00' }));
      await repos.audit.append(sampleAuditEntry({ id: 'c2', at: '2026-11-28T09:20:00.000Z' }));
      await repos.audit.append(sampleAuditEntry({ id: 'c1', at: '2026-11-28T09:20:00.000Z' }));
      await repos.audit.append(sampleAuditEntry({ id: 'b', at: '2026-11-28T09:10:00.000Z', action: 'changed?' }));
      await repos.audit.append(sampleAuditEntry({ id: 'other', scopeId: 'evaluation-2' }));
      const trail = await repos.audit.listTrail('evaluation-1');
      expect(trail.map((e) => e.id)).toEqual(['a', 'b', 'c2', 'c1']);
      expect(trail[1]?.action).toBe('header.update');
      expect(trail[1]?.after).toEqual({ company: 'Acme SA' });
      expect((await repos.audit.listTrail('evaluation-2')).map((e) => e.id)).toEqual(['other']);
    });

    it('writes entries in bounded chunks: an append never rewrites the whole trail', async () => {
      const ids = Array.from({ length: 70 }, (_, i) => `entry-${String(i).padStart(2, '0')}`);
      for (const [i, id] of ids.entries()) await repos.audit.append(sampleAuditEntry({ id, at: new Date(Date.UTC(2026, 10, 28, 9, 0, i)).toISOString() }));
      expect((await repos.audit.listTrail('evaluation-1')).map((e) => e.id)).toEqual(ids);
      const numbers = [0, 1, 2, 3, 4, 5];
      const chunks = await backend.storage.read(numbers.map((k) => storageKeys.auditChunk('evaluation-1', k)));
      const sizes = numbers.map((k) => (chunks[storageKeys.auditChunk('evaluation-1', k)]?.entries as unknown[] | undefined)?.length ?? 0);
      expect(sizes).toEqual([16, 16, 16, 16, 6, 0]);
    });

    it('still reads a trail stored before chunks (one partition per entry and an index)', async () => {
      const old = sampleAuditEntry({ id: 'old', at: '2026-11-28T08:00:00.000Z' });
      await backend.storage.write({
        [storageKeys.auditEntry('evaluation-1', 'old')]: { ...old },
        [storageKeys.auditTrail('evaluation-1')]: { schemaVersion: 1, entries: [{ id: 'old' }] },
      });
      await repos.audit.append(sampleAuditEntry({ id: 'new', at: '2026-11-28T09:00:00.000Z' }));
      expect((await repos.audit.listTrail('evaluation-1')).map((e) => e.id)).toEqual(['old', 'new']);
    });

    it('keeps every entry appended concurrently', async () => {
      const ids = Array.from({ length: 20 }, (_, i) => `entry-${String(i).padStart(2, '0')}`);
      await Promise.all(ids.map((id) => repos.audit.append(sampleAuditEntry({ id }))));
      expect((await repos.audit.listTrail('evaluation-1')).map((e) => e.id).sort()).toEqual(ids);
    });
  });

  describe('outbox', () => {
    const now = new Date('2026-11-28T10:00:00.000Z');

    it('enqueues idempotently by key and lists what is due', async () => {
      const due = sampleOutboxMessage({ key: 'k1', nextAttemptAt: '2026-11-28T09:59:00.000Z' });
      const later = sampleOutboxMessage({ key: 'k2', nextAttemptAt: '2026-11-28T10:30:00.000Z' });
      expect((await repos.outbox.enqueue(due)).type).toBe('enqueued');
      expect((await repos.outbox.enqueue({ ...due, activity: { text: 'other' } })).type).toBe('exists');
      await repos.outbox.enqueue(later);
      expect((await repos.outbox.listDue(now)).map((m) => m.key)).toEqual(['k1']);
      expect((await repos.outbox.listDue(new Date('2026-11-28T11:00:00.000Z'))).map((m) => m.key)).toEqual(['k1', 'k2']);
      expect((await repos.outbox.listDue(now))[0]?.activity).toEqual(due.activity);
    });

    it('records failures with the next attempt, and never lists a delivered message again', async () => {
      await repos.outbox.enqueue(sampleOutboxMessage({ key: 'k1', nextAttemptAt: '2026-11-28T09:00:00.000Z' }));
      expect(await repos.outbox.recordFailure('k1', { error: '403', nextAttemptAt: '2026-11-28T10:05:00.000Z' })).toBe(true);
      expect(await repos.outbox.listDue(now)).toEqual([]);
      const [pending] = await repos.outbox.listPendingForUser('juror-1');
      expect(pending).toMatchObject({ key: 'k1', attempts: 1, lastError: '403', nextAttemptAt: '2026-11-28T10:05:00.000Z' });

      expect(await repos.outbox.markDelivered('k1', '2026-11-28T10:06:00.000Z')).toBe(true);
      expect(await repos.outbox.listDue(new Date('2026-11-29T00:00:00.000Z'))).toEqual([]);
      expect(await repos.outbox.listPendingForUser('juror-1')).toEqual([]);
      expect((await repos.outbox.enqueue(sampleOutboxMessage({ key: 'k1' }))).type).toBe('exists');
      expect(await repos.outbox.listPendingForUser('juror-1')).toEqual([]);
      expect(await repos.outbox.recordFailure('k1', { error: 'late', nextAttemptAt: now.toISOString() })).toBe(false);
      expect(await repos.outbox.markDelivered('unknown', now.toISOString())).toBe(false);
    });

    it('lets one claim win when two instances on the store claim a message at once, until it runs out', async () => {
      await repos.outbox.enqueue(sampleOutboxMessage({ key: 'k1' }));
      // Two processes: their own repositories (no shared in-process lock), one store.
      const [a, b] = [createRepositories(backend.storage), createRepositories(backend.storage)];
      const until = new Date(now.getTime() + 60_000);
      const claims = await Promise.all([a.outbox.claim('k1', { by: 'a', now, until }), b.outbox.claim('k1', { by: 'b', now, until })]);
      expect(claims.filter((c) => c !== undefined).map((c) => c?.claimedBy)).toHaveLength(1);
      expect(await a.outbox.claim('k1', { by: 'c', now, until })).toBeUndefined();
      // The holder died: once its claim has run out, another instance takes the message.
      const later = new Date(until.getTime() + 1);
      expect((await b.outbox.claim('k1', { by: 'd', now: later, until: new Date(later.getTime() + 60_000) }))?.claimedBy).toBe('d');
      // A failed attempt lets the claim go; a delivered message is never claimed.
      await b.outbox.recordFailure('k1', { error: '403', nextAttemptAt: later.toISOString() });
      expect((await a.outbox.claim('k1', { by: 'e', now: later, until }))?.claimedBy).toBe('e');
      await a.outbox.markDelivered('k1', later.toISOString());
      expect(await b.outbox.claim('k1', { by: 'f', now: new Date('2027-01-01T00:00:00.000Z'), until: new Date('2027-01-01T00:01:00.000Z') })).toBeUndefined();
    });

    it('lists a user’s pending messages only', async () => {
      await repos.outbox.enqueue(sampleOutboxMessage({ key: 'a1', userId: 'a', createdAt: '2026-11-28T09:02:00.000Z' }));
      await repos.outbox.enqueue(sampleOutboxMessage({ key: 'b1', userId: 'b' }));
      await repos.outbox.enqueue(sampleOutboxMessage({ key: 'a0', userId: 'a', createdAt: '2026-11-28T09:01:00.000Z' }));
      expect((await repos.outbox.listPendingForUser('a')).map((m) => m.key)).toEqual(['a0', 'a1']);
    });

    it('heals an index entry left by an interrupted delivery', async () => {
      await repos.outbox.enqueue(sampleOutboxMessage({ key: 'k1' }));
      // As if the process died between marking the message and updating the index.
      const key = storageKeys.outboxMessage('k1');
      const stored = (await backend.storage.read([key]))[key];
      await backend.storage.write({ [key]: { ...stored, deliveredAt: '2026-11-28T09:30:00.000Z' } });
      expect(await repos.outbox.listDue(now)).toEqual([]);
      const index = (await backend.storage.read([storageKeys.outboxPending()]))[storageKeys.outboxPending()];
      expect(index?.entries).toEqual([]);
    });
  });

  describe('timers', () => {
    it('schedules idempotently, lists pending by due time, forgets fired ones', async () => {
      expect((await repos.timers.schedule(sampleTimer({ id: 't45', dueAt: '2026-11-28T09:45:00.000Z' }))).type).toBe('scheduled');
      expect((await repos.timers.schedule(sampleTimer({ id: 't35' }))).type).toBe('scheduled');
      expect((await repos.timers.schedule(sampleTimer({ id: 't35', dueAt: '2030-01-01T00:00:00.000Z' }))).type).toBe('exists');
      expect((await repos.timers.listPending()).map((t) => [t.id, t.dueAt])).toEqual([
        ['t35', '2026-11-28T09:35:00.000Z'],
        ['t45', '2026-11-28T09:45:00.000Z'],
      ]);
      expect(await repos.timers.markFired('t35', '2026-11-28T09:35:01.000Z')).toBe(true);
      expect((await repos.timers.listPending()).map((t) => t.id)).toEqual(['t45']);
      expect((await repos.timers.schedule(sampleTimer({ id: 't35' }))).type).toBe('exists');
      expect((await repos.timers.listPending()).map((t) => t.id)).toEqual(['t45']);
      expect(await repos.timers.markFired('nope', '2026-11-28T09:35:01.000Z')).toBe(false);
    });
  });

  describe('rehearsals', () => {
    it('lists a user’s rehearsals and deletes them all, leaving others’ alone', async () => {
      await repos.rehearsals.save(sampleRehearsal({ id: 'r2', startedAt: '2026-11-28T10:00:00.000Z' }), null);
      await repos.rehearsals.save(sampleRehearsal({ id: 'r1' }), null);
      await repos.rehearsals.save(sampleRehearsal({ id: 'r1', rev: 2, state: 'done' }), 1);
      await repos.rehearsals.save(sampleRehearsal({ id: 'x1', userId: 'candidate-2' }), null);
      expect((await repos.rehearsals.listForUser('candidate-1')).map((r) => [r.id, r.rev])).toEqual([
        ['r1', 2],
        ['r2', 1],
      ]);
      expect((await repos.rehearsals.save(sampleRehearsal({ id: 'r1', rev: 2 }), 1)).type).toBe('stale');

      expect(await repos.rehearsals.deleteAllForUser('candidate-1')).toBe(2);
      expect(await repos.rehearsals.listForUser('candidate-1')).toEqual([]);
      expect(await repos.rehearsals.get('r1')).toBeUndefined();
      expect((await repos.rehearsals.listForUser('candidate-2')).map((r) => r.id)).toEqual(['x1']);
      expect(await repos.rehearsals.deleteAllForUser('candidate-1')).toBe(0);
    });
  });

  describe('conflict retry', () => {
    it('re-decides after someone else’s write and applies on top of it', async () => {
      await repos.grids.save(sampleGrid({ rev: 1 }), null);
      const key = storageKeys.grid('evaluation-1', 'juror-1');
      const interloper = interfereOnce(backend.storage, key, (stored) => ({ ...stored, rev: 2, rows: { litige: { ...sampleRow(), percentage: 30 } } }));
      const seen: number[] = [];
      const result = await updateWithRetry({
        storage: interloper,
        key,
        parse: (raw) => raw as MemberGrid,
        decide: (current) => {
          seen.push(current!.rev);
          return setRow('delais', 70, 'latest')(current);
        },
      });
      expect(result.result).toBe('saved');
      expect(seen).toEqual([1, 2]);
      const grid = await repos.grids.get('evaluation-1', 'juror-1');
      expect(grid?.rev).toBe(3);
      expect(grid?.rows.litige?.percentage).toBe(30);
      expect(grid?.rows.delais?.percentage).toBe(70);
    });

    it('returns the decide’s result without writing when it sees the rev changed', async () => {
      await repos.grids.save(sampleGrid({ rev: 1 }), null);
      const key = storageKeys.grid('evaluation-1', 'juror-1');
      const interloper = interfereOnce(backend.storage, key, (stored) => ({ ...stored, rev: 2 }));
      const counting = countConflicts(interloper);
      const outcome = await updateWithRetry({
        storage: counting.storage,
        key,
        parse: (raw) => raw as MemberGrid,
        decide: setRow('delais', 70, 1),
      });
      expect(outcome).toEqual({ result: 'stale', written: undefined });
      expect(counting.writes()).toBe(1);
      const grid = await repos.grids.get('evaluation-1', 'juror-1');
      expect(grid?.rev).toBe(2);
      expect(grid?.rows.delais).toBeUndefined();
    });

    it('gives up after a bounded number of conflicts', async () => {
      await repos.grids.save(sampleGrid({ rev: 1 }), null);
      const key = storageKeys.grid('evaluation-1', 'juror-1');
      const alwaysConflicting: Storage = {
        read: (keys) => backend.storage.read(keys),
        write: async () => {
          throw new Error('Storage: error writing due to eTag conflict.');
        },
        delete: (keys) => backend.storage.delete(keys),
      };
      await expect(
        updateWithRetry({ storage: alwaysConflicting, key, parse: (raw) => raw as MemberGrid, decide: setRow('x', 1, 'latest'), maxAttempts: 3 }),
      ).rejects.toThrow(/gave up updating .* after 3 eTag conflicts/);
    });
  });
});

describe('createInMemoryRepositories', () => {
  it('gives an independent, working set each time', async () => {
    const a = createInMemoryRepositories();
    const b = createInMemoryRepositories();
    await a.profiles.save(sampleProfile());
    expect(await a.profiles.get('juror-1')).toEqual(sampleProfile());
    expect(await b.profiles.get('juror-1')).toBeUndefined();
  });
});

/** Wraps a storage so that, before the first write to `key`, another writer changes it. */
function interfereOnce(storage: Storage, key: string, change: (stored: Record<string, unknown>) => Record<string, unknown>): Storage {
  let done = false;
  return {
    read: (keys) => storage.read(keys),
    delete: (keys) => storage.delete(keys),
    async write(changes: StoreItems) {
      if (!done && key in changes) {
        done = true;
        const stored = (await storage.read([key]))[key] as Record<string, unknown>;
        await storage.write({ [key]: { ...change(stored), eTag: '*' } });
      }
      await storage.write(changes);
    },
  };
}

function countConflicts(storage: Storage): { storage: Storage; conflicts: () => number; writes: () => number } {
  let conflicts = 0;
  let writes = 0;
  return {
    conflicts: () => conflicts,
    writes: () => writes,
    storage: {
      read: (keys) => storage.read(keys),
      delete: (keys) => storage.delete(keys),
      async write(changes) {
        writes += 1;
        try {
          await storage.write(changes);
        } catch (error) {
          if (/eTag conflict/.test(String(error))) conflicts += 1;
          throw error;
        }
      },
    },
  };
}
