import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import { createContext, type CollectedPart, type Collector } from '../../src/collect/collector.js';
import { createLimiter } from '../../src/collect/limiter.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { TEST_CREDENTIALS, MOTO_ACCOUNT, type Moto } from './moto.js';

/** Runs one collector against moto the way the live scan does, and returns what it collected. */
export async function runCollectorAgainst(moto: Moto, collector: Collector, region = 'us-east-1'): Promise<CollectedPart & { log: CallLog }> {
  const log = new CallLog();
  const factory = new ClientFactory({
    credentials: async () => TEST_CREDENTIALS,
    endpoint: moto.endpoint,
    maxAttempts: 3,
    requestTimeoutMs: 10_000,
    log,
    declaredOperations: new Set(collector.operations),
  });
  const part: CollectedPart = { resources: [], coverage: [], facts: new Map() };
  const ctx = createContext({
    factory,
    accountId: MOTO_ACCOUNT,
    partition: 'aws',
    region,
    resourceRegion: collector.scope === 'global' ? 'global' : region,
    part,
    limit: createLimiter(5),
  });
  await collector.collect(ctx);
  return { ...part, log };
}

/** The collected resource of this type and id; when there is none the test fails naming what was collected. */
export function findCollected(part: CollectedPart, type: string, id: string): InventoryResource {
  const found = part.resources.find((r) => r.type === type && r.id === id);
  if (!found) throw new Error(`${type} ${id} not collected; have ${part.resources.map((r) => `${r.type}:${r.id}`).join(', ')}`);
  return found;
}
