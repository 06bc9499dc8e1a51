import type { JsonObject } from '../json.js';
import type { CoverageEntry, InventoryResource, Relationship } from '../model/inventory.js';
import type { ClientFactory } from './aws-clients.js';
import { callRecordOf } from './aws-clients.js';
import { classifyFailure, errorCode, type CallFailure } from './errors.js';
import { paginate, stoppedReason } from './paginate.js';

/**
 * One collector per service. It declares every API operation it can call (the read-only test
 * and docs/iam-policy.json are derived from these lists) and the resource types it produces,
 * and emits resources in the same shape AWS Config records them, so every control behaves the
 * same on live, snapshot and saved-inventory data.
 */
export interface Collector {
  /** e.g. "sagemaker". */
  service: string;
  /** "global" collectors (IAM, S3 listing) run once per account, "regional" ones per region. */
  scope: 'global' | 'regional';
  /** API operations as "<client prefix>:<Operation>", e.g. "sagemaker:ListNotebookInstances". */
  operations: string[];
  /** Inventory types this collector produces (coverage is reported for these). */
  resourceTypes: string[];
  /**
   * Runs first in every region and may claim (type, region) pairs it collected, which every
   * other collector then leaves alone (the AWS Config source: when a recorder records a type,
   * its items are used instead of calling the service's own APIs).
   */
  claimsTypes?: boolean;
  collect(ctx: CollectorContext): Promise<void>;
}

export type CallResult<T> =
  | { status: 'ok'; output: T }
  /** The service answered "there is none" (e.g. NoSuchBucketPolicy): an answer, not a gap. */
  | { status: 'absent'; code: string }
  | { status: 'failed'; failure: CallFailure };

/** A resource as a collector builds it; the context fills in account, region and defaults. */
export interface ResourceDraft {
  type: string;
  id: string;
  arn: string;
  name?: string | null;
  /** Defaults to the collector's region ("global" for IAM). */
  region?: string;
  configuration: JsonObject;
  supplementaryConfiguration?: JsonObject;
  tags?: Record<string, string> | null;
  relationships?: Relationship[];
  /** Parts of the resource that could not be collected, and why (become not_evaluated reasons). */
  collectionErrors?: Record<string, string>;
  /** When the source observed it (AWS Config's capture time); live API reads leave it null. */
  capturedAt?: string | null;
}

export interface CollectorContext {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /** A client for this collector's region, or another one (S3 answers only in a bucket's own region). */
  client<C>(Client: new (config: Record<string, unknown>) => C, region?: string): C;
  /** Sends one call; failures are recorded and returned, never thrown. */
  call<T>(send: () => Promise<T>, options?: { absentOn?: string[] }): Promise<CallResult<T>>;
  /**
   * Follows a paginated list to the end. Returns every item and marks `resourceTypes` as
   * completely collected here; on failure returns the items so far, marks the types failed
   * with the reason, and returns `complete: false`.
   */
  listAll<T>(resourceTypes: string[], page: (token: string | undefined) => Promise<{ items: T[] | undefined; next?: string | undefined }>): Promise<{ items: T[]; complete: boolean }>;
  /** Runs per-resource calls with bounded concurrency (per service and region). */
  each<T>(items: T[], work: (item: T) => Promise<void>): Promise<void>;
  emit(resource: ResourceDraft): void;
  /**
   * Adds supplementary configuration and collection errors to a resource of a type another source
   * (AWS Config) collected here, for what that source does not record (IAM last-accessed data on
   * a Config role). Ignored where this collector emits the type itself.
   */
  supplement(resourceType: string, supplement: Supplement): void;
  /** Marks types completely collected / failed for this account and region. */
  covered(resourceTypes: string[]): void;
  failed(resourceTypes: string[], reason: string): void;
  /** Account- and region-level facts (e.g. Bedrock invocation logging), put on the AWS::::Account resource. */
  fact(key: string, value: JsonObject | null, failureReason?: string): void;
  /** False when another source (AWS Config) already collected this type in this region. */
  wants(resourceType: string, region?: string): boolean;
  /** For a claiming collector: this type in this region is collected; others skip it. */
  claim(resourceType: string, region: string): void;
}

export interface CollectedPart {
  resources: InventoryResource[];
  coverage: CoverageEntry[];
  facts: Map<string, { region: string; facts: JsonObject; factErrors: Record<string, string> }>;
  /** Additions to resources another source collected (CollectorContext.supplement). */
  supplements?: Supplement[];
}

/** What a collector adds to a resource another source collected, found by its ARN. */
export interface Supplement {
  arn: string;
  supplementaryConfiguration: JsonObject;
  collectionErrors: Record<string, string>;
}

/**
 * Applies the supplements to the resources with their ARNs: keys the resource already has win (the
 * source that collected it recorded them); a supplement for a resource that is not there is dropped.
 */
export function applySupplements(resources: InventoryResource[], supplements: Supplement[]): void {
  if (supplements.length === 0) return;
  const byArn = new Map(resources.map((r) => [r.arn, r]));
  for (const { arn, supplementaryConfiguration, collectionErrors } of supplements) {
    const resource = byArn.get(arn);
    if (!resource) continue;
    resource.supplementaryConfiguration = { ...supplementaryConfiguration, ...resource.supplementaryConfiguration };
    const errors = { ...collectionErrors, ...(resource.collectionErrors ?? {}) };
    if (Object.keys(errors).length > 0) resource.collectionErrors = errors;
  }
}

/** Context for one collector in one region, collecting into `part`. */
export function createContext(options: {
  factory: ClientFactory;
  accountId: string;
  partition: string;
  region: string;
  /** The region a global collector reports its resources in ("global" for IAM). */
  resourceRegion: string;
  part: CollectedPart;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  /** "<type>|<region>" pairs already collected by a claiming collector (shared by a scan). */
  claimed?: Set<string>;
  /** This context belongs to a claiming collector: it claims, and is never filtered. */
  claims?: boolean;
  /**
   * "<type>|<region>" pairs another source (the Config aggregator) collected before this
   * account's collection began: every collector, the claiming one included, leaves them alone.
   */
  preclaimed?: ReadonlySet<string>;
}): CollectorContext {
  const { factory, accountId, partition, region, resourceRegion, part, limit } = options;
  const claimed = options.claimed ?? new Set<string>();
  const coverageRegion = resourceRegion === 'global' ? 'global' : region;
  const preclaimed = options.preclaimed ?? new Set<string>();
  const wants = (type: string, where: string = coverageRegion) => !preclaimed.has(`${type}|${where}`) && (options.claims === true || !claimed.has(`${type}|${where}`));
  const coverage = (types: string[], status: CoverageEntry['status'], reason?: string) => {
    for (const resourceType of types.filter((t) => wants(t))) {
      part.coverage.push({ accountId, region: resourceRegion === 'global' ? 'global' : region, resourceType, status, ...(reason ? { reason } : {}) });
    }
  };
  const ctx: CollectorContext = {
    accountId,
    region,
    partition,
    client: (Client, inRegion) => factory.client(Client, inRegion ?? region),
    async call(send, callOptions) {
      try {
        return { status: 'ok', output: await send() };
      } catch (error) {
        const code = errorCode(error);
        const record = callRecordOf(error);
        if (callOptions?.absentOn?.includes(code)) {
          if (record) {
            record.ok = true;
            record.absent = code;
          }
          return { status: 'absent', code };
        }
        return { status: 'failed', failure: classifyFailure(error, record?.action ?? 'a call') };
      }
    },
    async listAll<T>(types: string[], page: (token: string | undefined) => Promise<{ items: T[] | undefined; next?: string | undefined }>) {
      const items: T[] = [];
      // Everything this listing is for was already collected from AWS Config: no call at all.
      if (types.length > 0 && types.every((t) => !wants(t))) return { items, complete: true };
      const listed = await paginate((send) => ctx.call(send), page);
      if (!listed.complete) {
        ctx.failed(types, stoppedReason(listed.stopped, 'listing failed'));
        return { items: listed.items, complete: false };
      }
      ctx.covered(types);
      return { items: listed.items, complete: true };
    },
    async each(items, work) {
      await Promise.all(items.map((item) => limit(() => work(item))));
    },
    emit(draft) {
      if (!wants(draft.type, draft.region ?? resourceRegion)) return;
      part.resources.push({
        type: draft.type,
        id: draft.id,
        arn: draft.arn,
        name: draft.name ?? null,
        accountId,
        region: draft.region ?? resourceRegion,
        capturedAt: draft.capturedAt ?? null,
        configuration: draft.configuration,
        supplementaryConfiguration: draft.supplementaryConfiguration ?? {},
        tags: draft.tags === undefined ? {} : draft.tags,
        relationships: draft.relationships ?? [],
        ...(draft.collectionErrors && Object.keys(draft.collectionErrors).length ? { collectionErrors: draft.collectionErrors } : {}),
      });
    },
    wants,
    supplement(type, addition) {
      if (wants(type)) return;
      (part.supplements ??= []).push(addition);
    },
    claim(type, where) {
      if (options.claims) claimed.add(`${type}|${where}`);
    },
    covered: (types) => coverage(types, 'complete'),
    failed: (types, reason) => coverage(types, 'failed', reason),
    fact(key, value, failureReason) {
      // Facts of global services (IAM) hold for every region's account resource.
      const where = resourceRegion === 'global' ? 'global' : region;
      const slot = part.facts.get(where) ?? { region: where, facts: {}, factErrors: {} };
      if (failureReason) slot.factErrors[key] = failureReason;
      else slot.facts[key] = value;
      part.facts.set(where, slot);
    },
  };
  return ctx;
}
