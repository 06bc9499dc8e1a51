import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { accountIds, demoAccount, scan } from './merge-helpers.js';

/**
 * Shards of an organisation run carry scan.organization (with their shard) and a collection
 * summary. Offline shards are given them here the way an --org shard writes them (the shared
 * design in docs/organizations.md), so the merge's handling is tested without AWS: the union of
 * accounts sorted, the shard dropped, API calls added, another organisation refused.
 */
let work: string;
let ids: [string, string, string];
const shards: string[] = [];

function orgShard(from: string, name: string, org: Record<string, unknown>, collection: Record<string, unknown>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(from, 'inventory.json'), join(dir, 'inventory.json'));
  const text = readFileSync(join(from, 'results.json'), 'utf8');
  // Placed as an org run places them: organization after regions, collection after it.
  const at = text.indexOf('\n    "assetGraph"');
  writeFileSync(join(dir, 'results.json'), `${text.slice(0, at)}\n    "organization": ${JSON.stringify(org)},\n    "collection": ${JSON.stringify(collection)},${text.slice(at)}`);
  return join(dir, 'results.json');
}

beforeAll(() => {
  work = tempDir();
  ids = accountIds(3, 7) as [string, string, string];
  const [a, b, suspended] = ids;
  const dirA = join(work, 'scan-a');
  const dirB = join(work, 'scan-b');
  scan(['--input', ...demoAccount(join(work, 'in'), a)], dirA);
  scan(['--input', ...demoAccount(join(work, 'in'), b)], dirB);
  shards.push(
    orgShard(dirA, 'shard-1', { managementAccountId: a, accounts: [{ accountId: a, name: 'management', status: 'scanned' }], shard: { index: 1, count: 2 } }, { apiCalls: 120, failedCalls: [] }),
    orgShard(
      dirB,
      'shard-2',
      {
        managementAccountId: a,
        accounts: [
          { accountId: b, name: 'ml', status: 'scanned' },
          { accountId: suspended, name: 'old', status: 'failed', reason: `account ${suspended} is SUSPENDED` },
        ],
        shard: { index: 2, count: 2 },
      },
      { apiCalls: 80, failedCalls: [{ action: 'bedrock:ListAgents', region: 'us-east-1', errorCode: 'AccessDenied', message: 'denied' }] },
    ),
  );
}, 120_000);

describe('merging the shards of an organisation run', () => {
  it('lists every account of the organisation once, sorted, without a shard; API calls add up', () => {
    const out = join(work, 'merged');
    const run = runCli(['merge', ...shards, '--output-dir', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const scanInfo = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scan: Record<string, unknown> }).scan;
    const [a, b, suspended] = ids;
    expect(scanInfo.organization).toEqual({
      managementAccountId: a,
      accounts: [
        { accountId: a, name: 'management', status: 'scanned' },
        { accountId: b, name: 'ml', status: 'scanned' },
        { accountId: suspended, name: 'old', status: 'failed', reason: `account ${suspended} is SUSPENDED` },
      ].sort((x, y) => x.accountId.localeCompare(y.accountId)),
    });
    expect(scanInfo.collection).toEqual({ apiCalls: 200, failedCalls: [{ accountId: b, action: 'bedrock:ListAgents', region: 'us-east-1', errorCode: 'AccessDenied', message: 'denied' }] });
    // Where the inputs put it: right after the regions.
    const keys = Object.keys(scanInfo);
    expect(keys.indexOf('organization')).toBe(keys.indexOf('regions') + 1);
  });

  it('refuses shards of another organisation (another management account)', () => {
    const [a] = ids;
    const other = orgShard(join(work, 'scan-b'), 'other-org', { managementAccountId: '999999999999', accounts: [], shard: { index: 2, count: 2 } }, { apiCalls: 1, failedCalls: [] });
    const out = join(work, 'refused');
    const run = runCli(['merge', shards[0]!, other, '--output-dir', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`organisations \\(scan\\.organization\\) differ .*${a}.*999999999999`));
  });

  it('refuses an account listed by two shards, even one neither could enter', () => {
    const [a, , suspended] = ids;
    const twice = orgShard(join(work, 'scan-a'), 'twice', { managementAccountId: a, accounts: [{ accountId: suspended, name: 'old', status: 'failed', reason: 'x' }], shard: { index: 1, count: 2 } }, { apiCalls: 1, failedCalls: [] });
    const run = runCli(['merge', twice, shards[1]!, '--output-dir', join(work, 'twice-out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`both cover account ${suspended}`));
  });
});
