import { summarizeCalls } from '../collect/coverage-summary.js';
import { buildInventory } from '../inventory/build-inventory.js';
import { resourceSetOf } from '../inventory/resource-set.js';
import type { Inventory } from '../model/inventory.js';
import type { CollectionSummary, OrganizationSummary } from '../model/results.js';
import type { ScanSource } from '../sources/scan-source.js';
import { notRecordedByConfig } from './aggregator-coverage.js';
import { readAggregator, type AggregatorOptions, type AggregatorReading } from './aggregator.js';

export interface AggregatorInventory {
  inventory: Inventory;
  /** Member accounts' collection calls: none here (results.json scan.collection). */
  collection: CollectionSummary;
  /**
   * The aggregator account's own reads (Config, Organizations). Not in scan.collection, which
   * counts only member accounts' calls so that shards add up; a read that failed shows as its
   * types' failed coverage with the reason, and the CLI prints these on stderr.
   */
  aggregatorCalls: CollectionSummary;
  organization: OrganizationSummary;
  warnings: string[];
}

/**
 * The inventory of an aggregator-only scan: the aggregated resources, and for everything AWS
 * Config does not record (the other types, the account facts) a failed coverage entry / unknown
 * fact in every scanned account and region, so the controls that need it say not_evaluated and why.
 */
export function aggregatorInventory(reading: AggregatorReading): AggregatorInventory {
  const { placed, scope } = reading;
  const rest = notRecordedByConfig(placed);
  const source = `aggregator:${scope.name}`;
  const scanned = placed.accounts.flatMap((a) => (placed.regions.get(a.accountId) ?? []).map((region) => ({ accountId: a.accountId, region })));
  const inventory = buildInventory([{ source, resources: placed.resources, coverage: [...placed.coverage, ...rest.coverage], facts: [...placed.facts, ...rest.facts] }], scanned);
  return {
    inventory: { ...inventory, regions: [...new Set([...inventory.regions, ...scanned.map((p) => p.region)])].sort() },
    collection: { apiCalls: 0, failedCalls: [] },
    aggregatorCalls: summarizeCalls(reading.calls),
    organization: { managementAccountId: reading.callerAccountId, aggregator: scope.name, accounts: placed.accounts, ...(reading.shard ? { shard: reading.shard } : {}) },
    warnings: reading.warnings,
  };
}

/** `--aggregator <name>` behind the ScanSource interface; `onRead` sees the calls and warnings first (the CLI prints them). */
export function aggregatorSource(options: AggregatorOptions, onRead: (read: AggregatorInventory) => void = () => {}): ScanSource {
  return {
    names: [`aggregator:${options.name}`],
    async open() {
      const read = aggregatorInventory(await readAggregator(options));
      onRead(read);
      return { resources: resourceSetOf(read.inventory), collection: read.collection, organization: read.organization };
    },
  };
}
