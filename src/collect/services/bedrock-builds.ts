import {
  BedrockClient,
  GetImportedModelCommand,
  GetModelCustomizationJobCommand,
  ListImportedModelsCommand,
  ListModelCustomizationJobsCommand,
  type GetImportedModelCommandOutput,
  type GetModelCustomizationJobCommandOutput,
  type ImportedModelSummary,
  type ModelCustomizationJobSummary,
} from '@aws-sdk/client-bedrock';
import {
  BedrockAgentClient,
  GetFlowCommand,
  GetPromptCommand,
  ListFlowsCommand,
  ListPromptsCommand,
  type FlowSummary,
  type GetFlowCommandOutput,
  type GetPromptCommandOutput,
  type PromptSummary,
} from '@aws-sdk/client-bedrock-agent';
import type { Collector, CollectorContext, ResourceDraft } from '../collector.js';
import { toJsonObject } from '../shape.js';
import { collectListed, RegionGate, type Part } from '../region-gate.js';
import { agentTags, bedrockTags, draft } from './bedrock.js';
import { withoutInlineCode } from './bedrock-flow-code.js';

export const BEDROCK_BUILD_TYPES = {
  customizationJob: 'AWS::Bedrock::ModelCustomizationJob',
  importedModel: 'AWS::Bedrock::ImportedModel',
  prompt: 'AWS::Bedrock::Prompt',
  flow: 'AWS::Bedrock::Flow',
} as const;

/** Customization jobs created in this many days before the scan are collected. */
export const CUSTOMIZATION_JOB_WINDOW_DAYS = 90;

export interface BedrockBuildsOptions {
  /** The scan's clock, for the customization-job window (tests fix it). */
  now?: () => Date;
}

/**
 * What Amazon Bedrock builds and serves besides the resources of the main Bedrock collector:
 * model customization jobs (the training runs behind custom models), imported models, and the
 * Prompt Management prompts and Prompt Flows of generative AI applications. A collector of its
 * own so that a region where these newer APIs are denied or missing does not disturb the
 * agents, guardrails and models collected beside them. Configurations are the Get calls' output
 * with the API's own keys; when a Get fails, the List summary stands in and
 * `collectionErrors.configuration` says why. Only reads.
 *
 * Prompts and flows: the working draft of each (ListPrompts / ListFlows without an identifier
 * list each once, GetPrompt / GetFlow without a version read the draft).
 */
export function createBedrockBuildsCollector(options: BedrockBuildsOptions = {}): Collector {
  return {
    service: 'bedrock-builds',
    scope: 'regional',
    operations: [
      'bedrock:ListModelCustomizationJobs',
      'bedrock:GetModelCustomizationJob',
      'bedrock:ListImportedModels',
      'bedrock:GetImportedModel',
      'bedrock:ListPrompts',
      'bedrock:GetPrompt',
      'bedrock:ListFlows',
      'bedrock:GetFlow',
      'bedrock:ListTagsForResource',
    ],
    resourceTypes: Object.values(BEDROCK_BUILD_TYPES),
    async collect(ctx) {
      const bedrock = ctx.client(BedrockClient);
      const agents = ctx.client(BedrockAgentClient);
      const bedrockGate = new RegionGate();
      const agentGate = new RegionGate();
      const now = options.now?.() ?? new Date();
      await Promise.all([
        (async () => {
          await customizationJobs(ctx, bedrock, bedrockGate, now);
          await importedModels(ctx, bedrock, bedrockGate);
        })(),
        (async () => {
          await prompts(ctx, agents, agentGate);
          await flows(ctx, agents, agentGate);
        })(),
      ]);
    },
  };
}

export const bedrockBuildsCollector: Collector = createBedrockBuildsCollector();

// ---------------------------------------------------------------------------------------------
// Mapping: API output → ResourceDraft (exported so recorded real responses can be tested).

type Tags = Part<Record<string, string>>;

export function customizationJobResource(summary: ModelCustomizationJobSummary, detail: Part<GetModelCustomizationJobCommandOutput>, tags: Tags): ResourceDraft {
  const arn = (detail.ok ? detail.value.jobArn : undefined) ?? summary.jobArn ?? '';
  return draft(BEDROCK_BUILD_TYPES.customizationJob, {
    id: arn,
    arn,
    name: (detail.ok ? detail.value.jobName : undefined) ?? summary.jobName ?? null,
    configuration: toJsonObject(detail.ok ? detail.value : summary),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

export function importedModelResource(summary: ImportedModelSummary, detail: Part<GetImportedModelCommandOutput>, tags: Tags): ResourceDraft {
  const arn = (detail.ok ? detail.value.modelArn : undefined) ?? summary.modelArn ?? '';
  return draft(BEDROCK_BUILD_TYPES.importedModel, {
    id: arn,
    arn,
    name: (detail.ok ? detail.value.modelName : undefined) ?? summary.modelName ?? null,
    configuration: toJsonObject(detail.ok ? detail.value : summary),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

export function promptResource(summary: PromptSummary, detail: Part<GetPromptCommandOutput>, tags: Tags): ResourceDraft {
  return draft(BEDROCK_BUILD_TYPES.prompt, {
    id: (detail.ok ? detail.value.id : undefined) ?? summary.id ?? '',
    arn: (detail.ok ? detail.value.arn : undefined) ?? summary.arn ?? '',
    name: (detail.ok ? detail.value.name : undefined) ?? summary.name ?? null,
    configuration: toJsonObject(detail.ok ? detail.value : summary),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

export function flowResource(summary: FlowSummary, detail: Part<GetFlowCommandOutput>, tags: Tags): ResourceDraft {
  return draft(BEDROCK_BUILD_TYPES.flow, {
    id: (detail.ok ? detail.value.id : undefined) ?? summary.id ?? '',
    arn: (detail.ok ? detail.value.arn : undefined) ?? summary.arn ?? '',
    name: (detail.ok ? detail.value.name : undefined) ?? summary.name ?? null,
    // Inline code nodes' source is never kept (bedrock-flow-code.ts).
    configuration: withoutInlineCode(toJsonObject(detail.ok ? detail.value : summary)),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

// ---------------------------------------------------------------------------------------------
// Collection.

async function customizationJobs(ctx: CollectorContext, bedrock: BedrockClient, gate: RegionGate, now: Date): Promise<void> {
  // Only jobs created in the window, as for SageMaker training jobs: finished jobs accumulate and
  // each needs its own Get. "Complete" coverage of the type means complete for that window.
  const creationTimeAfter = new Date(now.getTime() - CUSTOMIZATION_JOB_WINDOW_DAYS * 24 * 3600 * 1000);
  await collectListed(ctx, gate, {
    type: BEDROCK_BUILD_TYPES.customizationJob,
    page: async (token) => {
      const page = await bedrock.send(new ListModelCustomizationJobsCommand({ nextToken: token, maxResults: 100, creationTimeAfter }));
      return { items: page.modelCustomizationJobSummaries, next: page.nextToken };
    },
    // The job's name: the API takes a name or an ARN, and some emulators only the name.
    get: (summary) => bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: summary.jobName ?? summary.jobArn ?? '' })),
    arn: (summary, detail) => (detail.ok ? detail.value.jobArn : undefined) ?? summary.jobArn ?? '',
    tags: bedrockTags(bedrock),
    resource: customizationJobResource,
  });
}

async function importedModels(ctx: CollectorContext, bedrock: BedrockClient, gate: RegionGate): Promise<void> {
  await collectListed(ctx, gate, {
    type: BEDROCK_BUILD_TYPES.importedModel,
    page: async (token) => {
      const page = await bedrock.send(new ListImportedModelsCommand({ nextToken: token, maxResults: 1000 }));
      return { items: page.modelSummaries, next: page.nextToken };
    },
    get: (summary) => bedrock.send(new GetImportedModelCommand({ modelIdentifier: summary.modelArn ?? summary.modelName ?? '' })),
    arn: (summary, detail) => (detail.ok ? detail.value.modelArn : undefined) ?? summary.modelArn ?? '',
    tags: bedrockTags(bedrock),
    resource: importedModelResource,
  });
}

async function prompts(ctx: CollectorContext, client: BedrockAgentClient, gate: RegionGate): Promise<void> {
  await collectListed(ctx, gate, {
    type: BEDROCK_BUILD_TYPES.prompt,
    page: async (token) => {
      const page = await client.send(new ListPromptsCommand({ nextToken: token, maxResults: 1000 }));
      return { items: page.promptSummaries, next: page.nextToken };
    },
    get: (summary) => client.send(new GetPromptCommand({ promptIdentifier: summary.id ?? summary.arn ?? '' })),
    arn: (summary, detail) => (detail.ok ? detail.value.arn : undefined) ?? summary.arn ?? '',
    tags: agentTags(client),
    resource: promptResource,
  });
}

async function flows(ctx: CollectorContext, client: BedrockAgentClient, gate: RegionGate): Promise<void> {
  await collectListed(ctx, gate, {
    type: BEDROCK_BUILD_TYPES.flow,
    page: async (token) => {
      const page = await client.send(new ListFlowsCommand({ nextToken: token, maxResults: 1000 }));
      return { items: page.flowSummaries, next: page.nextToken };
    },
    get: (summary) => client.send(new GetFlowCommand({ flowIdentifier: summary.id ?? summary.arn ?? '' })),
    arn: (summary, detail) => (detail.ok ? detail.value.arn : undefined) ?? summary.arn ?? '',
    tags: agentTags(client),
    resource: flowResource,
  });
}
