import { InputError } from '../errors.js';
import type { OrganizationOptions } from '../org/collect-organization.js';
import { parseAccountIds, parseOuIds } from '../org/filters.js';
import { shardOf, type Shard } from '../org/shard.js';
import type { AccountSelection } from '../org/aggregator.js';
import { liveOptionsFrom, type LiveFlags } from './live.js';

/** The flags only an organisation scan takes, as users type them. */
const ORG_ONLY: Array<[keyof LiveFlags, string]> = [
  ['orgRoleName', '--org-role-name'],
  ['accounts', '--accounts'],
  ['excludeAccounts', '--exclude-accounts'],
  ['ou', '--ou'],
  ['accountConcurrency', '--account-concurrency'],
  ['accountTimeout', '--account-timeout'],
  ['shard', '--shard'],
];

/** What --aggregator also takes: the account filters and the shard select the same accounts as with --org. */
const WITH_AGGREGATOR = new Set<keyof LiveFlags>(['orgRoleName', 'accounts', 'excludeAccounts', 'ou', 'shard']);

/**
 * --org and its flags, checked before any call is made (exit 2, one line). Undefined without
 * --org; then the organisation flags are refused and the runners' shard variables ignored (a
 * single-account scan in an indexed job is still one account). Runs with --aggregator take
 * theirs from aggregatorAccountsFrom instead.
 */
export function orgOptionsFrom(flags: LiveFlags, env: NodeJS.ProcessEnv = process.env): OrganizationOptions | undefined {
  if (!flags.org) {
    for (const [key, name] of ORG_ONLY) if (flags[key] !== undefined) throw new InputError(`${name} needs --org${WITH_AGGREGATOR.has(key) ? ' or --aggregator' : ''}`);
    return undefined;
  }
  if (flags.roleArn) throw new InputError('--org and --role-arn do not go together: --org-role-name names the role to assume in each member account');
  if (!flags.orgRoleName) throw new InputError('--org needs --org-role-name <name>: the role cafscan assumes in each member account');
  return memberOptions(flags, flags.orgRoleName, env);
}

export interface AggregatorAccounts {
  selection: AccountSelection;
  /** With --org-role-name: each account is also collected through the member role. */
  members?: OrganizationOptions;
}

/**
 * --aggregator's account flags: --accounts, --exclude-accounts, --ou and the shard (flag or job
 * runner) as with --org, and with --org-role-name the per-account collection's own flags.
 */
export function aggregatorAccountsFrom(flags: LiveFlags, env: NodeJS.ProcessEnv = process.env): AggregatorAccounts {
  if (flags.org) throw new InputError('--org and --aggregator do not go together: the aggregator lists the accounts (add --org-role-name to also collect each account)');
  if (!flags.orgRoleName) {
    for (const [key, name] of ORG_ONLY) if (flags[key] !== undefined && !WITH_AGGREGATOR.has(key)) throw new InputError(`${name} needs --org, or --aggregator with --org-role-name`);
  } else if (flags.roleArn) {
    throw new InputError('--aggregator with --org-role-name and --role-arn do not go together: the aggregator is read, and the member roles assumed, with your own credentials');
  }
  const selection: AccountSelection = {
    ...(flags.accounts !== undefined ? { accounts: parseAccountIds('--accounts', flags.accounts) } : {}),
    ...(flags.excludeAccounts !== undefined ? { excludeAccounts: parseAccountIds('--exclude-accounts', flags.excludeAccounts) } : {}),
    ...(flags.ou !== undefined ? { ous: parseOuIds(flags.ou) } : {}),
    ...withShard(shardOf(flags.shard, env)),
  };
  return { selection, ...(flags.orgRoleName ? { members: memberOptions(flags, flags.orgRoleName, env) } : {}) };
}

function memberOptions(flags: LiveFlags, roleName: string, env: NodeJS.ProcessEnv): OrganizationOptions {
  // An IAM role name (1–64 of [\w+=,.@-]), optionally behind a path: path/to/name.
  if (!/^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/.test(roleName)) throw new InputError(`--org-role-name: "${roleName}" is not an IAM role name (name or path/name)`);
  const live = liveOptionsFrom(flags);
  return {
    roleName,
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    ...(live.profile ? { profile: live.profile } : {}),
    ...(live.regions ? { regions: live.regions } : {}),
    ...(live.endpoint ? { endpoint: live.endpoint } : {}),
    ...(flags.accounts !== undefined ? { accounts: parseAccountIds('--accounts', flags.accounts) } : {}),
    ...(flags.excludeAccounts !== undefined ? { excludeAccounts: parseAccountIds('--exclude-accounts', flags.excludeAccounts) } : {}),
    ...(flags.ou !== undefined ? { ous: parseOuIds(flags.ou) } : {}),
    accountConcurrency: wholeNumber('--account-concurrency', flags.accountConcurrency, 4, 1, 64),
    accountTimeoutMs: wholeNumber('--account-timeout', flags.accountTimeout, 1800, 1, 86_400) * 1000,
    ...withShard(shardOf(flags.shard, env)),
  };
}

function withShard(shard: ReturnType<typeof shardOf>): { shard?: Shard } {
  return shard ? { shard } : {};
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d{1,6}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(`${flag} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}
