import { printable } from '../json.js';
import type { Inventory } from '../model/inventory.js';
import type { AggregatorOptions } from '../org/aggregator.js';
import { checkAggregatorName } from '../org/aggregator-name.js';
import type { AggregatorInventory } from '../org/aggregator-source.js';
import { accountProgress, liveOptionsFrom, printOrganization, type LiveFlags } from './live.js';
import { renderCoverageSummary } from '../collect/coverage-summary.js';
import type { CollectionSummary } from '../model/results.js';
import type { AccountSelection } from '../org/aggregator.js';
import type { OrganizationOptions } from '../org/collect-organization.js';
import type { ScanSource } from '../sources/scan-source.js';

/**
 * --aggregator's options from the live flags: the same checks, --region as a filter of source
 * regions, the account filters and shard of --org (aggregatorAccountsFrom).
 */
export function aggregatorOptionsFrom(flags: LiveFlags, name: string, selection?: AccountSelection): AggregatorOptions {
  const live = liveOptionsFrom({ ...flags, quiet: true });
  return {
    name: checkAggregatorName(name),
    ...(selection && Object.keys(selection).length ? { selection } : {}),
    ...(live.profile ? { profile: live.profile } : {}),
    ...(live.roleArn ? { roleArn: live.roleArn } : {}),
    // --external-id with --org-role-name is the member role's, not the aggregator reader's.
    ...(live.roleArn && live.externalId ? { externalId: live.externalId } : {}),
    ...(live.endpoint ? { endpoint: live.endpoint } : {}),
    ...(Array.isArray(live.regions) ? { regions: live.regions } : {}),
  };
}

/** The aggregator's own reads on stderr: failed ones always (they change what the report means), else only at a terminal. */
export function printAggregatorCalls(calls: CollectionSummary, name: string, quiet: boolean): void {
  if (quiet && !calls.failedCalls.length) return;
  if (calls.failedCalls.length || (process.stderr.isTTY && !process.env.CI)) process.stderr.write(`AWS Config aggregator ${printable(name)}: ${renderCoverageSummary(calls)}`);
}

/** Failed calls (always: they change what the report means) and warnings (unless --quiet), on stderr. */
export function printAggregatorRead(read: AggregatorInventory, quiet: boolean): void {
  printAggregatorCalls(read.aggregatorCalls, read.organization.aggregator ?? '', quiet);
  if (quiet) return;
  for (const warning of read.warnings) process.stderr.write(`cafscan: ${printable(warning)}\n`);
  // An account that was not scanned changes what the report covers: say so, one line each.
  for (const account of read.organization.accounts.filter((a) => a.status === 'failed')) process.stderr.write(`cafscan: ${printable(account.reason ?? `account ${account.accountId} was not scanned`)}; its controls are not_evaluated\n`);
}

/** --aggregator with --org-role-name: the aggregator, completed by each account's own collection. */
export function aggregatorMembersSource(aggregator: AggregatorOptions, members: OrganizationOptions, quiet: boolean): ScanSource {
  return {
    names: [`aggregator:${aggregator.name}`, 'live'],
    async open() {
      // The readers (and the AWS SDK clients they load) are imported when the read starts, not with the CLI.
      const { collectAggregatorWithMembers } = await import('../org/aggregator-members.js');
      const combined = await collectAggregatorWithMembers(aggregator, { ...members, ...(quiet ? {} : accountProgress()) });
      printAggregatorCalls(combined.aggregatorCalls, aggregator.name, quiet);
      if (!quiet) {
        for (const warning of combined.warnings) process.stderr.write(`cafscan: ${printable(warning)}\n`);
        printOrganization(combined.collection, combined.organization);
      }
      return { resources: combined.resources, collection: combined.collection, organization: combined.organization };
    },
  };
}

/** `collect --aggregator`: the inventory an aggregator-only scan would evaluate. */
export async function collectAggregator(options: AggregatorOptions): Promise<{ inventory: Inventory }> {
  const [{ readAggregator }, { aggregatorInventory }] = await Promise.all([import('../org/aggregator.js'), import('../org/aggregator-source.js')]);
  const read = aggregatorInventory(await readAggregator(options));
  printAggregatorRead(read, false);
  return { inventory: read.inventory };
}
