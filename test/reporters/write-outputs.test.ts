import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, OutputError } from '../../src/errors.js';
import { BACKUP_PREFIX, writeOutputs } from '../../src/reporters/write-outputs.js';
import { tempDir } from '../helpers/cli.js';

/** A directory holding a previous report set (and a stale part of a larger scan). Not *.sarif: the suite validates every SARIF it leaves. */
function previousSet(): string {
  const dir = join(tempDir(), 'out');
  mkdirSync(dir);
  for (const name of ['a.json', 'b.json', 'c.txt', 'c-2.txt']) writeFileSync(join(dir, name), `old ${name}\n`);
  writeFileSync(join(dir, 'unrelated.txt'), 'the user\'s');
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const NEW_SET: Array<[string, string | (() => Iterable<string>)]> = [
  ['a.json', 'new a\n'],
  ['b.json', () => ['new ', 'b', '\n']],
  ['c.txt', 'new c\n'],
];
const isStale = (name: string) => name === 'c-2.txt';

/** A rename that fails on the calls whose numbers are listed (1-based), as a full or read-only disk would. */
function failingRename(failOn: number[]): (from: string, to: string) => void {
  let call = 0;
  return (from, to) => {
    call++;
    if (failOn.includes(call)) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO' });
    renameSync(from, to);
  };
}

describe('writeOutputs replaces the set all together', () => {
  it('on success: the new files in place, the stale part gone, other files untouched, no scratch left', () => {
    const dir = previousSet();
    const result = writeOutputs(dir, NEW_SET, { isStale });
    expect(result.files).toEqual(['a.json', 'b.json', 'c.txt'].map((n) => join(dir, n)));
    expect(result.warnings).toEqual([]);
    expect(snapshot(dir)).toEqual({ 'a.json': 'new a\n', 'b.json': 'new b\n', 'c.txt': 'new c\n', 'unrelated.txt': 'the user\'s' });
  });

  // The swap makes 7 renames here: old a out, new a in, old b out, new b in, old c out, new c in, stale part out.
  for (let step = 1; step <= 7; step++) {
    it(`a rename failing at step ${step} of the swap: every step undone, exit 3, the previous set byte for byte`, () => {
      const dir = previousSet();
      const before = snapshot(dir);
      let error: unknown;
      try {
        writeOutputs(dir, NEW_SET, { isStale, rename: failingRename([step]) });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OutputError);
      expect((error as OutputError).exitCode).toBe(3);
      expect((error as OutputError).message).toMatch(/^cannot replace \S+ in \S+: input\/output error; the previous reports were put back unchanged$/);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('a producer that throws half-way: nothing replaced, no scratch left', () => {
    const dir = previousSet();
    const before = snapshot(dir);
    const broken = function* (): Generator<string> {
      yield 'partial';
      throw new Error('renderer failed');
    };
    expect(() => writeOutputs(dir, [['a.json', 'new a'], ['b.json', broken]], { isStale })).toThrow(/^cannot write b\.json in \S+: renderer failed; the output directory was left as it was$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('when the rollback fails too: exit 4, and the message names the directory that keeps the previous files', () => {
    const dir = previousSet();
    // Step 4 (new b in) fails; undoing step 1 (old a back) fails as well: the 5th call overall.
    let error: unknown;
    try {
      writeOutputs(dir, NEW_SET, { isStale, rename: failingRename([4, 7]) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).exitCode).toBe(4);
    const message = (error as OutputError).message;
    expect(message).toMatch(/^cannot replace b\.json in \S+ \(input\/output error\), and putting the previous reports back failed too \(.+\): \S+ now mixes old and new files; the previous ones that could not be restored are in \S+$/);
    expect(message).not.toContain('\n');
    const backup = readdirSync(dir).find((name) => name.startsWith(BACKUP_PREFIX));
    expect(backup).toBeDefined();
    expect(message).toContain(join(dir, backup!));
    // The previous a.json is kept, not deleted; b.json (undone fine) is the old one again.
    expect(readFileSync(join(dir, backup!, 'a.json'), 'utf8')).toBe('old a.json\n');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('old b.json\n');
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });

  it('an output path that is a file is a usage error (exit 2) and changes nothing', () => {
    const dir = previousSet();
    expect(() => writeOutputs(join(dir, 'a.json'), NEW_SET)).toThrow(InputError);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old a.json\n');
  });
});
