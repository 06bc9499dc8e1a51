import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectLive } from '../../src/collect/run-collection.js';
import { recordedTypes } from '../../src/collect/services/config.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { motoEnv, startMoto, type Moto } from '../helpers/moto.js';
import { startMotoProxy } from '../helpers/moto-proxy.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

describe('AWS Config as the source where a recorder records (against moto)', () => {
  let moto: Moto;
  /** moto in front of which BatchGetResourceConfig's timestamps are rewritten to epoch seconds. */
  let proxied: Moto;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    Object.assign(process.env, motoEnv(moto));
    const s3 = new S3Client(moto.clientConfig());
    await s3.send(new CreateBucketCommand({ Bucket: 'cfg-bucket' }));
    await s3.send(new PutBucketEncryptionCommand({ Bucket: 'cfg-bucket', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'cfg-bucket', Tagging: { TagSet: [{ Key: 'data-classification', Value: 'internal' }] } }));
    const iam = new IAMClient(moto.clientConfig());
    await iam.send(new CreateRoleCommand({ RoleName: 'cfg-role', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'cfg-role', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    const config = new ConfigServiceClient(moto.clientConfig());
    await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }));
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'cfg-bucket' } }));
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    // moto 5.2 writes the items' timestamps as strings, which the SDK cannot read; AWS sends
    // epoch seconds. Rewrite just those fields; the rest of moto's answer is passed on as is.
    proxied = await startMotoProxy(moto, async (req, forward) => {
      if (req.target !== 'StarlingDoveService.BatchGetResourceConfig') return undefined;
      const reply = await forward();
      const body = JSON.parse(reply.body) as { baseConfigurationItems?: Array<Record<string, unknown>> };
      for (const item of body.baseConfigurationItems ?? []) {
        for (const key of ['configurationItemCaptureTime', 'resourceCreationTime', 'configurationItemDeliveryTime']) {
          if (typeof item[key] === 'string') item[key] = Date.parse(item[key] as string) / 1000;
        }
      }
      return { ...reply, body: JSON.stringify(body) };
    });
  });
  afterAll(async () => {
    process.env = saved;
    await proxied?.stop();
    await moto?.stop();
  });

  it('collects recorded types with ListDiscoveredResources + BatchGetResourceConfig and skips the services\' own calls for them', async () => {
    const live = await collectLive({ endpoint: proxied.endpoint, regions: ['us-east-1'] });
    const actions = live.calls.records.map((r) => r.action);
    expect(actions).toContain('config:ListDiscoveredResources');
    expect(actions).toContain('config:BatchGetResourceConfig');
    // The bucket came from Config: none of S3's per-bucket reads were made.
    expect(actions).not.toContain('s3:GetBucketEncryption');
    expect(actions).not.toContain('s3:GetBucketPolicy');

    const bucket = live.inventory.resources.find((r) => r.type === 'AWS::S3::Bucket' && r.id === 'cfg-bucket')!;
    expect(bucket.capturedAt).not.toBeNull(); // Config's capture time: it is a Config item
    expect(bucket.tags).toEqual({ 'data-classification': 'internal' });
    const role = live.inventory.resources.filter((r) => r.type === 'AWS::IAM::Role' && r.name === 'cfg-role');
    expect(role).toHaveLength(1);
    expect(role[0]!.capturedAt).not.toBeNull();
    // Config does not record last-accessed data: the IAM collector's report, or why it could not
    // be read, is added to Config's role rather than thrown away with the live copy.
    // moto has no access advisor, so here it is the reason (tests of the report itself: iam.test.ts).
    expect(actions).toContain('iam:GenerateServiceLastAccessedDetails');
    expect(role[0]!.collectionErrors).toEqual({ ServiceLastAccessed: expect.stringMatching(/^iam:GenerateServiceLastAccessedDetails failed/) });
    expect(live.inventory.resources.find((r) => r.type === 'AWS::::Account')?.configuration.configRecorder).toMatchObject({ recording: true, allSupported: true });

    const findings = makeFindings(await evaluateInventory(live.inventory, { bundle: loadPolicyBundle(), scanTime: new Date(), allResources: true }), live.inventory.coverage);
    const status = (control: string, id: string) => findings.find((f) => f.controlId === control && f.resource.id === id)?.status;
    // moto's Config item for S3 leaves out ServerSideEncryptionConfiguration (AWS Config records
    // it): the control says it lacks the data — never a pass, never a guess.
    expect(status('CAFAI-DP-01', 'cfg-bucket')).toBe('not_evaluated');
    expect(status('CAFAI-SG-02', 'cfg-bucket')).toBe('pass');
    expect(status('CAFAI-IAM-01', role[0]!.id)).toBe('fail');
    const stale = findings.find((f) => f.controlId === 'CAFAI-IAM-84' && f.resource.id === role[0]!.id);
    expect(stale).toMatchObject({ status: 'not_evaluated', message: expect.stringContaining("the principal's service last-accessed data could not be read: iam:GenerateServiceLastAccessedDetails failed") });
  });

  it('claims only the covered types the recorder records', () => {
    expect(recordedTypes({ recording: true, allSupported: true, includeGlobalResourceTypes: false, resourceTypes: [], exclusionResourceTypes: ['AWS::KMS::Key'] })).not.toEqual(expect.arrayContaining(['AWS::IAM::Role']));
    expect(recordedTypes({ recording: true, allSupported: true, includeGlobalResourceTypes: false, resourceTypes: [], exclusionResourceTypes: ['AWS::KMS::Key'] })).not.toContain('AWS::KMS::Key');
    expect(recordedTypes({ recording: true, allSupported: false, resourceTypes: ['AWS::S3::Bucket', 'AWS::SNS::Topic'], exclusionResourceTypes: [] })).toEqual(['AWS::S3::Bucket']);
  });
});
