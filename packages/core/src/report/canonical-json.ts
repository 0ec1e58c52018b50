/**
 * Canonical JSON: keys sorted at every level, no insignificant whitespace. The same value always
 * gives the same text, so a digest of the text identifies the report exactly. Values JSON cannot
 * carry faithfully (NaN, Infinity, bigint, functions) are refused rather than silently changed.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return encode(value, []);
}

/**
 * `steps` is where `value` sits, kept as a stack and spelled out only in an error: building a path
 * string for every value cost about as much as the encoding itself, and the collector encodes each
 * report it receives to check that its bytes are canonical.
 */
function encode(value: unknown, steps: Array<string | number>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw refusal(steps, 'is not a finite number');
      return String(value);
    case 'string':
      return quote(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          steps.push(i);
          out += (i === 0 ? '' : ',') + encode(value[i], steps);
          steps.pop();
        }
        return `${out}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw refusal(steps, 'is not a plain object');
      const record = value as Record<string, unknown>;
      // The default sort compares strings by UTF-16 code units, the order canonical JSON fixes.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const v = record[key];
        if (v === undefined) continue;
        steps.push(key);
        out += `${out.length === 1 ? '' : ','}${quote(key)}:${encode(v, steps)}`;
        steps.pop();
      }
      return `${out}}`;
    }
    default:
      throw refusal(steps, `has unsupported type ${typeof value}`);
  }
}

/**
 * The order canonicalJson writes an object's keys in: by UTF-16 code units, as `<` compares strings
 * (not as a collation would: `site.issueTypes` comes before `site.issues`). For a list shown beside
 * the bytes in the bytes' own order.
 */
export const compareCanonicalKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether `text` is exactly canonicalJson(value), never a different answer; how the collector checks
 * that a report arrived in its one canonical spelling, `value` being the text parsed. Encoding the
 * report again to compare cost ~3.4 µs of the event loop per report; this costs about half. Where
 * every object's keys already enumerate in canonical order and every leaf is one JSON carries as it
 * is, canonicalJson writes exactly what JSON.stringify writes (strings and numbers are spelled alike,
 * canonical-json.property.test.ts), so the native encoder decides. Anything else, such as the
 * integer-like keys objects enumerate first, is decided by encoding.
 */
export function isCanonicalJsonOf(value: unknown, text: string): boolean {
  return inCanonicalOrder(value) ? JSON.stringify(value) === text : canonicalJson(value) === text;
}

function inCanonicalOrder(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) {
        // A hole reads as undefined here, which is refused: JSON.stringify would write null where canonicalJson refuses.
        for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        // `<` compares UTF-16 code units, the order canonicalJson sorts by.
        if (i > 0 && !((keys[i - 1] as string) < key)) return false;
        if (!inCanonicalOrder(record[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

const refusal = (steps: ReadonlyArray<string | number>, what: string): TypeError =>
  new TypeError(`canonicalJson: $${steps.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')} ${what}`);

/**
 * A string JSON.stringify writes as it is between quotes: printable, no quote or backslash, and no
 * surrogate (a lone one is escaped; pairs are left to JSON.stringify too). Nearly every key and value
 * in a report is such a string, and quoting it directly costs a third as much.
 */
const plain = /^[\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\uffff]*$/;
const quote = (s: string): string => (plain.test(s) ? `"${s}"` : JSON.stringify(s));

/** UTF-8 byte length of a string, without node:buffer (this file is imported by the browser too). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
