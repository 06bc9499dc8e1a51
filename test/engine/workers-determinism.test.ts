import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/controls/catalog.js';
import { CHUNK_SIZE } from '../../src/engine/evaluate-resources.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { REDACTION_MARKER } from '../../src/inventory/redact.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { ensureBuiltDist } from '../helpers/built-dist.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const OUTPUTS = ['results.json', 'results.sarif', 'inventory.json'];

/** The run's own timestamps, the only bytes two scans of the same input may differ in. */
function withoutRunTimes(text: string): string {
  return text.replace(/"(startedAt|finishedAt|startTimeUtc|endTimeUtc)":\s*"[^"]*"/g, '"$1":"<time>"');
}

/** The reports of one CLI scan, and how many worker threads it started. */
function scan(args: string[], workers: number): { reports: Record<string, string>; threads: number } {
  const outputDir = tempDir('cafscan-workers-');
  const threadsFile = join(outputDir, 'threads.txt');
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, CAFSCAN_TEST_THREADS_FILE: process.env.CAFSCAN_TEST_THREADS_FILE };
  process.env.NODE_OPTIONS = `--import ${new URL('./fixtures/workers/count-threads.mjs', import.meta.url).href}`;
  process.env.CAFSCAN_TEST_THREADS_FILE = threadsFile;
  let run: ReturnType<typeof runCli>;
  try {
    run = runCli(['scan', ...args, '--output-dir', outputDir, '--format', 'none', '--workers', String(workers)]);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  expect(run.stderr).not.toMatch(/error/i);
  expect(run.status).toBe(0);
  return {
    reports: Object.fromEntries(OUTPUTS.map((name) => [name, withoutRunTimes(readFileSync(join(outputDir, name), 'utf8'))])),
    threads: Number(readFileSync(threadsFile, 'utf8')),
  };
}

/**
 * Clones of the demo's resources (real Config shapes) with unique ids and ARNs, enough evaluated
 * ones for several chunks, so that three workers evaluate chunks side by side and finish out of order.
 */
async function syntheticInventory(evaluated: number): Promise<string> {
  const demo = await loadInputs([join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json')]);
  const routed = new Set(Object.keys(loadCatalog().routing));
  const templates = demo.resources.filter((r) => r.type !== 'AWS::::Account');
  const resources: InventoryResource[] = demo.resources.filter((r) => r.type === 'AWS::::Account');
  let count = 0;
  for (let i = 0; count < evaluated; i++) {
    const t = templates[i % templates.length]!;
    if (routed.has(t.type)) count++;
    resources.push({ ...t, id: `${t.id}-${i}`, name: `${t.name ?? t.id}-${i}`, arn: `${t.arn}-${i}` });
  }
  const file = join(tempDir('cafscan-synthetic-'), 'inventory.json');
  writeFileSync(file, JSON.stringify({ ...demo, resources }));
  return file;
}

beforeAll(() => {
  ensureBuiltDist();
});

describe('--workers', () => {
  it('writes byte-identical reports for the demo with 1 and 3 workers (one chunk: the calling thread evaluates)', () => {
    const one = scan(['--demo'], 1);
    const three = scan(['--demo'], 3);
    expect(three.reports).toEqual(one.reports);
    expect([one.threads, three.threads]).toEqual([0, 0]);
  });

  it('writes byte-identical reports for a several-chunk inventory with 1 and 3 workers', async () => {
    const file = await syntheticInventory(3 * CHUNK_SIZE + 500);
    const one = scan(['--input', file, '--all-resources'], 1);
    const results = JSON.parse(one.reports['results.json']!) as { findings: unknown[] };
    expect(results.findings.length).toBeGreaterThan(3 * CHUNK_SIZE);
    // Redaction ran on the clones, in every chunk, not only on the demo's originals.
    expect(one.reports['inventory.json']!.split(REDACTION_MARKER).length - 1).toBeGreaterThan(20);
    const three = scan(['--input', file, '--all-resources'], 3);
    expect(three.reports).toEqual(one.reports);
    // Four chunks: the pool started workers as they queued, never more than asked for.
    expect(one.threads).toBe(0);
    expect(three.threads).toBeGreaterThanOrEqual(2);
    expect(three.threads).toBeLessThanOrEqual(3);
  });

  it('rejects a worker count that is not a whole number from 1 to 64, in one line', () => {
    for (const value of ['0', '65', '1.5']) {
      const run = runCli(['scan', '--demo', '--workers', value, '--output-dir', tempDir()]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`option '--workers <n>' argument '${value}' is invalid. expected a whole number from 1 to 64`)]);
    }
  });
});
