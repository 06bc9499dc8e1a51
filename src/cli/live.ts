import { InputError } from '../errors.js';
import { renderCoverageSummary, summarizeCalls } from '../collect/coverage-summary.js';
import type { CollectionSummary, OrganizationScan } from '../model/results.js';
import { renderOrganizationSummary } from '../org/summary.js';
import type { OrganizationOptions } from '../org/collect-organization.js';
import type { LiveOptions } from '../collect/run-collection.js';
import type { Inventory } from '../model/inventory.js';

export interface LiveFlags {
  profile?: string;
  region?: string;
  roleArn?: string;
  externalId?: string;
  endpointUrl?: string;
  /** --quiet: no collection progress either. */
  quiet?: boolean;
  /** Organisation scans (src/org). */
  org?: boolean;
  orgRoleName?: string;
  accounts?: string;
  excludeAccounts?: string;
  ou?: string;
  accountConcurrency?: string;
  accountTimeout?: string;
  shard?: string;
}

export function liveOptionsFrom(flags: LiveFlags): LiveOptions {
  if (flags.externalId && !flags.roleArn && !flags.orgRoleName) throw new InputError('--external-id needs --role-arn or --org-role-name');
  if (flags.endpointUrl && !/^https?:\/\/[^\s/]+/.test(flags.endpointUrl)) throw new InputError(`--endpoint-url must be an http(s) URL (got ${flags.endpointUrl})`);
  const regions = flags.region?.trim() === 'all' ? 'all' : flags.region?.split(',').map((r) => r.trim()).filter(Boolean);
  for (const region of Array.isArray(regions) ? regions : []) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new InputError(`--region: "${region}" is not a region name (e.g. us-east-1), nor "all"`);
  }
  return {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    ...(flags.endpointUrl ? { endpoint: flags.endpointUrl } : {}),
    ...(regions ? { regions } : {}),
    ...(flags.quiet ? {} : { onProgress: liveProgress() }),
  };
}

/** Collects the account and tells stderr which calls failed (always: it changes what the report means). */
export async function collectInventory(options: LiveOptions): Promise<{ inventory: Inventory; summary: CollectionSummary }> {
  // Loaded when a live collection starts: the AWS SDK clients are most of the CLI's start-up time.
  const { collectLive } = await import('../collect/run-collection.js');
  const live = await collectLive(options);
  const summary = summarizeCalls(live.calls);
  printCollection(summary);
  return { inventory: live.inventory, summary };
}

/** Which calls failed, on stderr: always when some did (it changes what the report means), else only at a terminal. */
export function printCollection(summary: CollectionSummary): void {
  if (summary.failedCalls.length || (process.stderr.isTTY && !process.env.CI)) process.stderr.write(renderCoverageSummary(summary));
}

function liveProgress(): LiveOptions['onProgress'] {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  return ({ region, service, finished, total }) => {
    process.stderr.write(`\rcollecting ${region}: ${service} done (${finished}/${total})\x1b[K${finished === total ? '\n' : ''}`);
  };
}

/** Which calls failed and which accounts were not entered, on stderr: always when there are any, else only at a terminal. */
export function printOrganization(summary: CollectionSummary, organization: OrganizationScan): void {
  const notEntered = organization.accounts.some((a) => a.status === 'failed');
  if (summary.failedCalls.length || notEntered || (process.stderr.isTTY && !process.env.CI)) process.stderr.write(renderOrganizationSummary(summary, organization));
}

/** --org at a terminal: one line per account as it finishes. */
export function accountProgress(): Pick<OrganizationOptions, 'onAccount'> {
  if (!process.stderr.isTTY || process.env.CI) return {};
  return {
    onAccount: ({ accountId, status, finished, total }) => {
      process.stderr.write(`\rcollected account ${accountId}${status === 'failed' ? ' (not scanned)' : ''} (${finished}/${total})\x1b[K${finished === total ? '\n' : ''}`);
    },
  };
}
