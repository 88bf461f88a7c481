import fc from 'fast-check';

/**
 * Mutations of real card payloads that a correct bot must refuse without
 * changing anything: each generated payload carries exactly one change that
 * makes it invalid, sometimes with prototype-pollution keys on top.
 */

const LONE_SURROGATES = ['\uD800', 'a\uDC00b', '\uDBFF'];
const ODD_STRINGS = ['\u202Eevil', '\u200B', '💥'.repeat(40), '../../etc/passwd', '${x}', '<script>alert(1)</script>', 'x'.repeat(300), '', ' ', 'null', 'undefined', '0', '-1', ...LONE_SURROGATES];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** A JSON value of the wrong type for a string or an integer field. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** A string no record is keyed by: random, odd unicode, path-like, too long. */
const unknownId: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map((s) => `zz${s}`),
  fc.constantFrom(...ODD_STRINGS.filter((s) => s.trim() !== '' && !/^-?\d+$/.test(s))),
  fc.constantFrom(...PROTO_KEYS),
);

const ID_KEYS = ['evaluationId', 'rowId', 'sessionId', 'personId', 'rehearsalId', 'questionId', 'conditionId', 'referentialId'];
const ENUM_KEYS = ['then', 'phase', 'decision', 'mode', 'answer', 'command'];

/** Free-text fields and the longest each verb accepts. */
const TEXT_LIMITS: Record<string, [string, number][]> = {
  'grid.save': [['notes', 4_000]],
  'grid.comments': [['comment_relation-client', 1_000]],
  'grid.submit': [['comment_relation-client', 1_000]],
  'synthesis.save': [['comment', 2_000]],
  'synthesis.preview': [['comment', 2_000]],
  'evaluation.cancel': [['reason', 500]],
  'synthesis.reopen': [['reason', 500]],
  'grid.reopen': [['reason', 500]],
  'profile.save': [['name', 100]],
  'evaluation.create': [['company', 150]],
  'evaluation.header': [['company', 150]],
};

export interface Mutation {
  kind: string;
  apply: (payload: Record<string, unknown>) => Record<string, unknown>;
}

function set(key: string, value: unknown, also: Record<string, unknown> = {}): (p: Record<string, unknown>) => Record<string, unknown> {
  return (payload) => ({ ...payload, ...also, [key]: value });
}

/** The mutations that fit this payload (each one alone makes it invalid). */
export function mutationsFor(payload: Record<string, unknown>, foreignEvaluationId: string, knownVerbs: ReadonlySet<string>): fc.Arbitrary<Mutation> {
  const verb = String(payload.verb);
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .oneof(wrongType, unknownId.filter((v) => !knownVerbs.has(v)), fc.constantFrom(`${verb} `, verb.toUpperCase(), `${verb.split('.')[0]}.`, ...PROTO_KEYS))
      .filter((v) => !(typeof v === 'string' && knownVerbs.has(v)))
      .map((value) => ({ kind: 'verb', apply: set('verb', value) })),
  ];
  const ids = ID_KEYS.filter((key) => typeof payload[key] === 'string');
  if (ids.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...ids), fc.oneof(wrongType, unknownId)).map(([key, value]) => ({ kind: `id:${key}`, apply: set(key, value) })),
    );
    if (ids.includes('evaluationId')) options.push(fc.constant({ kind: 'foreign evaluation', apply: set('evaluationId', foreignEvaluationId) }));
  }
  const enums = ENUM_KEYS.filter((key) => payload[key] !== undefined);
  if (enums.length > 0) {
    options.push(fc.tuple(fc.constantFrom(...enums), fc.oneof(wrongType, unknownId)).map(([key, value]) => ({ kind: `enum:${key}`, apply: set(key, value) })));
  }
  if (payload.rev !== undefined) {
    const rev = Number(payload.rev);
    options.push(
      fc
        .oneof(
          wrongType.filter((v) => typeof v !== 'number' && typeof v !== 'boolean' && v !== null),
          fc.constantFrom(-1, 1.5, 'abc', '1e3', '', ' 1', '0x1', 1e300),
          fc.constant(rev + 1_000),
          ...(rev >= 1 ? [fc.integer({ min: 0, max: rev - 1 })] : []),
        )
        .map((value) => ({ kind: 'rev', apply: set('rev', value) })),
    );
  }
  if (verb === 'grid.save') {
    const outOfRange = fc.oneof(fc.integer({ min: 101, max: 1_000_000 }), fc.integer({ min: -1_000_000, max: -1 }));
    const notAPercentage = fc.oneof(
      outOfRange,
      outOfRange.map(String),
      fc.constantFrom('abc', '55,5', '12.5', '1e2', '0x10', 'NaN', 'Infinity', '5 5', '%', '50%', '٥٠', '５０'),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    );
    options.push(
      notAPercentage.map((value) => ({
        kind: 'percentage',
        apply: (p) => {
          const { pick: _pick, ...rest } = p;
          return { ...rest, percentage: value, notEvaluated: 'false' };
        },
      })),
    );
  }
  for (const [key, max] of TEXT_LIMITS[verb] ?? []) {
    options.push(
      fc
        .integer({ min: max + 1, max: 100_000 })
        .chain((length) => fc.constantFrom('é', 'x', '💥', '\u202E', '*').map((unit) => unit.repeat(Math.ceil(length / unit.length))))
        .map((value) => ({ kind: `too long:${key}`, apply: set(key, value) })),
    );
  }
  return fc.oneof(...options);
}

/** Keys that would pollute a prototype if merged carelessly, added next to the invalidating change. */
export const pollution: fc.Arbitrary<string> = fc.constantFrom(
  '',
  '"__proto__":{"polluted":"yes"},',
  '"constructor":{"prototype":{"polluted":"yes"}},',
  '"__proto__":{"verb":"dashboard.open"},',
);

/** The payload as it arrives over the wire (JSON), with the optional pollution keys written in the text. */
export function onTheWire(payload: Record<string, unknown>, extraKeys: string): Record<string, unknown> {
  const json = JSON.stringify(payload);
  return JSON.parse(`{${extraKeys}${json.slice(1)}`) as Record<string, unknown>;
}
