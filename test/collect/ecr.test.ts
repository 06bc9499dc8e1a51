import { CreateRepositoryCommand, ECRClient, PutRegistryScanningConfigurationCommand, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecrCollector, repositoryConfiguration } from '../../src/collect/services/ecr.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const publicPull = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'public', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }],
};

describe('ECR collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    const ecr = new ECRClient(moto.clientConfig());
    // Good: immutable tags, scan on push, KMS; bad: mutable, no scanning, a public pull policy.
    await ecr.send(
      new CreateRepositoryCommand({
        repositoryName: 'inference',
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
        tags: [{ Key: 'owner', Value: 'ml' }],
      }),
    );
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'scratch', imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false } }));
    await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'scratch', policyText: JSON.stringify(publicPull) }));
    await ecr.send(
      new PutRegistryScanningConfigurationCommand({ scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] }),
    );
  });
  afterAll(async () => moto?.stop());

  it('emits repositories with Config’s PascalCase configuration, the policy parsed, tags, and the registry scanning fact', async () => {
    const part = await runCollectorAgainst(moto, ecrCollector);
    const inference = part.resources.find((r) => r.id === 'inference')!;
    expect(inference).toMatchObject({
      type: 'AWS::ECR::Repository',
      arn: 'arn:aws:ecr:us-east-1:123456789012:repository/inference',
      name: 'inference',
      tags: { owner: 'ml' },
    });
    expect(inference.configuration).toMatchObject({
      RepositoryName: 'inference',
      Arn: 'arn:aws:ecr:us-east-1:123456789012:repository/inference',
      RepositoryUri: expect.stringContaining('/inference'),
      ImageTagMutability: 'IMMUTABLE',
      ImageScanningConfiguration: { ScanOnPush: true },
      EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      RepositoryPolicyText: null,
    });
    expect(inference.collectionErrors).toBeUndefined();

    const scratch = part.resources.find((r) => r.id === 'scratch')!;
    expect(scratch.configuration).toMatchObject({
      ImageTagMutability: 'MUTABLE',
      ImageScanningConfiguration: { ScanOnPush: false },
      EncryptionConfiguration: { EncryptionType: 'AES256', KmsKey: null },
      RepositoryPolicyText: publicPull,
    });
    expect(scratch.tags).toEqual({});

    expect(part.coverage).toEqual([{ accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::ECR::Repository', status: 'complete' }]);
    expect(part.facts.get('us-east-1')?.facts.ecrRegistryScanning).toEqual({
      registryId: '123456789012',
      scanType: 'ENHANCED',
      rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }],
    });
    // No repository policy is an answer, not a failure.
    expect(part.log.failures()).toEqual([]);
    expect(part.log.records.filter((r) => r.action === 'ecr:GetRepositoryPolicy' && r.absent === 'RepositoryPolicyNotFoundException')).toHaveLength(1);
  });

  it('a denied policy or tag read is a collection error on the repository, not a missing policy', async () => {
    const part = await runCollectorAgainst(moto, { ...ecrCollector, operations: ['ecr:DescribeRepositories', 'ecr:GetRegistryScanningConfiguration'] });
    const scratch = part.resources.find((r) => r.id === 'scratch')!;
    expect(scratch.tags).toBeNull();
    expect(scratch.collectionErrors).toEqual({
      RepositoryPolicyText: expect.stringContaining('ecr:GetRepositoryPolicy'),
      Tags: expect.stringContaining('ecr:ListTagsForResource'),
    });
    expect(part.coverage.map((c) => c.status)).toEqual(['complete']);
  });

  it('a denied DescribeRepositories marks the type failed and the scanning fact unknown', async () => {
    const part = await runCollectorAgainst(moto, { ...ecrCollector, operations: [] });
    expect(part.resources).toEqual([]);
    expect(part.coverage).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringContaining('ecr:DescribeRepositories') })]);
    expect(part.facts.get('us-east-1')?.factErrors.ecrRegistryScanning).toContain('ecr:GetRegistryScanningConfiguration');
  });

  it('maps a real repository (recorded real-shaped response)', () => {
    expect(
      repositoryConfiguration(
        {
          repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/models/llm-server',
          registryId: '123456789012',
          repositoryName: 'models/llm-server',
          repositoryUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/models/llm-server',
          createdAt: new Date('2024-01-02T03:04:05.000Z'),
          imageTagMutability: 'MUTABLE',
          imageScanningConfiguration: { scanOnPush: false },
          encryptionConfiguration: { encryptionType: 'AES256' },
        },
        null,
      ),
    ).toEqual({
      RepositoryName: 'models/llm-server',
      Arn: 'arn:aws:ecr:eu-west-1:123456789012:repository/models/llm-server',
      RepositoryUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/models/llm-server',
      RegistryId: '123456789012',
      ImageTagMutability: 'MUTABLE',
      ImageScanningConfiguration: { ScanOnPush: false },
      EncryptionConfiguration: { EncryptionType: 'AES256', KmsKey: null },
      RepositoryPolicyText: null,
      CreatedAt: '2024-01-02T03:04:05.000Z',
    });
  });
});
