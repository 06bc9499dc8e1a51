import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines } from '../src/file-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'cafscan-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the reader must give: the text split on newlines, without the empty piece after a final one. */
function expected(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

describe('readLines', () => {
  const cases: Record<string, string> = {
    empty: '',
    'one newline': '\n',
    'empty lines inside': 'a\n\nb',
    'final newline': 'a\nb\n',
    // Multi-byte characters across the 1 MiB block boundaries.
    'multi-byte across blocks': `${'é€😀x'.repeat(100_000)}\n`.repeat(5) + 'end',
    // Lines longer than a block, one of them unterminated at the end.
    'lines longer than a block': `${'y'.repeat(3 << 20)}\n${'z'.repeat(5 << 20)}`,
    'many short lines': Array.from({ length: 300_000 }, (_, i) => `line ${i} ü€😀`).join('\n'),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`gives every line of a file with ${name}, decoded as written`, () => {
      const path = join(dir, 'lines.txt');
      writeFileSync(path, text);
      const lines = [...readLines(path)];
      expect(lines.length).toBe(expected(text).length);
      expect(lines).toEqual(expected(text));
    });
  }
});
