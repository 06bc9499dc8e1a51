import { describe, expect, it } from 'vitest';
import { streamJson } from '../../src/reporters/stream-json.js';

const samples: unknown[] = [
  { a: 1, b: [1, { c: 'x\ny', d: [] }, null], e: {}, f: undefined, g: [undefined, 2], h: 'é' },
  [],
  [[{ deep: { deeper: [1, 2, { deepest: true }] } }]],
  { runs: [{ results: [{ message: { text: 'm' }, locations: [{ region: { startLine: 3 } }] }], tool: { driver: { rules: [] } } }] },
  'text',
  42,
  null,
];

describe('streamJson', () => {
  for (const depth of [0, 1, 2, 4, 8]) {
    it(`produces exactly JSON.stringify(value, null, 2) when streaming to depth ${depth}`, () => {
      for (const sample of samples) expect([...streamJson(sample, depth)].join('')).toBe(JSON.stringify(sample, null, 2));
    });
  }
});

describe('streamJson compact', () => {
  it('puts each item below the streamed depth on one line, and stays valid JSON equal to the input', () => {
    const value = { findings: [{ a: 1, b: { c: [1, 2] } }, { a: 2 }], scores: { x: { y: 1 } } };
    const text = [...streamJson(value, 2, 0, true)].join('');
    expect(JSON.parse(text)).toEqual(value);
    expect(text.split('\n')).toContain('    {"a":1,"b":{"c":[1,2]}},');
  });

  it('writes the same text as stringifying the whole value compactly per item, line breaks in strings escaped', () => {
    const value = { runs: [{ results: [{ message: { text: 'a\nb' } }, 'x\ny', null, [], {}], empty: [], gone: undefined, fn: [() => 1, undefined] }] };
    const text = [...streamJson(value, 4, 0, true)].join('');
    expect(text).toBe(
      '{\n  "runs": [\n    {\n      "results": [\n        {"message":{"text":"a\\nb"}},\n        "x\\ny",\n        null,\n        [],\n        {}\n      ],\n      "empty": [],\n      "fn": [\n        null,\n        null\n      ]\n    }\n  ]\n}',
    );
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
