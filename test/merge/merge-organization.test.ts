import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { inShard } from '../../src/org/shard.js';
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
  // Accounts as --shard 1/2 and 2/2 would split them: the merge checks each shard's slice.
  const candidates = accountIds(40, 7);
  const first = candidates.filter((id) => inShard(id, { index: 1, count: 2 }));
  const second = candidates.filter((id) => inShard(id, { index: 2, count: 2 }));
  ids = [first[0]!, second[0]!, second[1]!];
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
    // Shard 1 of 2 claiming an account of shard 2's slice: refused for the slice.
    const twice = orgShard(join(work, 'scan-a'), 'twice', { managementAccountId: a, accounts: [{ accountId: suspended, name: 'old', status: 'failed', reason: 'x' }], shard: { index: 1, count: 2 } }, { apiCalls: 1, failedCalls: [] });
    const run = runCli(['merge', twice, shards[1]!, '--output-dir', join(work, 'twice-out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`lists account ${suspended}, which is not in that slice`));
    // Two unsharded organisation results listing the same account: refused for the account.
    const unsharded = (file: string, name: string) => {
      const text = readFileSync(file, 'utf8').replace(/,"shard":\{"index":\d+,"count":\d+\}/, '');
      const dir = join(work, name);
      mkdirSync(dir, { recursive: true });
      copyFileSync(join(file, '..', 'inventory.json'), join(dir, 'inventory.json'));
      writeFileSync(join(dir, 'results.json'), text);
      return join(dir, 'results.json');
    };
    const again = runCli(['merge', unsharded(twice, 'twice-whole'), unsharded(shards[1]!, 'shard-2-whole'), '--output-dir', join(work, 'twice-out')]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`both cover account ${suspended}`));
  });

  it('refuses an incomplete or inconsistent set of shards: one missing, one twice, another split, a shard with a whole run', () => {
    const out = join(work, 'partial');
    const missing = runCli(['merge', shards[0]!, '--output-dir', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/shard 2 of 2 missing/);
    const [a] = ids;
    const otherSplit = orgShard(join(work, 'scan-b'), 'other-split', { managementAccountId: a, accounts: [], shard: { index: 2, count: 3 } }, { apiCalls: 1, failedCalls: [] });
    const split = runCli(['merge', shards[0]!, otherSplit, '--output-dir', out]);
    expect(split.status).toBe(2);
    expect(split.stderr).toMatch(/split differently/);
    const sameIndex = orgShard(join(work, 'scan-b'), 'same-index', { managementAccountId: a, accounts: [], shard: { index: 1, count: 2 } }, { apiCalls: 1, failedCalls: [] });
    const twice = runCli(['merge', shards[0]!, sameIndex, '--output-dir', out]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/both are shard 1\/2/);
    const text = readFileSync(shards[1]!, 'utf8').replace(/,"shard":\{"index":\d+,"count":\d+\}/, '');
    mkdirSync(join(work, 'whole-2'), { recursive: true });
    copyFileSync(join(shards[1]!, '..', 'inventory.json'), join(work, 'whole-2', 'inventory.json'));
    writeFileSync(join(work, 'whole-2', 'results.json'), text);
    const mixed = runCli(['merge', shards[0]!, join(work, 'whole-2', 'results.json'), '--output-dir', out]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/with shards of an organisation run .* it is not one of them/);
    for (const run of [missing, split, twice, mixed]) expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
