import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

/**
 * The streamed pipeline (issue 11) must write what the one-array pipeline wrote, byte for byte
 * apart from the scan's own timestamps. The expected files in fixtures/identical were written
 * by the code before the change (CAFSCAN_UPDATE_IDENTICAL=1 rewrites them; do that only on a
 * commit whose outputs are known good).
 */
const FIXTURES = join(import.meta.dirname, 'fixtures', 'identical');
// ../shared beside the main checkout (/work/main), or beside the worktrees' folder (/work/wt/<name>).
const REAL_WORLD = [join(repoRoot, '..', 'shared', 'real-world'), join(repoRoot, '..', '..', 'shared', 'real-world')].find((dir) => existsSync(dir)) ?? join(repoRoot, '..', 'shared', 'real-world');
const realWorld = (name: string) => join(process.env.CAFSCAN_REAL_WORLD ?? REAL_WORLD, name);

interface Case {
  name: string;
  args: (baselineDir: string) => string[];
  /** A case that compares with another case's results.json. */
  baselineOf?: string;
}

const CASES: Case[] = [
  { name: 'demo', args: () => ['--demo', '--format', 'table', 'markdown', 'html'] },
  { name: 'demo-all-baseline', baselineOf: 'demo', args: (b) => ['--demo', '--all-resources', '--format', 'table', 'markdown', '--baseline', join(b, 'results.json')] },
  { name: 'real-bedrock-inventory', args: () => ['--input', realWorld('A8-bedrock-inventory.json'), '--all-resources', '--format', 'table', 'html'] },
  { name: 'real-sagemaker-snapshot', args: () => ['--input', realWorld('A6-sagemaker-config-snapshot.json'), realWorld('A7-sagemaker-inventory.json'), '--format', 'table', 'markdown'] },
  { name: 'real-custodian-items', args: () => ['--input', realWorld('A1-custodian-config-items.json'), '--all-resources', '--format', 'table'] },
];

/** Replaces this run's startedAt/finishedAt (ISO and as the human reports print them). */
function normalise(text: string, times: string[]): string {
  let out = text;
  for (const time of times) {
    const human = `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    out = out.split(time).join('<time>').split(human).join('<time>');
  }
  return out;
}

const scanTimes = new Map<string, string[]>();

async function scan(testCase: Case, dirs: Map<string, string>): Promise<Map<string, string>> {
  const out = tempDir();
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const baselineDir = testCase.baselineOf ? dirs.get(testCase.baselineOf)! : '';
  process.exitCode = undefined;
  const code = await main(['node', 'cafscan', 'scan', ...testCase.args(baselineDir), '--output-dir', out]);
  process.exitCode = undefined;
  write.mockRestore();
  expect(code).toBe(0);
  dirs.set(testCase.name, out);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scan: { startedAt: string; finishedAt: string } };
  // A baseline's own startedAt is quoted in scan.baseline.
  const times = [results.scan.startedAt, results.scan.finishedAt, ...(testCase.baselineOf ? scanTimes.get(testCase.baselineOf)! : [])];
  scanTimes.set(testCase.name, times);
  const files = new Map<string, string>();
  // The baseline's path (a temporary directory) is named in results.json and summary.md.
  // So are the inputs' paths (results.json sources), wherever the repository is checked out.
  const paths = (text: string) => {
    const placed = text.split(REAL_WORLD).join('<real-world>').split(repoRoot).join('<repo>');
    return baselineDir ? placed.split(baselineDir).join('<baseline>') : placed;
  };
  for (const name of readdirSync(out).sort()) files.set(name, paths(normalise(readFileSync(join(out, name), 'utf8'), times)));
  // The terminal table, minus the line naming the temporary output directory.
  files.set('stdout.txt', normalise(stdout.split(out).join('<out>'), times));
  return files;
}

describe('outputs are identical to the pre-streaming pipeline', () => {
  afterEach(() => vi.restoreAllMocks());
  const dirs = new Map<string, string>();
  for (const testCase of CASES) {
    it(`${testCase.name}: every output file, byte for byte apart from the scan's timestamps`, async () => {
      const files = await scan(testCase, dirs);
      const expectedDir = join(FIXTURES, testCase.name);
      if (process.env.CAFSCAN_UPDATE_IDENTICAL === '1') {
        mkdirSync(expectedDir, { recursive: true });
        for (const [name, text] of files) writeFileSync(join(expectedDir, name), text);
      }
      expect(existsSync(expectedDir)).toBe(true);
      expect([...files.keys()].sort()).toEqual(readdirSync(expectedDir).sort());
      for (const [name, text] of files) {
        const expected = readFileSync(join(expectedDir, name), 'utf8');
        // Compare lengths first: a multi-megabyte diff helps nobody.
        expect(text.length, name).toBe(expected.length);
        if (text !== expected) {
          const at = [...text].findIndex((c, i) => c !== expected[i]);
          expect(text.slice(Math.max(0, at - 200), at + 200), `${testCase.name}/${name} differs at ${at}`).toBe(expected.slice(Math.max(0, at - 200), at + 200));
        }
      }
    });
  }
});
