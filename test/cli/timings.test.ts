import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';

/** CAFSCAN_TIMINGS=1 (src/timings.ts): the phase line `npm run bench` reads from a scan run as users run it. */
function scanDemo(timings: string | undefined): { status: number | null; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  delete env.CAFSCAN_TIMINGS;
  if (timings !== undefined) env.CAFSCAN_TIMINGS = timings;
  const run = spawnSync(process.execPath, [cafscanBin, 'scan', '--demo', '-o', join(tempDir(), 'out'), '--format', 'none'], { cwd: repoRoot, encoding: 'utf8', env });
  return { status: run.status, stderr: run.stderr };
}

describe('CAFSCAN_TIMINGS', () => {
  it('prints one JSON line of phase durations on stderr when set to 1', () => {
    const run = scanDemo('1');
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\n').filter((line) => line.includes('cafscanTimingsMs'));
    expect(lines).toHaveLength(1);
    const phases = (JSON.parse(lines[0]!) as { cafscanTimingsMs: Record<string, number> }).cafscanTimingsMs;
    // graph: the first pass (asset graph and lookup context); evaluate: the second (evaluation, with
    // inventory.json and the findings written as chunks come back); write: results.json, SARIF, swap.
    expect(Object.keys(phases)).toEqual(['startup', 'load', 'graph', 'evaluate', 'write']);
    for (const ms of Object.values(phases)) expect(ms).toBeGreaterThanOrEqual(0);
    // The demo's evaluation is real work (every control on ~90 resources), not a mark misplaced.
    expect(phases.evaluate).toBeGreaterThan(0);
  });

  it('prints nothing when unset or set to anything else', () => {
    for (const value of [undefined, '0', 'true']) {
      const run = scanDemo(value);
      expect(run.status).toBe(0);
      expect(run.stderr).not.toContain('cafscanTimingsMs');
    }
  });
});
