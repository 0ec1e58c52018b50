import fc from 'fast-check';
import { canonicalJson, compareCanonicalKeys, isCanonicalJsonOf, utf8Length } from '../src';

/**
 * Canonical JSON fixes the exact bytes a report is previewed, stored, signed and sent as: the same
 * value must always give the same text, the text must carry the value faithfully, and what JSON
 * cannot carry is refused rather than silently changed.
 */

/** The same value with its object keys inserted in another order, at every depth. */
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reordered(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  // A seeded rotation plus an optional reversal: enough to move every key without a second generator.
  const turn = entries.length === 0 ? 0 : seed % entries.length;
  const rotated = [...entries.slice(turn), ...entries.slice(0, turn)];
  const ordered = seed % 2 === 0 ? rotated.reverse() : rotated;
  const out: Record<string, unknown> = {};
  for (const [k, v] of ordered) Object.defineProperty(out, k, { value: reordered(v, seed + k.length), enumerable: true, writable: true, configurable: true });
  return out;
}

/** The text with every string literal removed: what remains is JSON's structure and its numbers. */
const outsideStrings = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"/g, '""');

const anyString = fc.string({ unit: 'binary' });
// Any UTF-16 code unit, lone surrogates included: a JavaScript string may hold them, UTF-8 cannot.
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

describe('canonicalJson', () => {
  test('objects that differ only in the order their keys were inserted give the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        expect(canonicalJson(reordered(value, seed))).toBe(canonicalJson(value));
      }),
      { numRuns: 300 }
    );
  });

  test('the text parses back to the value it was made from', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // JSON.stringify is the reference for what JSON carries (it writes -0 as 0, as canonicalJson must).
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 }
    );
  });

  test('is a fixed point: encoding the parsed text again gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 }
    );
  });

  test('equal numbers give the same text, -0 included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(canonicalJson({ n: n === 0 ? -0 : n })).toBe(canonicalJson({ n: n === 0 ? 0 : n }));
        expect(Number(canonicalJson(n))).toBe(n === 0 ? 0 : n);
      })
    );
  });

  test('has no whitespace outside strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(outsideStrings(canonicalJson(value))).not.toMatch(/\s/);
      }),
      { numRuns: 300 }
    );
  });

  test('writes the keys of every object in ascending UTF-16 code-unit order, not insertion or locale order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyString, { maxLength: 8 }), (keys) => {
        const value: Record<string, number> = {};
        keys.forEach((k, i) => Object.defineProperty(value, k, { value: i, enumerable: true }));
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(canonicalJson({ outer: [value] })).toBe(`{"outer":[{${sorted.map((k) => `${JSON.stringify(k)}:${keys.indexOf(k)}`).join(',')}}]}`);
      })
    );
    // Integer-like keys, which JavaScript objects enumerate first, and keys beyond ASCII and the BMP.
    expect(canonicalJson({ z: 1, é: 2, '10': 3, '9': 4, '\uffff': 5, '😀': 6, A: 7 })).toBe('{"10":3,"9":4,"A":7,"z":1,"é":2,"😀":6,"\uffff":5}');
  });

  test('keeps array order', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 6 }), (items) => {
        expect(canonicalJson(items)).toBe(`[${items.map((x) => canonicalJson(x)).join(',')}]`);
      })
    );
  });

  test('always gives well-formed Unicode, so different strings never become the same bytes', () => {
    fc.assert(
      fc.property(anyCodeUnits, anyCodeUnits, (a, b) => {
        const text = canonicalJson(a);
        // UTF-8 would replace a lone surrogate with U+FFFD, merging distinct strings into one byte sequence.
        expect(new TextDecoder().decode(new TextEncoder().encode(text))).toBe(text);
        expect(JSON.parse(text)).toBe(a);
        if (a !== b) expect(Buffer.from(canonicalJson(b), 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(false);
      })
    );
  });

  test('writes every string and key exactly as JSON.stringify does, escapes and surrogates included', () => {
    // Plain strings are quoted without JSON.stringify (canonical-json.ts quote); the rest go through it.
    const risky = fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udc00', '😀', '\n');
    const mixed = fc.array(fc.oneof(anyCodeUnits, risky), { maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(anyString, anyCodeUnits, mixed), (s) => {
        expect(canonicalJson(s)).toBe(JSON.stringify(s));
        expect(canonicalJson({ [s]: s })).toBe(`{${JSON.stringify(s)}:${JSON.stringify(s)}}`);
      }),
      { numRuns: 500 }
    );
  });

  test('drops object properties whose value is undefined, as JSON does', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })), fc.uniqueArray(fc.string(), { maxLength: 3 }), (object, extra) => {
        const withUndefined: Record<string, unknown> = { ...object };
        for (const k of extra) if (!(k in object)) Object.defineProperty(withUndefined, k, { value: undefined, enumerable: true });
        expect(canonicalJson(withUndefined)).toBe(canonicalJson(object));
      })
    );
  });

  test('treats an object without a prototype like a plain one', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })), (object) => {
        expect(canonicalJson(Object.assign(Object.create(null) as object, object))).toBe(canonicalJson(object));
      })
    );
  });

  /** Where in a JSON document a refused value sits: each step wraps it in an array or an object among siblings. */
  type Step = { in: 'array'; before: unknown[]; after: unknown[] } | { in: 'object'; key: string; siblings: Record<string, unknown> };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ in: fc.constant('array' as const), before: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), after: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }) }),
    fc.record({ in: fc.constant('object' as const), key: fc.stringMatching(/^[a-z]{1,6}$/), siblings: fc.dictionary(fc.stringMatching(/^[A-Z]{1,4}$/), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }) })
  );
  class Point {
    x = 1;
  }
  const refused = fc.constantFrom<[string, unknown]>(
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a bigint', 10n],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a Date', new Date(0)],
    ['a Map', new Map([['a', 1]])],
    ['a Set', new Set([1])],
    ['a class instance', new Point()],
    ['a typed array', new Uint8Array([1])]
  );

  test('refuses, naming where it is, any value JSON cannot carry faithfully at any depth', () => {
    fc.assert(
      fc.property(refused, fc.array(step, { maxLength: 4 }), ([, bad], steps) => {
        let value: unknown = bad;
        let path = '';
        for (const s of [...steps].reverse()) {
          if (s.in === 'array') {
            value = [...s.before, value, ...s.after];
            path = `[${s.before.length}]${path}`;
          } else {
            value = { ...s.siblings, [s.key]: value };
            path = `.${s.key}${path}`;
          }
        }
        expect(() => canonicalJson(value)).toThrow(TypeError);
        expect(() => canonicalJson(value)).toThrow(`$${path} `);
      })
    );
  });

  test('refuses undefined where there is no property to drop: at the top and in an array', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), (before, after) => {
        // JSON.stringify would write null here: a different value from the one given.
        expect(() => canonicalJson({ list: [...before, undefined, ...after] })).toThrow(`$.list[${before.length}] `);
      })
    );
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('compareCanonicalKeys', () => {
  it('orders keys as canonicalJson writes them, integer-like and astral keys included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.string({ unit: 'grapheme' }), fc.nat().map(String)), { maxLength: 12 }), (keys) => {
        const value = Object.fromEntries(keys.map((k) => [k, 0]));
        const expected = `{${[...keys].sort(compareCanonicalKeys).map((k) => `${JSON.stringify(k)}:0`).join(',')}}`;
        expect(canonicalJson(value)).toBe(expected);
      })
    );
  });
});

describe('isCanonicalJsonOf', () => {
  /** Spellings of one value: canonical, as JSON.stringify writes it, indented, and with its keys in another order. */
  const spellings = (value: unknown, seed: number): string[] => [
    canonicalJson(value),
    JSON.stringify(value),
    JSON.stringify(value, null, 1),
    JSON.stringify(reordered(value, seed))
  ];

  test('answers exactly as encoding the parsed text again and comparing would', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        for (const text of spellings(value, seed)) {
          const parsed: unknown = JSON.parse(text);
          expect(isCanonicalJsonOf(parsed, text)).toBe(canonicalJson(parsed) === text);
        }
      }),
      { numRuns: 500 }
    );
  });

  test('accepts canonical text whose integer-like keys an object enumerates out of canonical order', () => {
    const text = '{"10":3,"9":4,"A":7,"z":1}';
    // JavaScript enumerates 9 before 10; canonical order is by code unit, "10" before "9".
    expect(JSON.stringify(JSON.parse(text))).not.toBe(text);
    expect(isCanonicalJsonOf(JSON.parse(text), text)).toBe(true);
    expect(isCanonicalJsonOf(JSON.parse('{"9":4,"10":3}'), '{"9":4,"10":3}')).toBe(false);
  });

  test('refuses text that differs from the canonical spelling only in escapes, number form or whitespace', () => {
    for (const [text, why] of [
      ['{"a":"\\u0062"}', 'an escape JSON.stringify would not write'],
      ['{"a":1.0}', 'a number not in its shortest form'],
      ['{"a":1e2}', 'an exponent'],
      ['{"a":-0}', 'negative zero'],
      ['{"a": 1}', 'whitespace'],
      ['{"a":1,"a":1}', 'a repeated key'],
      ['{"b":1,"a":2}', 'keys out of order']
    ] as const) {
      expect([why, isCanonicalJsonOf(JSON.parse(text), text)]).toEqual([why, false]);
    }
  });

  test('decides values JSON cannot carry as canonicalJson does: by refusing them', () => {
    expect(() => isCanonicalJsonOf({ a: NaN }, '{"a":null}')).toThrow(TypeError);
    expect(() => isCanonicalJsonOf({ list: [1, undefined] }, '{"list":[1,null]}')).toThrow(TypeError);
    expect(() => isCanonicalJsonOf({ at: new Date(0) }, '{"at":"1970-01-01T00:00:00.000Z"}')).toThrow(TypeError);
  });
});

describe('utf8Length', () => {
  test('is the number of UTF-8 bytes Node would send', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, anyCodeUnits), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      })
    );
  });
});
