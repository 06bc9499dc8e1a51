import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/reporters/spill-file.js';

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
});
