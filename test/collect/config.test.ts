import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_SOURCED_TYPES, configRecorderCollector, configRecorderFact, primaryRecorder } from '../../src/collect/services/config.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const role = 'arn:aws:iam::123456789012:role/aws-config';

describe('AWS Config recorder collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    // Good: records everything, including global types, and is running.
    const east = new ConfigServiceClient(moto.clientConfig('us-east-1'));
    await east.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: role, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }));
    await east.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-bucket' } }));
    await east.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    // Bad: records two types only and was never started.
    const west = new ConfigServiceClient(moto.clientConfig('eu-west-1'));
    await west.send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: { name: 'partial', roleARN: role, recordingGroup: { allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Role'] } },
      }),
    );
  });
  afterAll(async () => moto?.stop());

  it('a recording recorder of all types is the configRecorder fact', async () => {
    const part = await runCollectorAgainst(moto, configRecorderCollector, 'us-east-1');
    // The recorder records everything and the account is empty: every covered type is
    // collected through Config — completely, and with nothing in it.
    expect(part.resources).toEqual([]);
    expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(CONFIG_SOURCED_TYPES.map((t) => `${t}:complete`).sort());
    expect(part.facts.get('us-east-1')).toEqual({
      region: 'us-east-1',
      facts: {
        configRecorder: expect.objectContaining({ name: 'default', recording: true, allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [], lastStatus: 'PENDING' }),
      },
      factErrors: {},
    });
    expect(part.log.failures()).toEqual([]);
  });

  it('a stopped recorder of some types says so', async () => {
    const part = await runCollectorAgainst(moto, configRecorderCollector, 'eu-west-1');
    expect(part.facts.get('eu-west-1')?.facts.configRecorder).toMatchObject({
      name: 'partial',
      recording: false,
      allSupported: false,
      includeGlobalResourceTypes: false,
      resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Role'],
      lastStatus: null,
    });
  });

  it('no recorder is a null fact (an answer), not an error', async () => {
    const part = await runCollectorAgainst(moto, configRecorderCollector, 'us-west-2');
    expect(part.facts.get('us-west-2')).toEqual({ region: 'us-west-2', facts: { configRecorder: null }, factErrors: {} });
  });

  it('a denied listing leaves the fact unknown with the reason', async () => {
    const part = await runCollectorAgainst(moto, { ...configRecorderCollector, operations: [] }, 'us-east-1');
    expect(part.facts.get('us-east-1')?.facts).not.toHaveProperty('configRecorder');
    expect(part.facts.get('us-east-1')?.factErrors.configRecorder).toContain('config:DescribeConfigurationRecorders');
  });

  it('a denied status keeps the recorder with recording unknown, and says why', async () => {
    const part = await runCollectorAgainst(moto, { ...configRecorderCollector, operations: ['config:DescribeConfigurationRecorders'] }, 'us-east-1');
    const slot = part.facts.get('us-east-1')!;
    expect(slot.facts.configRecorder).toMatchObject({ name: 'default', recording: null, lastStatus: null });
    expect(slot.factErrors.configRecorder).toContain('config:DescribeConfigurationRecorderStatus');
  });

  it('prefers the customer-managed recorder over service-linked ones (recorded real-shaped response; moto lacks service-linked recorders)', () => {
    const recorders = [
      { arn: 'arn:aws:config:us-east-1:123456789012:configuration-recorder/AWSConfigurationRecorderForSecurityHub/abc', name: 'AWSConfigurationRecorderForSecurityHub', servicePrincipal: 'securityhub.amazonaws.com', recordingGroup: { allSupported: false, resourceTypes: ['AWS::EC2::Instance' as const] } },
      {
        arn: 'arn:aws:config:us-east-1:123456789012:configuration-recorder/default/def',
        name: 'default',
        roleARN: role,
        recordingGroup: { allSupported: false, includeGlobalResourceTypes: false, exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::NetworkInterface' as const] }, recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' as const } },
        recordingMode: { recordingFrequency: 'CONTINUOUS' as const },
      },
    ];
    const recorder = primaryRecorder(recorders)!;
    expect(recorder.name).toBe('default');
    expect(
      configRecorderFact(recorder, { name: 'default', recording: true, lastStatus: 'Failure', lastErrorCode: 'NoSuchBucket', lastStatusChangeTime: new Date('2024-07-01T00:00:00.000Z') }),
    ).toEqual({
      name: 'default',
      allSupported: false,
      includeGlobalResourceTypes: false,
      resourceTypes: [],
      exclusionResourceTypes: ['AWS::EC2::NetworkInterface'],
      recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES',
      recordingFrequency: 'CONTINUOUS',
      servicePrincipal: null,
      recording: true,
      lastStatus: 'Failure',
      lastErrorCode: 'NoSuchBucket',
      lastStatusChangeTime: '2024-07-01T00:00:00.000Z',
    });
  });
});
