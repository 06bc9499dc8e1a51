import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import type { Collector } from '../../src/collect/collector.js';
import { collectAccount } from '../../src/collect/run-collection.js';

/** Two services that each record an account fact, the one or the other answering first. */
function services(firstToAnswer: 'detector' | 'analyzer'): Collector[] {
  const service = (name: string, fact: string): Collector => ({
    service: name,
    scope: 'regional',
    operations: [],
    resourceTypes: [],
    async collect(ctx) {
      await new Promise((resolve) => setTimeout(resolve, firstToAnswer === name ? 0 : 40));
      ctx.fact(fact, { enabled: true });
    },
  });
  return [service('detector', 'guardDuty'), service('analyzer', 'accessAnalyzer')];
}

const factory = () => new ClientFactory({ credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }), maxAttempts: 1, requestTimeoutMs: 1000, log: new CallLog(), declaredOperations: new Set() });

describe('one account collected twice, its services answering in another order', () => {
  it('gives the same inventory, byte for byte (the account resource lists its facts in a fixed order)', async () => {
    const collect = async (first: 'detector' | 'analyzer') =>
      JSON.stringify((await collectAccount(factory(), { accountId: '111111111111', partition: 'aws', homeRegion: 'us-east-1', regions: ['us-east-1', 'eu-west-1'], collectors: services(first) })).inventory);
    const one = await collect('detector');
    const other = await collect('analyzer');
    expect(one).toContain('"guardDuty"');
    expect(one).toContain('"accessAnalyzer"');
    expect(other).toBe(one);
  });
});
