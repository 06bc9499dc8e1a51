import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import type { JsonObject, JsonValue } from '../../json.js';
import type { Collector } from '../collector.js';
import { policyDocument, tagMap, toJsonObject } from '../shape.js';

const REPOSITORY = 'AWS::ECR::Repository';

/**
 * ECR: repositories (where model and inference containers come from) with their repository
 * policy and tags, shaped like Config's / CloudFormation's AWS::ECR::Repository (PascalCase,
 * `RepositoryPolicyText` parsed). The registry's scanning configuration (basic or enhanced
 * scanning, which decides whether a repository's ScanOnPush matters) is a regional fact.
 */
export const ecrCollector: Collector = {
  service: 'ecr',
  scope: 'regional',
  operations: ['ecr:DescribeRepositories', 'ecr:GetRepositoryPolicy', 'ecr:ListTagsForResource', 'ecr:GetRegistryScanningConfiguration'],
  resourceTypes: [REPOSITORY],
  async collect(ctx) {
    const ecr = ctx.client(ECRClient);
    const repositories = await ctx.listAll<Repository>([REPOSITORY], async (token) => {
      const page = await ecr.send(new DescribeRepositoriesCommand({ nextToken: token, maxResults: 1000 }));
      return { items: page.repositories, next: page.nextToken };
    });

    await ctx.each(repositories.items, async (repository) => {
      const name = repository.repositoryName;
      if (!name) return;
      const collectionErrors: Record<string, string> = {};
      const [policy, tagged] = await Promise.all([
        ctx.call(() => ecr.send(new GetRepositoryPolicyCommand({ repositoryName: name, registryId: repository.registryId })), { absentOn: ['RepositoryPolicyNotFoundException'] }),
        repository.repositoryArn ? ctx.call(() => ecr.send(new ListTagsForResourceCommand({ resourceArn: repository.repositoryArn }))) : Promise.resolve(undefined),
      ]);
      let policyText: JsonValue = null;
      if (policy.status === 'ok') policyText = policyDocument(policy.output.policyText);
      else if (policy.status === 'failed') collectionErrors.RepositoryPolicyText = policy.failure.reason;
      let tags: Record<string, string> | null = null;
      if (tagged?.status === 'ok') tags = tagMap(tagged.output.tags);
      else if (tagged?.status === 'failed') collectionErrors.Tags = tagged.failure.reason;
      ctx.emit({
        type: REPOSITORY,
        id: name,
        arn: repository.repositoryArn ?? `arn:${ctx.partition}:ecr:${ctx.region}:${ctx.accountId}:repository/${name}`,
        name,
        configuration: repositoryConfiguration(repository, policyText),
        tags,
        collectionErrors,
      });
    });

    const scanning = await ctx.call(() => ecr.send(new GetRegistryScanningConfigurationCommand({})));
    if (scanning.status === 'ok') {
      ctx.fact('ecrRegistryScanning', { registryId: scanning.output.registryId ?? ctx.accountId, ...toJsonObject(scanning.output.scanningConfiguration) });
    } else {
      ctx.fact('ecrRegistryScanning', null, scanning.status === 'failed' ? scanning.failure.reason : `ecr:GetRegistryScanningConfiguration answered ${scanning.code}`);
    }
  },
};

/** A repository as Config / CloudFormation record it; `policyText` is the parsed repository policy or null for none. */
export function repositoryConfiguration(repository: Repository, policyText: JsonValue): JsonObject {
  const encryption = repository.encryptionConfiguration;
  return {
    RepositoryName: repository.repositoryName ?? null,
    Arn: repository.repositoryArn ?? null,
    RepositoryUri: repository.repositoryUri ?? null,
    RegistryId: repository.registryId ?? null,
    ImageTagMutability: repository.imageTagMutability ?? null,
    ImageScanningConfiguration: { ScanOnPush: repository.imageScanningConfiguration?.scanOnPush ?? false },
    EncryptionConfiguration: encryption ? { EncryptionType: encryption.encryptionType ?? null, KmsKey: encryption.kmsKey ?? null } : null,
    RepositoryPolicyText: policyText,
    CreatedAt: repository.createdAt?.toISOString() ?? null,
  };
}
