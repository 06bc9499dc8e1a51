import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { ClientFactory } from '../collect/aws-clients.js';
import { CallLog } from '../collect/call-log.js';
import type { Collector } from '../collect/collector.js';
import { classifyFailure } from '../collect/errors.js';
import { createLimiter } from '../collect/limiter.js';
import { ALL_COLLECTORS } from '../collect/registry.js';
import { clientSettings, collectAccount, collectionOperations, defaultRegion, enabledRegions, whoAmI, type AccountCollectionOptions } from '../collect/run-collection.js';
import type { ResourceSet } from '../inventory/resource-set.js';
import type { InventoryPart } from '../inventory/build-inventory.js';
import type { Inventory } from '../model/inventory.js';
import type { CollectionSummary, OrganizationAccount, OrganizationScan } from '../model/results.js';
import { AccountSink, type AccountSinkOptions } from './account-sink.js';
import { callerCredentials, memberCredentials, memberRoleArn } from './credentials.js';
import { filterAccounts, type OrgAccount } from './filters.js';
import { accountsUnder, listOrganization } from './list-accounts.js';
import { notEnteredInventory } from './not-entered.js';
import { summarizeAccounts } from './summary.js';
import { MANAGEMENT_ORCHESTRATION_OPERATIONS, ORGANIZATION_OPERATIONS } from './operations.js';
import { inShard, type Shard } from './shard.js';

export interface OrganizationOptions {
  /** The role to assume in each member account (`path/name` allowed). */
  roleName: string;
  externalId?: string;
  profile?: string;
  regions?: string[] | 'all';
  endpoint?: string;
  accounts?: string[];
  excludeAccounts?: string[];
  ous?: string[];
  shard?: Shard;
  /** Accounts collected at once (default 4). */
  accountConcurrency?: number;
  /** An account still collecting after this long is `failed` and nothing of it is kept (default 30 min). */
  accountTimeoutMs?: number;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  regionTimeoutMs?: number;
  collectors?: Collector[];
  /** Another source's already-collected (type, region) pairs per account (AccountCollectionOptions.preclaimed). */
  preclaimed?: (accountId: string) => AccountCollectionOptions['preclaimed'];
  sink?: AccountSinkOptions;
  onAccount?: (event: { accountId: string; status: OrganizationAccount['status']; finished: number; total: number }) => void;
}

export interface OrganizationCollection {
  resources: ResourceSet;
  collection: CollectionSummary;
  organization: OrganizationScan;
}

/** What one account's collection came to. */
interface AccountOutcome {
  account: OrganizationAccount;
  inventory: Inventory;
  log?: CallLog;
}

const DEFAULT_ACCOUNT_CONCURRENCY = 4;
const DEFAULT_ACCOUNT_TIMEOUT_MS = 1_800_000;

/**
 * `--org`: lists the organisation from the caller's account, keeps the accounts the filters and
 * the shard select, and collects each — the caller's own account with its own credentials, every
 * other through the member role — a few accounts at a time, each within its deadline. An account
 * that cannot be entered is reported `failed` with the reason and its controls are not_evaluated
 * (notEnteredInventory); every account's resources go into one set as it finishes.
 */
export async function collectOrganization(options: OrganizationOptions): Promise<OrganizationCollection> {
  const run = await openManagement(options);
  const sink = new AccountSink(options.sink);
  try {
    const listing = await listOrganization(run.management, run.homeRegion);
    const underOus = options.ous?.length ? await accountsUnder(run.management, run.homeRegion, options.ous) : undefined;
    const selected = filterAccounts(listing.accounts, {
      ...(options.accounts ? { accounts: options.accounts } : {}),
      ...(options.excludeAccounts ? { exclude: options.excludeAccounts } : {}),
      ...(underOus ? { underOus } : {}),
    }).filter((a) => !options.shard || inShard(a.accountId, options.shard));
    // Where an account that cannot be entered is reported: the regions asked for, or the caller's enabled ones.
    const fallbackRegions = options.regions === 'all' ? await enabledRegions(run.management, run.homeRegion) : options.regions?.length ? options.regions : [run.homeRegion];
    const members = await collectMembers(run, selected, sink, {
      notEntered: (account, reason) => notEnteredInventory(account.accountId, fallbackRegions, run.collectors, reason),
    });
    const organization: OrganizationScan = { managementAccountId: listing.managementAccountId, accounts: members.accounts, ...(options.shard ? { shard: { index: options.shard.index, count: options.shard.count } } : {}) };
    return { resources: sink.finish(['live']), collection: members.collection, organization };
  } catch (error) {
    sink.abort();
    throw error;
  } finally {
    run.management.destroy();
  }
}

/** The caller's side of an organisation run: its clients (never counted in scan.collection) and who it is. */
export interface ManagementRun {
  options: OrganizationOptions;
  collectors: Collector[];
  homeRegion: string;
  endpoint: string | undefined;
  settings: ReturnType<typeof clientSettings>;
  caller: AwsCredentialIdentityProvider;
  /** The management account's own calls: the listing, who am I. The caller destroys it. */
  management: ClientFactory;
  callerAccountId: string;
  partition: string;
}

export async function openManagement(options: OrganizationOptions): Promise<ManagementRun> {
  const homeRegion = defaultRegion(options.regions);
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL;
  const settings = clientSettings({ ...options, ...(endpoint ? { endpoint } : {}) });
  const caller = callerCredentials(options.profile);
  const management = new ClientFactory({ credentials: caller, ...settings, log: new CallLog(), declaredOperations: new Set([...ORGANIZATION_OPERATIONS, ...MANAGEMENT_ORCHESTRATION_OPERATIONS]) });
  try {
    const identity = await whoAmI(management, homeRegion);
    return { options, collectors: options.collectors ?? ALL_COLLECTORS, homeRegion, endpoint, settings, caller, management, callerAccountId: identity.accountId, partition: identity.partition };
  } catch (error) {
    management.destroy();
    throw error;
  }
}

/** How an organisation run places each account's collection (the aggregator path fills these in). */
export interface MemberHooks {
  /** What is known of an account that could not be entered, with why. */
  notEntered: (account: OrgAccount, reason: string) => Inventory;
  /** The regions to collect in this account (default: --region). */
  regionsOf?: (accountId: string) => string[] | 'all' | undefined;
  /** Another source's part of this account, merged into its collection (AccountCollectionOptions.alongside). */
  alongside?: (accountId: string) => InventoryPart | undefined;
}

/**
 * Collects the accounts a few at a time, each within its deadline — the caller's own account
 * with its own credentials, every other through the member role — into `sink` as each finishes.
 * Returns the accounts (sorted) and the member accounts' calls (scan.collection).
 */
export async function collectMembers(run: ManagementRun, selected: OrgAccount[], sink: AccountSink, hooks: MemberHooks): Promise<{ accounts: OrganizationAccount[]; collection: CollectionSummary }> {
  const { options } = run;
  const limit = createLimiter(Math.max(1, options.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY));
  const outcomes: Array<Omit<AccountOutcome, 'inventory'>> = [];
  let finished = 0;
  await Promise.all(
    selected.map((account) =>
      limit(async () => {
        const outcome = await collectMember(account, { ...options, ...run, hooks });
        // Into the shared set at once: the account's inventory is not held after this.
        sink.add(outcome.inventory);
        outcomes.push({ account: outcome.account, ...(outcome.log ? { log: outcome.log } : {}) });
        options.onAccount?.({ accountId: account.accountId, status: outcome.account.status, finished: ++finished, total: selected.length });
      }),
    ),
  );
  const accounts = outcomes.map((o) => o.account).sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const collection = summarizeAccounts(outcomes.flatMap((o) => (o.log ? [{ accountId: o.account.accountId, log: o.log }] : [])));
  return { accounts, collection };
}

interface MemberContext extends Omit<OrganizationOptions, 'collectors' | 'endpoint'>, Omit<ManagementRun, 'options' | 'management'> {
  hooks: MemberHooks;
}

async function collectMember(account: OrgAccount, o: MemberContext): Promise<AccountOutcome> {
  const { accountId } = account;
  const failed = (reason: string, log?: CallLog): AccountOutcome => ({
    account: { accountId, name: account.name, status: 'failed', reason },
    inventory: o.hooks.notEntered(account, reason),
    ...(log ? { log } : {}),
  });
  if (account.status !== 'ACTIVE') return failed(`account ${accountId} is ${account.status}`);

  const timeoutMs = o.accountTimeoutMs ?? DEFAULT_ACCOUNT_TIMEOUT_MS;
  const log = new CallLog();
  let factory: ClientFactory | undefined;
  let abandoned = false;
  const work = async (): Promise<AccountOutcome> => {
    // The account the credentials belong to is scanned with them: the management account rarely has the member role.
    let credentials = o.caller;
    if (accountId !== o.callerAccountId) {
      const roleArn = memberRoleArn(o.partition, accountId, o.roleName);
      credentials = memberCredentials(o.caller, roleArn, { externalId: o.externalId, region: o.homeRegion, endpoint: o.endpoint });
      try {
        await credentials();
      } catch (error) {
        return failed(`cannot enter account ${accountId}: ${classifyFailure(error, `sts:AssumeRole on ${roleArn}`).reason}`);
      }
    }
    if (abandoned) return failed('abandoned');
    factory = new ClientFactory({ credentials, ...o.settings, log, declaredOperations: collectionOperations(o.collectors) });
    const preclaimed = o.preclaimed?.(accountId);
    const alongside = o.hooks.alongside?.(accountId);
    const regions = o.hooks.regionsOf ? o.hooks.regionsOf(accountId) : o.regions;
    try {
      const collected = await collectAccount(factory, {
        accountId,
        partition: o.partition,
        homeRegion: o.homeRegion,
        collectors: o.collectors,
        regions,
        ...(o.regionTimeoutMs !== undefined ? { regionTimeoutMs: o.regionTimeoutMs } : {}),
        ...(preclaimed ? { preclaimed } : {}),
        ...(alongside ? { alongside } : {}),
      });
      return { account: { accountId, name: account.name, status: 'scanned' }, inventory: collected.inventory, log };
    } catch (error) {
      // --region all: the account's regions could not be listed; nothing else in collectAccount throws.
      return failed(`account ${accountId}: ${error instanceof Error ? error.message : String(error)}`, log);
    }
  };

  // The deadline covers entering the account too: an AssumeRole that hangs must not hold the run.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const working = work();
  // Past the deadline the work is abandoned; whatever it still throws is of no consequence.
  working.catch(() => {});
  try {
    const outcome = await Promise.race([working, deadline]);
    if (outcome !== 'timeout') return outcome;
    abandoned = true;
    // Nothing half-collected is kept; the calls made so far were made, and are counted.
    const calls = new CallLog();
    for (const record of log.records) calls.add(record);
    return failed(`account ${accountId} did not finish within ${Math.round(timeoutMs / 1000)} s (--account-timeout)`, calls);
  } finally {
    clearTimeout(timer);
    factory?.destroy();
  }
}
