import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import type { Collector } from '../../src/collect/collector.js';
import { collectAccount } from '../../src/collect/run-collection.js';

/** A collector that records one account fact (and one fact it could not read) after `delayMs`. */
const factAfter = (service: string, delayMs: number): Collector => ({
  service,
  scope: 'regional',
  operations: [],
  resourceTypes: [],
  async collect(ctx) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    ctx.fact(`${service}Fact`, { enabled: true });
    ctx.fact(`${service}Unknown`, null, `${service} could not be read`);
  },
});

/** The account resource's configuration keys and its factErrors' keys, in inventory.json order. */
async function accountKeys(collectors: Collector[]): Promise<{ keys: string[]; errors: string[] }> {
  // The collectors make no call: the factory is never asked for a client.
  const factory = new ClientFactory({ credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }), maxAttempts: 1, requestTimeoutMs: 1000, log: new CallLog(), declaredOperations: new Set() });
  const { inventory } = await collectAccount(factory, { accountId: '111122223333', partition: 'aws', homeRegion: 'us-east-1', regions: ['us-east-1'], collectors });
  const account = inventory.resources.find((r) => r.type === 'AWS::::Account')!;
  return { keys: Object.keys(account.configuration), errors: Object.keys(account.configuration.factErrors as Record<string, string>) };
}

describe("an account resource's facts", () => {
  // Regression: parts were kept in the order collectors finished, so the facts' key order in
  // inventory.json changed from run to run, and merged shards did not equal one run byte for byte.
  it('come out in collector order, whichever collector finishes first', async () => {
    const slowFirst = await accountKeys([factAfter('alpha', 60), factAfter('zulu', 0)]);
    const fastFirst = await accountKeys([factAfter('alpha', 0), factAfter('zulu', 60)]);
    expect(slowFirst).toEqual(fastFirst);
    expect(slowFirst.keys.filter((k) => k.endsWith('Fact'))).toEqual(['alphaFact', 'zuluFact']);
    expect(slowFirst.errors).toEqual(['alphaUnknown', 'zuluUnknown']);
  });
});
