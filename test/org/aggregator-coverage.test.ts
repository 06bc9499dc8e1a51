import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../src/org/aggregator-describe.js';
import { NOT_RECORDED_REASON, notRecordedByConfig, placeAggregate } from '../../src/org/aggregator-coverage.js';
import type { InventoryResource } from '../../src/model/inventory.js';

const A = '111122223333';

function resource(type: string, id: string, region: string): InventoryResource {
  return { type, id, arn: `arn:aws:test:${region}:${A}:${id}`, name: id, accountId: A, region, capturedAt: null, configuration: {}, supplementaryConfiguration: {}, tags: {}, relationships: [] };
}

describe('what an aggregator can claim', () => {
  const scope = scopeOf({ AccountAggregationSources: [{ AccountIds: [A], AwsRegions: ['us-east-1'] }], AggregatorFilters: { ResourceType: { Type: 'INCLUDE', Value: ['AWS::S3::Bucket'] } } }, 'filtered', 'us-east-1');

  it('a type its resource-type filter leaves out is never complete, even with items', () => {
    const placed = placeAggregate({ scope, resources: [resource('AWS::S3::Bucket', 'b', 'us-east-1'), resource('AWS::KMS::Key', 'k', 'us-east-1')], failures: [] });
    const at = (type: string, region = 'us-east-1') => placed.coverage.find((c) => c.resourceType === type && c.region === region);
    expect(at('AWS::S3::Bucket')?.status).toBe('complete');
    expect(at('AWS::KMS::Key')).toMatchObject({ status: 'failed', reason: expect.stringContaining('does not aggregate AWS::KMS::Key (its resource type filter leaves it out)') });
    expect(at('AWS::IAM::Role', 'global')).toMatchObject({ status: 'failed', reason: expect.stringContaining('does not aggregate AWS::IAM::Role') });
    expect(placed.delivered.get(A)).toEqual([{ resourceType: 'AWS::S3::Bucket', region: 'us-east-1' }]);
  });

  it('a filter of a kind it does not know claims nothing', () => {
    expect(scopeOf({ AggregatorFilters: { ResourceType: { Type: 'EXCLUDE' as never, Value: ['AWS::S3::Bucket'] } } }, 'x', 'us-east-1').includedTypes).toEqual([]);
  });

  it('a read failure in one place fails the type there only', () => {
    const placed = placeAggregate({ scope: { ...scope, includedTypes: null }, resources: [resource('AWS::KMS::Key', 'k', 'us-east-1')], failures: [{ resourceType: 'AWS::KMS::Key', accountId: A, region: 'us-east-1', reason: 'left unprocessed' }] });
    expect(placed.coverage.find((c) => c.resourceType === 'AWS::KMS::Key')).toMatchObject({ status: 'failed', reason: 'left unprocessed' });
  });

  it('what Config does not record is unknown with the reason given, in every scanned place', () => {
    const placed = placeAggregate({ scope, resources: [], failures: [] });
    const rest = notRecordedByConfig(placed);
    expect(rest.coverage.find((c) => c.resourceType === 'AWS::IAM::User')).toEqual({ accountId: A, region: 'global', resourceType: 'AWS::IAM::User', status: 'failed', reason: NOT_RECORDED_REASON });
    expect(rest.coverage.find((c) => c.resourceType === 'AWS::SageMaker::TrainingJob')).toMatchObject({ region: 'us-east-1', reason: NOT_RECORDED_REASON });
    expect(rest.coverage.some((c) => c.resourceType === 'AWS::S3::Bucket')).toBe(false);
    expect(rest.facts).toEqual([expect.objectContaining({ accountId: A, region: 'us-east-1', facts: {} })]);
    expect(rest.facts[0]!.factErrors.guardDuty).toBe(NOT_RECORDED_REASON);
    const denied = notRecordedByConfig(placed, undefined, 'cannot enter account 111122223333: sts:AssumeRole was denied (AccessDenied)');
    expect(denied.facts[0]!.factErrors.macie).toBe('cannot enter account 111122223333: sts:AssumeRole was denied (AccessDenied)');
  });

  it('a --region the aggregator does not aggregate is still scanned: every type and fact there unknown with why, never an account without the region (review of issue 14)', () => {
    const sources = scopeOf({ AccountAggregationSources: [{ AccountIds: [A], AwsRegions: ['us-east-1', 'eu-west-1'] }] }, 'two-regions', 'us-east-1');
    const placed = placeAggregate({ scope: sources, resources: [resource('AWS::S3::Bucket', 'b', 'us-east-1')], failures: [], regionFilter: ['ap-south-1'] });
    expect(placed.regions.get(A)).toEqual(['ap-south-1']);
    const bucket = placed.coverage.find((c) => c.resourceType === 'AWS::S3::Bucket' && c.region === 'ap-south-1');
    expect(bucket).toMatchObject({ status: 'failed', reason: 'AWS Config aggregator two-regions does not aggregate ap-south-1 for 111122223333 (--region asked for it)' });
    expect(placed.delivered.get(A)).toEqual([]);
    // The facts and the types Config does not record are unknown there too (an account resource exists for the region).
    expect(notRecordedByConfig(placed).facts).toEqual([expect.objectContaining({ accountId: A, region: 'ap-south-1' })]);
    // A region it does aggregate, asked beside it, is judged from its data as before.
    const both = placeAggregate({ scope: sources, resources: [resource('AWS::S3::Bucket', 'b', 'us-east-1')], failures: [], regionFilter: ['us-east-1', 'ap-south-1'] });
    expect(both.coverage.find((c) => c.resourceType === 'AWS::S3::Bucket' && c.region === 'us-east-1')?.status).toBe('complete');
  });
});
