import { summarizeCalls } from '../collect/coverage-summary.js';
import { buildInventory, type AccountFacts, type InventoryPart } from '../inventory/build-inventory.js';
import type { ResourceSet } from '../inventory/resource-set.js';
import type { CoverageEntry, Inventory, InventoryResource } from '../model/inventory.js';
import type { CollectionSummary, OrganizationAccount, OrganizationScan } from '../model/results.js';
import { AccountSink } from './account-sink.js';
import { notRecordedByConfig, type AggregatedPlaces } from './aggregator-coverage.js';
import { readAggregator, type AggregatorOptions } from './aggregator.js';
import { collectMembers, openManagement, type OrganizationOptions } from './collect-organization.js';

export interface CombinedCollection {
  resources: ResourceSet;
  /** Member accounts' collection calls only (the aggregator's reads are in aggregatorCalls). */
  collection: CollectionSummary;
  organization: OrganizationScan;
  /** The aggregator account's own reads: printed on stderr, never in scan.collection. */
  aggregatorCalls: CollectionSummary;
  warnings: string[];
}

/** One account's share of what the aggregator delivered. */
interface AccountShare {
  resources: InventoryResource[];
  coverage: CoverageEntry[];
  facts: AccountFacts[];
}

/**
 * `--aggregator <name> --org-role-name <role>`: what the aggregator delivered, completed by each
 * account's own collection. The aggregator is read first (its account filter and shard are those
 * of --org); then every account it covers that is ACTIVE is entered through the member role (the
 * caller's own account with the caller's credentials) and collected in the aggregator's regions
 * for it, with the (type, region) pairs the aggregator delivered completely pre-claimed, so
 * neither the services nor the account's own AWS Config recorder collect them again. Where both
 * report a pair, a complete entry wins over the aggregator's failed one. An account that cannot
 * be entered keeps what the aggregator delivered (judged as in an aggregator-only scan) and
 * everything else is unknown with why it was not entered.
 */
export async function collectAggregatorWithMembers(aggregator: AggregatorOptions, members: OrganizationOptions): Promise<CombinedCollection> {
  const reading = await readAggregator(aggregator);
  const { placed, scope } = reading;
  const source = `aggregator:${scope.name}`;
  const shares = shareByAccount(placed);
  const share = (accountId: string): AccountShare => shares.get(accountId) ?? { resources: [], coverage: [], facts: [] };
  const places = (accountId: string) => (placed.regions.get(accountId) ?? []).map((region) => ({ accountId, region }));

  const run = await openManagement({ ...members, preclaimed: (accountId) => placed.delivered.get(accountId) ?? [] });
  const sink = new AccountSink(members.sink);
  try {
    // Accounts the aggregator lists as not ACTIVE are not entered: its part already says why.
    const inactive = placed.accounts.filter((a) => a.status === 'failed');
    for (const account of inactive) {
      const { resources, coverage, facts } = share(account.accountId);
      sink.add(buildInventory([{ source, resources, coverage, facts }], places(account.accountId)));
    }
    const active = placed.accounts.filter((a) => a.status === 'scanned').map((a) => ({ accountId: a.accountId, name: a.name, status: 'ACTIVE' }));
    const collected = await collectMembers(run, active, sink, {
      regionsOf: (accountId) => placed.regions.get(accountId) ?? [],
      // Copies of the resources: the account's collection adds its supplements to them, and an
      // account past its deadline falls back to the aggregator's part untouched by what it collected.
      alongside: (accountId): InventoryPart => {
        const { resources, coverage, facts } = share(accountId);
        return { source, resources: resources.map((r) => ({ ...r })), coverage, facts };
      },
      notEntered: (account, reason) => notEnteredWithAggregate(account.accountId, reason, placed, share(account.accountId), source, run.collectors),
    });
    const accounts: OrganizationAccount[] = [...collected.accounts, ...inactive.map((a) => ({ accountId: a.accountId, name: a.name, status: a.status, ...(a.reason ? { reason: a.reason } : {}) }))].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
    const organization: OrganizationScan = { managementAccountId: reading.callerAccountId, aggregator: scope.name, accounts, ...(reading.shard ? { shard: reading.shard } : {}) };
    return { resources: sink.finish([source, 'live']), collection: collected.collection, organization, aggregatorCalls: summarizeCalls(reading.calls), warnings: reading.warnings };
  } catch (error) {
    sink.abort();
    throw error;
  } finally {
    run.management.destroy();
  }
}

/**
 * An account the member role could not enter: the aggregator's part stands (its items are judged,
 * its gaps keep their reasons), and what only the account itself could tell — the other types,
 * the account facts — is unknown with the reason it was not entered.
 */
function notEnteredWithAggregate(accountId: string, reason: string, placed: AggregatedPlaces, share: AccountShare, source: string, collectors: OrganizationOptions['collectors']): Inventory {
  const account = { accountId, name: null, status: 'scanned' as const };
  const rest = notRecordedByConfig({ accounts: [account], regions: placed.regions }, collectors, reason);
  const scanned = (placed.regions.get(accountId) ?? []).map((region) => ({ accountId, region }));
  const inventory = buildInventory([{ source, resources: share.resources, coverage: [...share.coverage, ...rest.coverage], facts: [...share.facts, ...rest.facts] }], scanned);
  return { ...inventory, regions: [...new Set([...inventory.regions, ...scanned.map((p) => p.region)])].sort() };
}

function shareByAccount(placed: AggregatedPlaces): Map<string, AccountShare> {
  const shares = new Map<string, AccountShare>();
  const of = (accountId: string): AccountShare => {
    let found = shares.get(accountId);
    if (!found) shares.set(accountId, (found = { resources: [], coverage: [], facts: [] }));
    return found;
  };
  for (const r of placed.resources) of(r.accountId).resources.push(r);
  for (const c of placed.coverage) of(c.accountId).coverage.push(c);
  for (const f of placed.facts) of(f.accountId).facts.push(f);
  return shares;
}
