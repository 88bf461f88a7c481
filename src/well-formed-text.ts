const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

/**
 * Every string of a JSON value (keys included) is well-formed UTF-16 and the value is not
 * absurdly deep: a lone surrogate cannot be stored, hashed or put in a URL, so such input is
 * refused where it enters instead of failing deep inside a turn.
 */
export function isWellFormedDeep(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isWellFormedDeep(item, depth + 1));
  return Object.entries(value).every(([key, item]) => !LONE_SURROGATE.test(key) && isWellFormedDeep(item, depth + 1));
}
