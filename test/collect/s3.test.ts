import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import { createContext, type CollectedPart, type CollectorContext } from '../../src/collect/collector.js';
import { createLimiter } from '../../src/collect/limiter.js';
import { regionFromLocationConstraint, s3Collector } from '../../src/collect/services/s3.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import type { Finding } from '../../src/model/finding.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, MOTO_ACCOUNT, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

const KMS = 'cafscan-kms-data';
const PLAIN = 'cafscan-plain-data';
const LOGS = 'cafscan-access-logs';
const EU = 'cafscan-eu-locked';
const DENIED = 'cafscan-denied';
const SSE_S3 = 'cafscan-sse-s3';
const KEY_ARN = `arn:aws:kms:us-east-1:${MOTO_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;

const tlsOnly = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${KMS}`, `arn:aws:s3:::${KMS}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

/** Findings of the real controls for what the collector produced. */
async function findingsFor(part: CollectedPart): Promise<Finding[]> {
  const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
  return makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z'), allResources: true }));
}

function finding(findings: Finding[], controlId: string, bucket: string): Finding {
  const found = findings.find((f) => f.controlId === controlId && f.resource.id === bucket);
  if (!found) throw new Error(`no ${controlId} finding for ${bucket}`);
  return found;
}

describe('S3 collector against moto', () => {
  let moto: Moto;
  let proxy: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    // Denies three of one bucket's settings, the way S3 does when a bucket policy refuses the scanner.
    const faults = await startFaultProxy(moto, ({ operation }) => {
      const [method, path] = operation.split(' ');
      const url = new URL(path ?? '/', 'http://proxy');
      const denied = method === 'GET' && url.pathname.replace(/\/$/, '') === `/${DENIED}` && (url.searchParams.has('policy') || url.searchParams.has('tagging') || url.searchParams.has('ownershipControls'));
      return denied ? 'deny' : undefined;
    });
    // "localhost", not the proxy's IP: S3 Control puts the account id in front of the host name,
    // and the SDK rejects 123456789012.127.0.0.1 before the client factory can strip it again.
    proxy = { ...moto, endpoint: faults.endpoint.replace('127.0.0.1', 'localhost'), stop: faults.stop };
    const s3 = new S3Client(moto.clientConfig());
    const s3eu = new S3Client(moto.clientConfig('eu-west-1'));

    for (const bucket of [KMS, PLAIN, DENIED, LOGS, SSE_S3]) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // A bucket whose ACL lets everyone read it (CAFAI-DP-09 needs the ACL to tell).
    await s3.send(new PutBucketAclCommand({ Bucket: SSE_S3, ACL: 'public-read' }));
    // Object Ownership: ACLs disabled on the good bucket, kept on (ObjectWriter) on the public-ACL one;
    // the others have no ownership controls at all.
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: SSE_S3, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: KMS, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
    // The log bucket lets S3 server access logging write to it (moto checks, as AWS does).
    const logDelivery = { Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: ['s3:PutObject'], Resource: `arn:aws:s3:::${LOGS}/*` };
    await s3.send(new PutBucketPolicyCommand({ Bucket: LOGS, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [logDelivery] }) }));
    await s3eu.send(new CreateBucketCommand({ Bucket: EU, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' }, ObjectLockEnabledForBucket: true }));

    // The good bucket: SSE-KMS, versioned, TLS-only policy, its own public access block, logged, tagged, lifecycle.
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: KMS,
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN }, BucketKeyEnabled: true }] },
      }),
    );
    await s3.send(new PutBucketVersioningCommand({ Bucket: KMS, VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: KMS, Policy: JSON.stringify(tlsOnly) }));
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: KMS,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    );
    await s3.send(new PutBucketLoggingCommand({ Bucket: KMS, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: LOGS, TargetPrefix: 'kms-data/' } } }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: KMS, Tagging: { TagSet: [{ Key: 'data-classification', Value: 'confidential' }] } }));
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: KMS,
        LifecycleConfiguration: {
          Rules: [
            {
              ID: 'expire-scratch',
              Status: 'Enabled',
              Filter: { Prefix: 'scratch/' },
              Expiration: { Days: 30 },
              NoncurrentVersionExpiration: { NoncurrentDays: 7 },
              Transitions: [{ Days: 10, StorageClass: 'GLACIER' }],
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 },
            },
          ],
        },
      }),
    );
    await s3.send(new PutBucketEncryptionCommand({ Bucket: SSE_S3, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
    await s3eu.send(
      new PutObjectLockConfigurationCommand({
        Bucket: EU,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } },
      }),
    );
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('maps GetBucketLocation answers to regions', () => {
    expect(regionFromLocationConstraint(undefined)).toBe('us-east-1');
    expect(regionFromLocationConstraint(null)).toBe('us-east-1');
    expect(regionFromLocationConstraint('')).toBe('us-east-1');
    expect(regionFromLocationConstraint('EU')).toBe('eu-west-1');
    expect(regionFromLocationConstraint('ap-south-1')).toBe('ap-south-1');
  });

  describe('without an account-level public access block', () => {
    let part: Awaited<ReturnType<typeof runCollectorAgainst>>;
    const bucket = (name: string): InventoryResource => {
      const found = part.resources.find((r) => r.type === 'AWS::S3::Bucket' && r.id === name);
      if (!found) throw new Error(`bucket ${name} not collected`);
      return found;
    };
    beforeAll(async () => {
      part = await runCollectorAgainst(proxy, s3Collector);
    });

    it('emits every bucket with its own region and Config identity', () => {
      expect(part.resources.filter((r) => r.type === 'AWS::S3::Bucket').map((r) => r.id).sort()).toEqual([DENIED, LOGS, EU, KMS, PLAIN, SSE_S3].sort());
      expect(bucket(KMS)).toMatchObject({ arn: `arn:aws:s3:::${KMS}`, name: KMS, accountId: MOTO_ACCOUNT, region: 'us-east-1' });
      expect(bucket(EU).region).toBe('eu-west-1');
      expect(bucket(KMS).configuration).toEqual({ name: KMS, owner: { displayName: expect.anything(), id: expect.any(String) }, creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    });

    it('records a fully configured bucket as AWS Config does', () => {
      const good = bucket(KMS);
      expect(good.supplementaryConfiguration.PublicAccessBlockConfiguration).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
      expect(good.supplementaryConfiguration.ServerSideEncryptionConfiguration).toEqual({
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: KEY_ARN }, bucketKeyEnabled: true }],
      });
      expect(good.supplementaryConfiguration.BucketVersioningConfiguration).toEqual({ status: 'Enabled', isMfaDeleteEnabled: null });
      expect(good.supplementaryConfiguration.BucketPolicy).toEqual({ policyText: tlsOnly });
      expect(good.supplementaryConfiguration.BucketLoggingConfiguration).toEqual({ destinationBucketName: LOGS, logFilePrefix: 'kms-data/' });
      expect(good.supplementaryConfiguration.BucketLifecycleConfiguration).toEqual({
        rules: [
          {
            id: 'expire-scratch',
            prefix: null,
            status: 'Enabled',
            filter: { predicate: { type: 'LifecyclePrefixPredicate', prefix: 'scratch/' } },
            expirationInDays: 30,
            expirationDate: null,
            expiredObjectDeleteMarker: false,
            noncurrentVersionExpirationInDays: 7,
            transitions: [{ days: 10, date: null, storageClass: 'GLACIER' }],
            noncurrentVersionTransitions: [],
            abortIncompleteMultipartUpload: { daysAfterInitiation: 2 },
          },
        ],
      });
      expect(good.supplementaryConfiguration.BucketOwnershipControls).toEqual({ rules: [{ objectOwnership: 'BucketOwnerEnforced' }] });
      expect(bucket(SSE_S3).supplementaryConfiguration.BucketOwnershipControls).toEqual({ rules: [{ objectOwnership: 'ObjectWriter' }] });
      expect(good.supplementaryConfiguration.BucketTaggingConfiguration).toEqual({ tagSets: [{ tags: { 'data-classification': 'confidential' } }] });
      expect(good.tags).toEqual({ 'data-classification': 'confidential' });
      expect(good.supplementaryConfiguration).not.toHaveProperty('ObjectLockConfiguration');
      expect(good.collectionErrors).toBeUndefined();
    });

    it('records what a bare bucket does not have as answers, not gaps', () => {
      const plain = bucket(PLAIN);
      // No bucket-level public access block: Config leaves the key out.
      expect(plain.supplementaryConfiguration).not.toHaveProperty('PublicAccessBlockConfiguration');
      expect(plain.supplementaryConfiguration.BucketPolicy).toEqual({ policyText: null });
      expect(plain.supplementaryConfiguration.BucketVersioningConfiguration).toEqual({ status: 'Off', isMfaDeleteEnabled: null });
      expect(plain.supplementaryConfiguration.BucketLoggingConfiguration).toEqual({ destinationBucketName: null, logFilePrefix: null });
      expect(plain.supplementaryConfiguration).not.toHaveProperty('BucketLifecycleConfiguration');
      expect(plain.supplementaryConfiguration).not.toHaveProperty('ObjectLockConfiguration');
      expect(plain.supplementaryConfiguration).not.toHaveProperty('BucketTaggingConfiguration');
      // No default encryption at all (moto's answer for a new bucket; AWS has said SSE-S3 since
      // 2023): recorded as no rules, which CAFAI-DP-01 fails, rather than left out as unknown.
      expect(plain.supplementaryConfiguration.ServerSideEncryptionConfiguration).toEqual({ rules: [] });
      expect(bucket(SSE_S3).supplementaryConfiguration.ServerSideEncryptionConfiguration).toEqual({
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256', kmsMasterKeyID: null }, bucketKeyEnabled: false }],
      });
      // No ownership controls (OwnershipControlsNotFoundError): ACLs stay on, recorded as no rules.
      expect(plain.supplementaryConfiguration.BucketOwnershipControls).toEqual({ rules: [] });
      expect(part.log.records.find((r) => r.action === 's3:GetBucketOwnershipControls' && r.absent)).toMatchObject({ ok: true, absent: 'OwnershipControlsNotFoundError' });
      expect(plain.tags).toEqual({});
      expect(plain.collectionErrors).toBeUndefined();
      // "There is none" answers are calls that succeeded, not failures.
      const policyCall = part.log.records.find((r) => r.action === 's3:GetBucketPolicy' && r.absent);
      expect(policyCall).toMatchObject({ ok: true, absent: 'NoSuchBucketPolicy' });
    });

    it('records object lock only where it is on', () => {
      expect(bucket(EU).supplementaryConfiguration.ObjectLockConfiguration).toEqual({
        objectLockEnabled: 'Enabled',
        // moto answers Years 0 where AWS leaves it out (null here).
        rule: { defaultRetention: { days: 1, mode: 'GOVERNANCE', years: expect.toBeOneOf([null, 0]) } },
      });
    });

    it('leaves out what it could not read and says why', () => {
      const denied = bucket(DENIED);
      expect(denied.supplementaryConfiguration).not.toHaveProperty('BucketPolicy');
      expect(denied.tags).toBeNull();
      expect(denied.collectionErrors).toEqual({
        BucketPolicy: 's3:GetBucketPolicy was denied (AccessDenied)',
        Tags: 's3:GetBucketTagging was denied (AccessDenied)',
        BucketOwnershipControls: 's3:GetBucketOwnershipControls was denied (AccessDenied)',
      });
      expect(denied.supplementaryConfiguration).not.toHaveProperty('BucketOwnershipControls');
      // The rest of the bucket is still there.
      expect(denied.supplementaryConfiguration.BucketVersioningConfiguration).toEqual({ status: 'Off', isMfaDeleteEnabled: null });
    });

    it('emits no account-level block when there is none, and still counts both types as collected', () => {
      expect(part.resources.filter((r) => r.type === 'AWS::S3::AccountPublicAccessBlock')).toEqual([]);
      expect(part.coverage.map((c) => `${c.region}:${c.resourceType}:${c.status}`).sort()).toEqual([
        'global:AWS::S3::AccountPublicAccessBlock:complete',
        'global:AWS::S3::Bucket:complete',
      ]);
      expect(part.log.records.find((r) => r.action === 's3control:GetPublicAccessBlock')).toMatchObject({ ok: true, absent: 'NoSuchPublicAccessBlockConfiguration' });
    });

    it('gives the real controls what they need', async () => {
      const findings = await findingsFor(part);
      // CAFAI-DP-01: default encryption with AWS KMS.
      expect(finding(findings, 'CAFAI-DP-01', KMS).status).toBe('pass');
      expect(finding(findings, 'CAFAI-DP-01', SSE_S3)).toMatchObject({ status: 'fail', message: `Bucket ${SSE_S3} has no default encryption rule using AWS KMS.` });
      expect(finding(findings, 'CAFAI-DP-01', PLAIN).status).toBe('fail');
      // CAFAI-DP-03: TLS-only bucket policy; no policy fails, an unreadable one is not evaluated.
      expect(finding(findings, 'CAFAI-DP-03', KMS).status).toBe('pass');
      expect(finding(findings, 'CAFAI-DP-03', PLAIN)).toMatchObject({ status: 'fail', message: expect.stringContaining('has no bucket policy') });
      expect(finding(findings, 'CAFAI-DP-03', DENIED).status).toBe('not_evaluated');
      // CAFAI-AS-01: versioning.
      expect(finding(findings, 'CAFAI-AS-01', KMS).status).toBe('pass');
      expect(finding(findings, 'CAFAI-AS-01', PLAIN)).toMatchObject({ status: 'fail', message: expect.stringContaining('status Off') });
      // CAFAI-SG-02: classification tag; unreadable tags are not evaluated.
      expect(finding(findings, 'CAFAI-SG-02', KMS).status).toBe('pass');
      expect(finding(findings, 'CAFAI-SG-02', PLAIN).status).toBe('fail');
      expect(finding(findings, 'CAFAI-SG-02', DENIED).status).toBe('not_evaluated');
      // CAFAI-DP-02: the bucket's own block is complete; without one, the account-level block
      // decides, and the collector having looked for it and found none is an answer.
      expect(finding(findings, 'CAFAI-DP-02', KMS).status).toBe('pass');
      expect(finding(findings, 'CAFAI-DP-02', PLAIN)).toMatchObject({ status: 'fail', message: expect.stringContaining('the account has no public access block') });
      // CAFAI-DP-09: public is a grant to everyone, read from the ACL and the policy; Block Public
      // Access being off alone is DP-02's failure.
      expect(finding(findings, 'CAFAI-DP-09', SSE_S3)).toMatchObject({ status: 'fail', message: expect.stringContaining('its ACL grants access to AllUsers') });
      expect(finding(findings, 'CAFAI-DP-09', PLAIN).status).toBe('pass');
      expect(finding(findings, 'CAFAI-DP-09', KMS).status).toBe('pass');
      // CAFAI-DP-22: ACLs disabled; ObjectWriter or no ownership controls keep them on; a denied
      // GetBucketOwnershipControls is not evaluated.
      expect(finding(findings, 'CAFAI-DP-22', KMS).status).toBe('pass');
      expect(finding(findings, 'CAFAI-DP-22', SSE_S3)).toMatchObject({ status: 'fail', message: expect.stringContaining('Object Ownership ObjectWriter') });
      expect(finding(findings, 'CAFAI-DP-22', PLAIN)).toMatchObject({ status: 'fail', message: expect.stringContaining('no ownership controls') });
      expect(finding(findings, 'CAFAI-DP-22', DENIED)).toMatchObject({ status: 'not_evaluated', reason: expect.stringContaining('GetBucketOwnershipControls was denied') });
    });
  });

  it('asks for a client in each bucket\'s own region (S3 redirects calls made elsewhere)', async () => {
    const factory = new ClientFactory({ credentials: async () => TEST_CREDENTIALS, endpoint: proxy.endpoint, maxAttempts: 1, requestTimeoutMs: 10_000, log: new CallLog(), declaredOperations: new Set(s3Collector.operations) });
    const part: CollectedPart = { resources: [], coverage: [], facts: new Map() };
    const ctx = createContext({ factory, accountId: MOTO_ACCOUNT, partition: 'aws', region: 'us-east-1', resourceRegion: 'global', part, limit: createLimiter(5) });
    const asked: string[] = [];
    const client: CollectorContext['client'] = (Client, ...rest: unknown[]) => {
      asked.push(`${Client.name}:${typeof rest[0] === 'string' ? rest[0] : '(context region)'}`);
      return ctx.client(Client);
    };
    await s3Collector.collect({ ...ctx, client });
    expect(new Set(asked)).toEqual(new Set(['S3ControlClient:(context region)', 'S3Client:(context region)', 'S3Client:us-east-1', 'S3Client:eu-west-1']));
  });

  describe('with an account-level public access block', () => {
    let part: Awaited<ReturnType<typeof runCollectorAgainst>>;
    beforeAll(async () => {
      // Straight to moto: S3 Control would put the account id in front of the IP address.
      const control = new S3ControlClient({ ...moto.clientConfig(), endpointProvider: () => ({ url: new URL(moto.endpoint) }) });
      await control.send(
        new PutAccountPublicAccessBlockCommand({
          AccountId: MOTO_ACCOUNT,
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
        }),
      );
      part = await runCollectorAgainst(proxy, s3Collector);
    });

    it('emits it as AWS::S3::AccountPublicAccessBlock, keyed by the account', () => {
      const blocks = part.resources.filter((r) => r.type === 'AWS::S3::AccountPublicAccessBlock');
      expect(blocks).toEqual([
        expect.objectContaining({
          id: MOTO_ACCOUNT,
          arn: `arn:aws:s3:us-east-1:${MOTO_ACCOUNT}:AWS::S3::AccountPublicAccessBlock/${MOTO_ACCOUNT}`,
          accountId: MOTO_ACCOUNT,
          region: 'us-east-1',
          configuration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
          supplementaryConfiguration: {},
        }),
      ]);
    });

    it('lets CAFAI-DP-02 judge buckets without a block of their own', async () => {
      const findings = await findingsFor(part);
      expect(finding(findings, 'CAFAI-DP-02', PLAIN)).toMatchObject({ status: 'fail', message: expect.stringContaining('blockPublicPolicy, restrictPublicBuckets are off') });
      expect(finding(findings, 'CAFAI-DP-02', KMS).status).toBe('pass');
    });
  });
});
