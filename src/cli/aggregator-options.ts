import { printable } from '../json.js';
import type { Inventory } from '../model/inventory.js';
import { checkAggregatorName, readAggregator, type AggregatorOptions } from '../org/aggregator.js';
import { aggregatorInventory, type AggregatorInventory } from '../org/aggregator-source.js';
import { liveOptionsFrom, printCollection, type LiveFlags } from './live.js';

/** --aggregator's options from the live flags: the same checks, --region as a filter of source regions. */
export function aggregatorOptionsFrom(flags: LiveFlags, name: string): AggregatorOptions {
  const live = liveOptionsFrom({ ...flags, quiet: true });
  return {
    name: checkAggregatorName(name),
    ...(live.profile ? { profile: live.profile } : {}),
    ...(live.roleArn ? { roleArn: live.roleArn } : {}),
    ...(live.externalId ? { externalId: live.externalId } : {}),
    ...(live.endpoint ? { endpoint: live.endpoint } : {}),
    ...(Array.isArray(live.regions) ? { regions: live.regions } : {}),
  };
}

/** Failed calls (always: they change what the report means) and warnings (unless --quiet), on stderr. */
export function printAggregatorRead(read: AggregatorInventory, quiet: boolean): void {
  if (!quiet || read.collection.failedCalls.length) printCollection(read.collection);
  if (quiet) return;
  for (const warning of read.warnings) process.stderr.write(`cafscan: ${printable(warning)}\n`);
  // An account that was not scanned changes what the report covers: say so, one line each.
  for (const account of read.organization.accounts.filter((a) => a.status === 'failed')) process.stderr.write(`cafscan: ${printable(account.reason ?? `account ${account.accountId} was not scanned`)}; its controls are not_evaluated\n`);
}

/** `collect --aggregator`: the inventory an aggregator-only scan would evaluate. */
export async function collectAggregator(options: AggregatorOptions): Promise<{ inventory: Inventory }> {
  const read = aggregatorInventory(await readAggregator(options));
  printAggregatorRead(read, false);
  return { inventory: read.inventory };
}
