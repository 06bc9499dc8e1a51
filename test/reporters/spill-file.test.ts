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

/** Every line of `lineBlocks`, split at the newline each block's lines end in. */
function blockLines(spill: SpillFile): { lines: string[]; blocks: Buffer[] } {
  const blocks = [...spill.lineBlocks()];
  const lines: string[] = [];
  for (const block of blocks) {
    expect(block[block.length - 1]).toBe(0x0a);
    lines.push(...block.toString('utf8', 0, block.length - 1).split('\n'));
  }
  return { lines, blocks };
}

describe('SpillFile as bytes', () => {
  it('gives back in blocks of whole lines what lines() gives, from memory and from disk, lines past the 1 MiB read included', () => {
    const small = new SpillFile(join(dir, 'blocks-small.jsonl'));
    for (const line of ['ü€😀', '', 'plain']) small.append(line);
    expect(blockLines(small).lines).toEqual(['ü€😀', '', 'plain']);

    const spill = new SpillFile(join(dir, 'blocks-large.jsonl'), 4096);
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 700 === 0 ? `big-${i}-${'é€😀'.repeat(150_000)}` : `line-${i}-${'x'.repeat(i % 500)}`));
    for (const line of lines) spill.append(line);
    const read = blockLines(spill);
    expect(read.lines).toEqual([...spill.lines()]);
    expect(read.lines).toEqual(lines);
    expect(read.blocks.length).toBeGreaterThan(2);
  });

  it('yields blocks that stay as they were while later ones are read', () => {
    const spill = new SpillFile(join(dir, 'blocks-kept.jsonl'), 1024);
    const lines = Array.from({ length: 40_000 }, (_, i) => `${i}`.padStart(60, '-'));
    for (const line of lines) spill.append(line);
    const blocks = [...spill.lineBlocks()];
    expect(blocks.length).toBeGreaterThan(1);
    expect(Buffer.concat(blocks).toString('utf8')).toBe(`${lines.join('\n')}\n`);
  });

  it('appends lines given as bytes exactly as the same lines given as text, short and longer than its buffer', () => {
    const text = new SpillFile(join(dir, 'as-text.jsonl'), 64);
    const bytes = new SpillFile(join(dir, 'as-bytes.jsonl'), 64);
    const lines = ['a', 'é€😀'.repeat(40), '', 'b'.repeat(200), 'c'];
    for (const line of lines) {
      text.append(line);
      bytes.appendBytes(Buffer.from(line));
    }
    expect([...bytes.lines()]).toEqual(lines);
    expect([...text.lines()]).toEqual(lines);
    expect(readFileSync(bytes.path).equals(readFileSync(text.path))).toBe(true);
    const inMemory = new SpillFile(join(dir, 'as-bytes-memory.jsonl'));
    inMemory.appendBytes(Buffer.from('ü'));
    expect([...inMemory.lines()]).toEqual(['ü']);
    expect(inMemory.isEmpty).toBe(false);
  });
});

describe('StagedFile', () => {
  it('writes bytes given as they are between text pieces, larger than its block included', () => {
    const path = join(dir, 'staged-bytes.txt');
    const file = new StagedFile(path);
    const big = Buffer.from('é'.repeat(1 << 20));
    const pieces: Array<string | Buffer> = ['[', Buffer.from('ü€😀'), ',', big.subarray(1, big.length - 1), ...Array.from({ length: 3000 }, (_, i) => Buffer.from(`,${i}`)), ']'];
    for (const piece of pieces) {
      if (typeof piece === 'string') file.write(piece);
      else file.writeBytes(piece);
    }
    const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    expect(file.size).toBe(expected.length);
    file.close();
    expect(readFileSync(path).equals(expected)).toBe(true);
    expect(() => file.writeBytes(Buffer.from('x'))).toThrow(/already closed/);
  });

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
