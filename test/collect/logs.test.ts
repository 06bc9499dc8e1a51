import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logGroupConfiguration, logsCollector } from '../../src/collect/services/logs.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('CloudWatch Logs collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    const logs = new CloudWatchLogsClient(moto.clientConfig());
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/bedrock/invocations', kmsKeyId: key }));
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/aws/bedrock/invocations', retentionInDays: 365 }));
    // 55 more: DescribeLogGroups returns at most 50 per page.
    for (let i = 0; i < 55; i++) await logs.send(new CreateLogGroupCommand({ logGroupName: `/aws/lambda/fn-${i}` }));
  });
  afterAll(async () => moto?.stop());

  it('emits every log group across pages with retention and KMS key; tags are unknown (null)', async () => {
    const part = await runCollectorAgainst(moto, logsCollector);
    expect(part.resources).toHaveLength(56);
    expect(part.log.records.filter((r) => r.action === 'logs:DescribeLogGroups')).toHaveLength(2);
    const bedrock = part.resources.find((r) => r.id === '/aws/bedrock/invocations')!;
    expect(bedrock).toMatchObject({
      type: 'AWS::Logs::LogGroup',
      arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock/invocations:*',
      name: '/aws/bedrock/invocations',
      tags: null,
    });
    expect(bedrock.configuration).toMatchObject({
      LogGroupName: '/aws/bedrock/invocations',
      Arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock/invocations:*',
      KmsKeyId: key,
      RetentionInDays: 365,
    });
    const lambda = part.resources.find((r) => r.id === '/aws/lambda/fn-0')!;
    expect(lambda.configuration).toMatchObject({ KmsKeyId: null, RetentionInDays: null });
    expect(part.coverage).toEqual([{ accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::Logs::LogGroup', status: 'complete' }]);
    expect(part.log.failures()).toEqual([]);
  });

  it('a denied DescribeLogGroups marks the type failed', async () => {
    const part = await runCollectorAgainst(moto, { ...logsCollector, operations: [] });
    expect(part.resources).toEqual([]);
    expect(part.coverage).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringContaining('logs:DescribeLogGroups') })]);
  });

  it('maps a real log group with data protection and a log class (recorded real-shaped response; moto lacks dataProtectionStatus and logGroupClass)', () => {
    expect(
      logGroupConfiguration({
        logGroupName: '/aws/sagemaker/Endpoints/llm',
        creationTime: 1714982400000,
        retentionInDays: 90,
        metricFilterCount: 0,
        arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/llm:*',
        storedBytes: 123456,
        kmsKeyId: key,
        dataProtectionStatus: 'ACTIVATED',
        logGroupClass: 'STANDARD',
        logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/llm',
        deletionProtectionEnabled: false,
      }),
    ).toEqual({
      LogGroupName: '/aws/sagemaker/Endpoints/llm',
      Arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/llm:*',
      LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/llm',
      KmsKeyId: key,
      RetentionInDays: 90,
      DataProtectionStatus: 'ACTIVATED',
      LogGroupClass: 'STANDARD',
      DeletionProtectionEnabled: false,
      CreationTime: '2024-05-06T08:00:00.000Z',
    });
  });
});
