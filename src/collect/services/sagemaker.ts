import {
  DescribeDomainCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeFeatureGroupCommand,
  DescribeInferenceExperimentCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  DescribeMonitoringScheduleCommand,
  DescribeNotebookInstanceCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  GetModelPackageGroupPolicyCommand,
  ListDomainsCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListFeatureGroupsCommand,
  ListInferenceExperimentsCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  ListModelsCommand,
  ListMonitoringSchedulesCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  SageMakerClient,
  type DescribeDomainCommandOutput,
  type DescribeEndpointCommandOutput,
  type DescribeEndpointConfigCommandOutput,
  type DescribeFeatureGroupCommandOutput,
  type DescribeInferenceExperimentCommandOutput,
  type DescribeModelCommandOutput,
  type DescribeModelPackageCommandOutput,
  type DescribeModelPackageGroupCommandOutput,
  type DescribeMonitoringScheduleCommandOutput,
  type DescribeNotebookInstanceCommandOutput,
  type DescribeProcessingJobCommandOutput,
  type DescribeTrainingJobCommandOutput,
  type DescribeTransformJobCommandOutput,
  type DomainDetails,
  type EndpointConfigSummary,
  type EndpointSummary,
  type FeatureGroupSummary,
  type InferenceExperimentSummary,
  type ModelPackageGroupSummary,
  type ModelPackageSummary,
  type ModelSummary,
  type MonitoringScheduleSummary,
  type NotebookInstanceSummary,
  type ProcessingJobSummary,
  type Tag,
  type TrainingJobSummary,
  type TransformJobSummary,
} from '@aws-sdk/client-sagemaker';
import { decodePolicyDocument } from '../../inventory/decode.js';
import type { JsonObject, JsonValue } from '../../json.js';
import { callRecordOf } from '../aws-clients.js';
import type { Collector, CollectorContext, ResourceDraft } from '../collector.js';
import { errorCode } from '../errors.js';
import { paginate as paginateList, stoppedReason, type PageOf } from '../paginate.js';
import { tagMap, toJsonObject } from '../shape.js';
import { lifecycleConfigReader } from './sagemaker-lifecycle.js';

export const SAGEMAKER_TYPES = {
  notebookInstance: 'AWS::SageMaker::NotebookInstance',
  model: 'AWS::SageMaker::Model',
  endpointConfig: 'AWS::SageMaker::EndpointConfig',
  endpoint: 'AWS::SageMaker::Endpoint',
  trainingJob: 'AWS::SageMaker::TrainingJob',
  modelPackageGroup: 'AWS::SageMaker::ModelPackageGroup',
  modelPackage: 'AWS::SageMaker::ModelPackage',
  monitoringSchedule: 'AWS::SageMaker::MonitoringSchedule',
  domain: 'AWS::SageMaker::Domain',
  // Not an AWS Config type: only the live collector (and inventory.json) carries processing jobs.
  processingJob: 'AWS::SageMaker::ProcessingJob',
  // Not an AWS Config type either: batch transform jobs come from the live collector only.
  transformJob: 'AWS::SageMaker::TransformJob',
  // Recorded by AWS Config too, with DescribeFeatureGroup's property names (OfflineStoreConfig…).
  featureGroup: 'AWS::SageMaker::FeatureGroup',
  // Not an AWS Config type: shadow-test inference experiments come from the live collector only.
  inferenceExperiment: 'AWS::SageMaker::InferenceExperiment',
} as const;

/** Training, processing and transform jobs are collected for this many days back (see `collectSageMaker`). */
export const TRAINING_JOB_WINDOW_DAYS = 90;

export interface SageMakerCollectorOptions {
  /** MaxResults of every List call (1–100; the APIs' maximum by default). Tests make it small to force pagination. */
  pageSize?: number;
  /** The clock the training-job window is measured from. */
  now?: () => Date;
}

/** A resource as Describe* (or, when Describe failed, List*) returned it, before tags. */
export type Draft = Omit<ResourceDraft, 'tags' | 'collectionErrors'>;

/** The SageMaker client, or anything with its `send` (tests inject recorded responses). */
export type SageMakerApi = Pick<SageMakerClient, 'send'>;

/**
 * SageMaker AI: notebook instances, models, endpoint configurations, endpoints, training jobs,
 * model package groups and packages, monitoring schedules, Studio domains, processing and batch transform jobs, Feature Store feature groups, inference experiments. Each resource is
 * listed (to the last page), described and its tags read, with bounded concurrency. The
 * configuration is the Describe* output as-is: its PascalCase keys are the ones AWS Config
 * records for the SageMaker types (DirectInternetAccess, RootAccess, KmsKeyId, DataCaptureConfig…),
 * so controls read live and Config data alike.
 *
 * Partial answers stay visible: a failed Describe still emits what List returned, with
 * collectionErrors.configuration; a failed ListTags leaves tags null (unknown, not "none") with
 * collectionErrors.Tags; a failed List marks the type failed in coverage.
 */
export function createSageMakerCollector(options: SageMakerCollectorOptions = {}): Collector {
  return {
    service: 'sagemaker',
    scope: 'regional',
    operations: [
      'sagemaker:ListNotebookInstances',
      'sagemaker:DescribeNotebookInstance',
      'sagemaker:DescribeNotebookInstanceLifecycleConfig',
      'sagemaker:ListModels',
      'sagemaker:DescribeModel',
      'sagemaker:ListEndpointConfigs',
      'sagemaker:DescribeEndpointConfig',
      'sagemaker:ListEndpoints',
      'sagemaker:DescribeEndpoint',
      'sagemaker:ListTrainingJobs',
      'sagemaker:DescribeTrainingJob',
      'sagemaker:ListModelPackageGroups',
      'sagemaker:DescribeModelPackageGroup',
      'sagemaker:GetModelPackageGroupPolicy',
      'sagemaker:ListModelPackages',
      'sagemaker:DescribeModelPackage',
      'sagemaker:ListMonitoringSchedules',
      'sagemaker:DescribeMonitoringSchedule',
      'sagemaker:ListDomains',
      'sagemaker:DescribeDomain',
      'sagemaker:ListProcessingJobs',
      'sagemaker:DescribeProcessingJob',
      'sagemaker:ListTransformJobs',
      'sagemaker:DescribeTransformJob',
      'sagemaker:ListFeatureGroups',
      'sagemaker:DescribeFeatureGroup',
      'sagemaker:ListInferenceExperiments',
      'sagemaker:DescribeInferenceExperiment',
      'sagemaker:ListTags',
    ],
    resourceTypes: Object.values(SAGEMAKER_TYPES),
    async collect(ctx) {
      await collectSageMaker(ctx, ctx.client(SageMakerClient), options);
    },
  };
}

export const sagemakerCollector: Collector = createSageMakerCollector();

/** Collects every SageMaker type through `api` (the context's client, or a test double). */
export async function collectSageMaker(ctx: CollectorContext, api: SageMakerApi, options: SageMakerCollectorOptions = {}): Promise<void> {
  const MaxResults = Math.min(Math.max(options.pageSize ?? 100, 1), 100);
  const now = options.now?.() ?? new Date();
  const T = SAGEMAKER_TYPES;
  const lifecycleConfig = lifecycleConfigReader(ctx, api);

  await Promise.all([
    listAndDescribe<NotebookInstanceSummary, DescribeNotebookInstanceCommandOutput>(ctx, api, {
      type: T.notebookInstance,
      list: async (NextToken) => {
        const page = await api.send(new ListNotebookInstancesCommand({ NextToken, MaxResults }));
        return { items: page.NotebookInstances, next: page.NextToken };
      },
      arn: (s) => s.NotebookInstanceArn,
      describe: (s) => api.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: s.NotebookInstanceName })),
      draft: notebookInstanceDraft,
      // The lifecycle configuration's scripts, reduced to what the secret checks read
      // (configuration.LifecycleConfig, see sagemaker-lifecycle.ts); AWS Config does not record them.
      extra: async (draft, errors) => {
        const name = draft.configuration.NotebookInstanceLifecycleConfigName;
        if (typeof name !== 'string' || name === '') return;
        const read = await lifecycleConfig(name);
        if ('failure' in read) errors.LifecycleConfig = read.failure;
        else draft.configuration.LifecycleConfig = read.facts;
      },
    }),
    listAndDescribe<ModelSummary, DescribeModelCommandOutput>(ctx, api, {
      type: T.model,
      list: async (NextToken) => {
        const page = await api.send(new ListModelsCommand({ NextToken, MaxResults }));
        return { items: page.Models, next: page.NextToken };
      },
      arn: (s) => s.ModelArn,
      describe: (s) => api.send(new DescribeModelCommand({ ModelName: s.ModelName })),
      draft: modelDraft,
    }),
    listAndDescribe<EndpointConfigSummary, DescribeEndpointConfigCommandOutput>(ctx, api, {
      type: T.endpointConfig,
      list: async (NextToken) => {
        const page = await api.send(new ListEndpointConfigsCommand({ NextToken, MaxResults }));
        return { items: page.EndpointConfigs, next: page.NextToken };
      },
      arn: (s) => s.EndpointConfigArn,
      describe: (s) => api.send(new DescribeEndpointConfigCommand({ EndpointConfigName: s.EndpointConfigName })),
      draft: endpointConfigDraft,
    }),
    listAndDescribe<EndpointSummary, DescribeEndpointCommandOutput>(ctx, api, {
      type: T.endpoint,
      list: async (NextToken) => {
        const page = await api.send(new ListEndpointsCommand({ NextToken, MaxResults }));
        return { items: page.Endpoints, next: page.NextToken };
      },
      arn: (s) => s.EndpointArn,
      describe: (s) => api.send(new DescribeEndpointCommand({ EndpointName: s.EndpointName })),
      draft: endpointDraft,
    }),
    // Only training jobs created in the last 90 days: accounts accumulate thousands of finished
    // jobs, each needing its own Describe, and old ones say little about today's posture.
    // "Complete" coverage of AWS::SageMaker::TrainingJob therefore means complete for that window.
    listAndDescribe<TrainingJobSummary, DescribeTrainingJobCommandOutput>(ctx, api, {
      type: T.trainingJob,
      list: async (NextToken) => {
        const CreationTimeAfter = new Date(now.getTime() - TRAINING_JOB_WINDOW_DAYS * 24 * 3600 * 1000);
        const page = await api.send(new ListTrainingJobsCommand({ NextToken, MaxResults, CreationTimeAfter }));
        return { items: page.TrainingJobSummaries, next: page.NextToken };
      },
      arn: (s) => s.TrainingJobArn,
      describe: (s) => api.send(new DescribeTrainingJobCommand({ TrainingJobName: s.TrainingJobName })),
      draft: trainingJobDraft,
    }),
    // The same window as training jobs, for the same reason: processing jobs pile up by the
    // thousand (every pipeline run adds some) and each needs its own Describe.
    listAndDescribe<ProcessingJobSummary, DescribeProcessingJobCommandOutput>(ctx, api, {
      type: T.processingJob,
      list: async (NextToken) => {
        const CreationTimeAfter = new Date(now.getTime() - TRAINING_JOB_WINDOW_DAYS * 24 * 3600 * 1000);
        const page = await api.send(new ListProcessingJobsCommand({ NextToken, MaxResults, CreationTimeAfter }));
        return { items: page.ProcessingJobSummaries, next: page.NextToken };
      },
      arn: (s) => s.ProcessingJobArn,
      describe: (s) => api.send(new DescribeProcessingJobCommand({ ProcessingJobName: s.ProcessingJobName })),
      draft: processingJobDraft,
    }),
    listAndDescribe<TransformJobSummary, DescribeTransformJobCommandOutput>(ctx, api, {
      type: T.transformJob,
      list: async (NextToken) => {
        const CreationTimeAfter = new Date(now.getTime() - TRAINING_JOB_WINDOW_DAYS * 24 * 3600 * 1000);
        const page = await api.send(new ListTransformJobsCommand({ NextToken, MaxResults, CreationTimeAfter }));
        return { items: page.TransformJobSummaries, next: page.NextToken };
      },
      arn: (s) => s.TransformJobArn,
      describe: (s) => api.send(new DescribeTransformJobCommand({ TransformJobName: s.TransformJobName })),
      draft: transformJobDraft,
    }),
    collectModelRegistry(ctx, api, MaxResults),
    listAndDescribe<MonitoringScheduleSummary, DescribeMonitoringScheduleCommandOutput>(ctx, api, {
      type: T.monitoringSchedule,
      list: async (NextToken) => {
        const page = await api.send(new ListMonitoringSchedulesCommand({ NextToken, MaxResults }));
        return { items: page.MonitoringScheduleSummaries, next: page.NextToken };
      },
      arn: (s) => s.MonitoringScheduleArn,
      describe: (s) => api.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: s.MonitoringScheduleName })),
      draft: monitoringScheduleDraft,
    }),
    listAndDescribe<DomainDetails, DescribeDomainCommandOutput>(ctx, api, {
      type: T.domain,
      list: async (NextToken) => {
        const page = await api.send(new ListDomainsCommand({ NextToken, MaxResults }));
        return { items: page.Domains, next: page.NextToken };
      },
      arn: (s) => s.DomainArn,
      describe: (s) => api.send(new DescribeDomainCommand({ DomainId: s.DomainId })),
      draft: domainDraft,
    }),
    listAndDescribe<FeatureGroupSummary, DescribeFeatureGroupCommandOutput>(ctx, api, {
      type: T.featureGroup,
      list: async (NextToken) => {
        const page = await api.send(new ListFeatureGroupsCommand({ NextToken, MaxResults }));
        return { items: page.FeatureGroupSummaries, next: page.NextToken };
      },
      arn: (s) => s.FeatureGroupArn,
      // DescribeFeatureGroup pages the feature definitions (NextToken); the first page carries
      // every store setting the controls read, so the rest of the definitions are not fetched.
      describe: (s) => api.send(new DescribeFeatureGroupCommand({ FeatureGroupName: s.FeatureGroupName })),
      draft: featureGroupDraft,
    }),
    listAndDescribe<InferenceExperimentSummary, DescribeInferenceExperimentCommandOutput>(ctx, api, {
      type: T.inferenceExperiment,
      list: async (NextToken) => {
        const page = await api.send(new ListInferenceExperimentsCommand({ NextToken, MaxResults }));
        return { items: page.InferenceExperiments, next: page.NextToken };
      },
      // The summary carries no ARN: the experiment's own, built as SageMaker builds it, reads its tags.
      arn: (s) => inferenceExperimentArn(ctx, s.Name),
      describe: (s) => api.send(new DescribeInferenceExperimentCommand({ Name: s.Name })),
      draft: (s, d) => inferenceExperimentDraft(s, d, inferenceExperimentArn(ctx, s.Name)),
    }),
  ]);
}

export interface Kind<S, D> {
  type: string;
  list: (token: string | undefined) => Promise<{ items: S[] | undefined; next?: string | undefined }>;
  arn: (summary: S) => string | undefined;
  describe: (summary: S) => Promise<D>;
  draft: (summary: S, described: D | undefined) => Draft;
  /** More reads for one resource after its Describe (their failures go into `errors`). */
  extra?: (draft: Draft, errors: Record<string, string>) => Promise<void>;
}

/** List to the end (coverage follows), then Describe and ListTags each resource. */
export async function listAndDescribe<S, D>(ctx: CollectorContext, api: SageMakerApi, kind: Kind<S, D>): Promise<void> {
  const listed = await ctx.listAll([kind.type], kind.list);
  await ctx.each(listed.items, (summary) => describeAndEmit(ctx, api, kind, summary, kind.extra));
}

async function describeAndEmit<S, D>(
  ctx: CollectorContext,
  api: SageMakerApi,
  kind: Pick<Kind<S, D>, 'describe' | 'draft' | 'arn'>,
  summary: S,
  extra?: (draft: Draft, errors: Record<string, string>) => Promise<void>,
): Promise<void> {
  const errors: Record<string, string> = {};
  const described = await ctx.call(() => kind.describe(summary));
  if (described.status !== 'ok') errors.configuration = reasonOf(described, 'the resource could not be described');
  const draft = kind.draft(summary, described.status === 'ok' ? described.output : undefined);
  if (extra) await extra(draft, errors);
  const tags = await readTags(ctx, api, draft.arn || kind.arn(summary));
  if ('failure' in tags) errors.Tags = tags.failure;
  ctx.emit({ ...draft, tags: 'tags' in tags ? tags.tags : null, ...(Object.keys(errors).length ? { collectionErrors: errors } : {}) });
}

/**
 * Model registry: groups (with their resource policy) and the packages in each group, plus
 * unversioned packages, which belong to no group. Package coverage is complete only if the
 * group list and every package list were read to the end.
 */
async function collectModelRegistry(ctx: CollectorContext, api: SageMakerApi, MaxResults: number): Promise<void> {
  const T = SAGEMAKER_TYPES;
  const groups = await paginate(ctx, async (NextToken) => {
    const page = await api.send(new ListModelPackageGroupsCommand({ NextToken, MaxResults }));
    return { items: page.ModelPackageGroupSummaryList, next: page.NextToken };
  });
  if (groups.failure) {
    ctx.failed([T.modelPackageGroup], groups.failure);
    ctx.failed([T.modelPackage], `the model package groups could not be listed: ${groups.failure}`);
  } else {
    ctx.covered([T.modelPackageGroup]);
  }

  const packageFailures: string[] = [];
  const packages: ModelPackageSummary[] = [];
  const listPackages = async (input: { ModelPackageGroupName?: string; ModelPackageType: 'Versioned' | 'Unversioned' }) => {
    const listed = await paginate(ctx, async (NextToken) => {
      const page = await api.send(new ListModelPackagesCommand({ ...input, NextToken, MaxResults }));
      return { items: page.ModelPackageSummaryList, next: page.NextToken };
    });
    packages.push(...listed.items);
    if (listed.failure) packageFailures.push(listed.failure);
  };

  await Promise.all([
    ctx.each(groups.items, async (group) => {
      await describeAndEmit<ModelPackageGroupSummary, DescribeModelPackageGroupCommandOutput>(
        ctx,
        api,
        {
          arn: (s) => s.ModelPackageGroupArn,
          describe: (s) => api.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: s.ModelPackageGroupName })),
          draft: modelPackageGroupDraft,
        },
        group,
        async (draft, errors) => {
          const policy = await readGroupPolicy(ctx, api, group.ModelPackageGroupName);
          if ('failure' in policy) errors.ModelPackageGroupPolicy = policy.failure;
          else draft.configuration.ModelPackageGroupPolicy = policy.policy;
        },
      );
      await listPackages({ ModelPackageGroupName: group.ModelPackageGroupName, ModelPackageType: 'Versioned' });
    }),
    listPackages({ ModelPackageType: 'Unversioned' }),
  ]);

  if (!groups.failure) {
    if (packageFailures.length) ctx.failed([T.modelPackage], packageFailures[0] ?? 'listing failed');
    else ctx.covered([T.modelPackage]);
  }
  await ctx.each(packages, (summary) =>
    describeAndEmit<ModelPackageSummary, DescribeModelPackageCommandOutput>(
      ctx,
      api,
      {
        arn: (s) => s.ModelPackageArn,
        describe: (s) => api.send(new DescribeModelPackageCommand({ ModelPackageName: s.ModelPackageArn ?? s.ModelPackageName })),
        draft: modelPackageDraft,
      },
      summary,
    ),
  );
}

// --- mapping: Describe* output (or the List summary when Describe failed) → ResourceDraft -----

function configurationOf(summary: object, described: object | undefined): JsonObject {
  // toJson drops $metadata and undefined, and turns Dates into ISO strings.
  return toJsonObject(described ?? summary);
}

export function notebookInstanceDraft(s: NotebookInstanceSummary, d: DescribeNotebookInstanceCommandOutput | undefined): Draft {
  const configuration = configurationOf(s, d);
  // Config (CloudFormation) names two fields differently from the API; carry both spellings.
  if (d?.SecurityGroups) configuration.SecurityGroupIds = [...d.SecurityGroups];
  if (d?.NotebookInstanceLifecycleConfigName) configuration.LifecycleConfigName = d.NotebookInstanceLifecycleConfigName;
  const name = d?.NotebookInstanceName ?? s.NotebookInstanceName ?? '';
  return { type: SAGEMAKER_TYPES.notebookInstance, id: name, name, arn: d?.NotebookInstanceArn ?? s.NotebookInstanceArn ?? '', configuration };
}

export function modelDraft(s: ModelSummary, d: DescribeModelCommandOutput | undefined): Draft {
  const name = d?.ModelName ?? s.ModelName ?? '';
  return { type: SAGEMAKER_TYPES.model, id: name, name, arn: d?.ModelArn ?? s.ModelArn ?? '', configuration: configurationOf(s, d) };
}

export function endpointConfigDraft(s: EndpointConfigSummary, d: DescribeEndpointConfigCommandOutput | undefined): Draft {
  const name = d?.EndpointConfigName ?? s.EndpointConfigName ?? '';
  const configuration = configurationOf(s, d);
  // A DataCaptureConfig with no fields is no configuration at all (the API requires its
  // destination, sampling and capture options, and omits it when capture was never set up;
  // emulators return {}). Left in place, controls would read it as capture on by default.
  const capture = configuration.DataCaptureConfig;
  if (capture !== undefined && (capture === null || (typeof capture === 'object' && !Array.isArray(capture) && Object.keys(capture).length === 0))) {
    delete configuration.DataCaptureConfig;
  }
  return { type: SAGEMAKER_TYPES.endpointConfig, id: name, name, arn: d?.EndpointConfigArn ?? s.EndpointConfigArn ?? '', configuration };
}

export function endpointDraft(s: EndpointSummary, d: DescribeEndpointCommandOutput | undefined): Draft {
  const name = d?.EndpointName ?? s.EndpointName ?? '';
  const config = d?.EndpointConfigName;
  return {
    type: SAGEMAKER_TYPES.endpoint,
    id: name,
    name,
    arn: d?.EndpointArn ?? s.EndpointArn ?? '',
    configuration: configurationOf(s, d),
    relationships: config
      ? [{ name: 'Is associated with EndpointConfig', resourceType: SAGEMAKER_TYPES.endpointConfig, resourceId: config, resourceName: config }]
      : [],
  };
}

export function trainingJobDraft(s: TrainingJobSummary, d: DescribeTrainingJobCommandOutput | undefined): Draft {
  const name = d?.TrainingJobName ?? s.TrainingJobName ?? '';
  return { type: SAGEMAKER_TYPES.trainingJob, id: name, name, arn: d?.TrainingJobArn ?? s.TrainingJobArn ?? '', configuration: configurationOf(s, d) };
}

export function processingJobDraft(s: ProcessingJobSummary, d: DescribeProcessingJobCommandOutput | undefined): Draft {
  const name = d?.ProcessingJobName ?? s.ProcessingJobName ?? '';
  return { type: SAGEMAKER_TYPES.processingJob, id: name, name, arn: d?.ProcessingJobArn ?? s.ProcessingJobArn ?? '', configuration: configurationOf(s, d) };
}

export function transformJobDraft(s: TransformJobSummary, d: DescribeTransformJobCommandOutput | undefined): Draft {
  const name = d?.TransformJobName ?? s.TransformJobName ?? '';
  const model = d?.ModelName;
  return {
    type: SAGEMAKER_TYPES.transformJob,
    id: name,
    name,
    arn: d?.TransformJobArn ?? s.TransformJobArn ?? '',
    configuration: configurationOf(s, d),
    relationships: model ? [{ name: 'Is associated with Model', resourceType: SAGEMAKER_TYPES.model, resourceId: model, resourceName: model }] : [],
  };
}

export function modelPackageGroupDraft(s: ModelPackageGroupSummary, d: DescribeModelPackageGroupCommandOutput | undefined): Draft {
  const name = d?.ModelPackageGroupName ?? s.ModelPackageGroupName ?? '';
  return { type: SAGEMAKER_TYPES.modelPackageGroup, id: name, name, arn: d?.ModelPackageGroupArn ?? s.ModelPackageGroupArn ?? '', configuration: configurationOf(s, d) };
}

/** Versioned packages share their group's name, so the id is the ARN and the name "group/version". */
export function modelPackageDraft(s: ModelPackageSummary, d: DescribeModelPackageCommandOutput | undefined): Draft {
  const arn = d?.ModelPackageArn ?? s.ModelPackageArn ?? '';
  const group = d?.ModelPackageGroupName ?? s.ModelPackageGroupName;
  const version = d?.ModelPackageVersion ?? s.ModelPackageVersion;
  const name = group && version !== undefined ? `${group}/${version}` : (d?.ModelPackageName ?? s.ModelPackageName ?? arn);
  return { type: SAGEMAKER_TYPES.modelPackage, id: arn, name, arn, configuration: configurationOf(s, d) };
}

export function monitoringScheduleDraft(s: MonitoringScheduleSummary, d: DescribeMonitoringScheduleCommandOutput | undefined): Draft {
  const name = d?.MonitoringScheduleName ?? s.MonitoringScheduleName ?? '';
  const endpoint = d?.EndpointName ?? s.EndpointName;
  return {
    type: SAGEMAKER_TYPES.monitoringSchedule,
    id: name,
    name,
    arn: d?.MonitoringScheduleArn ?? s.MonitoringScheduleArn ?? '',
    configuration: configurationOf(s, d),
    relationships: endpoint ? [{ name: 'Is associated with Endpoint', resourceType: SAGEMAKER_TYPES.endpoint, resourceId: endpoint, resourceName: endpoint }] : [],
  };
}

export function domainDraft(s: DomainDetails, d: DescribeDomainCommandOutput | undefined): Draft {
  const id = d?.DomainId ?? s.DomainId ?? '';
  return { type: SAGEMAKER_TYPES.domain, id, name: d?.DomainName ?? s.DomainName ?? null, arn: d?.DomainArn ?? s.DomainArn ?? '', configuration: configurationOf(s, d) };
}

export function featureGroupDraft(s: FeatureGroupSummary, d: DescribeFeatureGroupCommandOutput | undefined): Draft {
  const name = d?.FeatureGroupName ?? s.FeatureGroupName ?? '';
  const configuration = configurationOf(s, d);
  // The continuation token of the feature definitions is paging state, not configuration.
  delete configuration.NextToken;
  return { type: SAGEMAKER_TYPES.featureGroup, id: name, name, arn: d?.FeatureGroupArn ?? s.FeatureGroupArn ?? '', configuration };
}

function inferenceExperimentArn(ctx: Pick<CollectorContext, 'partition' | 'region' | 'accountId'>, name: string | undefined): string {
  return name ? `arn:${ctx.partition}:sagemaker:${ctx.region}:${ctx.accountId}:inference-experiment/${name}` : '';
}

/** `listedArn`: the ARN the experiment has when Describe failed (ListInferenceExperiments gives none). */
export function inferenceExperimentDraft(s: InferenceExperimentSummary, d: DescribeInferenceExperimentCommandOutput | undefined, listedArn: string): Draft {
  const name = d?.Name ?? s.Name ?? '';
  const endpoint = d?.EndpointMetadata?.EndpointName;
  return {
    type: SAGEMAKER_TYPES.inferenceExperiment,
    id: name,
    name,
    arn: d?.Arn ?? listedArn,
    configuration: configurationOf(s, d),
    relationships: endpoint ? [{ name: 'Is associated with Endpoint', resourceType: SAGEMAKER_TYPES.endpoint, resourceId: endpoint, resourceName: endpoint }] : [],
  };
}

// --- tags, policies, pagination ---------------------------------------------------------------

type Outcome<K extends string, V> = { [key in K]: V } | { failure: string };

/** Every tag of a resource (ListTags pages), or why they could not be read. */
async function readTags(ctx: CollectorContext, api: SageMakerApi, arn: string | undefined): Promise<Outcome<'tags', Record<string, string>>> {
  if (!arn) return { failure: 'the resource has no ARN to read its tags with' };
  const listed = await paginate<Tag>(ctx, async (NextToken) => {
    const page = await api.send(new ListTagsCommand({ ResourceArn: arn, NextToken, MaxResults: 100 }));
    return { items: page.Tags, next: page.NextToken };
  });
  return listed.failure ? { failure: listed.failure } : { tags: tagMap(listed.items) };
}

/**
 * The group's resource policy (parsed), null when it has none, or why it could not be read.
 * SageMaker answers "no policy" with ValidationException "Cannot find resource policy …";
 * that is an answer, recorded as absent, not a failed call.
 */
async function readGroupPolicy(ctx: CollectorContext, api: SageMakerApi, group: string | undefined): Promise<Outcome<'policy', JsonValue>> {
  const got = await ctx.call(async () => {
    try {
      return await api.send(new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: group }));
    } catch (error) {
      if (!isNoPolicy(error)) throw error;
      const record = callRecordOf(error);
      if (record) {
        record.ok = true;
        record.absent = errorCode(error);
      }
      return undefined;
    }
  }, { absentOn: ['ResourceNotFound'] });
  if (got.status === 'failed') return { failure: got.failure.reason };
  if (got.status === 'absent' || !got.output?.ResourcePolicy) return { policy: null };
  return { policy: decodePolicyDocument(got.output.ResourcePolicy) ?? null };
}

function isNoPolicy(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return errorCode(error) === 'ValidationException' && /cannot find resource policy/i.test(message);
}

/** Follows a list to the end without touching coverage (the caller decides what a failure means): the shared paginator. */
async function paginate<T>(ctx: CollectorContext, page: PageOf<T>): Promise<{ items: T[]; failure?: string }> {
  const listed = await paginateList((send) => ctx.call(send), page);
  return listed.complete ? { items: listed.items } : { items: listed.items, failure: stoppedReason(listed.stopped, 'listing failed') };
}

function reasonOf(result: { status: 'absent'; code: string } | { status: 'failed'; failure: { reason: string } }, fallback: string): string {
  return result.status === 'failed' ? result.failure.reason : `${fallback} (${result.code})`;
}
