import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../src/json.js';
import { JsonSplitter, SplitMiss, ValueTooLarge } from '../src/json-splitter.js';

const CONTAINERS = new Set(['items', 'Results']);

type Event = ['begin', string] | ['member', string, JsonValue] | ['element', string, number, JsonValue];

/** Feeds `text` to a splitter cut at `cuts` (byte offsets): what it reported, in order, or the SplitMiss. */
function split(text: string, cuts: number[] = []): Event[] | SplitMiss {
  const events: Event[] = [];
  const splitter = new JsonSplitter(CONTAINERS, {
    begin: (kind) => void events.push(['begin', kind]),
    member: (key, value) => void events.push(['member', key, value]),
    element: (container, index, value) => void events.push(['element', container, index, value]),
  });
  const bytes = Buffer.from(text, 'utf8');
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  try {
    for (const cut of [...at, bytes.length]) {
      splitter.write(bytes.subarray(from, cut));
      from = cut;
    }
    splitter.end();
  } catch (error) {
    if (error instanceof SplitMiss) return error;
    throw error;
  }
  return events;
}

/**
 * The document the events describe, built as JSON.parse builds it: a later duplicate key wins,
 * and a selected list (reported emptied, after its elements) gets its elements back.
 */
function rebuild(events: Event[]): unknown {
  const [first, ...rest] = events;
  const elements: JsonValue[] = [];
  if (first?.[1] === 'array') {
    for (const event of rest) if (event[0] === 'element') elements.push(event[3]);
    return elements;
  }
  // A Map, not assignment: "__proto__" must stay an own key, as JSON.parse makes it.
  const members = new Map<string, JsonValue>();
  for (const event of rest) {
    if (event[0] === 'element') {
      expect(event[2], 'elements are numbered from 0').toBe(elements.length);
      elements.push(event[3]);
    } else if (event[0] === 'member') {
      const [, key, value] = event;
      const selected = CONTAINERS.has(key) && Array.isArray(value);
      if (selected) expect(value, 'a selected list arrives emptied').toEqual([]);
      members.set(key, selected ? elements.splice(0) : value);
    }
  }
  return Object.fromEntries(members);
}

/** What the reader should see: JSON.parse of the whole text, or why not. */
function expected(text: string): unknown {
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  return typeof whole === 'object' && whole !== null ? whole : 'scalar root';
}

function check(source: string, cuts: number[] = []): void {
  // As UTF-8 bytes (what the reader gets): an edit that cut a surrogate pair leaves U+FFFD.
  const text = Buffer.from(source, 'utf8').toString('utf8');
  const want = expected(text);
  const got = split(text, cuts);
  if (want === 'invalid' || want === 'scalar root') expect(got).toBeInstanceOf(SplitMiss);
  else expect(got instanceof SplitMiss ? got : rebuild(got)).toEqual(want);
}

/** JSON text with arbitrary (valid) whitespace between tokens, as pretty-printers and hand edits leave it. */
const whitespace = fc.stringMatching(/^[ \t\n\r]{0,3}$/);
function spaced(value: JsonValue, ws: () => string): string {
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => `${spaced(v, ws)}${ws()}`).join(`,${ws()}`)}]`;
  if (value !== null && typeof value === 'object') {
    return `{${ws()}${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}${ws()}:${ws()}${spaced(v, ws)}${ws()}`).join(`,${ws()}`)}}`;
  }
  return JSON.stringify(value);
}

const member = fc.oneof(
  fc.constantFrom('items', 'Results', 'kind', 'a"b', 'x\\', '\u00e9\u{1f600}'),
  fc.string({ maxLength: 6 }),
);
const tricky = fc.constantFrom<JsonValue>('a"b', '\\', '\\"', '"}]', '{[', 'é😀', '\u2028', -0, 1e21, 0.5, true, null, [], {});
const value = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue> }, { weight: 1, arbitrary: tricky });
const document = fc.oneof(
  fc.array(value, { maxLength: 6 }),
  fc.dictionary(member, fc.oneof(value, fc.array(value, { maxLength: 5 })), { maxKeys: 5 }),
);

describe('JsonSplitter reads what JSON.parse of the whole document reads', () => {
  it('any object or list document, any whitespace, cut into chunks anywhere (property)', () => {
    fc.assert(
      fc.property(document, fc.array(whitespace, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (doc, spaces, cuts) => {
        let w = 0;
        const text = `${spaces[0]}${spaced(doc as JsonValue, () => spaces[w++ % spaces.length]!)}${spaces.at(-1)}`;
        check(text, cuts);
      }),
      { numRuns: 400 },
    );
  });

  it('every list under a selected key is split, other members arrive whole', () => {
    const got = split('{"kind":"k","items":[1,{"a":[2]}],"other":[3],"Results":"not a list"}', [5, 17, 23]);
    expect(got).toEqual([
      ['begin', 'object'],
      ['member', 'kind', 'k'],
      ['element', 'items', 0, 1],
      ['element', 'items', 1, { a: [2] }],
      ['member', 'items', []],
      ['member', 'other', [3]],
      ['member', 'Results', 'not a list'],
    ]);
  });
});

describe('JsonSplitter never accepts what is not JSON', () => {
  const bad = [
    '', ' ', '{', '[', '{"items": [', '{"items": [1,]}', '[1,]', '{,}', '{"a" 1}', '{"a":}', '{"a":1,}', '{"a":1 "b":2}', '[1 2]', '[}', '{]',
    '{"a":[1}', '[{"a":1]', '["\\"]', '["a]', '[tru]', '[01]', '[1.]', '[.5]', '[+1]', '[NaN]', "['a']", '[1]]', '[1] x', '{} {}',
    '{"a":1}}', '[undefined]', '["\u0001"]', '{"a\nb":1}', '[1e]', '[-]', '["\\x"]', '[{"a":1,}]',
  ];
  for (const text of bad) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(expected(text), 'the case itself must be invalid JSON').toBe('invalid');
      expect(split(text)).toBeInstanceOf(SplitMiss);
    });
  }

  it('a scalar root is left to the tokenizer', () => {
    for (const text of ['1', '"a"', 'null', ' true ']) expect(split(text)).toBeInstanceOf(SplitMiss);
  });

  it('any one-byte change of a valid document: split exactly when JSON.parse succeeds (property)', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.constantFrom('', ' ', ',', ':', '"', '\\', '[', ']', '{', '}', '1', 'e', '-', '.', 'n', '\u0000'), fc.boolean(), (doc, at, byte, replace) => {
        const text = JSON.stringify(doc);
        const i = at % (text.length + 1);
        const changed = text.slice(0, i) + byte + text.slice(replace ? i + 1 : i);
        check(changed, [i, i + 1]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('JsonSplitter bounds one value', () => {
  it('a value over the limit is ValueTooLarge with its place, in one chunk or across many', () => {
    const long = JSON.stringify('x'.repeat(100));
    for (const [text, path] of [
      [`{"items":[1,${long}]}`, ['items', 1]],
      [`{"kind":${long}}`, ['kind']],
      [`[0,0,${long}]`, [2]],
    ] as const) {
      for (const chunk of [1 << 20, 7]) {
        const splitter = new JsonSplitter(CONTAINERS, { begin() {}, member() {}, element() {} }, 50);
        const bytes = Buffer.from(text);
        const feed = () => {
          for (let at = 0; at < bytes.length; at += chunk) splitter.write(bytes.subarray(at, at + chunk));
        };
        let caught: unknown;
        try {
          feed();
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(ValueTooLarge);
        expect((caught as ValueTooLarge).path).toEqual(path);
      }
    }
    // At the limit exactly: read.
    expect(() => new JsonSplitter(CONTAINERS, { begin() {}, member() {}, element() {} }, long.length).write(Buffer.from(`[${long}]`))).not.toThrow();
  });
});

describe('JsonSplitter stops where a value breaks, not at the end of the file', () => {
  const splitter = () => new JsonSplitter(CONTAINERS, { begin() {}, member() {}, element() {} });

  it('a bracket closing what it did not open ends the read at once', () => {
    // Counted without kinds, `[1}` leaves the item open and it would swallow every item after it.
    for (const text of ['[{"x":[1,2}}', '{"items":[[1}', '[{"a":{"b":[}}']) expect(() => splitter().write(Buffer.from(text))).toThrow(SplitMiss);
  });

  it('bytes that are not UTF-8 are never decoded into U+FFFD', () => {
    expect(() => splitter().write(Buffer.from([0x5b, 0x22, 0xe9, 0x22, 0x5d]))).toThrow(SplitMiss);
    expect(() => splitter().write(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toThrow(SplitMiss);
  });
});
