import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ScanError } from '../errors.js';
import { buildInventory } from '../inventory/build-inventory.js';
import type { Inventory } from '../model/inventory.js';
import { ClientFactory } from './aws-clients.js';
import { CallLog } from './call-log.js';
import { applySupplements, createContext, type CollectedPart, type Collector } from './collector.js';
import { credentialProvider } from './credentials.js';
import { classifyFailure, errorCode } from './errors.js';
import { createLimiter } from './limiter.js';
import { ORCHESTRATION_OPERATIONS } from './iam-actions.js';
import { ALL_COLLECTORS, collectorOperations } from './registry.js';

export interface LiveOptions {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  /** Regions to scan, or "all" for the account's enabled regions; default: the configured one. */
  regions?: string[] | 'all';
  endpoint?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** A region still collecting after this long is given up; the others keep their results. */
  regionTimeoutMs?: number;
  collectors?: Collector[];
  onProgress?: (event: { region: string; service: string; finished: number; total: number }) => void;
}

export interface LiveCollection {
  inventory: Inventory;
  calls: CallLog;
  accountId: string;
  regions: string[];
}

const CONCURRENT_REGIONS = 3;
const PER_SERVICE_CONCURRENCY = 5;

export async function collectLive(options: LiveOptions): Promise<LiveCollection> {
  const collectors = options.collectors ?? ALL_COLLECTORS;
  const homeRegion = defaultRegion(options.regions);
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL;
  const log = new CallLog();
  const factory = new ClientFactory({
    credentials: credentialProvider({ ...options, region: homeRegion, ...(endpoint ? { endpoint } : {}) }),
    ...clientSettings({ ...options, ...(endpoint ? { endpoint } : {}) }),
    log,
    declaredOperations: collectionOperations(collectors),
  });

  try {
    const identity = await whoAmI(factory, homeRegion);
    const collected = await collectAccount(factory, { ...identity, homeRegion, collectors, regions: options.regions, ...pick(options) });
    return { ...collected, calls: log };
  } finally {
    factory.destroy();
  }
}

/** Retries and timeouts every client of a live scan gets (one account or each of an organisation's). */
export function clientSettings(options: Pick<LiveOptions, 'endpoint' | 'maxAttempts' | 'requestTimeoutMs'>): { endpoint?: string; maxAttempts: number; requestTimeoutMs: number } {
  return { ...(options.endpoint ? { endpoint: options.endpoint } : {}), maxAttempts: options.maxAttempts ?? 8, requestTimeoutMs: options.requestTimeoutMs ?? 20_000 };
}

/** Every operation one account's collection may send: the collectors' and the orchestration's. */
export function collectionOperations(collectors: Collector[]): Set<string> {
  return new Set([...collectorOperations(collectors), ...ORCHESTRATION_OPERATIONS]);
}

function pick(options: LiveOptions): Pick<AccountCollectionOptions, 'regionTimeoutMs' | 'onProgress'> {
  return { ...(options.regionTimeoutMs !== undefined ? { regionTimeoutMs: options.regionTimeoutMs } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
}

/** One account's collection, as `collectLive` runs it for the account it is in and the organisation scan for each member. */
export interface AccountCollectionOptions {
  accountId: string;
  partition: string;
  /** The region global services are called in, and the default when `regions` is not given. */
  homeRegion: string;
  collectors: Collector[];
  regions?: string[] | 'all' | undefined;
  regionTimeoutMs?: number;
  /**
   * (type, region) pairs another source already collected for this account ("global" for the
   * global IAM types): the services skip them, AWS Config is not asked for them, and no coverage
   * is reported for them here — the source that collected them reports it.
   */
  preclaimed?: Iterable<{ resourceType: string; region: string }>;
  onProgress?: LiveOptions['onProgress'];
}

export interface AccountCollection {
  inventory: Inventory;
  accountId: string;
  regions: string[];
}

/** Collects one account with the clients of `factory` (its credentials are that account's). */
export async function collectAccount(factory: ClientFactory, options: AccountCollectionOptions): Promise<AccountCollection> {
  const { accountId, partition, homeRegion, collectors } = options;
  const regions = options.regions === 'all' ? await enabledRegions(factory, homeRegion) : options.regions?.length ? options.regions : [homeRegion];

  // Each part is kept at its collector's and region's place, not in the order the calls happen to
  // finish: the account resource's facts are assembled in part order, so finishing order would
  // reorder its keys in inventory.json from one run to the next (and a merge of shards could not
  // write the same bytes as one run).
  const slots: Array<{ order: number; part: CollectedPart }> = [];
  const claimed = new Set<string>();
  const preclaimed = new Set([...(options.preclaimed ?? [])].map((p) => `${p.resourceType}|${p.region}`));
  const run = (collector: Collector, region: string, resourceRegion: string) =>
    runCollector(collector, { factory, accountId, partition, region, resourceRegion, timeoutMs: options.regionTimeoutMs ?? 600_000, claimed, preclaimed }).then((part) => {
      const order = collectors.indexOf(collector) * (regions.length + 1) + (resourceRegion === 'global' ? 0 : regions.indexOf(region) + 1);
      slots.push({ order, part });
      return collector.service;
    });

  // Phase 1: AWS Config, where a recorder records a type, claims it in that region.
  const limitRegions = createLimiter(CONCURRENT_REGIONS);
  const sources = collectors.filter((c) => c.claimsTypes);
  await Promise.all(regions.map((region) => limitRegions(() => Promise.all(sources.map((c) => run(c, region, region))))));

  // Phase 2: every service's own APIs for the rest.
  const global = collectors.filter((c) => c.scope === 'global' && !c.claimsTypes);
  const regional = collectors.filter((c) => c.scope === 'regional' && !c.claimsTypes);
  await Promise.all([
    ...global.map((c) => run(c, homeRegion, 'global')),
    ...regions.map((region) =>
      limitRegions(async () => {
        let finished = 0;
        await Promise.all(
          regional.map((c) =>
            run(c, region, region).then((service) => options.onProgress?.({ region, service, finished: ++finished, total: regional.length })),
          ),
        );
      }),
    ),
  ]);

  const parts = slots.sort((x, y) => x.order - y.order).map((slot) => slot.part);
  // Account facts are part of what collection yields, merged onto the account resources with the rest.
  const facts = parts.flatMap((p) => [...p.facts.values()].map((f) => ({ accountId, ...f })));
  const resources = parts.flatMap((p) => p.resources);
  // What the services add to resources AWS Config collected (IAM last-accessed data on its roles).
  applySupplements(resources, parts.flatMap((p) => p.supplements ?? []));
  const inventory = buildInventory(
    [{ source: 'live', resources, coverage: parts.flatMap((p) => p.coverage), facts }],
    regions.map((region) => ({ accountId, region })),
  );
  // Regions with no resources at all still get their account resource (facts, coverage).
  return { inventory: { ...inventory, regions: [...new Set([...inventory.regions, ...regions])].sort() }, accountId, regions };
}

async function runCollector(
  collector: Collector,
  o: { factory: ClientFactory; accountId: string; partition: string; region: string; resourceRegion: string; timeoutMs: number; claimed: Set<string>; preclaimed: ReadonlySet<string> },
): Promise<CollectedPart> {
  const part: CollectedPart = { resources: [], coverage: [], facts: new Map() };
  const ctx = createContext({ ...o, part, limit: createLimiter(PER_SERVICE_CONCURRENCY), claims: collector.claimsTypes === true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), o.timeoutMs);
  });
  try {
    const outcome = await Promise.race([collector.collect(ctx).then(() => 'done' as const), deadline]);
    if (outcome === 'timeout') {
      // Keep nothing half-collected from this service here; say so for every type it covers.
      const reason = `${collector.service} in ${o.region} did not finish within ${Math.round(o.timeoutMs / 1000)} s`;
      // Types another source collected here are that source's to report.
      const types = collector.resourceTypes.filter((t) => !o.preclaimed.has(`${t}|${o.resourceRegion}`));
      return { resources: [], coverage: types.map((resourceType) => ({ accountId: o.accountId, region: o.resourceRegion, resourceType, status: 'failed', reason })), facts: new Map() };
    }
  } catch (error) {
    // A collector bug must not cost the other services their results.
    const reason = `${collector.service} collector failed: ${error instanceof Error ? error.message : String(error)}`;
    ctx.failed(collector.resourceTypes, reason);
  } finally {
    clearTimeout(timer);
  }
  return part;
}

export async function whoAmI(factory: ClientFactory, region: string): Promise<{ accountId: string; partition: string }> {
  try {
    const identity = await factory.client(STSClient, region).send(new GetCallerIdentityCommand({}));
    const partition = identity.Arn?.split(':')[1] ?? 'aws';
    if (!identity.Account) throw new ScanError('STS did not say which account these credentials belong to');
    return { accountId: identity.Account, partition };
  } catch (error) {
    if (error instanceof ScanError) throw error;
    const code = errorCode(error);
    if (code === 'CredentialsProviderError' || /credential/i.test(error instanceof Error ? error.message : '')) {
      throw new ScanError('no AWS credentials found: set AWS_PROFILE or use --profile, configure SSO, or export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or pass --input / --demo for an offline scan)');
    }
    throw new ScanError(`cannot identify the account: ${classifyFailure(error, 'sts:GetCallerIdentity').reason}`);
  }
}

export async function enabledRegions(factory: ClientFactory, region: string): Promise<string[]> {
  try {
    const out = await factory.client(EC2Client, region).send(new DescribeRegionsCommand({ AllRegions: false }));
    return (out.Regions ?? []).map((r) => r.RegionName).filter((name): name is string => !!name).sort();
  } catch (error) {
    throw new ScanError(`cannot list the account's regions for --region all: ${classifyFailure(error, 'ec2:DescribeRegions').reason}`);
  }
}

export function defaultRegion(regions: LiveOptions['regions']): string {
  if (Array.isArray(regions) && regions[0]) return regions[0];
  return process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
}
