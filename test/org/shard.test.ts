import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/org/shard.js';

const ids = (n: number, seed = 0) => Array.from({ length: n }, (_, i) => String(100000000000 + seed * 7919 + i * 104729).padStart(12, '0'));

describe('shard membership', () => {
  it('puts every account in exactly one of n shards, by the first 32 bits of its SHA-256', () => {
    for (const id of ids(200)) {
      const expected = parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % 4;
      const shards = [1, 2, 3, 4].filter((index) => inShard(id, { index, count: 4 }));
      expect(shards).toEqual([expected + 1]);
    }
  });

  it('keeps an account in its shard when accounts are added or removed elsewhere', () => {
    const split = (accounts: string[]) => new Map(accounts.map((id) => [id, [1, 2, 3, 4].filter((index) => inShard(id, { index, count: 4 }))]));
    const before = split(ids(50));
    const afterIds = [...ids(50).slice(10), ...ids(80, 3)];
    const after = split(afterIds);
    for (const id of ids(50).slice(10)) expect(after.get(id)).toEqual(before.get(id));
    // The split of the changed organisation still covers every account exactly once.
    expect([...after.values()].every((shards) => shards.length === 1)).toBe(true);
  });

  it('spreads accounts over the shards (none empty for 200 accounts in 4)', () => {
    const sizes = [1, 2, 3, 4].map((index) => ids(200).filter((id) => inShard(id, { index, count: 4 })).length);
    for (const size of sizes) expect(size).toBeGreaterThan(20);
  });

  it('1/1 holds every account', () => {
    expect(ids(20).every((id) => inShard(id, { index: 1, count: 1 }))).toBe(true);
  });
});

describe('--shard and the runners’ index variables', () => {
  it('parses i/n, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/4', '5/4', '1/0', '1', 'a/b', '-1/4', '1/4/2', ''])('refuses --shard %j with a one-line input error', (value) => {
    expect(() => parseShard(value)).toThrow(expect.objectContaining({ name: 'InputError', exitCode: 2, message: expect.stringMatching(/^--shard must be/) }));
  });

  it('the flag wins over the runner', () => {
    expect(shardOf('3/5', { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '2' })).toEqual({ index: 3, count: 5 });
  });

  it('GitLab: CI_NODE_INDEX is 1-based, CI_NODE_TOTAL the count', () => {
    expect(shardOf(undefined, { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '3' })).toEqual({ index: 1, count: 3 });
    expect(shardOf(undefined, { CI_NODE_INDEX: '3', CI_NODE_TOTAL: '3' })).toEqual({ index: 3, count: 3 });
    expect(() => shardOf(undefined, { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '3' })).toThrow(/CI_NODE_INDEX must be a whole number from 1 to 3/);
    expect(() => shardOf(undefined, { CI_NODE_INDEX: '2' })).toThrow(/CI_NODE_INDEX is set without CI_NODE_TOTAL/);
    // Every GitLab job that is not parallel has CI_NODE_TOTAL=1 and no index: not a shard.
    expect(shardOf(undefined, { CI_NODE_TOTAL: '1' })).toBeUndefined();
    // A parallel matrix counts its cells; a count that disagrees is refused, one that agrees is used.
    expect(() => shardOf(undefined, { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '6', CAFSCAN_SHARD_COUNT: '3' })).toThrow(/parallel matrix\?.*pass --shard/);
    expect(shardOf(undefined, { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3', CAFSCAN_SHARD_COUNT: '3' })).toEqual({ index: 2, count: 3 });
  });

  it('Kubernetes Indexed Jobs and AWS Batch array jobs: 0-based, the count from CAFSCAN_SHARD_COUNT', () => {
    expect(shardOf(undefined, { JOB_COMPLETION_INDEX: '0', CAFSCAN_SHARD_COUNT: '4' })).toEqual({ index: 1, count: 4 });
    expect(shardOf(undefined, { AWS_BATCH_JOB_ARRAY_INDEX: '3', CAFSCAN_SHARD_COUNT: '4' })).toEqual({ index: 4, count: 4 });
    expect(() => shardOf(undefined, { JOB_COMPLETION_INDEX: '4', CAFSCAN_SHARD_COUNT: '4' })).toThrow(/JOB_COMPLETION_INDEX must be a whole number from 0 to 3/);
    expect(() => shardOf(undefined, { CAFSCAN_SHARD_COUNT: 'four', AWS_BATCH_JOB_ARRAY_INDEX: '1' })).toThrow(/CAFSCAN_SHARD_COUNT must be a whole number/);
  });

  it('a runner index without a count says to set CAFSCAN_SHARD_COUNT', () => {
    expect(() => shardOf(undefined, { JOB_COMPLETION_INDEX: '2' })).toThrow(/set CAFSCAN_SHARD_COUNT/);
    expect(() => shardOf(undefined, { AWS_BATCH_JOB_ARRAY_INDEX: '2' })).toThrow(/set CAFSCAN_SHARD_COUNT/);
  });

  it('no flag and no runner: no shard (every account)', () => {
    expect(shardOf(undefined, { CAFSCAN_SHARD_COUNT: '4' })).toBeUndefined();
    expect(shardOf(undefined, {})).toBeUndefined();
  });
});
