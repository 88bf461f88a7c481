import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rehearsal } from '../../../src/domain/model.js';
import { newRehearsal, type RehearsalResult, type RehearsalStep } from '../../../src/domain/rehearsal/index.js';
import { referentialSchema, type Referential, type RolePlay } from '../../../src/referential/schema.js';

/** The real AGC referential: the rehearsal plays its sheets, so the tests read them from it. */
export const referential: Referential = referentialSchema.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/referentiels/cqp-agc.json', import.meta.url)), 'utf8')),
);

/**
 * The same sheets without their client data: the lines simply follow each other, whatever the
 * answer. The script's mechanics (order, conditions, debrief) are tested on it; the client's
 * reactions on the real data (client-reaction.test.ts).
 */
export const scriptOnly: Referential = { ...referential, rolePlays: referential.rolePlays.map(({ client: _client, ...rest }) => rest) };

export function sheet(number: number): RolePlay {
  const found = referential.rolePlays.find((s) => s.number === number);
  if (!found) throw new Error(`no sheet ${number}`);
  return found;
}

export const T0 = new Date('2026-11-20T09:00:00.000Z');

/** `minutes` after T0. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/** A fresh attempt at the briefing. */
export function briefing(number: number, over: Partial<Rehearsal> = {}): Rehearsal {
  const created = newRehearsal({ id: `r-${number}`, userId: 'candidate-1', referential, sheet: number, now: T0 });
  if ('type' in created) throw new Error('unknown sheet');
  return { ...created, ...over };
}

/** Freezes a record deeply, so a test fails if the engine mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The rehearsal and steps of an operation that must have changed it; fails the test otherwise. */
export function changed(result: RehearsalResult): { rehearsal: Rehearsal; steps: RehearsalStep[] } {
  if (result.type !== 'changed') throw new Error(`expected a change, got ${result.type}: ${result.reason}`);
  return result;
}
