import { CONFIG_SOURCED_TYPES, GLOBAL_TYPES } from '../collect/services/config.js';
import type { Collector } from '../collect/collector.js';
import { ALL_COLLECTORS } from '../collect/registry.js';
import type { AccountFacts } from '../inventory/build-inventory.js';
import type { CoverageEntry, InventoryResource } from '../model/inventory.js';
import type { AggregatorScope } from './aggregator-describe.js';
import type { ReadFailure } from './aggregator-read.js';

/**
 * The account- and region-level facts the collectors put on AWS::::Account resources
 * (CollectorContext.fact). AWS Config records none of them; a test keeps this list equal to the
 * fact names in src/collect/services.
 */
export const ACCOUNT_FACTS = [
  'accessAnalyzer', 'aiServicesOptOut', 'bedrockInvocationLogging', 'cloudtrailMultiRegionTrailsFromOtherRegions',
  'configRecorder', 'ecrRegistryScanning', 'guardDuty', 'iamAccountSummary', 'iamPasswordPolicy', 'macie',
  'macieAutomatedDiscovery', 'rootUser', 'securityHub',
] as const;

/** Why what Config does not record is unknown in an aggregator-only scan. */
export const NOT_RECORDED_REASON = 'not recorded by AWS Config; scan with --org-role-name to collect it from each account';

/** One account of the scan, as results.json's scan.organization lists it. */
export interface AggregatedAccount {
  accountId: string;
  name: string | null;
  status: 'scanned' | 'failed';
  reason?: string;
}

/** An account of the organisation's list (Organizations ListAccounts), when it could be read. */
export interface OrganizationAccount {
  accountId: string;
  name: string | null;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE… */
  status: string;
}

/** What the aggregator delivered, placed: the part of the inventory it gives and the seam for per-account collection. */
export interface AggregatedPlaces {
  accounts: AggregatedAccount[];
  /** Each account's regions in this scan. */
  regions: Map<string, string[]>;
  resources: InventoryResource[];
  coverage: CoverageEntry[];
  /**
   * For each account: the (type, region) pairs the aggregator delivered completely ("global" for
   * IAM). Per-account collection claims these before its collectors run, so they skip them.
   */
  delivered: Map<string, Array<{ resourceType: string; region: string }>>;
  /** Facts unknown for a reason every place shares (an account that could not be entered). */
  facts: AccountFacts[];
}

/**
 * Places what was read. A Config-sourced type is `complete` in an account and region only where
 * the aggregator holds at least one current item of it there, nothing of it failed to read, and
 * no item says the recorder does not record it: an aggregator covers accounts and regions, but
 * whether each member's recorder records a type is not known from it, so "no items" is unknown
 * (failed with the reason), never "none" — as for a Config snapshot (snapshotCoverage).
 */
export function placeAggregate(o: {
  scope: AggregatorScope;
  resources: InventoryResource[];
  failures: ReadFailure[];
  /** The organisation's accounts, when an organisation aggregator's list could be read. */
  organizationAccounts?: OrganizationAccount[];
  /** --region: only these regions. */
  regionFilter?: string[];
  /** Which accounts this scan covers (--accounts, --exclude-accounts, --shard); others are left out entirely. */
  includeAccount?: (accountId: string) => boolean;
  collectors?: Collector[];
}): AggregatedPlaces {
  const { scope, failures } = o;
  const dataRegions = [...new Set(o.resources.map((r) => r.region).filter((r) => r !== 'global'))];
  const regionsFor = (chosen: string[] | 'all'): string[] => {
    // "All regions": those the aggregator has data in, and its own (an account with no data still gets its account resources).
    const list = chosen === 'all' ? [...dataRegions, scope.region] : chosen;
    return [...new Set(list)].filter((r) => !o.regionFilter || o.regionFilter.includes(r)).sort();
  };

  const accounts = accountList(scope, o.resources, o.organizationAccounts).filter((a) => o.includeAccount?.(a.accountId) ?? true);
  const regions = new Map<string, string[]>();
  // --region names a region the aggregator does not aggregate for an account: the account is still
  // scanned there (its account resource, every control not_evaluated with why), never silently
  // left without the region — with --org-role-name the account's own collection then covers it.
  const outsideAggregator = new Map<string, Set<string>>();
  for (const account of accounts) {
    const chosen = scope.organization ? [scope.organizationRegions ?? 'all'] : scope.accountSources.filter((s) => s.accountIds.includes(account.accountId)).map((s) => s.regions);
    const covered = [...new Set(chosen.flatMap((c) => regionsFor(c)))];
    const missing = chosen.includes('all') ? [] : (o.regionFilter ?? []).filter((r) => !covered.includes(r));
    if (missing.length) outsideAggregator.set(account.accountId, new Set(missing));
    regions.set(account.accountId, [...new Set([...covered, ...missing])].sort());
  }

  const scanned = new Set(accounts.filter((a) => a.status === 'scanned').map((a) => a.accountId));
  const inScope = (accountId: string, region: string) => scanned.has(accountId) && (region === 'global' || (regions.get(accountId) ?? []).includes(region));
  const resources = o.resources.filter((r) => inScope(r.accountId, r.region));
  const seen = new Set(resources.map((r) => `${r.accountId}|${r.region}|${r.type}`));
  const failureAt = (type: string, accountId: string, region: string) =>
    failures.find((f) => f.resourceType === type && (f.accountId === undefined || (f.accountId === accountId && f.region === region)))?.reason;

  const coverage: CoverageEntry[] = [];
  const delivered = new Map<string, Array<{ resourceType: string; region: string }>>();
  const facts: AccountFacts[] = [];
  for (const account of accounts) {
    const { accountId } = account;
    const places = regions.get(accountId) ?? [];
    if (account.status === 'failed') {
      // Never entered: every type and fact is unknown there, with why.
      const reason = account.reason ?? `account ${accountId} was not scanned`;
      coverage.push(...everyType(collectedTypes(o.collectors), accountId, places, 'failed', reason));
      facts.push(...places.map((region) => ({ accountId, region, facts: {}, factErrors: Object.fromEntries(ACCOUNT_FACTS.map((f) => [f, reason])) })));
      continue;
    }
    const mine: Array<{ resourceType: string; region: string }> = [];
    for (const type of CONFIG_SOURCED_TYPES) {
      for (const region of GLOBAL_TYPES.has(type) ? ['global'] : places) {
        const reason = notAggregated(scope, type) ?? (outsideAggregator.get(accountId)?.has(region) ? `AWS Config aggregator ${scope.name} does not aggregate ${region} for ${accountId} (--region asked for it)` : undefined) ?? failureAt(type, accountId, region) ??
          (seen.has(`${accountId}|${region}|${type}`) ? undefined : `AWS Config aggregator ${scope.name} holds no ${type} item for ${accountId} in ${region}: the account's recorder may not record it (an aggregator cannot tell none from not recorded); scan with --org-role-name to collect it from the account`);
        coverage.push({ accountId, region, resourceType: type, status: reason ? 'failed' : 'complete', ...(reason ? { reason } : {}) });
        if (!reason) mine.push({ resourceType: type, region });
      }
    }
    delivered.set(accountId, mine);
  }
  return { accounts, regions, resources, coverage, delivered, facts };
}

/**
 * Without per-account collection: every type the collectors cover that Config does not deliver,
 * and every account fact, is unknown in each scanned account and region with `reason`
 * (NOT_RECORDED_REASON; per-account collection that could not enter an account passes why).
 * Never for an account that per-account collection did enter: a fact error outweighs the value
 * collected beside it.
 */
export function notRecordedByConfig(placed: Pick<AggregatedPlaces, 'accounts' | 'regions'>, collectors: Collector[] = ALL_COLLECTORS, reason: string = NOT_RECORDED_REASON): { coverage: CoverageEntry[]; facts: AccountFacts[] } {
  const coverage: CoverageEntry[] = [];
  const facts: AccountFacts[] = [];
  const configTypes = new Set<string>(CONFIG_SOURCED_TYPES);
  for (const account of placed.accounts.filter((a) => a.status === 'scanned')) {
    const places = placed.regions.get(account.accountId) ?? [];
    coverage.push(...everyType(collectedTypes(collectors).filter((t) => !configTypes.has(t.type)), account.accountId, places, 'failed', reason));
    facts.push(...places.map((region) => ({ accountId: account.accountId, region, facts: {}, factErrors: Object.fromEntries(ACCOUNT_FACTS.map((f) => [f, reason])) })));
  }
  return { coverage, facts };
}

/** Every type the collectors cover, with whether it is reported once per account ("global"). */
export function collectedTypes(collectors: Collector[] = ALL_COLLECTORS): Array<{ type: string; global: boolean }> {
  const types = new Map<string, boolean>();
  for (const c of collectors) for (const type of c.resourceTypes) types.set(type, c.scope === 'global' && !isRegionalInGlobalCollector(type));
  for (const type of CONFIG_SOURCED_TYPES) if (!types.has(type)) types.set(type, GLOBAL_TYPES.has(type));
  return [...types].map(([type, global]) => ({ type, global })).sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** S3's collector runs once per account but its coverage is per account too ("global"); Config records buckets per region. */
function isRegionalInGlobalCollector(type: string): boolean {
  return type === 'AWS::S3::Bucket' || type === 'AWS::S3::AccountPublicAccessBlock';
}

function everyType(types: Array<{ type: string; global: boolean }>, accountId: string, regions: string[], status: 'failed', reason: string): CoverageEntry[] {
  return types.flatMap(({ type, global }) => (global ? ['global'] : regions).map((region) => ({ accountId, region, resourceType: type, status, reason })));
}

function notAggregated(scope: AggregatorScope, type: string): string | undefined {
  if (scope.includedTypes === null || scope.includedTypes.includes(type)) return undefined;
  return `AWS Config aggregator ${scope.name} does not aggregate ${type} (its resource type filter leaves it out); scan with --org-role-name to collect it from each account`;
}

/**
 * The accounts of the scan. Account sources name them. An organisation aggregator covers the
 * organisation: its account list when it could be read (accounts not ACTIVE are listed as failed
 * with their status), else the accounts that appear in the aggregated data.
 */
function accountList(scope: AggregatorScope, resources: InventoryResource[], organization: OrganizationAccount[] | undefined): AggregatedAccount[] {
  const byId = new Map<string, AggregatedAccount>();
  if (!scope.organization) {
    for (const id of scope.accountSources.flatMap((s) => s.accountIds)) byId.set(id, { accountId: id, name: null, status: 'scanned' });
  } else if (organization) {
    for (const a of organization) {
      byId.set(a.accountId, a.status === 'ACTIVE' ? { accountId: a.accountId, name: a.name, status: 'scanned' } : { accountId: a.accountId, name: a.name, status: 'failed', reason: `account ${a.accountId} is ${a.status}` });
    }
  } else {
    for (const r of resources) if (!byId.has(r.accountId)) byId.set(r.accountId, { accountId: r.accountId, name: null, status: 'scanned' });
  }
  return [...byId.values()].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
