import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { normalizeConfigItem } from '../../src/inventory/normalize-config-item.js';
import type { JsonObject } from '../../src/json.js';

const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const inline = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::a b+c/*' }] };

/** A role as it appears in a snapshot file: objects, `ARN`, `awsAccountId`, relationships by `name`. */
const snapshotRole: JsonObject = {
  configurationItemVersion: '1.3',
  configurationItemCaptureTime: '2026-10-01T10:00:00.000Z',
  configurationStateId: 1790000000000,
  awsAccountId: '123456789012',
  configurationItemStatus: 'OK',
  resourceType: 'AWS::IAM::Role',
  resourceId: 'AROAEXAMPLE',
  resourceName: 'sm-exec',
  ARN: 'arn:aws:iam::123456789012:role/sm-exec',
  awsRegion: 'global',
  tags: { owner: 'ml-platform' },
  relationships: [{ resourceId: 'ANPA1', resourceName: 'p', resourceType: 'AWS::IAM::Policy', name: 'Is attached to CustomerManagedPolicy' }],
  configuration: {
    roleName: 'sm-exec',
    assumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
    rolePolicyList: [{ policyName: 'read', policyDocument: encodeURIComponent(JSON.stringify(inline)) }],
    attachedManagedPolicies: [],
  },
  supplementaryConfiguration: {},
};

/** The same role as batch-get-resource-config returns it: JSON strings, `arn`, `accountId`, no tags. */
const batchGetRole: JsonObject = {
  version: '1.3',
  accountId: '123456789012',
  configurationItemCaptureTime: '2026-10-01T10:00:00.000Z',
  configurationItemStatus: 'OK',
  arn: 'arn:aws:iam::123456789012:role/sm-exec',
  resourceType: 'AWS::IAM::Role',
  resourceId: 'AROAEXAMPLE',
  resourceName: 'sm-exec',
  awsRegion: 'global',
  configuration: JSON.stringify(snapshotRole.configuration),
  supplementaryConfiguration: {},
};

describe('normalizeConfigItem', () => {
  it('decodes URL-encoded IAM policy documents (a "+" stays a "+")', () => {
    const role = normalizeConfigItem(snapshotRole, 'test')!;
    expect(role.configuration.assumeRolePolicyDocument).toEqual(trust);
    expect((role.configuration.rolePolicyList as JsonObject[])[0]!.policyDocument).toEqual(inline);
  });

  it('reads the snapshot shape and the batch-get shape into the same resource', () => {
    const fromSnapshot = normalizeConfigItem(snapshotRole, 'test')!;
    const fromBatchGet = normalizeConfigItem(batchGetRole, 'test')!;
    expect(fromBatchGet.configuration).toEqual(fromSnapshot.configuration);
    expect(fromBatchGet).toMatchObject({ arn: fromSnapshot.arn, accountId: '123456789012', region: 'global', type: 'AWS::IAM::Role', name: 'sm-exec' });
    expect(fromSnapshot.tags).toEqual({ owner: 'ml-platform' });
    expect(fromBatchGet.tags).toBeNull(); // batch-get carries no tags: unknown, not none
    expect(fromSnapshot.relationships).toEqual([{ name: 'Is attached to CustomerManagedPolicy', resourceType: 'AWS::IAM::Policy', resourceId: 'ANPA1', resourceName: 'p' }]);
  });

  it('parses supplementary values wrapped in JSON strings to any depth (S3 ACLs are double-encoded)', () => {
    const acl = { grantList: [{ grantee: 'AllUsers', permission: 'Read' }] };
    const bucket = normalizeConfigItem(
      {
        resourceType: 'AWS::S3::Bucket', resourceId: 'b', arn: 'arn:aws:s3:::b', accountId: '1', awsRegion: 'us-east-1',
        configuration: '{"name":"b"}',
        supplementaryConfiguration: {
          AccessControlList: JSON.stringify(JSON.stringify(acl)),
          BucketPolicy: JSON.stringify({ policyText: encodeURIComponent('{"Statement":[]}') }),
          IsRequesterPaysEnabled: 'false',
        },
      },
      'test',
    )!;
    expect(bucket.supplementaryConfiguration.AccessControlList).toEqual(acl);
    expect(bucket.supplementaryConfiguration.BucketPolicy).toEqual({ policyText: { Statement: [] } });
    expect(bucket.supplementaryConfiguration.IsRequesterPaysEnabled).toBe(false);
  });

  it('decodes supplementary values in place: key order, a "__proto__" key and untouched values are as they were', () => {
    const supplementary = JSON.parse('{"B":{"x":1},"__proto__":"{\\"p\\":1}","A":"{\\"a\\":[1]}","Plain":"text","Broken":"{\\"a\\":"}') as JsonObject;
    const bucket = normalizeConfigItem({ resourceType: 'AWS::S3::Bucket', resourceId: 'b', ARN: 'arn:aws:s3:::b', awsAccountId: '1', awsRegion: 'us-east-1', configuration: {}, supplementaryConfiguration: supplementary }, 't')!;
    const out = bucket.supplementaryConfiguration;
    expect(Object.keys(out)).toEqual(['B', '__proto__', 'A', 'Plain', 'Broken']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(JSON.stringify(out)).toBe('{"B":{"x":1},"__proto__":{"p":1},"A":{"a":[1]},"Plain":"text","Broken":"{\\"a\\":"}');
    expect(bucket.collectionErrors).toEqual({ Broken: 'supplementaryConfiguration.Broken is not valid JSON (corrupt or truncated)' });
  });

  it('reads advanced-query tags given as a list', () => {
    const r = normalizeConfigItem({ resourceType: 'AWS::S3::Bucket', resourceId: 'b', arn: 'arn:aws:s3:::b', accountId: '1', awsRegion: 'us-east-1', configuration: {}, tags: [{ key: 'team', value: 'ml', tag: 'team=ml' }] }, 't')!;
    expect(r.tags).toEqual({ team: 'ml' });
  });

  it('drops deleted resources and keeps unknown types', () => {
    expect(normalizeConfigItem({ ...snapshotRole, configurationItemStatus: 'ResourceDeleted' }, 't')).toBeNull();
    const unknown = normalizeConfigItem({ resourceType: 'AWS::Brand::New', resourceId: 'x', awsAccountId: '1', awsRegion: 'us-east-1', configuration: { a: 1 } }, 't');
    expect(unknown).toMatchObject({ type: 'AWS::Brand::New', configuration: { a: 1 } });
    expect(unknown!.arn).toContain('x');
  });

  it('rejects an item with no resourceType, naming where it is', () => {
    expect(() => normalizeConfigItem({ resourceId: 'x' }, 'snap.json item 3')).toThrow('snap.json item 3: a configuration item has no resourceType or resourceId');
  });
});

describe('buildInventory', () => {
  it('adds one account resource per account and region carrying what was collected, newest capture wins', () => {
    const older = normalizeConfigItem({ ...snapshotRole, configurationItemCaptureTime: '2026-01-01T00:00:00.000Z', tags: { old: 'yes' } }, 't')!;
    const newer = normalizeConfigItem(snapshotRole, 't')!;
    const bucket = normalizeConfigItem({ resourceType: 'AWS::S3::Bucket', resourceId: 'b', ARN: 'arn:aws:s3:::b', awsAccountId: '123456789012', awsRegion: 'eu-west-1', configuration: {} }, 't')!;
    const inventory = buildInventory([
      { source: 'a', resources: [newer], coverage: [] },
      { source: 'b', resources: [older, bucket], coverage: [{ accountId: '123456789012', region: 'eu-west-1', resourceType: 'AWS::S3::Bucket', status: 'complete' }] },
    ]);
    expect(inventory.resources.map((r) => r.type)).toEqual(['AWS::::Account', 'AWS::IAM::Role', 'AWS::S3::Bucket']);
    expect(inventory.resources[1]!.tags).toEqual({ owner: 'ml-platform' });
    expect(inventory.resources[0]).toMatchObject({ arn: 'arn:aws::eu-west-1:123456789012:account', region: 'eu-west-1', configuration: { collectedTypes: ['AWS::S3::Bucket'] } });
    expect(inventory.regions).toEqual(['eu-west-1']);
  });
});
