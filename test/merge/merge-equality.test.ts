import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { ALL_FORMATS, accountIds, demoAccount, expectSameSet, scan } from './merge-helpers.js';

/**
 * `cafscan merge` of shards must write what ONE scan over the same accounts writes: every file
 * of the set, byte for byte, apart from the scan's timestamps. The accounts are the demo account
 * re-accounted (offline AWS Config inputs); the single run takes all of them in one --input, the
 * shards take uneven groups, in the same input order.
 */
const CONFIG = join(repoRoot, 'fixtures', 'demo', 'cafscan.config.json');
// ../shared beside the main checkout (/work/main), or beside the worktrees' folder (/work/wt/<name>), as identical-outputs.test.ts finds it.
const REAL_WORLD = process.env.CAFSCAN_REAL_WORLD ?? [join(repoRoot, '..', 'shared', 'real-world'), join(repoRoot, '..', '..', 'shared', 'real-world')].find((dir) => existsSync(dir)) ?? join(repoRoot, '..', 'shared', 'real-world');

function shardAndMerge(work: string, groups: string[][][], extra: string[], mergeExtra: string[] = []): string {
  const shardResults = groups.map((group, i) => {
    const dir = join(work, `shard-${i + 1}`);
    scan(['--input', ...group.flat(), ...extra], dir);
    return join(dir, 'results.json');
  });
  const merged = join(work, 'merged');
  const run = runCli(['merge', ...shardResults, '--output-dir', merged, '--format', ...ALL_FORMATS, '--quiet', ...mergeExtra]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return merged;
}

function groupsOf<T>(items: T[], sizes: number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(items.slice(at, at + size));
    at += size;
  }
  expect(at).toBe(items.length);
  return out;
}

describe('cafscan merge equals one scan over the union', () => {
  it('three accounts in two uneven shards: every output format, byte for byte', () => {
    const work = tempDir();
    const inputs = accountIds(3).map((a) => demoAccount(join(work, 'in'), a));
    const args = ['--config', CONFIG, '--format', ...ALL_FORMATS];
    scan(['--input', ...inputs.flat(), ...args], join(work, 'single'));
    const merged = shardAndMerge(work, groupsOf(inputs, [1, 2]), args);
    expectSameSet(merged, join(work, 'single'));
    // The merge did check something: findings of all three accounts, failures among them.
    const results = JSON.parse(readFileSync(join(merged, 'results.json'), 'utf8')) as { scan: { accounts: string[] }; findings: Array<{ status: string }> };
    expect(results.scan.accounts).toEqual(accountIds(3).sort());
    expect(results.findings.some((f) => f.status === 'fail')).toBe(true);
  }, 120_000);

  it('one input: the merge rewrites the same set, times included', () => {
    const work = tempDir();
    const single = join(work, 'single');
    scan(['--input', ...demoAccount(join(work, 'in'), accountIds(1, 4)[0]!), '--config', CONFIG, '--format', ...ALL_FORMATS], single);
    const merged = join(work, 'merged');
    const run = runCli(['merge', join(single, 'results.json'), '--output-dir', merged, '--format', ...ALL_FORMATS, '--quiet']);
    expect(run.status).toBe(0);
    for (const name of readdirSync(single)) expect({ name, text: readFileSync(join(merged, name), 'utf8') }).toEqual({ name, text: readFileSync(join(single, name), 'utf8') });
  }, 60_000);

  it('real-world data of two accounts (a SageMaker Config snapshot with its live inventory, and the AWS docs example snapshot)', () => {
    const work = tempDir();
    const sagemaker = [join(REAL_WORLD, 'A6-sagemaker-config-snapshot.json'), join(REAL_WORLD, 'A7-sagemaker-inventory.json')];
    const docs = [join(REAL_WORLD, 'A10-awsdocs-example-snapshot.json')];
    const args = ['--all-resources', '--format', ...ALL_FORMATS];
    scan(['--input', ...sagemaker, ...docs, ...args], join(work, 'single'));
    const merged = shardAndMerge(work, [[sagemaker], [docs]], args);
    expectSameSet(merged, join(work, 'single'));
    expect((JSON.parse(readFileSync(join(merged, 'results.json'), 'utf8')) as { scan: { accounts: string[] } }).scan.accounts).toHaveLength(2);
  }, 120_000);

  it('22 accounts (SARIF split past 20 runs) in four shards of 1, 5, 7 and 9 accounts', () => {
    const work = tempDir();
    const inputs = accountIds(22, 2).map((a) => demoAccount(join(work, 'in'), a));
    const args = ['--config', CONFIG, '--format', ...ALL_FORMATS];
    scan(['--input', ...inputs.flat(), ...args], join(work, 'single'));
    const merged = shardAndMerge(work, groupsOf(inputs, [1, 5, 7, 9]), args);
    expect(readdirSync(merged)).toContain('results-2.sarif');
    expectSameSet(merged, join(work, 'single'));
  }, 300_000);

  it('with suppressions (used, account-scoped, unused, expired), a baseline that covered another account, and a selection', () => {
    const work = tempDir();
    const [gone, ...kept] = accountIds(4, 3) as [string, ...string[]];
    const inputs = new Map([gone, ...kept].map((a) => [a, demoAccount(join(work, 'in'), a)]));
    // The baseline: an earlier scan of the first three accounts (one of them is not scanned now).
    const baselineDir = join(work, 'baseline');
    scan(['--input', ...[gone, kept[0]!, kept[1]!].flatMap((a) => inputs.get(a)!), '--config', CONFIG, '--all-resources'], baselineDir);
    const ignore = join(work, 'cafscan.ignore.yaml');
    writeFileSync(
      ignore,
      [
        '- controlId: CAFAI-IP-12',
        '  resource: "arn:aws:s3:::fraud-detection-inference-capture-*"',
        '  reason: accepted everywhere',
        `- controlId: "CAFAI-*"`,
        `  accountId: "${kept[1]}"`,
        '  region: eu-west-1',
        '  reason: one account and region accepted',
        `- accountId: "${gone}"`,
        '  reason: an account this scan does not cover (never reported unused)',
        '- controlId: CAFAI-IP-12',
        '  resource: "arn:aws:s3:::no-such-bucket"',
        '  reason: a typo (unused in every shard)',
        '- controlId: CAFAI-DP-*',
        '  reason: expired long ago',
        '  expires: 2020-01-01',
        '',
      ].join('\n'),
    );
    const args = ['--config', CONFIG, '--ignore-file', ignore, '--baseline', join(baselineDir, 'results.json'), '--all-resources', '--exclude-controls', 'CAFAI-AS-01', '--format', ...ALL_FORMATS];
    scan(['--input', ...kept.flatMap((a) => inputs.get(a)!), ...args], join(work, 'single'));
    const merged = shardAndMerge(
      work,
      groupsOf(
        kept.map((a) => inputs.get(a)!),
        [2, 1],
      ),
      args,
    );
    expectSameSet(merged, join(work, 'single'));
    const scanInfo = (JSON.parse(readFileSync(join(merged, 'results.json'), 'utf8')) as { scan: { suppressions: { applied: number; unused: unknown[]; expired: unknown[] }; baseline: { notScanned: number; new: number } } }).scan;
    // What this case is about actually happened.
    expect(scanInfo.suppressions.applied).toBeGreaterThan(0);
    expect(scanInfo.suppressions.unused).toHaveLength(1);
    expect(scanInfo.suppressions.expired).toHaveLength(1);
    expect(scanInfo.baseline.notScanned).toBeGreaterThan(0);
    expect(scanInfo.baseline.new).toBeGreaterThan(0);
  }, 180_000);
});
