import {
  BedrockClient,
  GetCustomModelCommand,
  GetGuardrailCommand,
  GetModelInvocationLoggingConfigurationCommand,
  ListCustomModelsCommand,
  ListGuardrailsCommand,
  ListTagsForResourceCommand as ListBedrockTagsCommand,
  type CustomModelSummary,
  type GetCustomModelCommandOutput,
  type GetGuardrailCommandOutput,
  type GuardrailSummary,
  type LoggingConfig,
} from '@aws-sdk/client-bedrock';
import {
  BedrockAgentClient,
  GetAgentActionGroupCommand,
  GetAgentCommand,
  GetAgentVersionCommand,
  GetDataSourceCommand,
  GetKnowledgeBaseCommand,
  ListAgentActionGroupsCommand,
  ListAgentAliasesCommand,
  ListAgentsCommand,
  ListDataSourcesCommand,
  ListKnowledgeBasesCommand,
  ListTagsForResourceCommand as ListAgentTagsCommand,
  type ActionGroupSummary,
  type Agent,
  type AgentActionGroup,
  type AgentAliasSummary,
  type AgentSummary,
  type AgentVersion,
  type DataSource,
  type DataSourceSummary,
  type KnowledgeBase,
  type KnowledgeBaseSummary,
} from '@aws-sdk/client-bedrock-agent';
import type { JsonObject, JsonValue } from '../../json.js';
import type { Collector, CollectorContext, ResourceDraft } from '../collector.js';
import { collectListed, gatedListing, partOf, RegionGate, tagPartOf, type Part } from '../region-gate.js';
import { toJsonObject } from '../shape.js';

export const BEDROCK_TYPES = {
  guardrail: 'AWS::Bedrock::Guardrail',
  customModel: 'AWS::Bedrock::CustomModel',
  agent: 'AWS::Bedrock::Agent',
  knowledgeBase: 'AWS::Bedrock::KnowledgeBase',
} as const;

/** Where the collector runs, for ARNs the List calls do not return. */
export interface Place {
  partition: string;
  region: string;
  accountId: string;
}

/**
 * Amazon Bedrock (control plane "bedrock" and agents "bedrock-agent", both IAM prefix "bedrock"):
 * the account's model invocation logging setting as a fact, and guardrails, custom models,
 * agents and knowledge bases (with their data sources) as resources. Configurations are the Get
 * calls' output with the API's own keys; when a Get fails, the List summary stands in and
 * `collectionErrors.configuration` says why. Only reads.
 *
 * A region where Bedrock does not exist (no endpoint, unreachable, token not valid there) fails
 * each of its types with the reason once, instead of retrying every list against it.
 *
 * Guardrails: one resource for the working draft of each guardrail (ListGuardrails/GetGuardrail
 * without a version, ARN `…:guardrail/<id>`), plus one for each published version an agent's
 * guardrailConfiguration names (GetGuardrail with guardrailVersion, ARN `…:guardrail/<id>:<version>`),
 * since that version, not the draft, is what the agent applies. Same IAM actions.
 *
 * Agents: GetAgent's agent (the DRAFT, which the test alias TSTALIASID serves), plus the aliases
 * (ListAgentAliases) and the agent versions the serving aliases route to (GetAgentVersion), as
 * supplementaryConfiguration.AgentAliases / AgentVersions: a deployed agent runs those versions,
 * each with its own guardrailConfiguration.
 *
 * Action groups: for the DRAFT and each of those versions, ListAgentActionGroups and
 * GetAgentActionGroup, as supplementaryConfiguration.ActionGroups keyed by agent version (a
 * version whose list could not be read is left out, with collectionErrors.ActionGroups saying why).
 */
export const bedrockCollector: Collector = {
  service: 'bedrock',
  scope: 'regional',
  operations: [
    'bedrock:GetModelInvocationLoggingConfiguration',
    'bedrock:ListGuardrails',
    'bedrock:GetGuardrail',
    'bedrock:ListCustomModels',
    'bedrock:GetCustomModel',
    'bedrock:ListAgents',
    'bedrock:GetAgent',
    'bedrock:ListAgentAliases',
    'bedrock:GetAgentVersion',
    'bedrock:ListAgentActionGroups',
    'bedrock:GetAgentActionGroup',
    'bedrock:ListKnowledgeBases',
    'bedrock:GetKnowledgeBase',
    'bedrock:ListDataSources',
    'bedrock:GetDataSource',
    // Both clients' ListTagsForResource are this one IAM action.
    'bedrock:ListTagsForResource',
  ],
  resourceTypes: Object.values(BEDROCK_TYPES),
  async collect(ctx) {
    const place: Place = { partition: ctx.partition, region: ctx.region, accountId: ctx.accountId };
    const bedrock = ctx.client(BedrockClient);
    const agents = ctx.client(BedrockAgentClient);
    const bedrockGate = new RegionGate();
    const agentGate = new RegionGate();
    const [drafts, used] = await Promise.all([
      (async () => {
        await invocationLogging(ctx, bedrock, bedrockGate);
        const found = await guardrails(ctx, bedrock, bedrockGate);
        await customModels(ctx, bedrock, bedrockGate);
        return found;
      })(),
      (async () => {
        const references = await agentsOf(ctx, agents, agentGate, place);
        await knowledgeBases(ctx, agents, agentGate, place);
        return references;
      })(),
    ]);
    await guardrailVersions(ctx, bedrock, bedrockGate, drafts, used);
  },
};

// ---------------------------------------------------------------------------------------------
// Mapping: API output → ResourceDraft (exported so recorded real responses can be tested
// where the emulator lacks the API).

/** GetModelInvocationLoggingConfiguration's loggingConfig as the `bedrockInvocationLogging` fact. */
export function invocationLoggingFact(loggingConfig: LoggingConfig | undefined | null): JsonObject {
  const json = loggingConfig ? toJsonObject(loggingConfig) : {};
  // Not configured: the API leaves loggingConfig out (some emulators answer with an empty one).
  return Object.keys(json).length ? json : { enabled: false };
}

export function guardrailResource(summary: GuardrailSummary, detail: Part<GetGuardrailCommandOutput>, tags: Part<Record<string, string>>): ResourceDraft {
  const id = (detail.ok ? detail.value.guardrailId : undefined) ?? summary.id ?? '';
  const arn = (detail.ok ? detail.value.guardrailArn : undefined) ?? summary.arn ?? '';
  return draft(BEDROCK_TYPES.guardrail, {
    id,
    arn,
    name: (detail.ok ? detail.value.name : undefined) ?? summary.name ?? null,
    // The summary calls them id/arn; keyed as GetGuardrail does, so controls read one shape.
    configuration: detail.ok ? toJsonObject(detail.value) : guardrailSummaryConfiguration(summary),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

/** A guardrail version an agent applies: its guardrailConfiguration. */
export interface GuardrailReference {
  identifier: string;
  version: string;
}

/** Published versions are numbers; DRAFT is the working copy, already collected as the guardrail. */
export function isPublishedVersion(version: string): boolean {
  return /^[1-9][0-9]*$/.test(version);
}

/**
 * The guardrail versions the agents name, once each (an agent may name the guardrail by id or by
 * ARN), DRAFT and malformed versions left out.
 */
export function publishedReferences(agents: Array<Pick<Agent, 'guardrailConfiguration'>>, place: Place): GuardrailReference[] {
  const seen = new Map<string, GuardrailReference>();
  for (const agent of agents) {
    const config = agent.guardrailConfiguration;
    const identifier = config?.guardrailIdentifier;
    const version = config?.guardrailVersion;
    if (!identifier || !version || !isPublishedVersion(version)) continue;
    const key = `${guardrailIdentity(identifier, place).id}|${version}`;
    if (!seen.has(key)) seen.set(key, { identifier, version });
  }
  return [...seen.values()];
}

/** The guardrail's ARN and id from an identifier that may be either (agents store either). */
export function guardrailIdentity(identifier: string, place: Place): { id: string; arn: string } {
  const match = /^arn:[^:]+:bedrock:[^:]+:[0-9]{12}:guardrail\/([^:/]+)$/.exec(identifier);
  if (match?.[1]) return { id: match[1], arn: identifier };
  return { id: identifier, arn: `arn:${place.partition}:bedrock:${place.region}:${place.accountId}:guardrail/${identifier}` };
}

/**
 * One published guardrail version as its own AWS::Bedrock::Guardrail resource: the guardrail's
 * ARN and id with `:<version>` appended (the draft keeps the bare ARN), its name with the
 * version, and GetGuardrail's output for that version; when that call failed, only what the
 * agent named is known and `collectionErrors.configuration` says why.
 */
export function guardrailVersionResource(
  reference: GuardrailReference,
  detail: Part<GetGuardrailCommandOutput>,
  tags: Part<Record<string, string>>,
  place: Place,
): ResourceDraft {
  const identity = guardrailIdentity(reference.identifier, place);
  const id = (detail.ok ? detail.value.guardrailId : undefined) ?? identity.id;
  const arn = (detail.ok ? detail.value.guardrailArn : undefined) ?? identity.arn;
  const name = detail.ok ? detail.value.name : undefined;
  return draft(BEDROCK_TYPES.guardrail, {
    id: `${id}:${reference.version}`,
    arn: `${arn}:${reference.version}`,
    name: `${name ?? id} (version ${reference.version})`,
    configuration: detail.ok ? toJsonObject(detail.value) : { guardrailId: id, guardrailArn: arn, version: reference.version },
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

function guardrailSummaryConfiguration(summary: GuardrailSummary): JsonObject {
  const { id, arn, ...rest } = summary;
  return toJsonObject({ ...rest, guardrailId: id, guardrailArn: arn });
}

export function customModelResource(summary: CustomModelSummary, detail: Part<GetCustomModelCommandOutput>, tags: Part<Record<string, string>>): ResourceDraft {
  const arn = (detail.ok ? detail.value.modelArn : undefined) ?? summary.modelArn ?? '';
  return draft(BEDROCK_TYPES.customModel, {
    id: arn,
    arn,
    name: (detail.ok ? detail.value.modelName : undefined) ?? summary.modelName ?? null,
    configuration: toJsonObject(detail.ok ? detail.value : summary),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

/** An agent's aliases and the versions its serving aliases route to, and why they are incomplete. */
export interface AgentDeployment {
  aliases: AgentAliasSummary[];
  versions: AgentVersion[];
  error?: string;
}

/** The action groups of each agent version read (DRAFT and the served versions), and why some are missing. */
export interface ActionGroups {
  byVersion: Record<string, Array<AgentActionGroup | ActionGroupSummary>>;
  error?: string;
}

export function agentResource(
  summary: AgentSummary,
  detail: Part<Agent>,
  tags: Part<Record<string, string>>,
  place: Place,
  deployment?: AgentDeployment,
  actionGroups?: ActionGroups,
): ResourceDraft {
  const resource = agentDraft(summary, detail, tags, place);
  if (!deployment) return resource;
  resource.supplementaryConfiguration = {
    AgentAliases: deployment.aliases.map((a): JsonValue => toJsonObject(a)),
    AgentVersions: deployment.versions.map((v): JsonValue => toJsonObject(v)),
  };
  if (deployment.error) resource.collectionErrors = { ...resource.collectionErrors, AgentAliases: deployment.error };
  if (actionGroups) {
    resource.supplementaryConfiguration.ActionGroups = Object.fromEntries(
      Object.entries(actionGroups.byVersion).map(([version, groups]): [string, JsonValue] => [version, groups.map((g): JsonValue => toJsonObject(g))]),
    );
    if (actionGroups.error) resource.collectionErrors = { ...resource.collectionErrors, ActionGroups: actionGroups.error };
  }
  return resource;
}

/**
 * The agent versions an alias that serves traffic routes to: not DRAFT (the agent itself), and
 * not through an alias that is failed, being deleted, dissociated or rejecting invocations.
 */
export function servedVersions(aliases: AgentAliasSummary[]): string[] {
  const versions = new Set<string>();
  for (const alias of aliases) {
    if (alias.agentAliasStatus === 'FAILED' || alias.agentAliasStatus === 'DELETING' || alias.agentAliasStatus === 'DISSOCIATED') continue;
    if (alias.aliasInvocationState === 'REJECT_INVOCATIONS') continue;
    for (const route of alias.routingConfiguration ?? []) if (route.agentVersion && route.agentVersion !== 'DRAFT') versions.add(route.agentVersion);
  }
  return [...versions].sort();
}

function agentDraft(summary: AgentSummary, detail: Part<Agent>, tags: Part<Record<string, string>>, place: Place): ResourceDraft {
  const id = (detail.ok ? detail.value.agentId : undefined) ?? summary.agentId ?? '';
  return draft(BEDROCK_TYPES.agent, {
    id,
    arn: (detail.ok ? detail.value.agentArn : undefined) ?? agentArn(place, id),
    name: (detail.ok ? detail.value.agentName : undefined) ?? summary.agentName ?? null,
    configuration: toJsonObject(detail.ok ? detail.value : summary),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
}

/** A knowledge base's data sources: what GetDataSource gave (or the summary), and any failure. */
export interface DataSources {
  items: Array<DataSource | DataSourceSummary>;
  /** Why the list is incomplete or some entries are only summaries. */
  error?: string;
}

export function knowledgeBaseResource(
  summary: KnowledgeBaseSummary,
  detail: Part<KnowledgeBase>,
  tags: Part<Record<string, string>>,
  dataSources: DataSources,
  place: Place,
): ResourceDraft {
  const id = (detail.ok ? detail.value.knowledgeBaseId : undefined) ?? summary.knowledgeBaseId ?? '';
  const resource = draft(BEDROCK_TYPES.knowledgeBase, {
    id,
    arn: (detail.ok ? detail.value.knowledgeBaseArn : undefined) ?? knowledgeBaseArn(place, id),
    name: (detail.ok ? detail.value.name : undefined) ?? summary.name ?? null,
    configuration: toJsonObject(detail.ok ? detail.value : summary),
    detailError: detail.ok ? undefined : detail.reason,
    tags,
  });
  resource.supplementaryConfiguration = { DataSources: dataSources.items.map((d): JsonValue => toJsonObject(d)) };
  if (dataSources.error) resource.collectionErrors = { ...resource.collectionErrors, DataSources: dataSources.error };
  return resource;
}

export function agentArn(place: Place, agentId: string): string {
  return `arn:${place.partition}:bedrock:${place.region}:${place.accountId}:agent/${agentId}`;
}

export function knowledgeBaseArn(place: Place, knowledgeBaseId: string): string {
  return `arn:${place.partition}:bedrock:${place.region}:${place.accountId}:knowledge-base/${knowledgeBaseId}`;
}

export function draft(
  type: string,
  parts: { id: string; arn: string; name: string | null; configuration: JsonObject; detailError: string | undefined; tags: Part<Record<string, string>> },
): ResourceDraft {
  const collectionErrors: Record<string, string> = {};
  if (parts.detailError) collectionErrors.configuration = parts.detailError;
  if (!parts.tags.ok) collectionErrors.Tags = parts.tags.reason;
  return {
    type,
    id: parts.id,
    arn: parts.arn,
    name: parts.name,
    configuration: parts.configuration,
    tags: parts.tags.ok ? parts.tags.value : null,
    ...(Object.keys(collectionErrors).length ? { collectionErrors } : {}),
  };
}

/** Bedrock's ListTagsForResource answers [{key, value}]. */
export function bedrockTagMap(tags: Array<{ key?: string | undefined; value?: string | undefined }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.key !== undefined) out[tag.key] = tag.value ?? '';
  return out;
}

/** Tags of a resource of the bedrock control plane, by ARN. */
export function bedrockTags(client: BedrockClient): (arn: string) => Promise<Record<string, string>> {
  return async (arn) => bedrockTagMap((await client.send(new ListBedrockTagsCommand({ resourceARN: arn }))).tags);
}

/** Tags of a resource of bedrock-agent (agents, knowledge bases, prompts, flows), by ARN. */
export function agentTags(client: BedrockAgentClient): (arn: string) => Promise<Record<string, string>> {
  return async (arn) => (await client.send(new ListAgentTagsCommand({ resourceArn: arn }))).tags ?? {};
}

// ---------------------------------------------------------------------------------------------
// Collection.

async function invocationLogging(ctx: CollectorContext, bedrock: BedrockClient, gate: RegionGate): Promise<void> {
  const result = await ctx.call(() => bedrock.send(new GetModelInvocationLoggingConfigurationCommand({})));
  if (result.status === 'ok') {
    ctx.fact('bedrockInvocationLogging', invocationLoggingFact(result.output.loggingConfig));
  } else if (result.status === 'failed') {
    gate.note(result.failure);
    ctx.fact('bedrockInvocationLogging', null, result.failure.reason);
  } else {
    ctx.fact('bedrockInvocationLogging', null, `model invocation logging not readable (${result.code})`);
  }
}

/** Tags of each collected guardrail, by its id and by its ARN (agents name a guardrail by either). */
type GuardrailTags = Map<string, Part<Record<string, string>>>;

async function guardrails(ctx: CollectorContext, bedrock: BedrockClient, gate: RegionGate): Promise<GuardrailTags> {
  const found: GuardrailTags = new Map();
  await collectListed(ctx, gate, {
    type: BEDROCK_TYPES.guardrail,
    // Without an identifier ListGuardrails lists every guardrail once (its DRAFT, the working
    // version); GetGuardrail without a version returns that same latest configuration.
    page: async (token) => {
      const page = await bedrock.send(new ListGuardrailsCommand({ nextToken: token, maxResults: 1000 }));
      return { items: page.guardrails, next: page.nextToken };
    },
    get: (summary) => bedrock.send(new GetGuardrailCommand({ guardrailIdentifier: summary.arn ?? summary.id ?? '' })),
    arn: (summary, detail) => (detail.ok ? detail.value.guardrailArn : undefined) ?? summary.arn ?? '',
    tags: bedrockTags(bedrock),
    resource: (summary, detail, tags) => {
      const resource = guardrailResource(summary, detail, tags);
      // Remembered for the published versions the agents name, which share the guardrail's tags.
      found.set(resource.id, tags).set(resource.arn, tags);
      return resource;
    },
  });
  return found;
}

/** GetGuardrail of each published version an agent applies; tags are the guardrail's. */
async function guardrailVersions(ctx: CollectorContext, bedrock: BedrockClient, gate: RegionGate, drafts: GuardrailTags, references: GuardrailReference[]): Promise<void> {
  if (gate.unavailable) return; // the guardrail type already failed with the reason
  const place: Place = { partition: ctx.partition, region: ctx.region, accountId: ctx.accountId };
  await ctx.each(references, async (reference) => {
    const detail = await partOf(ctx, () => bedrock.send(new GetGuardrailCommand({ guardrailIdentifier: reference.identifier, guardrailVersion: reference.version })));
    // A version that does not exist protects nothing; the agent's own controls judge the reference.
    if (detail === 'gone') return;
    const identity = guardrailIdentity(reference.identifier, place);
    const tags =
      drafts.get(reference.identifier) ??
      (await tagPartOf(ctx, () => bedrockTags(bedrock)(detail.ok ? (detail.value.guardrailArn ?? identity.arn) : identity.arn)));
    ctx.emit(guardrailVersionResource(reference, detail, tags, place));
  });
}

async function customModels(ctx: CollectorContext, bedrock: BedrockClient, gate: RegionGate): Promise<void> {
  await collectListed(ctx, gate, {
    type: BEDROCK_TYPES.customModel,
    page: async (token) => {
      const page = await bedrock.send(new ListCustomModelsCommand({ nextToken: token, maxResults: 1000 }));
      return { items: page.modelSummaries, next: page.nextToken };
    },
    get: (summary) => bedrock.send(new GetCustomModelCommand({ modelIdentifier: summary.modelArn ?? summary.modelName ?? '' })),
    arn: (summary, detail) => (detail.ok ? detail.value.modelArn : undefined) ?? summary.modelArn ?? '',
    tags: bedrockTags(bedrock),
    resource: customModelResource,
  });
}

async function agentsOf(ctx: CollectorContext, client: BedrockAgentClient, gate: RegionGate, place: Place): Promise<GuardrailReference[]> {
  const collected: Array<Pick<Agent, 'guardrailConfiguration'>> = [];
  const list = await gatedListing(ctx, gate, [BEDROCK_TYPES.agent], async (token) => {
    const page = await client.send(new ListAgentsCommand({ nextToken: token, maxResults: 1000 }));
    return { items: page.agentSummaries, next: page.nextToken };
  });
  await ctx.each(list.items, async (summary) => {
    const agentId = summary.agentId ?? '';
    const got = await partOf(ctx, () => client.send(new GetAgentCommand({ agentId })));
    if (got === 'gone') return;
    const detail: Part<Agent> = got.ok ? (got.value.agent ? { ok: true, value: got.value.agent } : { ok: false, reason: 'bedrock:GetAgent returned no agent' }) : got;
    const arn = (detail.ok ? detail.value.agentArn : undefined) ?? agentArn(place, agentId);
    const tags = await tagPartOf(ctx, () => agentTags(client)(arn));
    // An agent whose configuration could not be read is not evaluated at all; its aliases would not change that.
    const deployment = detail.ok ? await deploymentOf(ctx, client, gate, agentId) : undefined;
    const actionGroups = deployment ? await actionGroupsOf(ctx, client, gate, agentId, ['DRAFT', ...deployment.versions.flatMap((v) => (v.version ? [v.version] : []))]) : undefined;
    if (detail.ok) collected.push(detail.value);
    collected.push(...(deployment?.versions ?? []));
    ctx.emit(agentResource(summary, detail, tags, place, deployment, actionGroups));
  });
  return publishedReferences(collected, place);
}

async function deploymentOf(ctx: CollectorContext, client: BedrockAgentClient, gate: RegionGate, agentId: string): Promise<AgentDeployment> {
  // No inventory type of their own: coverage is the agent's AgentAliases collection error.
  const list = await gatedListing(ctx, gate, [], async (token) => {
    const page = await client.send(new ListAgentAliasesCommand({ agentId, nextToken: token, maxResults: 100 }));
    return { items: page.agentAliasSummaries, next: page.nextToken };
  });
  const errors: string[] = list.failure ? [list.failure.reason] : [];
  const versions: AgentVersion[] = [];
  // Sequential: already inside the agent's slot of ctx.each.
  for (const agentVersion of servedVersions(list.items)) {
    const got = await partOf(ctx, () => client.send(new GetAgentVersionCommand({ agentId, agentVersion })));
    if (got === 'gone') continue;
    if (got.ok && got.value.agentVersion) versions.push(got.value.agentVersion);
    else errors.push(got.ok ? 'bedrock:GetAgentVersion returned no agent version' : got.reason);
  }
  return { aliases: list.items, versions, ...(errors.length ? { error: [...new Set(errors)].join('; ') } : {}) };
}

async function actionGroupsOf(ctx: CollectorContext, client: BedrockAgentClient, gate: RegionGate, agentId: string, versions: string[]): Promise<ActionGroups> {
  const byVersion: ActionGroups['byVersion'] = {};
  const errors: string[] = [];
  // Sequential: already inside the agent's slot of ctx.each.
  for (const agentVersion of versions) {
    // No inventory type of their own: coverage is the agent's ActionGroups collection error.
    const list = await gatedListing(ctx, gate, [], async (token) => {
      const page = await client.send(new ListAgentActionGroupsCommand({ agentId, agentVersion, nextToken: token, maxResults: 100 }));
      return { items: page.actionGroupSummaries, next: page.nextToken };
    });
    if (list.failure) {
      // A partial list is no list: the version is left out, so controls see it as unknown.
      errors.push(list.failure.reason);
      continue;
    }
    const groups: Array<AgentActionGroup | ActionGroupSummary> = [];
    for (const summary of list.items) {
      const got = await partOf(ctx, () => client.send(new GetAgentActionGroupCommand({ agentId, agentVersion, actionGroupId: summary.actionGroupId ?? '' })));
      if (got === 'gone') continue;
      if (got.ok && got.value.agentActionGroup) groups.push({ ...got.value.agentActionGroup, actionGroupState: got.value.agentActionGroup.actionGroupState ?? summary.actionGroupState });
      else {
        groups.push(summary);
        errors.push(got.ok ? 'bedrock:GetAgentActionGroup returned no action group' : got.reason);
      }
    }
    byVersion[agentVersion] = groups;
  }
  return { byVersion, ...(errors.length ? { error: [...new Set(errors)].join('; ') } : {}) };
}

async function knowledgeBases(ctx: CollectorContext, client: BedrockAgentClient, gate: RegionGate, place: Place): Promise<void> {
  const list = await gatedListing(ctx, gate, [BEDROCK_TYPES.knowledgeBase], async (token) => {
    const page = await client.send(new ListKnowledgeBasesCommand({ nextToken: token, maxResults: 1000 }));
    return { items: page.knowledgeBaseSummaries, next: page.nextToken };
  });
  await ctx.each(list.items, async (summary) => {
    const knowledgeBaseId = summary.knowledgeBaseId ?? '';
    const got = await partOf(ctx, () => client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId })));
    if (got === 'gone') return;
    const detail: Part<KnowledgeBase> = got.ok
      ? got.value.knowledgeBase
        ? { ok: true, value: got.value.knowledgeBase }
        : { ok: false, reason: 'bedrock:GetKnowledgeBase returned no knowledge base' }
      : got;
    const arn = (detail.ok ? detail.value.knowledgeBaseArn : undefined) ?? knowledgeBaseArn(place, knowledgeBaseId);
    const tags = await tagPartOf(ctx, () => agentTags(client)(arn));
    const dataSources = await dataSourcesOf(ctx, client, gate, knowledgeBaseId);
    ctx.emit(knowledgeBaseResource(summary, detail, tags, dataSources, place));
  });
}

async function dataSourcesOf(ctx: CollectorContext, client: BedrockAgentClient, gate: RegionGate, knowledgeBaseId: string): Promise<DataSources> {
  // No inventory type of their own: coverage is the knowledge base's DataSources collection error.
  const list = await gatedListing(ctx, gate, [], async (token) => {
    const page = await client.send(new ListDataSourcesCommand({ knowledgeBaseId, nextToken: token, maxResults: 1000 }));
    return { items: page.dataSourceSummaries, next: page.nextToken };
  });
  const errors: string[] = list.failure ? [list.failure.reason] : [];
  const items: Array<DataSource | DataSourceSummary> = [];
  // Sequential: already inside the knowledge base's slot of ctx.each.
  for (const summary of list.items) {
    const got = await partOf(ctx, () => client.send(new GetDataSourceCommand({ knowledgeBaseId, dataSourceId: summary.dataSourceId ?? '' })));
    if (got === 'gone') continue;
    if (got.ok && got.value.dataSource) items.push(got.value.dataSource);
    else {
      items.push(summary);
      errors.push(got.ok ? 'bedrock:GetDataSource returned no data source' : got.reason);
    }
  }
  return { items, ...(errors.length ? { error: [...new Set(errors)].join('; ') } : {}) };
}
