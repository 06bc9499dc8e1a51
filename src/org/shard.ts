import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

/** The slice of an organisation's accounts one run scans: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** More shards than this is a typo, not a fleet of runners. */
const MAX_SHARDS = 10_000;

/**
 * Whether the account is in the shard. It depends on the account id alone (the first 32 bits of
 * its SHA-256), so an account stays in its shard however many accounts are added or removed
 * elsewhere in the organisation, and every runner computes the same split without talking to
 * the others.
 */
export function inShard(accountId: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(accountId).digest('hex');
  return parseInt(hash.slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** `--shard i/n`, 1-based. */
export function parseShard(value: string): Shard {
  const match = /^(\d{1,5})\/(\d{1,5})$/.exec(value.trim());
  const shard = match ? { index: Number(match[1]), count: Number(match[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.count > MAX_SHARDS || shard.index < 1 || shard.index > shard.count) {
    throw new InputError(`--shard must be <i>/<n> with 1 ≤ i ≤ n ≤ ${MAX_SHARDS}, e.g. 1/4 (got "${value}")`);
  }
  return shard;
}

/**
 * The shard of this run: `--shard` when given, else the job runner's own index — GitLab's
 * parallel jobs (CI_NODE_INDEX, 1-based, with CI_NODE_TOTAL), a Kubernetes Indexed Job
 * (JOB_COMPLETION_INDEX) or an AWS Batch array job (AWS_BATCH_JOB_ARRAY_INDEX), both 0-based and
 * with the count from CAFSCAN_SHARD_COUNT (neither runner tells a job how many there are).
 * Undefined: the run scans every account.
 */
export function shardOf(flag: string | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  if (flag !== undefined) return parseShard(flag);
  // GitLab sets CI_NODE_TOTAL=1 in every job that is not parallel, without CI_NODE_INDEX: only
  // the index says this job is one of several.
  if (env.CI_NODE_INDEX !== undefined) {
    if (env.CI_NODE_TOTAL === undefined) throw new InputError('GitLab parallel job: CI_NODE_INDEX is set without CI_NODE_TOTAL (pass --shard i/n)');
    // A `parallel: matrix:` job has the same variables, counting matrix cells, not a split of the
    // accounts: when the count is given it must agree, or the accounts would be sliced by accident.
    if (env.CAFSCAN_SHARD_COUNT !== undefined && env.CAFSCAN_SHARD_COUNT.trim() !== env.CI_NODE_TOTAL.trim()) {
      throw new InputError(`GitLab job ${env.CI_NODE_INDEX} of ${env.CI_NODE_TOTAL} (a parallel matrix?), but CAFSCAN_SHARD_COUNT=${env.CAFSCAN_SHARD_COUNT}: pass --shard i/n to say how the accounts are split`);
    }
    return fromRunner('CI_NODE_INDEX', env.CI_NODE_INDEX, 'CI_NODE_TOTAL', env.CI_NODE_TOTAL, 1);
  }
  for (const name of ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const) {
    const index = env[name];
    if (index === undefined) continue;
    if (env.CAFSCAN_SHARD_COUNT === undefined) throw new InputError(`${name} is set (an indexed job): set CAFSCAN_SHARD_COUNT to the number of jobs so that each scans its share of the accounts (or pass --shard i/n)`);
    return fromRunner(name, index, 'CAFSCAN_SHARD_COUNT', env.CAFSCAN_SHARD_COUNT, 0);
  }
  return undefined;
}

function fromRunner(indexName: string, indexValue: string, countName: string, countValue: string, base: 0 | 1): Shard {
  const index = /^\d{1,5}$/.test(indexValue.trim()) ? Number(indexValue) : NaN;
  const count = /^\d{1,5}$/.test(countValue.trim()) ? Number(countValue) : NaN;
  if (!(count >= 1 && count <= MAX_SHARDS)) throw new InputError(`${countName} must be a whole number from 1 to ${MAX_SHARDS} (got "${countValue}")`);
  if (!(index >= base && index < count + base)) throw new InputError(`${indexName} must be a whole number from ${base} to ${count - 1 + base} with ${countName}=${count} (got "${indexValue}")`);
  return { index: index + 1 - base, count };
}
