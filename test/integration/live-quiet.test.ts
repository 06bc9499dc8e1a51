import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';
import { motoEnv, startMoto, type Moto } from '../helpers/moto.js';

/**
 * --quiet on a live scan (moto server): the list of API calls that failed is in results.json
 * (scan.collection) and, without --quiet, on stderr; with --quiet stderr stays empty, as the
 * option promises ("only errors and the --fail-on line"). moto lacks some APIs cafscan reads
 * (Bedrock guardrails, SageMaker monitoring schedules), so a live scan of it always has some.
 */
describe('live scan with --quiet (moto server)', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  }, 120_000);
  afterAll(async () => moto?.stop());

  const scan = (extra: string[]) =>
    spawnSync(process.execPath, [cafscanBin, 'scan', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--output-dir', tempDir(), '--format', 'none', ...extra], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...motoEnv(moto), AWS_ENDPOINT_URL: '', CI: 'true' },
    });

  it('prints the failed calls without --quiet, and nothing with it', () => {
    const loud = scan([]);
    expect(loud.status, loud.stderr).toBe(0);
    expect(loud.stderr).toMatch(/failed/i);
    const quiet = scan(['--quiet']);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
  }, 180_000);
});
