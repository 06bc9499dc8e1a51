import { JSONParser } from '@streamparser/json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineTracker, describeJsonSyntaxError } from '../src/json-syntax-error.js';

/** The tokenizer's error on `text` fed in the given chunks, described as the CLI describes it. */
function described(text: string, cuts: number[] = []): string {
  const bytes = Buffer.from(text);
  const bounds = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  const parser = new JSONParser({ paths: ['$'], keepStack: false });
  parser.onValue = () => {};
  const lines = new LineTracker();
  try {
    for (let i = 0; i + 1 < bounds.length; i++) {
      const chunk = bytes.subarray(bounds[i], bounds[i + 1]);
      lines.parsing(chunk);
      parser.write(chunk);
      lines.parsed();
    }
    if (!parser.isEnded) parser.end();
  } catch (error) {
    return describeJsonSyntaxError((error as Error).message, lines);
  }
  throw new Error(`no error on ${JSON.stringify(text)}`);
}

describe('describeJsonSyntaxError: what is wrong and where, in the user\'s words', () => {
  it.each([
    ['# a README', 'unexpected "#" at line 1, column 1'],
    ['{"a": 1}x', 'unexpected "x" at line 1, column 9'],
    ['{\n  "x": [\n    1,\n    é\n  ]\n}', 'unexpected "é" at line 4, column 5'],
    ['{\n  "naïve": ü}', 'unexpected "ü" at line 2, column 12'],
    ['{"a": 1,}', 'unexpected "}" where a member name should be'],
    ['{"a" 1}', 'unexpected 1 where ":" should be'],
    ['[1 2]', 'unexpected 2 where "," or a closing bracket should be'],
    ['{"configurationItems": [', 'it ends in the middle of a value, as a truncated file does'],
    ['{"a": "unterminated', 'it ends in the middle of a value, as a truncated file does'],
  ])('%j: %s', (text, expected) => {
    expect(described(text)).toBe(expected);
  });

  it('names the same line and column however the file is cut into chunks', () => {
    const text = '{\n  "résumé": [1, 2],\n  "ok": true,\n  "bad": ✗\n}';
    const whole = described(text);
    expect(whole).toBe('unexpected "✗" at line 4, column 10');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: Buffer.byteLength(text) - 1 }), { maxLength: 6 }), (cuts) => {
        // A cut inside a multi-byte character still counts that character once; the character
        // itself is named only when its bytes are all in the chunk the error came from.
        expect([whole, 'unexpected character at line 4, column 10']).toContain(described(text, cuts));
      }),
    );
  });

  it('leaves other messages as they are (cafscan\'s own errors pass through)', () => {
    expect(describeJsonSyntaxError('a configuration item has no resourceType or resourceId', new LineTracker())).toBe('a configuration item has no resourceType or resourceId');
  });
});
