import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionSchema } from '../../src/bot/verbs.js';
import { fr } from '../../src/i18n/fr.js';
import type { PersonKey } from '../helpers/jury.js';
import { post, startInProcess, startRecorder, type InProcessServer, type Recorder } from '../helpers/in-process-server.js';
import { visibleText } from '../helpers/test-app.js';
import { malformedEnvelope } from './envelopes.js';
import { mutationsFor, onTheWire, pollution } from './mutations.js';
import { recordJourney, type Journey } from './recorded-journey.js';
import { changedKeys, snapshot } from './store-snapshot.js';

/**
 * Property-based fuzzing of the real app (fast-check): card payloads recorded
 * along a jury day and a rehearsal, mutated so that each is invalid, sent in
 * process as the people of the day and strangers; then malformed envelopes
 * over the real HTTP server. Nothing may crash, leak internals or change a
 * stored record. Runs and seed can be set with FUZZ_CARDS, FUZZ_ENVELOPES, FUZZ_SEED.
 */
const CARD_RUNS = Number(process.env.FUZZ_CARDS ?? 8_000);
/** Envelopes go in batches sent at once, as a busy channel would. */
const ENVELOPE_BATCH = 5;
const ENVELOPE_RUNS = Number(process.env.FUZZ_ENVELOPES ?? 4_000) / ENVELOPE_BATCH;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** What must never reach anyone: a stack frame, a source path, an error's name. */
const INTERNALS = /\bat [\w.<>]+ \(|\/work\/|\/src\/|node_modules|\.ts:\d+|\.js:\d+|\b\w*Error\b|ECONN|getaddrinfo/;
const SENDERS: PersonKey[] = ['claire', 'marc', 'ines', 'zoe', 'lea'];

const counts = { cards: 0, cardKinds: new Map<string, number>(), envelopes: 0, envelopeStatuses: new Map<number, number>() };

function tally<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

describe('fuzz: the real app under generated input', () => {
  let journey: Journey;
  let server: InProcessServer;
  let connector: Recorder;
  const knownVerbs = new Set(submissionSchema.options.map((option) => String(option.shape.verb.value)));

  beforeAll(async () => {
    journey = await recordJourney();
    server = await startInProcess(journey.jury.app);
    connector = await startRecorder();
    // Everyone has written once, so the reference to their chat is already stored.
    for (const who of SENDERS) await journey.jury.chat(who).say('aide');
    for (const who of SENDERS) journey.jury.delivered(who);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await connector?.stop();
    const kinds = [...counts.cardKinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    const statuses = [...counts.envelopeStatuses.entries()].map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(`fuzz: ${counts.cards} card payloads (${kinds}); ${counts.envelopes} envelopes (${statuses}); ${counts.cards + counts.envelopes} inputs in all`);
  });

  it('refuses every mutated card payload: no failed turn, nothing internal shown, no record changed', async () => {
    const bases = journey.payloads;
    expect(new Set(bases.map((p) => p.verb)).size).toBeGreaterThanOrEqual(20);
    const input = fc
      .record({ base: fc.constantFrom(...bases), who: fc.constantFrom(...SENDERS), group: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), extra: pollution })
      .chain(({ base, who, group, extra }) => mutationsFor(base, journey.foreignEvaluationId, knownVerbs).map((mutation) => ({ base, who, group, extra, mutation })));

    await fc.assert(
      fc.asyncProperty(input, async ({ base, who, group, extra, mutation }) => {
        const payload = onTheWire(mutation.apply(base), extra);
        const before = snapshot(journey.storage);
        const chat = journey.jury.chat(who, group ? { conversationType: 'groupChat' } : {});
        const replies = await chat.submit(payload);
        counts.cards += 1;
        tally(counts.cardKinds, mutation.kind);
        const shown = visibleText([...replies, ...journey.jury.delivered(who)]);
        expect(shown, JSON.stringify(payload)).not.toContain(fr['error.turn']);
        expect(shown).not.toMatch(INTERNALS);
        const after = snapshot(journey.storage);
        const changed = changedKeys(before, after);
        expect(changed, changed.map((key) => `${before.get(key)}\n→ ${after.get(key)}`).join('\n')).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: CARD_RUNS, seed: SEED, endOnFailure: true },
    );
    expect(counts.cards).toBe(CARD_RUNS);
  }, 120_000);

  it('answers every malformed envelope with a 4xx and a short reason: no turn, no outbound call, no record changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(malformedEnvelope(journey.payloads, connector.url), { minLength: ENVELOPE_BATCH, maxLength: ENVELOPE_BATCH }), async (bodies) => {
        const before = snapshot(journey.storage);
        const calls = connector.requests.length;
        const responses = await Promise.all(bodies.map((body) => post(server.url, body)));
        for (const response of responses) {
          counts.envelopes += 1;
          tally(counts.envelopeStatuses, response.status);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.text).not.toMatch(INTERNALS);
        }
        expect(connector.requests.length).toBe(calls);
        expect(changedKeys(before, snapshot(journey.storage))).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: ENVELOPE_RUNS, seed: SEED, endOnFailure: true },
    );
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(counts.envelopes).toBe(ENVELOPE_RUNS * ENVELOPE_BATCH);
  }, 120_000);

  it.skipIf(process.env.FUZZ_CARDS !== undefined || process.env.FUZZ_ENVELOPES !== undefined)('tried at least 10,000 inputs', () => {
    expect(counts.cards + counts.envelopes).toBeGreaterThanOrEqual(10_000);
  });
});
