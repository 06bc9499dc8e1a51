import { captureInstant, capturedLater } from './capture-time.js';
import { ACCOUNT_RESOURCE_TYPE, INVENTORY_KIND, INVENTORY_SCHEMA_VERSION } from '../model/inventory.js';
import type { CoverageEntry, Inventory, InventoryResource } from '../model/inventory.js';
import type { Removal } from './normalize-config-item.js';
import type { JsonObject } from '../json.js';

/** What merging needs of a resource: the streamed merge (src/sources/open-inputs.ts) keeps only this in memory. */
export type MergeKey = Pick<InventoryResource, 'type' | 'id' | 'arn' | 'accountId' | 'region' | 'capturedAt'>;

export interface InventoryPart {
  source: string;
  resources: InventoryResource[];
  coverage: CoverageEntry[];
  /** Deletions a configuration history recorded: each removes an older capture of its resource. */
  removals?: Removal[];
  /** Account- and region-level facts the source found, for the AWS::::Account resources (applied in order). */
  facts?: AccountFacts[];
}

/**
 * Facts about an account in a region (e.g. Bedrock invocation logging) rather than about one
 * resource: they become part of that place's AWS::::Account resource. Region "global" (facts of
 * a global service such as IAM) holds for every region's account resource of the account.
 */
export interface AccountFacts {
  accountId: string;
  region: string;
  facts: JsonObject;
  /** Why a fact is unknown, by fact; kept apart from per-resource collection errors so a control about one fact never reports another fact's failure as its reason. */
  factErrors: Record<string, string>;
}

/**
 * Merges what the sources produced into one inventory: the newest capture of each ARN wins
 * (capture times compared as instants; on equal or unknown times the first input keeps it),
 * a deletion captured later than a resource's newest capture removes it,
 * one AWS::::Account resource is added per account and region (it carries account/region-level
 * facts and what was collected there), and everything is sorted so output is reproducible.
 */
export function buildInventory(parts: InventoryPart[], scanned: Array<{ accountId: string; region: string }> = []): Inventory {
  const byArn = new Map<string, InventoryResource>();
  const coverage = new Map<string, CoverageEntry>();
  for (const part of parts) {
    for (const resource of part.resources) {
      const seen = byArn.get(resource.arn);
      if (!seen || capturedLater(resource.capturedAt, seen.capturedAt)) byArn.set(resource.arn, resource);
    }
    mergeCoverage(coverage, part.coverage);
  }

  removeDeleted(byArn, parts.flatMap((part) => part.removals ?? []));

  const coverageList = [...coverage.values()].sort(compareCoverage);
  const accountResources = synthesizeAccountResources(byArn.values(), coverageList, scanned);
  for (const account of accountResources) {
    const existing = byArn.get(account.arn);
    // A saved inventory already carries account resources; keep the facts it recorded.
    byArn.set(account.arn, existing ? { ...account, configuration: { ...account.configuration, ...existing.configuration } } : account);
  }
  for (const part of parts) for (const facts of part.facts ?? []) addFacts(byArn, accountResources, facts);

  const resources = [...byArn.values()].sort((a, b) => compare(a.type, b.type) || compare(a.arn, b.arn));
  return {
    kind: INVENTORY_KIND,
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    sources: parts.map((part) => part.source),
    accounts: unique(resources.map((r) => r.accountId)),
    regions: unique(resources.map((r) => r.region).filter((region) => region !== 'global')),
    coverage: coverageList,
    resources,
  };
}

function addFacts(byArn: Map<string, InventoryResource>, accounts: InventoryResource[], { accountId, region, facts, factErrors }: AccountFacts): void {
  const targets = region === 'global' ? accounts.filter((a) => a.accountId === accountId).map((a) => byArn.get(a.arn)) : [byArn.get(accountResourceArn(accountId, region))];
  for (const account of targets) {
    if (!account) continue;
    Object.assign(account.configuration, facts);
    if (Object.keys(factErrors).length) {
      const known = account.configuration.factErrors;
      account.configuration.factErrors = { ...(known && typeof known === 'object' && !Array.isArray(known) ? known : {}), ...factErrors };
    }
  }
}

export function mergeCoverage(coverage: Map<string, CoverageEntry>, entries: CoverageEntry[]): void {
  for (const entry of entries) {
    const key = `${entry.accountId}|${entry.region}|${entry.resourceType}`;
    // A type counts as collected if any source collected it completely.
    if (!coverage.has(key) || entry.status === 'complete') coverage.set(key, entry);
  }
}

/**
 * Drops every resource whose newest record is a deletion. A deleted item often carries no ARN or
 * account (get-resource-config-history), so it also matches by type, region and resource id.
 * Only a strictly later deletion removes: on equal or unknown times the recorded configuration
 * stays and is evaluated.
 */
export function removeDeleted<R extends MergeKey>(byArn: Map<string, R>, removals: Removal[]): void {
  if (removals.length === 0) return;
  const byIdentity = new Map<string, R[]>();
  for (const resource of byArn.values()) {
    for (const key of [identity(resource.type, resource.region, resource.id, resource.accountId), identity(resource.type, resource.region, resource.id, null)]) {
      const list = byIdentity.get(key) ?? [];
      list.push(resource);
      byIdentity.set(key, list);
    }
  }
  for (const removal of removals) {
    const byItsArn = byArn.get(removal.arn);
    const candidates = new Set([...(byItsArn ? [byItsArn] : []), ...(byIdentity.get(identity(removal.type, removal.region, removal.id, removal.accountId)) ?? [])]);
    const when = captureInstant(removal.capturedAt);
    for (const resource of candidates) {
      if (when > captureInstant(resource.capturedAt) && byArn.get(resource.arn) === resource) byArn.delete(resource.arn);
    }
  }
}

function identity(type: string, region: string, id: string, accountId: string | null): string {
  return JSON.stringify([type, region, id, accountId]);
}

export function accountResourceArn(accountId: string, region: string): string {
  return `arn:aws::${region}:${accountId}:account`;
}

/** One per account and region that has resources, coverage, or was scanned (live: even if empty). */
export function synthesizeAccountResources(resources: Iterable<Pick<InventoryResource, 'accountId' | 'region'>>, coverage: CoverageEntry[], scanned: Array<{ accountId: string; region: string }>): InventoryResource[] {
  const places = new Map<string, { accountId: string; region: string }>(scanned.map((p) => [`${p.accountId}|${p.region}`, p]));
  for (const r of resources) {
    if (r.region !== 'global') places.set(`${r.accountId}|${r.region}`, { accountId: r.accountId, region: r.region });
  }
  for (const c of coverage) {
    if (c.region !== 'global') places.set(`${c.accountId}|${c.region}`, { accountId: c.accountId, region: c.region });
  }
  return [...places.values()].map(({ accountId, region }) => {
    const here = coverage.filter((c) => c.accountId === accountId && (c.region === region || c.region === 'global'));
    return {
      type: ACCOUNT_RESOURCE_TYPE,
      id: `${accountId}/${region}`,
      arn: accountResourceArn(accountId, region),
      name: `${accountId} ${region}`,
      accountId,
      region,
      capturedAt: null,
      configuration: {
        accountId,
        region,
        collectedTypes: unique(here.filter((c) => c.status === 'complete').map((c) => c.resourceType)),
        failedTypes: Object.fromEntries(
          here.filter((c) => c.status === 'failed').map((c) => [c.resourceType, c.reason ?? 'collection failed']),
        ),
      },
      supplementaryConfiguration: {},
      tags: {},
      relationships: [],
    };
  });
}

export function compareCoverage(a: CoverageEntry, b: CoverageEntry): number {
  return compare(a.accountId, b.accountId) || compare(a.region, b.region) || compare(a.resourceType, b.resourceType);
}

/** Code-unit order, as the inventory is sorted (type, then ARN); never locale order. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
