import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectorConfiguration, guarddutyCollector } from '../../src/collect/services/guardduty.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

describe('GuardDuty collector against moto', () => {
  let moto: Moto;
  let enabledId: string;
  let disabledId: string;
  beforeAll(async () => {
    moto = await startMoto();
    const east = new GuardDutyClient(moto.clientConfig('us-east-1'));
    enabledId = (
      await east.send(
        new CreateDetectorCommand({ Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES', DataSources: { S3Logs: { Enable: true } }, Tags: { owner: 'secops' } }),
      )
    ).DetectorId!;
    const west = new GuardDutyClient(moto.clientConfig('eu-west-1'));
    disabledId = (await west.send(new CreateDetectorCommand({ Enable: false }))).DetectorId!;
  });
  afterAll(async () => moto?.stop());

  it('emits an enabled detector shaped like the Config item, with the API fields kept, and the region fact', async () => {
    const part = await runCollectorAgainst(moto, guarddutyCollector, 'us-east-1');
    expect(part.resources).toHaveLength(1);
    const detector = part.resources[0]!;
    expect(detector).toMatchObject({
      type: 'AWS::GuardDuty::Detector',
      id: enabledId,
      arn: `arn:aws:guardduty:us-east-1:123456789012:detector/${enabledId}`,
      region: 'us-east-1',
      tags: { owner: 'secops' },
    });
    expect(detector.configuration).toMatchObject({
      Id: enabledId,
      Enable: true,
      Status: 'ENABLED',
      FindingPublishingFrequency: 'FIFTEEN_MINUTES',
      DataSources: expect.objectContaining({ S3Logs: { Status: 'ENABLED' } }),
    });
    expect(detector.configuration).not.toHaveProperty('Tags');
    expect(part.coverage).toEqual([{ accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::GuardDuty::Detector', status: 'complete' }]);
    expect(part.facts.get('us-east-1')).toEqual({ region: 'us-east-1', facts: { guardDuty: { detectorIds: [enabledId], enabled: true } }, factErrors: {} });
    expect(part.log.failures()).toEqual([]);
  });

  it('reports a suspended detector as Enable false', async () => {
    const part = await runCollectorAgainst(moto, guarddutyCollector, 'eu-west-1');
    expect(part.resources.map((r) => [r.id, r.configuration.Enable, r.configuration.Status])).toEqual([[disabledId, false, 'DISABLED']]);
    expect(part.facts.get('eu-west-1')?.facts.guardDuty).toEqual({ detectorIds: [disabledId], enabled: false });
  });

  it('a region without a detector is completely collected and has none', async () => {
    const part = await runCollectorAgainst(moto, guarddutyCollector, 'us-west-2');
    expect(part.resources).toEqual([]);
    expect(part.coverage.map((c) => c.status)).toEqual(['complete']);
    expect(part.facts.get('us-west-2')?.facts.guardDuty).toEqual({ detectorIds: [], enabled: false });
  });

  it('a denied listing marks the type failed and the fact unknown, never throws', async () => {
    const part = await runCollectorAgainst(moto, { ...guarddutyCollector, operations: [] });
    expect(part.resources).toEqual([]);
    expect(part.coverage).toEqual([expect.objectContaining({ resourceType: 'AWS::GuardDuty::Detector', status: 'failed' })]);
    expect(part.facts.get('us-east-1')?.factErrors.guardDuty).toBeTruthy();
    expect(part.facts.get('us-east-1')?.facts).not.toHaveProperty('guardDuty');
  });

  it('a detector whose GetDetector fails is emitted with its id and the reason', async () => {
    const part = await runCollectorAgainst(moto, { ...guarddutyCollector, operations: ['guardduty:ListDetectors'] });
    expect(part.resources).toEqual([
      expect.objectContaining({ id: enabledId, configuration: { Id: enabledId }, tags: null, collectionErrors: { Detector: expect.stringContaining('guardduty:GetDetector') } }),
    ]);
    expect(part.facts.get('us-east-1')?.facts.guardDuty).toEqual({ detectorIds: [enabledId], enabled: null });
  });

  it('maps a real GetDetector response (Features, all data sources) (recorded real-shaped response; moto lacks Features and DataSources detail)', () => {
    const configuration = detectorConfiguration('12abc34d567e8fa901bc2d34e56789f0', {
      CreatedAt: '2024-02-01T10:11:12.345Z',
      FindingPublishingFrequency: 'SIX_HOURS',
      ServiceRole: 'arn:aws:iam::123456789012:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      Status: 'ENABLED',
      UpdatedAt: '2024-03-01T10:11:12.345Z',
      DataSources: {
        CloudTrail: { Status: 'ENABLED' },
        DNSLogs: { Status: 'ENABLED' },
        FlowLogs: { Status: 'ENABLED' },
        S3Logs: { Status: 'ENABLED' },
        Kubernetes: { AuditLogs: { Status: 'DISABLED' } },
        MalwareProtection: { ScanEc2InstanceWithFindings: { EbsVolumes: { Status: 'DISABLED' } }, ServiceRole: 'arn:aws:iam::123456789012:role/x' },
      },
      Tags: { env: 'prod' },
      Features: [
        { Name: 'CLOUD_TRAIL', Status: 'ENABLED', UpdatedAt: new Date('2024-03-01T10:11:12.000Z') },
        { Name: 'RUNTIME_MONITORING', Status: 'ENABLED', UpdatedAt: new Date('2024-03-01T10:11:12.000Z'), AdditionalConfiguration: [{ Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' }] },
      ],
    });
    expect(configuration).toMatchObject({
      Id: '12abc34d567e8fa901bc2d34e56789f0',
      Enable: true,
      Status: 'ENABLED',
      DataSources: { Kubernetes: { AuditLogs: { Status: 'DISABLED' } } },
      Features: [{ Name: 'CLOUD_TRAIL', Status: 'ENABLED', UpdatedAt: '2024-03-01T10:11:12.000Z' }, expect.objectContaining({ Name: 'RUNTIME_MONITORING' })],
    });
    expect(configuration).not.toHaveProperty('Tags');
  });
});
