import {
  DescribeDataQualityJobDefinitionCommand,
  DescribeModelBiasJobDefinitionCommand,
  DescribeModelExplainabilityJobDefinitionCommand,
  DescribeModelQualityJobDefinitionCommand,
  ListDataQualityJobDefinitionsCommand,
  ListModelBiasJobDefinitionsCommand,
  ListModelExplainabilityJobDefinitionsCommand,
  ListModelQualityJobDefinitionsCommand,
  SageMakerClient,
  type MonitoringJobDefinitionSummary,
} from '@aws-sdk/client-sagemaker';
import { isJsonObject, type JsonObject } from '../../json.js';
import type { Collector, CollectorContext } from '../collector.js';
import { toJsonObject } from '../shape.js';
import { listAndDescribe, SAGEMAKER_TYPES, type Draft, type SageMakerApi } from './sagemaker.js';

/**
 * The four kinds of Model Monitor job definition. A monitoring schedule names one of them
 * (MonitoringJobDefinitionName + MonitoringType) unless it carries its job inline; all four are
 * AWS Config types, recorded with the Describe output's keys (JobDefinitionName, NetworkConfig,
 * JobResources, <Kind>JobOutputConfig…).
 */
export const MONITORING_DEFINITION_TYPES = {
  dataQuality: 'AWS::SageMaker::DataQualityJobDefinition',
  modelQuality: 'AWS::SageMaker::ModelQualityJobDefinition',
  modelBias: 'AWS::SageMaker::ModelBiasJobDefinition',
  modelExplainability: 'AWS::SageMaker::ModelExplainabilityJobDefinition',
} as const;

type DefinitionType = (typeof MONITORING_DEFINITION_TYPES)[keyof typeof MONITORING_DEFINITION_TYPES];

/** The prefix of each type's own keys: DataQualityJobInput, ModelBiasJobOutputConfig… */
const PREFIX: Record<DefinitionType, string> = {
  'AWS::SageMaker::DataQualityJobDefinition': 'DataQuality',
  'AWS::SageMaker::ModelQualityJobDefinition': 'ModelQuality',
  'AWS::SageMaker::ModelBiasJobDefinition': 'ModelBias',
  'AWS::SageMaker::ModelExplainabilityJobDefinition': 'ModelExplainability',
};

export interface SageMakerMonitoringCollectorOptions {
  /** MaxResults of every List call (1–100; the APIs' maximum by default). Tests make it small to force pagination. */
  pageSize?: number;
}

/**
 * SageMaker Model Monitor job definitions (data quality, model quality, model bias, model
 * explainability): listed to the last page, described and their tags read, like the other
 * SageMaker types (see sagemaker.ts). A separate collector so the four types can be dropped or
 * denied without touching the rest of SageMaker: a failed List marks only its own type failed.
 */
export function createSageMakerMonitoringCollector(options: SageMakerMonitoringCollectorOptions = {}): Collector {
  return {
    service: 'sagemaker',
    scope: 'regional',
    operations: [
      'sagemaker:ListDataQualityJobDefinitions',
      'sagemaker:DescribeDataQualityJobDefinition',
      'sagemaker:ListModelQualityJobDefinitions',
      'sagemaker:DescribeModelQualityJobDefinition',
      'sagemaker:ListModelBiasJobDefinitions',
      'sagemaker:DescribeModelBiasJobDefinition',
      'sagemaker:ListModelExplainabilityJobDefinitions',
      'sagemaker:DescribeModelExplainabilityJobDefinition',
      'sagemaker:ListTags',
    ],
    resourceTypes: Object.values(MONITORING_DEFINITION_TYPES),
    async collect(ctx) {
      await collectMonitoringJobDefinitions(ctx, ctx.client(SageMakerClient), options);
    },
  };
}

export const sagemakerMonitoringCollector: Collector = createSageMakerMonitoringCollector();

/** Collects the four job-definition types through `api` (the context's client, or a test double). */
export async function collectMonitoringJobDefinitions(ctx: CollectorContext, api: SageMakerApi, options: SageMakerMonitoringCollectorOptions = {}): Promise<void> {
  const MaxResults = Math.min(Math.max(options.pageSize ?? 100, 1), 100);
  const T = MONITORING_DEFINITION_TYPES;
  const kind = (type: DefinitionType, list: (token: string | undefined) => Promise<{ JobDefinitionSummaries?: MonitoringJobDefinitionSummary[] | undefined; NextToken?: string | undefined }>, describe: (name: string | undefined) => Promise<object>) =>
    listAndDescribe<MonitoringJobDefinitionSummary, object>(ctx, api, {
      type,
      list: async (NextToken) => {
        const page = await list(NextToken);
        return { items: page.JobDefinitionSummaries, next: page.NextToken };
      },
      arn: (s) => s.MonitoringJobDefinitionArn,
      describe: (s) => describe(s.MonitoringJobDefinitionName),
      draft: (s, d) => monitoringJobDefinitionDraft(type, s, d),
    });

  await Promise.all([
    kind(
      T.dataQuality,
      (NextToken) => api.send(new ListDataQualityJobDefinitionsCommand({ NextToken, MaxResults })),
      (JobDefinitionName) => api.send(new DescribeDataQualityJobDefinitionCommand({ JobDefinitionName })),
    ),
    kind(
      T.modelQuality,
      (NextToken) => api.send(new ListModelQualityJobDefinitionsCommand({ NextToken, MaxResults })),
      (JobDefinitionName) => api.send(new DescribeModelQualityJobDefinitionCommand({ JobDefinitionName })),
    ),
    kind(
      T.modelBias,
      (NextToken) => api.send(new ListModelBiasJobDefinitionsCommand({ NextToken, MaxResults })),
      (JobDefinitionName) => api.send(new DescribeModelBiasJobDefinitionCommand({ JobDefinitionName })),
    ),
    kind(
      T.modelExplainability,
      (NextToken) => api.send(new ListModelExplainabilityJobDefinitionsCommand({ NextToken, MaxResults })),
      (JobDefinitionName) => api.send(new DescribeModelExplainabilityJobDefinitionCommand({ JobDefinitionName })),
    ),
  ]);
}

/**
 * A Describe*JobDefinition output (or, when Describe failed, the List summary) as an inventory
 * draft. The endpoint the job monitors becomes a relationship, as AWS Config records it for
 * monitoring schedules: from the job input when described, else from the summary.
 */
export function monitoringJobDefinitionDraft(type: DefinitionType, s: MonitoringJobDefinitionSummary, d: object | undefined): Draft {
  const configuration: JsonObject = toJsonObject(d ?? s);
  const name = str(configuration.JobDefinitionName) ?? s.MonitoringJobDefinitionName ?? '';
  const input = configuration[`${PREFIX[type]}JobInput`];
  const endpointInput = isJsonObject(input) ? input.EndpointInput : undefined;
  const endpoint = d ? (isJsonObject(endpointInput) ? str(endpointInput.EndpointName) : undefined) : s.EndpointName;
  return {
    type,
    id: name,
    name,
    arn: str(configuration.JobDefinitionArn) ?? s.MonitoringJobDefinitionArn ?? '',
    configuration,
    relationships: endpoint ? [{ name: 'Is associated with Endpoint', resourceType: SAGEMAKER_TYPES.endpoint, resourceId: endpoint, resourceName: endpoint }] : [],
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
