import { describe, expect, it } from 'vitest';
import { jsonLimitViolation, type JsonValue } from '../../src/json.js';

// Every streamed item is checked by jsonLimitViolation; its quick path (isWellFormed, recursion
// bounded by the limit) must find exactly what the path-building walk finds.
describe('jsonLimitViolation quick path agrees with the walk', () => {
  it('passes paired surrogates and plain values', () => {
    expect(jsonLimitViolation({ 'key😀': ['a😀b', 1, null, true, { x: [[[]]] }] })).toBeNull();
    expect(jsonLimitViolation([[['deep']]], 3)).toBeNull();
  });

  it('finds lone surrogates in values and keys, and depth past the limit, with their paths', () => {
    const cases: Array<[JsonValue, number, Array<string | number>, RegExp]> = [
      [{ a: ['ok', 'x\ud800'] }, 256, ['a', 1], /lone UTF-16 surrogate/],
      [{ a: { '\udc00k': 1 } }, 256, ['a', '\udc00k'], /has a key holding a lone/],
      [[['a\udbff\udfff', '\udfff']], 256, [0, 1], /lone UTF-16 surrogate/],
      [[[['deep']]], 2, [0, 0], /nests deeper than 2 levels/],
    ];
    for (const [value, limit, path, problem] of cases) {
      const found = jsonLimitViolation(value, limit);
      expect(found?.path).toEqual(path);
      expect(found?.problem).toMatch(problem);
    }
  });

  it('is not misled by an enumerable key on Object.prototype (the quick path walks keys with for-in)', () => {
    const key = 'polluted\ud800';
    Object.defineProperty(Object.prototype, key, { value: { deep: 'x\udc00' }, enumerable: true, configurable: true, writable: true });
    let clean: unknown;
    let broken: unknown;
    try {
      clean = jsonLimitViolation({ a: { b: 'ok' } });
      broken = jsonLimitViolation({ a: { b: 'x\ud800' } })?.path;
    } finally {
      delete (Object.prototype as Record<string, unknown>)[key];
    }
    expect(clean).toBeNull();
    expect(broken).toEqual(['a', 'b']);
  });
});
