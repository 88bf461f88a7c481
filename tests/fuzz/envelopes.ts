import fc from 'fast-check';

/**
 * Activities broken in one way each (a missing or mistyped field, an address
 * that is not this machine, a lone surrogate, a body that is no activity),
 * built around real card payloads and messages: every one must get a 4xx.
 */

const REQUIRED_PATHS = [['type'], ['id'], ['channelId'], ['serviceUrl'], ['from'], ['recipient'], ['conversation'], ['from', 'id'], ['recipient', 'id'], ['conversation', 'id']];
/** Optional fields with a documented type, and values of another type. */
const TYPED_OPTIONAL: [string[], fc.Arbitrary<unknown>][] = [
  [['text'], fc.oneof(fc.integer(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { minKeys: 1, maxKeys: 2 }), fc.boolean())],
  [['locale'], fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { minLength: 1, maxLength: 2 }))],
  [['membersAdded'], fc.oneof(fc.string(), fc.integer(), fc.constant({ id: 'x' }), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }))],
  [['membersRemoved'], fc.oneof(fc.string(), fc.integer(), fc.constant({ id: 'x' }))],
  [['channelData'], fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }))],
  [['attachments'], fc.oneof(fc.string(), fc.integer(), fc.constant({}))],
  [['entities'], fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }))],
  [['replyToId'], fc.oneof(fc.integer(), fc.boolean(), fc.constant({}))],
  [['conversation', 'isGroup'], fc.oneof(fc.string(), fc.integer())],
  [['from', 'name'], fc.oneof(fc.integer(), fc.constant([]), fc.constant({}))],
];
const NOT_A_STRING = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }));
const UNTRUSTED_URLS = fc.oneof(
  fc.constantFrom('https://evil.example/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/', 'http://127.0.0.1.evil.example/', 'http://localhost.evil.example/', 'not a url', '', '//127.0.0.1/'),
  fc.webUrl().filter((url) => !/^https?:\/\/(localhost|127\.|\[::1\])/.test(url)),
);
const LONE = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF');
const STRING_PATHS = [['from', 'id'], ['conversation', 'id'], ['recipient', 'id'], ['text'], ['channelId'], ['id']];

type Body = Record<string, unknown>;

function clone(body: Body): Body {
  return structuredClone(body);
}

function setPath(body: Body, path: string[], value: unknown, remove = false): Body {
  const copy = clone(body);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  const last = path[path.length - 1] ?? '';
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

function getPath(body: Body, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), body);
}

/** A well-formed activity from one of the day's people: a message or a card submission. */
function validActivity(payloads: readonly Record<string, unknown>[], serviceUrl: string): fc.Arbitrary<Body> {
  return fc
    .record({
      who: fc.constantFrom('claire', 'marc', 'ines', 'lea', 'zoe'),
      content: fc.oneof(fc.constantFrom(...payloads).map((value) => ({ value })), fc.constantFrom('aide', 'reprendre', 'tableau de bord', 'répétition').map((text) => ({ text }))),
      n: fc.nat(),
    })
    .map(({ who, content, n }) => ({
      type: 'message',
      id: `fuzz-${n}`,
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:${who}`, aadObjectId: who, name: who },
      recipient: { id: '28:bot', name: 'Jury CQP' },
      conversation: { id: `personal:${who}`, conversationType: 'personal' },
      channelData: { tenant: { id: 'tenant-test' } },
      locale: 'fr-FR',
      ...content,
    }));
}

/** One malformed envelope, as an object or as a raw body text. */
export function malformedEnvelope(payloads: readonly Record<string, unknown>[], serviceUrl: string): fc.Arbitrary<Body | string | unknown[]> {
  const valid = validActivity(payloads, serviceUrl);
  const broken: fc.Arbitrary<Body | string | unknown[]>[] = [
    fc.tuple(valid, fc.constantFrom(...REQUIRED_PATHS)).map(([body, path]) => setPath(body, path, undefined, true)),
    fc.tuple(valid, fc.constantFrom(...REQUIRED_PATHS), NOT_A_STRING).map(([body, path, value]) => setPath(body, path, value)),
    fc.tuple(valid, fc.integer({ min: 0, max: TYPED_OPTIONAL.length - 1 })).chain(([body, index]) => {
      const [path, wrong] = TYPED_OPTIONAL[index] ?? TYPED_OPTIONAL[0]!;
      return wrong.map((value) => setPath(body, path, value));
    }),
    fc.tuple(valid, UNTRUSTED_URLS).map(([body, url]) => setPath(body, ['serviceUrl'], url)),
    fc.tuple(valid, fc.constantFrom(...STRING_PATHS), LONE, fc.nat({ max: 8 })).map(([body, path, lone, at]) => {
      const current = String(getPath(body, path) ?? 'x');
      return setPath(body, path, `${current.slice(0, at)}${lone}${current.slice(at)}`);
    }),
    fc.tuple(valid, fc.integer({ min: 1_001, max: 50_000 }), fc.constantFrom<string[]>(['from', 'id'], ['conversation', 'id'], ['id'])).map(([body, length, path]) => setPath(body, path, 'x'.repeat(length))),
    fc.tuple(valid, fc.integer({ min: 40, max: 200 })).map(([body, depth]) => {
      let nested: unknown = 'deep';
      for (let i = 0; i < depth; i += 1) nested = { a: nested };
      return setPath(body, ['value'], nested);
    }),
    fc.oneof(
      fc.string({ maxLength: 200 }).filter((text) => !isJsonObject(text)),
      fc.constantFrom('{', '{"type":', 'null', '[]', '"message"', '42', 'true', '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}'),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    ),
    // Prototype keys next to one invalidating change.
    fc.tuple(valid, fc.constantFrom(...REQUIRED_PATHS)).map(([body, path]) => {
      const json = JSON.stringify(setPath(body, path, undefined, true));
      return `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${json.slice(1)}`;
    }),
  ];
  return fc.oneof(...broken);
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
