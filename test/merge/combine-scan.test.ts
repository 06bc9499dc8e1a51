import { describe, expect, it } from 'vitest';
import { combineAssetGraph, combineCollection, combineEvaluationErrors, combineOrganization, combineSources, combineSuppressions } from '../../src/merge/combine-scan.js';
import { scanKeyOrder, type ResultsHead } from '../../src/merge/check-inputs.js';

/** The summaries one run over every shard's accounts would have written, from the shards' own. */
describe('combining the shards’ scan summaries', () => {
  it('sources: in input order, each once (every live shard says "live")', () => {
    expect(combineSources([['live'], ['live']])).toEqual(['live']);
    expect(combineSources([['b.json', 'f.json'], ['a.json']])).toEqual(['b.json', 'f.json', 'a.json']);
  });

  it('collection: API calls add up; failed calls gain the account of a one-account shard and sort by account, region, action, error', () => {
    const merged = combineCollection(
      [
        { collection: { apiCalls: 10, failedCalls: [{ action: 'kms:ListKeys', region: 'us-east-1', errorCode: 'AccessDenied', message: 'no' }] }, accounts: ['222222222222'] },
        {
          collection: {
            apiCalls: 7,
            failedCalls: [
              { accountId: '111111111111', action: 's3:GetBucketPolicy', region: 'eu-west-1', errorCode: 'AccessDenied', message: 'no' },
              { accountId: '333333333333', action: 'bedrock:ListAgents', region: 'us-east-1', errorCode: 'Throttling', message: 'slow' },
            ] as never,
          },
          accounts: ['111111111111', '333333333333'],
        },
        { accounts: ['444444444444'] },
      ],
      ['111111111111', '222222222222', '333333333333', '444444444444'],
    );
    expect(merged).toEqual({
      apiCalls: 17,
      failedCalls: [
        { accountId: '111111111111', action: 's3:GetBucketPolicy', region: 'eu-west-1', errorCode: 'AccessDenied', message: 'no' },
        { accountId: '222222222222', action: 'kms:ListKeys', region: 'us-east-1', errorCode: 'AccessDenied', message: 'no' },
        { accountId: '333333333333', action: 'bedrock:ListAgents', region: 'us-east-1', errorCode: 'Throttling', message: 'slow' },
      ],
    });
    // Offline shards have no collection: neither has the merge.
    expect(combineCollection([{ accounts: ['111111111111'] }], ['111111111111'])).toBeUndefined();
  });

  it('evaluation errors and unresolved references: counts add, the sample is the first in inventory order', () => {
    const place = (arn: string) => ({ 'arn:b': 'AWS::S3::Bucket\0arn:b', 'arn:a': 'AWS::Lambda::Function\0arn:a', 'arn:c': 'AWS::S3::Bucket\0arn:c' })[arn] ?? '\uffff';
    const errors = combineEvaluationErrors(
      [
        { count: 3, sample: [{ controlId: 'X-1', resource: 'arn:b', message: 'm1' }, { controlId: 'X-2', resource: 'arn:b', message: 'm2' }, { controlId: 'X-1', resource: 'arn:c', message: 'm3' }] },
        undefined,
        { count: 1, sample: [{ controlId: 'X-3', resource: 'arn:a', message: 'm4' }] },
      ],
      place,
    );
    expect(errors).toEqual({ count: 4, sample: [{ controlId: 'X-3', resource: 'arn:a', message: 'm4' }, { controlId: 'X-1', resource: 'arn:b', message: 'm1' }, { controlId: 'X-2', resource: 'arn:b', message: 'm2' }, { controlId: 'X-1', resource: 'arn:c', message: 'm3' }] });
    expect(combineEvaluationErrors([undefined, undefined], place)).toBeUndefined();
    const graph = combineAssetGraph(
      [
        { linkedResources: 2, links: 3, unresolvedReferences: 1, unresolvedSample: [{ workload: 'arn:c', via: 'v', value: 'x' }] },
        { linkedResources: 1, links: 1, unresolvedReferences: 1, unresolvedSample: [{ workload: 'arn:a', via: 'v', value: 'y' }] },
      ],
      place,
    );
    expect(graph).toEqual({ linkedResources: 3, links: 4, unresolvedReferences: 2, unresolvedSample: [{ workload: 'arn:a', via: 'v', value: 'y' }, { workload: 'arn:c', via: 'v', value: 'x' }] });
  });

  it('suppressions: applied adds up, an expired rule would have matched the sum, a rule is unused only where no shard used it, in the config’s order', () => {
    const expired = (wouldMatch: number) => [{ source: 'cafscan.ignore.yaml#suppressions[4]', reason: 'old', expires: '2020-01-01', wouldMatch }];
    const merged = combineSuppressions(
      [
        { applied: 2, expired: expired(1), unused: [{ source: 'cafscan.ignore.yaml#suppressions[3]', reason: 'typo' }, { source: 'cafscan.ignore.yaml#suppressions[10]', reason: 'used elsewhere' }] },
        { applied: 5, expired: expired(2), unused: [{ source: 'cafscan.config.json#suppressions[0]', reason: 'config rule' }, { source: 'cafscan.ignore.yaml#suppressions[3]', reason: 'typo' }] },
      ],
      new Set(['cafscan.ignore.yaml#suppressions[10]']),
    );
    expect(merged).toEqual({
      applied: 7,
      expired: expired(3),
      unused: [
        { source: 'cafscan.config.json#suppressions[0]', reason: 'config rule' },
        { source: 'cafscan.ignore.yaml#suppressions[3]', reason: 'typo' },
      ],
    });
  });

  it('organization: the union of the shards’ accounts sorted by id, the shard dropped', () => {
    const org = combineOrganization([
      { managementAccountId: '111111111111', accounts: [{ accountId: '333333333333', name: 'c', status: 'failed', reason: 'account 333333333333 is SUSPENDED' }], shard: { index: 2, count: 2 } },
      { managementAccountId: '111111111111', accounts: [{ accountId: '111111111111', name: 'mgmt', status: 'scanned' }, { accountId: '222222222222', name: null, status: 'scanned' }], shard: { index: 1, count: 2 } },
    ]);
    expect(org).toEqual({
      managementAccountId: '111111111111',
      accounts: [
        { accountId: '111111111111', name: 'mgmt', status: 'scanned' },
        { accountId: '222222222222', name: null, status: 'scanned' },
        { accountId: '333333333333', name: 'c', status: 'failed', reason: 'account 333333333333 is SUSPENDED' },
      ],
    });
    expect(combineOrganization([undefined])).toBeUndefined();
  });

  it('scan keys: runScan’s order, with a key another part writes placed after the key it follows in the inputs', () => {
    const head = (keys: string[]) => ({ scan: Object.fromEntries(keys.map((k) => [k, 1])) }) as unknown as ResultsHead;
    const order = scanKeyOrder([head(['startedAt', 'finishedAt', 'sources', 'accounts', 'regions', 'organization', 'assetGraph'])]);
    expect(order.indexOf('organization')).toBe(order.indexOf('regions') + 1);
    expect(order.slice(0, 3)).toEqual(['startedAt', 'finishedAt', 'sources']);
  });
});
