import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/reporters/spill-file.js';
import { StagedFile } from '../../src/reporters/durable-file.js';

const dir = mkdtempSync(join(tmpdir(), 'cafscan-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SpillFile', () => {
  it('serves lines that never outgrew the buffer from memory, writing no scratch file', () => {
    const spill = new SpillFile(join(dir, 'small.jsonl'), 1 << 20);
    for (const line of ['a', 'b', 'c']) spill.append(line);
    expect([...spill.lines()]).toEqual(['a', 'b', 'c']);
    expect(existsSync(spill.path)).toBe(false);
    // Read again, and after more lines: still every line, in order.
    spill.append('d');
    expect([...spill.lines()]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps every line in order once the buffer has spilled to disk', () => {
    const spill = new SpillFile(join(dir, 'large.jsonl'), 10);
    const lines = Array.from({ length: 50 }, (_, i) => `line-${i}-é`);
    for (const line of lines) spill.append(line);
    expect(existsSync(spill.path)).toBe(true);
    expect([...spill.lines()]).toEqual(lines);
    spill.remove();
    expect(existsSync(spill.path)).toBe(false);
  });

  it('reads nothing from an empty spill', () => {
    const spill = new SpillFile(join(dir, 'empty.jsonl'));
    expect(spill.isEmpty).toBe(true);
    expect([...spill.lines()]).toEqual([]);
  });

  it('keeps order and every byte when lines longer than the buffer go straight to the file between buffered ones', () => {
    const spill = new SpillFile(join(dir, 'mixed.jsonl'), 64);
    // Multi-byte characters (2, 3 and 4 bytes in UTF-8), lines far longer than the 64-byte buffer, and short ones.
    const lines = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? `long-${i}-${'ü€😀'.repeat(30)}` : `s${i}-é`));
    for (const line of lines) spill.append(line);
    expect([...spill.lines()]).toEqual(lines);
    expect(readFileSync(spill.path, 'utf8')).toBe(`${lines.join('\n')}\n`);
  });

  it('reads non-ASCII lines back from memory as they were appended', () => {
    const spill = new SpillFile(join(dir, 'memory.jsonl'));
    const lines = ['ü€😀', '', 'plain'];
    for (const line of lines) spill.append(line);
    expect([...spill.lines()]).toEqual(lines);
    expect(existsSync(spill.path)).toBe(false);
  });
});

describe('StagedFile', () => {
  it('writes exactly the pieces given, small, multi-byte and larger than its block, and counts their bytes', () => {
    const path = join(dir, 'staged.txt');
    const file = new StagedFile(path);
    const pieces = ['{', 'é€😀'.repeat(100_000), 'x'.repeat(3 << 20), ...Array.from({ length: 5000 }, (_, i) => `,${i}ü`), '}'];
    for (const piece of pieces) file.write(piece);
    const expected = pieces.join('');
    expect(file.size).toBe(Buffer.byteLength(expected));
    file.close();
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(() => file.write('more')).toThrow(/already closed/);
  });
});
