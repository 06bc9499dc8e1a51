import {
  BedrockAgentCoreControlClient,
  GetAgentRuntimeCommand,
  GetBrowserCommand,
  GetCodeInterpreterCommand,
  GetGatewayCommand,
  GetMemoryCommand,
  ListAgentRuntimesCommand,
  ListBrowsersCommand,
  ListCodeInterpretersCommand,
  ListGatewaysCommand,
  ListMemoriesCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import type { JsonObject } from '../../json.js';
import type { Collector, CollectorContext, ResourceDraft } from '../collector.js';
import { gatedListing, partOf, RegionGate, tagPartOf, type Part } from '../region-gate.js';
import { toJsonObject } from '../shape.js';
import { runtimeDeploymentOf, type RuntimeDeployment } from './agentcore-runtime-versions.js';

/** CloudFormation's (and AWS Config's) names for the AgentCore resource types. */
export const AGENTCORE_TYPES = {
  runtime: 'AWS::BedrockAgentCore::Runtime',
  gateway: 'AWS::BedrockAgentCore::Gateway',
  memory: 'AWS::BedrockAgentCore::Memory',
  browser: 'AWS::BedrockAgentCore::BrowserCustom',
  codeInterpreter: 'AWS::BedrockAgentCore::CodeInterpreterCustom',
} as const;

/** What a List call says of one resource: enough to Get it and to name it if the Get fails. */
export interface Listed {
  id: string;
  arn: string;
  name: string | null;
  /** The List summary, kept as the configuration when the Get call fails. */
  summary: JsonObject;
}

/** One AgentCore resource kind: how to list it and read its whole configuration. */
interface Kind {
  type: string;
  list(client: BedrockAgentCoreControlClient, token: string | undefined): Promise<{ items: Listed[]; next?: string | undefined }>;
  get(client: BedrockAgentCoreControlClient, listed: Listed): Promise<Part<JsonObject>>;
  /** What the resource serves beyond its Get output (runtimes: the versions their endpoints serve). */
  deployment?(ctx: CollectorContext, client: BedrockAgentCoreControlClient, gate: RegionGate, listed: Listed, detail: JsonObject): Promise<RuntimeDeployment>;
}

/**
 * Amazon Bedrock AgentCore (control plane "bedrock-agentcore-control", IAM prefix
 * "bedrock-agentcore"): agent runtimes, gateways, memories, and the custom browsers and code
 * interpreters, each as a resource whose configuration is its Get call's output with the API's
 * own keys (camelCase; dates as ISO strings). When the Get fails, the List summary stands in and
 * `collectionErrors.configuration` says why. Only reads.
 *
 * Browsers and code interpreters: only the custom ones (ListBrowsers/ListCodeInterpreters with
 * type CUSTOM). The built-in aws.browser.v1 and aws.codeinterpreter.v1 belong to AWS, cannot be
 * configured, and are not the account's resources; Security Hub's controls judge custom ones.
 *
 * AgentCore is offered in some regions only: where the endpoint does not exist or answers that
 * the credentials are not valid there, every AgentCore type's coverage fails with that reason
 * once (unknown, never "none found").
 */
export const bedrockAgentCoreCollector: Collector = {
  service: 'bedrock-agentcore',
  scope: 'regional',
  operations: [
    'bedrock-agentcore:ListAgentRuntimes',
    'bedrock-agentcore:GetAgentRuntime',
    'bedrock-agentcore:ListAgentRuntimeEndpoints',
    'bedrock-agentcore:ListGateways',
    'bedrock-agentcore:GetGateway',
    'bedrock-agentcore:ListMemories',
    'bedrock-agentcore:GetMemory',
    'bedrock-agentcore:ListBrowsers',
    'bedrock-agentcore:GetBrowser',
    'bedrock-agentcore:ListCodeInterpreters',
    'bedrock-agentcore:GetCodeInterpreter',
    'bedrock-agentcore:ListTagsForResource',
  ],
  resourceTypes: Object.values(AGENTCORE_TYPES),
  async collect(ctx) {
    const client = ctx.client(BedrockAgentCoreControlClient);
    const gate = new RegionGate();
    // One after the other: the first listing to find the service missing closes the gate for the rest.
    for (const kind of KINDS) await collectKind(ctx, client, gate, kind);
  },
};

const str = (value: string | undefined): string => value ?? '';

/** The built-in browser and code interpreter are owned by the account "aws". */
export function isAwsManaged(arn: string): boolean {
  return /^arn:[^:]+:bedrock-agentcore:[^:]*:aws:/.test(arn);
}

const KINDS: Kind[] = [
  {
    type: AGENTCORE_TYPES.runtime,
    async list(client, token) {
      const page = await client.send(new ListAgentRuntimesCommand({ nextToken: token }));
      return {
        items: (page.agentRuntimes ?? []).map((s) => ({ id: str(s.agentRuntimeId), arn: str(s.agentRuntimeArn), name: s.agentRuntimeName ?? null, summary: toJsonObject(s) })),
        next: page.nextToken,
      };
    },
    // Without a version GetAgentRuntime answers the latest version: what the DEFAULT endpoint serves.
    get: async (client, listed) => ({ ok: true, value: toJsonObject(await client.send(new GetAgentRuntimeCommand({ agentRuntimeId: listed.id }))) }),
    // Other endpoints can serve older versions, each with its own network mode and environment.
    deployment: (ctx, client, gate, listed, detail) =>
      runtimeDeploymentOf(ctx, client, gate, listed.id, typeof detail.agentRuntimeVersion === 'string' ? detail.agentRuntimeVersion : undefined),
  },
  {
    type: AGENTCORE_TYPES.gateway,
    async list(client, token) {
      const page = await client.send(new ListGatewaysCommand({ nextToken: token }));
      return {
        // GatewaySummary carries no ARN: collectKind builds it (GetGateway's gatewayArn wins).
        items: (page.items ?? []).map((s) => ({ id: str(s.gatewayId), arn: '', name: s.name ?? null, summary: toJsonObject(s) })),
        next: page.nextToken,
      };
    },
    get: async (client, listed) => ({ ok: true, value: toJsonObject(await client.send(new GetGatewayCommand({ gatewayIdentifier: listed.id }))) }),
  },
  {
    type: AGENTCORE_TYPES.memory,
    async list(client, token) {
      // ListMemories answers at most 50 a page.
      const page = await client.send(new ListMemoriesCommand({ nextToken: token, maxResults: 50 }));
      return {
        items: (page.memories ?? []).map((s) => ({ id: str(s.id), arn: str(s.arn), name: null, summary: toJsonObject(s) })),
        next: page.nextToken,
      };
    },
    async get(client, listed) {
      // without_decryption: the settings, not the strategies' decrypted text (no kms:Decrypt needed).
      const out = await client.send(new GetMemoryCommand({ memoryId: listed.id, view: 'without_decryption' }));
      return out.memory ? { ok: true, value: toJsonObject(out.memory) } : { ok: false, reason: 'bedrock-agentcore:GetMemory returned no memory' };
    },
  },
  {
    type: AGENTCORE_TYPES.browser,
    async list(client, token) {
      const page = await client.send(new ListBrowsersCommand({ nextToken: token, type: 'CUSTOM' }));
      return {
        items: (page.browserSummaries ?? []).map((s) => ({ id: str(s.browserId), arn: str(s.browserArn), name: s.name ?? null, summary: toJsonObject(s) })),
        next: page.nextToken,
      };
    },
    get: async (client, listed) => ({ ok: true, value: toJsonObject(await client.send(new GetBrowserCommand({ browserId: listed.id }))) }),
  },
  {
    type: AGENTCORE_TYPES.codeInterpreter,
    async list(client, token) {
      const page = await client.send(new ListCodeInterpretersCommand({ nextToken: token, type: 'CUSTOM' }));
      return {
        items: (page.codeInterpreterSummaries ?? []).map((s) => ({ id: str(s.codeInterpreterId), arn: str(s.codeInterpreterArn), name: s.name ?? null, summary: toJsonObject(s) })),
        next: page.nextToken,
      };
    },
    get: async (client, listed) => ({ ok: true, value: toJsonObject(await client.send(new GetCodeInterpreterCommand({ codeInterpreterId: listed.id }))) }),
  },
];

/**
 * The ARN and name keys each Get output uses (Memory says arn/name, the others prefix them), and
 * the ARN's resource part before the id, as the Service Authorization Reference gives it for
 * bedrock-agentcore (used when a List summary carries no ARN).
 */
const IDENTITY_KEYS: Record<string, { arn: string; name: string; arnResource: string }> = {
  [AGENTCORE_TYPES.runtime]: { arn: 'agentRuntimeArn', name: 'agentRuntimeName', arnResource: 'runtime' },
  [AGENTCORE_TYPES.gateway]: { arn: 'gatewayArn', name: 'name', arnResource: 'gateway' },
  [AGENTCORE_TYPES.memory]: { arn: 'arn', name: 'name', arnResource: 'memory' },
  [AGENTCORE_TYPES.browser]: { arn: 'browserArn', name: 'name', arnResource: 'browser-custom' },
  [AGENTCORE_TYPES.codeInterpreter]: { arn: 'codeInterpreterArn', name: 'name', arnResource: 'code-interpreter-custom' },
};

/** The ARN of a resource of `type` with `id`, for a List summary that carries none. */
export function agentCoreArn(type: string, place: { partition: string; region: string; accountId: string }, id: string): string {
  const resource = IDENTITY_KEYS[type]?.arnResource ?? 'unknown';
  return `arn:${place.partition}:bedrock-agentcore:${place.region}:${place.accountId}:${resource}/${id}`;
}

/**
 * One AgentCore resource: the Get output as configuration (or the List summary and why not),
 * ARN and name from the Get output where the summary lacks them, tags (null and why when unreadable).
 */
export function agentCoreResource(
  type: string,
  listed: Listed,
  detail: Part<JsonObject>,
  tags: Part<Record<string, string>>,
  deployment?: RuntimeDeployment,
): ResourceDraft {
  const keys = IDENTITY_KEYS[type] ?? { arn: 'arn', name: 'name' };
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const arn = (detail.ok ? text(detail.value[keys.arn]) : undefined) ?? listed.arn;
  const name = (detail.ok ? text(detail.value[keys.name]) : undefined) ?? listed.name;
  const collectionErrors: Record<string, string> = {};
  if (!detail.ok) collectionErrors.configuration = detail.reason;
  if (!tags.ok) collectionErrors.Tags = tags.reason;
  if (deployment?.error) collectionErrors.RuntimeEndpoints = deployment.error;
  return {
    type,
    id: listed.id,
    arn,
    name,
    configuration: detail.ok ? detail.value : listed.summary,
    ...(deployment ? { supplementaryConfiguration: deployment.supplementary } : {}),
    tags: tags.ok ? tags.value : null,
    ...(Object.keys(collectionErrors).length ? { collectionErrors } : {}),
  };
}

async function collectKind(ctx: CollectorContext, client: BedrockAgentCoreControlClient, gate: RegionGate, kind: Kind): Promise<void> {
  const list = await gatedListing(ctx, gate, [kind.type], (token) => kind.list(client, token));
  const own = list.items
    .filter((listed) => listed.id !== '' && !isAwsManaged(listed.arn))
    .map((listed) => (listed.arn ? listed : { ...listed, arn: agentCoreArn(kind.type, ctx, listed.id) }));
  await ctx.each(own, async (listed) => {
    const got = await partOf(ctx, () => kind.get(client, listed));
    if (got === 'gone') return; // deleted since the list
    const detail: Part<JsonObject> = got.ok ? got.value : got;
    const arn = agentCoreResource(kind.type, listed, detail, { ok: true, value: {} }).arn;
    const tags = await tagPartOf(ctx, async () => (await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {});
    // A resource whose configuration could not be read is not evaluated at all; what it serves would not change that.
    const deployment = detail.ok && kind.deployment ? await kind.deployment(ctx, client, gate, listed, detail.value) : undefined;
    ctx.emit(agentCoreResource(kind.type, listed, detail, tags, deployment));
  });
}
