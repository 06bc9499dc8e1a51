import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureInstant } from '../../src/inventory/capture-time.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('captureInstant', () => {
  // Config's own form takes a shortcut past the general parser: it must give the general answer.
  it('reads the canonical UTC form as the same instant as its other spellings', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), fc.boolean(), (when, withMillis) => {
        const base = `${pad(when.getUTCFullYear(), 4)}-${pad(when.getUTCMonth() + 1, 2)}-${pad(when.getUTCDate(), 2)}T${pad(when.getUTCHours(), 2)}:${pad(when.getUTCMinutes(), 2)}:${pad(when.getUTCSeconds(), 2)}`;
        const canonical = withMillis ? `${base}.${pad(when.getUTCMilliseconds(), 3)}Z` : `${base}Z`;
        const expected = withMillis ? when.getTime() : when.getTime() - when.getUTCMilliseconds();
        expect(captureInstant(canonical)).toBe(expected);
        // Spellings only the general path reads: the same instant.
        expect(captureInstant(` ${canonical} `)).toBe(expected);
        expect(captureInstant(canonical.replace('T', ' '))).toBe(expected);
        expect(captureInstant(canonical.replace('Z', '+00:00'))).toBe(expected);
      }),
    );
  });

  it('gives -Infinity to a canonical-looking time that is no instant', () => {
    expect(captureInstant('2025-13-01T00:00:00Z')).toBe(Number.NEGATIVE_INFINITY);
    expect(captureInstant('2025-01-01T25:00:00.000Z')).toBe(Number.NEGATIVE_INFINITY);
    expect(captureInstant('2025-01-01T00:00:00.000z')).toBe(Date.UTC(2025, 0, 1));
  });
});
