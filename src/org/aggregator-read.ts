import {
  BatchGetAggregateResourceConfigCommand,
  ConfigServiceClient,
  ListAggregateDiscoveredResourcesCommand,
  SelectAggregateResourceConfigCommand,
  type AggregateResourceIdentifier,
  type ResourceType,
} from '@aws-sdk/client-config-service';
import { callRecordOf } from '../collect/aws-clients.js';
import type { CallRecord } from '../collect/call-log.js';
import { classifyFailure } from '../collect/errors.js';
import { createLimiter } from '../collect/limiter.js';
import { paginate, stoppedReason, type Paginated, type SendCall } from '../collect/paginate.js';
import { toJson } from '../collect/shape.js';
import { normalizeConfigItem } from '../inventory/normalize-config-item.js';
import { isJsonObject, type JsonValue } from '../json.js';
import type { InventoryResource } from '../model/inventory.js';

/** A type that could not be read, for every account (accountId/region absent) or one place. */
export interface ReadFailure {
  resourceType: string;
  accountId?: string;
  region?: string;
  reason: string;
}

export interface AggregateRead {
  /** SelectAggregateResourceConfig, or the List + BatchGet fallback where Select is not available. */
  via: 'select' | 'batch-get';
  /** Current configuration items, normalised; deleted and unrecorded items are not resources. */
  resources: InventoryResource[];
  failures: ReadFailure[];
  /** Why Select was not used, when the fallback read everything. */
  selectUnavailable?: string;
}

const PAGE = 100; // the Limit maximum of Select and ListAggregateDiscoveredResources
const BATCH = 100; // BatchGetAggregateResourceConfig's maximum
const UNPROCESSED_ATTEMPTS = 3;
const CONCURRENT_QUERIES = 4;

/**
 * The properties normalizeConfigItem reads. `SELECT *` returns only top-level scalars (AWS Config
 * Developer Guide, "Limitations" of advanced queries), so configuration, supplementaryConfiguration,
 * tags and relationships are named. configurationItemStatus is selected to drop deleted resources.
 */
export const SELECT_PROPERTIES = [
  'resourceId', 'resourceName', 'resourceType', 'arn', 'accountId', 'awsRegion', 'availabilityZone',
  'configuration', 'supplementaryConfiguration', 'tags', 'relationships',
  'configurationItemCaptureTime', 'configurationItemStatus', 'resourceCreationTime',
] as const;

/**
 * The query for one type, optionally only in some regions (names are checked before they get
 * here); IAM's items are in region "global", which every region filter keeps.
 */
export function selectExpression(type: string, regions?: string[]): string {
  const where = [`resourceType = '${type}'`, ...(regions?.length ? [`awsRegion IN (${[...regions, 'global'].map((r) => `'${r}'`).join(', ')})`] : [])];
  return `SELECT ${SELECT_PROPERTIES.join(', ')} WHERE ${where.join(' AND ')}`;
}

/** Sends through the client (which logs the call); a failure is classified and returned, never thrown, its call record handed to `noted`. */
function sendNoting(noted: (record: CallRecord | undefined) => void): SendCall {
  return async (send) => {
    try {
      return { status: 'ok', output: await send() };
    } catch (error) {
      const record = callRecordOf(error);
      noted(record);
      return { status: 'failed', failure: classifyFailure(error, record?.action ?? 'a call') };
    }
  };
}

export const sendCall: SendCall = sendNoting(() => undefined);

/**
 * Reads every configuration item of `types` the aggregator holds: SelectAggregateResourceConfig,
 * one query per type (a failure then costs only that type), each followed page by page. Where the
 * first query fails outright — Select not supported (an emulator, a partition without advanced
 * queries), not allowed by the caller's policy, or failing — the List + BatchGet fallback reads
 * everything instead: it is slower, never less correct.
 */
export async function readAggregate(config: ConfigServiceClient, name: string, types: readonly string[], regions?: string[]): Promise<AggregateRead> {
  const resources: InventoryResource[] = [];
  const failures: ReadFailure[] = [];
  let firstFailure: CallRecord | undefined;
  const firstCall = sendNoting((record) => {
    firstFailure = record;
  });
  const readType = async (type: string, send: SendCall): Promise<Paginated<string>> => {
    const rows = await paginate<string>(send, async (token) => {
      const page = await config.send(new SelectAggregateResourceConfigCommand({ ConfigurationAggregatorName: name, Expression: selectExpression(type, regions), Limit: PAGE, NextToken: token }));
      return { items: page.Results, next: page.NextToken };
    });
    if (!rows.complete) failures.push({ resourceType: type, reason: stoppedReason(rows.stopped, 'config:SelectAggregateResourceConfig') });
    rows.items.forEach((row, i) => take(parseRow(row), type, `AWS Config aggregator ${name}: ${type} row ${i}`, resources, failures));
    return rows;
  };
  const [first, ...rest] = types;
  if (first === undefined) return { via: 'select', resources, failures };
  // The first query alone: whether Select works at all decides how everything is read.
  const probe = await readType(first, firstCall);
  if (!probe.complete && probe.items.length === 0) {
    // Not a gap: the fallback reads the same items. The call stays in the log, as answered.
    if (firstFailure) {
      firstFailure.ok = true;
      firstFailure.absent = firstFailure.errorCode ?? 'Error';
    }
    const fallback = await readByBatchGet(config, name, types, regions);
    return { ...fallback, selectUnavailable: stoppedReason(probe.stopped, 'config:SelectAggregateResourceConfig') };
  }
  // The other types a few at a time: each query pages on its own.
  const limit = createLimiter(CONCURRENT_QUERIES);
  await Promise.all(rest.map((type) => limit(() => readType(type, sendCall))));
  return { via: 'select', resources, failures };
}

/** Each Select row is a JSON string; configuration inside it may be a JSON string again (normalizeConfigItem parses that). */
function parseRow(row: string): JsonValue {
  try {
    return JSON.parse(row) as JsonValue;
  } catch {
    return row; // take() reports it
  }
}

/**
 * One configuration item into `resources`. An item Config discovered but does not record
 * (ResourceNotRecorded) is no resource, and it means the type is not fully recorded in its account
 * and region, so the type fails there. An item that cannot be read fails its type everywhere (it
 * cannot be placed), and the scan goes on.
 */
function take(raw: JsonValue, type: string, where: string, resources: InventoryResource[], failures: ReadFailure[]): void {
  if (isJsonObject(raw) && raw.configurationItemStatus === 'ResourceNotRecorded') {
    const accountId = typeof raw.accountId === 'string' ? raw.accountId : undefined;
    const region = typeof raw.awsRegion === 'string' ? raw.awsRegion : undefined;
    if (accountId && region) failures.push({ resourceType: type, accountId, region, reason: `the account's configuration recorder does not record ${type} there (AWS Config lists items as ResourceNotRecorded)` });
    else failures.push({ resourceType: type, reason: `${where}: an item is ResourceNotRecorded and names no account or region` });
    return;
  }
  if (!isJsonObject(raw)) {
    failures.push({ resourceType: type, reason: `${where} is not a JSON object` });
    return;
  }
  try {
    const resource = normalizeConfigItem(raw, where);
    if (resource) resources.push(resource);
  } catch (error) {
    // normalizeConfigItem's InputError names `where` and what is wrong with the item.
    failures.push({ resourceType: type, reason: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * ListAggregateDiscoveredResources per type, then BatchGetAggregateResourceConfig 100 at a time.
 * Keys Config leaves unprocessed are asked for again a few times; those still left fail their
 * type in their account and region (what was read of the others stands).
 */
async function readByBatchGet(config: ConfigServiceClient, name: string, types: readonly string[], regions?: string[]): Promise<AggregateRead> {
  const resources: InventoryResource[] = [];
  const failures: ReadFailure[] = [];
  const wanted = regions?.length ? new Set(regions) : undefined;
  for (const type of types) {
    const listed = await paginate<AggregateResourceIdentifier>(sendCall, async (token) => {
      const page = await config.send(new ListAggregateDiscoveredResourcesCommand({ ConfigurationAggregatorName: name, ResourceType: type as ResourceType, Limit: PAGE, NextToken: token }));
      return { items: page.ResourceIdentifiers, next: page.NextToken };
    });
    if (!listed.complete) {
      failures.push({ resourceType: type, reason: stoppedReason(listed.stopped, 'config:ListAggregateDiscoveredResources') });
      continue;
    }
    const keys = listed.items.filter((k) => k.SourceAccountId && k.SourceRegion && k.ResourceId && (!wanted || wanted.has(k.SourceRegion) || k.SourceRegion === 'global'));
    for (let i = 0; i < keys.length; i += BATCH) {
      let pending = keys.slice(i, i + BATCH);
      let failure: string | undefined;
      for (let attempt = 0; pending.length > 0 && attempt < UNPROCESSED_ATTEMPTS && !failure; attempt++) {
        const batch = await sendCall(() => config.send(new BatchGetAggregateResourceConfigCommand({ ConfigurationAggregatorName: name, ResourceIdentifiers: pending })));
        if (batch.status !== 'ok') {
          failure = stoppedReason(batch, 'config:BatchGetAggregateResourceConfig');
          break;
        }
        for (const [j, item] of (batch.output.BaseConfigurationItems ?? []).entries()) take(toJson(item), type, `AWS Config aggregator ${name}: ${type} item ${i + j}`, resources, failures);
        pending = batch.output.UnprocessedResourceIdentifiers ?? [];
      }
      const reason = failure ?? `config:BatchGetAggregateResourceConfig left ${pending.length} item(s) unprocessed after ${UNPROCESSED_ATTEMPTS} attempts`;
      for (const place of placesOf(pending)) failures.push({ resourceType: type, ...place, reason });
    }
  }
  return { via: 'batch-get', resources, failures };
}

function placesOf(keys: AggregateResourceIdentifier[]): Array<{ accountId: string; region: string }> {
  const places = new Map<string, { accountId: string; region: string }>();
  for (const k of keys) if (k.SourceAccountId && k.SourceRegion) places.set(`${k.SourceAccountId}|${k.SourceRegion}`, { accountId: k.SourceAccountId, region: k.SourceRegion });
  return [...places.values()];
}
