import {
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  ListDiscoveredResourcesCommand,
  type ResourceKey,
  type ResourceType,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
} from '@aws-sdk/client-config-service';
import type { JsonObject, JsonValue } from '../../json.js';
import { normalizeConfigItem } from '../../inventory/normalize-config-item.js';
import type { Collector, CollectorContext } from '../collector.js';
import { paginate } from '../paginate.js';
import { toJson } from '../shape.js';

/**
 * Types whose AWS Config items carry everything the controls read (the controls are written
 * against Config's shapes). Where the region's recorder records one of them, its items are
 * collected through Config and the service's own collector leaves that type alone there.
 * Left to the services: IAM users and groups (the credential report is not in Config), and
 * types Config does not record (training jobs, endpoints, Bedrock…).
 */
export const CONFIG_SOURCED_TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::AccountPublicAccessBlock',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::KMS::Key',
  'AWS::CloudTrail::Trail',
  'AWS::SageMaker::NotebookInstance',
  'AWS::SageMaker::Model',
  'AWS::SageMaker::EndpointConfig',
  'AWS::GuardDuty::Detector',
  'AWS::Events::Rule',
  'AWS::ECR::Repository',
  'AWS::EC2::VPCEndpoint',
];
/** Config-sourced types Config records once per account, in region "global". */
export const GLOBAL_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::Role', 'AWS::IAM::Policy']);
const BATCH_SIZE = 100; // BatchGetResourceConfig's maximum

/**
 * AWS Config: whether the region's configuration recorder exists, records, and records what
 * (all supported types, global types), as the `configRecorder` fact; null when there is none.
 * Service-linked recorders (AWS services recording for themselves) are not the account's
 * recorder: the customer-managed one is reported when there is one.
 *
 * When the recorder is recording, the covered types it records are collected from Config
 * (ListDiscoveredResources, then BatchGetResourceConfig 100 at a time) and claimed, so the
 * services' own collectors skip them in this region. A type whose Config collection fails in any
 * way is not claimed: the service's APIs then collect it, and nothing is lost.
 */
export const configRecorderCollector: Collector = {
  service: 'config',
  scope: 'regional',
  claimsTypes: true,
  operations: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus', 'config:ListDiscoveredResources', 'config:BatchGetResourceConfig'],
  resourceTypes: [],
  async collect(ctx) {
    const config = ctx.client(ConfigServiceClient);
    const recorders = await ctx.call(() => config.send(new DescribeConfigurationRecordersCommand({})));
    if (recorders.status !== 'ok') {
      ctx.fact('configRecorder', null, recorders.status === 'failed' ? recorders.failure.reason : `config:DescribeConfigurationRecorders answered ${recorders.code}`);
      return;
    }
    const recorder = primaryRecorder(recorders.output.ConfigurationRecorders ?? []);
    if (!recorder) {
      ctx.fact('configRecorder', null);
      return;
    }
    const statuses = await ctx.call(() => config.send(new DescribeConfigurationRecorderStatusCommand(recorder.name ? { ConfigurationRecorderNames: [recorder.name] } : {})));
    const status = statuses.status === 'ok' ? (statuses.output.ConfigurationRecordersStatus ?? []).find((s) => s.name === recorder.name) : undefined;
    const fact = configRecorderFact(recorder, status);
    ctx.fact('configRecorder', fact);
    if (fact.recording === true) {
      // A type another source already collected here (the Config aggregator) is not asked for again.
      for (const type of recordedTypes(fact)) if (ctx.wants(type, GLOBAL_TYPES.has(type) ? 'global' : ctx.region)) await collectTypeFromConfig(ctx, config, type);
    }
    if (statuses.status !== 'ok') {
      // The recorder is known; whether it records is not (recording and lastStatus are null).
      ctx.fact('configRecorder', null, statuses.status === 'failed' ? statuses.failure.reason : `config:DescribeConfigurationRecorderStatus answered ${statuses.code}`);
    }
  },
};

/** The customer-managed recorder if there is one, else the first. */
export function primaryRecorder(recorders: ConfigurationRecorder[]): ConfigurationRecorder | undefined {
  return recorders.find((r) => !r.servicePrincipal) ?? recorders[0];
}

export function configRecorderFact(recorder: ConfigurationRecorder, status: ConfigurationRecorderStatus | undefined): JsonObject {
  const group = recorder.recordingGroup;
  return {
    name: recorder.name ?? null,
    // A recorder without a recording group records all supported types (the API default).
    allSupported: group ? (group.allSupported ?? false) : true,
    includeGlobalResourceTypes: group?.includeGlobalResourceTypes ?? false,
    resourceTypes: group?.resourceTypes ?? [],
    exclusionResourceTypes: group?.exclusionByResourceTypes?.resourceTypes ?? [],
    recordingStrategy: group?.recordingStrategy?.useOnly ?? null,
    recordingFrequency: recorder.recordingMode?.recordingFrequency ?? null,
    servicePrincipal: recorder.servicePrincipal ?? null,
    recording: status?.recording ?? null,
    lastStatus: status?.lastStatus ?? null,
    lastErrorCode: status?.lastErrorCode ?? null,
    lastStatusChangeTime: status?.lastStatusChangeTime?.toISOString() ?? null,
  };
}

/** The covered types this recorder records (global IAM types only with includeGlobalResourceTypes). */
export function recordedTypes(fact: JsonObject): string[] {
  const listed = new Set(Array.isArray(fact.resourceTypes) ? fact.resourceTypes.filter((t): t is string => typeof t === 'string') : []);
  const excluded = new Set(Array.isArray(fact.exclusionResourceTypes) ? fact.exclusionResourceTypes : []);
  return CONFIG_SOURCED_TYPES.filter((type) => {
    if (excluded.has(type)) return false;
    if (fact.allSupported === true) return !GLOBAL_TYPES.has(type) || fact.includeGlobalResourceTypes === true;
    return listed.has(type);
  });
}

async function collectTypeFromConfig(ctx: CollectorContext, config: ConfigServiceClient, type: string): Promise<void> {
  const listed = await paginate((send) => ctx.call(send), async (nextToken) => {
    const page = await config.send(new ListDiscoveredResourcesCommand({ resourceType: type as ResourceType, limit: 100, nextToken }));
    return { items: page.resourceIdentifiers, next: page.nextToken };
  });
  if (!listed.complete) return; // not claimed: the service's own collector takes it
  const keys: ResourceKey[] = listed.items.flatMap((r) => (r.resourceId && !r.resourceDeletionTime ? [{ resourceType: type as ResourceType, resourceId: r.resourceId }] : []));
  const items: JsonValue[] = [];
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    let pending = keys.slice(i, i + BATCH_SIZE);
    // Config may leave keys unprocessed under load: ask again a few times, then give up on Config.
    for (let attempt = 0; pending.length > 0 && attempt < 3; attempt++) {
      const batch = await ctx.call(() => config.send(new BatchGetResourceConfigCommand({ resourceKeys: pending })));
      if (batch.status !== 'ok') return;
      items.push(...(batch.output.baseConfigurationItems ?? []).map((item) => toJson(item)));
      pending = batch.output.unprocessedResourceKeys ?? [];
    }
    if (pending.length > 0) return;
  }
  const resources = items.map((item, index) => normalizeConfigItem(item, `AWS Config ${type} item ${index}`)).filter((r) => r !== null);
  for (const r of resources) {
    ctx.emit({ type: r.type, id: r.id, arn: r.arn, name: r.name, region: r.region, configuration: r.configuration, supplementaryConfiguration: r.supplementaryConfiguration, tags: r.tags, relationships: r.relationships, capturedAt: r.capturedAt });
  }
  const where = GLOBAL_TYPES.has(type) ? 'global' : ctx.region;
  ctx.claim(type, where);
  ctx.covered([type]);
}
