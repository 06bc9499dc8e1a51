import { AddTagsCommand, CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudtrailCollector } from '../../src/collect/services/cloudtrail.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, MOTO_ACCOUNT, type Moto } from '../helpers/moto.js';
import { jsonError, startMotoProxy } from '../helpers/moto-proxy.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

const LOGS = 'cafscan-trail-logs';
const arnOf = (region: string, name: string) => `arn:aws:cloudtrail:${region}:${MOTO_ACCOUNT}:trail/${name}`;
const GOOD = arnOf('us-east-1', 'audit-everywhere');
const BAD = arnOf('us-east-1', 'local-only');
const EU = arnOf('eu-west-1', 'eu-data-events');
const KEY = `arn:aws:kms:us-east-1:${MOTO_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
const LOG_GROUP = `arn:aws:logs:us-east-1:${MOTO_ACCOUNT}:log-group:cloudtrail:*`;
const LOG_ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/cloudtrail-to-logs`;

describe('CloudTrail collector against moto', () => {
  let moto: Moto;
  let proxy: Moto;
  let east: Awaited<ReturnType<typeof runCollectorAgainst>>;
  let eu: Awaited<ReturnType<typeof runCollectorAgainst>>;
  const trail = (arn: string): InventoryResource => {
    const found = [...east.resources, ...eu.resources].find((r) => r.arn === arn);
    if (!found) throw new Error(`trail ${arn} not collected`);
    return found;
  };

  beforeAll(async () => {
    moto = await startMoto();
    // The EU trail's logging status is denied, as CloudTrail does without cloudtrail:GetTrailStatus on it.
    proxy = await startMotoProxy(moto, (req) =>
      req.target.endsWith('.GetTrailStatus') && (JSON.parse(req.body) as { Name?: string }).Name === EU ? jsonError('AccessDeniedException') : undefined,
    );
    await new S3Client(moto.clientConfig()).send(new CreateBucketCommand({ Bucket: LOGS }));
    const ct = new CloudTrailClient(moto.clientConfig());
    const ctEu = new CloudTrailClient(moto.clientConfig('eu-west-1'));

    await ct.send(
      new CreateTrailCommand({
        Name: 'audit-everywhere',
        S3BucketName: LOGS,
        S3KeyPrefix: 'audit',
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        EnableLogFileValidation: true,
        KmsKeyId: KEY,
        CloudWatchLogsLogGroupArn: LOG_GROUP,
        CloudWatchLogsRoleArn: LOG_ROLE,
        TagsList: [{ Key: 'owner', Value: 'security' }],
      }),
    );
    await ct.send(new StartLoggingCommand({ Name: 'audit-everywhere' }));
    await ct.send(
      new PutEventSelectorsCommand({
        TrailName: 'audit-everywhere',
        EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::training-data/'] }] }],
      }),
    );
    await ct.send(new CreateTrailCommand({ Name: 'local-only', S3BucketName: LOGS, IsMultiRegionTrail: false, EnableLogFileValidation: false }));
    await ct.send(
      new PutEventSelectorsCommand({
        TrailName: 'local-only',
        AdvancedEventSelectors: [{ Name: 'S3 writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }],
      }),
    );
    await ctEu.send(new CreateTrailCommand({ Name: 'eu-data-events', S3BucketName: LOGS, IsMultiRegionTrail: false }));
    await ctEu.send(new AddTagsCommand({ ResourceId: EU, TagsList: [{ Key: 'data-classification', Value: 'internal' }] }));

    east = await runCollectorAgainst(proxy, cloudtrailCollector, 'us-east-1');
    eu = await runCollectorAgainst(proxy, cloudtrailCollector, 'eu-west-1');
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('reports each trail once, in its home region', () => {
    expect(east.resources.map((r) => r.arn).sort()).toEqual([GOOD, BAD].sort());
    // The multi-region trail reaches eu-west-1 too, but is reported only where it lives.
    expect(eu.resources.map((r) => r.arn)).toEqual([EU]);
    expect(trail(GOOD)).toMatchObject({ type: 'AWS::CloudTrail::Trail', id: 'audit-everywhere', name: 'audit-everywhere', region: 'us-east-1', accountId: MOTO_ACCOUNT });
    expect(trail(EU).region).toBe('eu-west-1');
    expect(east.coverage).toEqual([{ accountId: MOTO_ACCOUNT, region: 'us-east-1', resourceType: 'AWS::CloudTrail::Trail', status: 'complete' }]);
    expect(eu.coverage).toEqual([{ accountId: MOTO_ACCOUNT, region: 'eu-west-1', resourceType: 'AWS::CloudTrail::Trail', status: 'complete' }]);
  });

  it('records the trail configuration the way AWS Config does', () => {
    expect(trail(GOOD).configuration).toEqual({
      name: 'audit-everywhere',
      trailARN: GOOD,
      homeRegion: 'us-east-1',
      s3BucketName: LOGS,
      s3KeyPrefix: 'audit',
      snsTopicName: null,
      snsTopicARN: null,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
      logFileValidationEnabled: true,
      kmsKeyId: KEY,
      cloudWatchLogsLogGroupArn: LOG_GROUP,
      cloudWatchLogsRoleArn: LOG_ROLE,
      // AWS says true once event selectors are put; moto 5.2.1 keeps answering false.
      hasCustomEventSelectors: expect.any(Boolean),
      hasInsightSelectors: false,
    });
    expect(trail(BAD).configuration).toMatchObject({ isMultiRegionTrail: false, logFileValidationEnabled: false, cloudWatchLogsLogGroupArn: null, kmsKeyId: null, s3KeyPrefix: null });
    expect(trail(GOOD).tags).toEqual({ owner: 'security' });
    expect(trail(BAD).tags).toEqual({});
    expect(trail(EU).tags).toEqual({ 'data-classification': 'internal' });
  });

  it('adds logging status and event selectors in camelCase', () => {
    expect(trail(GOOD).supplementaryConfiguration.TrailStatus).toMatchObject({ isLogging: true, startLoggingTime: expect.stringMatching(/^\d{4}-/) });
    expect(trail(BAD).supplementaryConfiguration.TrailStatus).toMatchObject({ isLogging: false });
    expect(trail(GOOD).supplementaryConfiguration.EventSelectors).toEqual([
      // (AWS also answers excludeManagementEventSources: []; moto leaves it out.)
      expect.objectContaining({ readWriteType: 'All', includeManagementEvents: true, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::training-data/'] }] }),
    ]);
    expect(trail(BAD).supplementaryConfiguration.AdvancedEventSelectors).toEqual([
      { name: 'S3 writes', fieldSelectors: [expect.objectContaining({ field: 'eventCategory', equals: ['Data'] }), expect.objectContaining({ field: 'resources.type', equals: ['AWS::S3::Object'] })] },
    ]);
    expect(trail(GOOD).collectionErrors).toBeUndefined();
  });

  it('leaves out a logging status it could not read and says why', () => {
    expect(trail(EU).supplementaryConfiguration).not.toHaveProperty('TrailStatus');
    expect(trail(EU).collectionErrors).toEqual({ TrailStatus: 'cloudtrail:GetTrailStatus was denied (AccessDeniedException)' });
  });

  it('gives the CloudTrail controls what they need', async () => {
    const inventory = buildInventory([{ source: 'live', resources: [...east.resources, ...eu.resources], coverage: [...east.coverage, ...eu.coverage] }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
    const of = (controlId: string, arn: string) => findings.find((f) => f.controlId === controlId && f.resource.arn === arn);
    // CAFAI-SA-02: log file validation.
    expect(of('CAFAI-SA-02', GOOD)?.status).toBe('pass');
    expect(of('CAFAI-SA-02', BAD)).toMatchObject({ status: 'fail', message: 'CloudTrail trail local-only does not have log file validation enabled.' });
    // CAFAI-IR-02: delivery to CloudWatch Logs.
    expect(of('CAFAI-IR-02', GOOD)?.status).toBe('pass');
    expect(of('CAFAI-IR-02', BAD)?.status).toBe('fail');
    // CAFAI-DP-21: log files encrypted with a KMS key (DescribeTrails KmsKeyId).
    expect(of('CAFAI-DP-21', GOOD)?.status).toBe('pass');
    expect(of('CAFAI-DP-21', BAD)).toMatchObject({ status: 'fail', message: 'CloudTrail trail local-only does not encrypt its log files with a KMS key.' });
    // CAFAI-SA-01: the multi-region trail counts for every region of the account.
    expect(of('CAFAI-SA-01', `arn:aws::us-east-1:${MOTO_ACCOUNT}:account`)?.status).toBe('pass');
    expect(of('CAFAI-SA-01', `arn:aws::eu-west-1:${MOTO_ACCOUNT}:account`)?.status).toBe('pass');
  });

  it('notes the multi-region trails homed elsewhere, so a scan of one region does not fail CAFAI-SA-01 for a trail it cannot see', async () => {
    expect(eu.facts.get('eu-west-1')?.facts.cloudtrailMultiRegionTrailsFromOtherRegions).toEqual({ trails: [{ trailARN: GOOD, name: 'audit-everywhere', homeRegion: 'us-east-1' }] });
    expect(east.facts.get('us-east-1')?.facts.cloudtrailMultiRegionTrailsFromOtherRegions).toEqual({ trails: [] });
    // Only eu-west-1 scanned: the trail that covers it lives in us-east-1.
    const inventory = buildInventory([{ source: 'live', resources: eu.resources, coverage: eu.coverage }]);
    // As run-collection does: the region's facts go on its account resource.
    const account = inventory.resources.find((r) => r.type === 'AWS::::Account' && r.region === 'eu-west-1');
    Object.assign(account?.configuration ?? {}, eu.facts.get('eu-west-1')?.facts);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
    const sa01 = findings.find((f) => f.controlId === 'CAFAI-SA-01' && f.resource.arn === `arn:aws::eu-west-1:${MOTO_ACCOUNT}:account`);
    expect(sa01).toMatchObject({ status: 'not_evaluated', message: expect.stringContaining('multi-region trail audit-everywhere (home region us-east-1) covers this region but is not in the inventory') });
  });

  it('CAFAI-SA-01 needs the multi-region trail to be logging and to record management events', async () => {
    const sa01 = async (change: (good: InventoryResource) => InventoryResource) => {
      const resources = [...east.resources, ...eu.resources].map((r) => (r.arn === GOOD ? change(structuredClone(r)) : r));
      const inventory = buildInventory([{ source: 'live', resources, coverage: [...east.coverage, ...eu.coverage] }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
      return findings.find((f) => f.controlId === 'CAFAI-SA-01' && f.resource.arn === `arn:aws::us-east-1:${MOTO_ACCOUNT}:account`);
    };
    const stopped = await sa01((r) => ({ ...r, supplementaryConfiguration: { ...r.supplementaryConfiguration, TrailStatus: { isLogging: false } } }));
    expect(stopped).toMatchObject({ status: 'fail', message: expect.stringContaining('are not logging: audit-everywhere') });
    const noManagement = await sa01((r) => ({ ...r, supplementaryConfiguration: { ...r.supplementaryConfiguration, EventSelectors: [{ readWriteType: 'All', includeManagementEvents: false, dataResources: [] }] } }));
    expect(noManagement?.status).toBe('fail');
    const statusDenied = await sa01((r) => {
      const { TrailStatus: _, ...rest } = r.supplementaryConfiguration;
      return { ...r, supplementaryConfiguration: rest, collectionErrors: { TrailStatus: 'cloudtrail:GetTrailStatus was denied (AccessDeniedException)' } };
    });
    expect(statusDenied?.status).toBe('not_evaluated');
  });
});
