import { InputError } from '../errors.js';
import type { OrganizationOptions } from '../org/collect-organization.js';
import { parseAccountIds, parseOuIds } from '../org/filters.js';
import { shardOf } from '../org/shard.js';
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

/**
 * --org and its flags, checked before any call is made (exit 2, one line). Undefined without
 * --org; then the organisation flags are refused and the runners' shard variables ignored (a
 * single-account scan in an indexed job is still one account).
 */
export function orgOptionsFrom(flags: LiveFlags, env: NodeJS.ProcessEnv = process.env): OrganizationOptions | undefined {
  if (!flags.org) {
    for (const [key, name] of ORG_ONLY) if (flags[key] !== undefined) throw new InputError(`${name} needs --org`);
    return undefined;
  }
  if (flags.roleArn) throw new InputError('--org and --role-arn do not go together: --org-role-name names the role to assume in each member account');
  if (!flags.orgRoleName) throw new InputError('--org needs --org-role-name <name>: the role cafscan assumes in each member account');
  // An IAM role name (1–64 of [\w+=,.@-]), optionally behind a path: path/to/name.
  if (!/^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/.test(flags.orgRoleName)) throw new InputError(`--org-role-name: "${flags.orgRoleName}" is not an IAM role name (name or path/name)`);
  const live = liveOptionsFrom(flags);
  return {
    roleName: flags.orgRoleName,
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

function withShard(shard: ReturnType<typeof shardOf>): Pick<OrganizationOptions, 'shard'> {
  return shard ? { shard } : {};
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d{1,6}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(`${flag} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}
