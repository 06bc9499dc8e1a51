import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import type { Collector } from '../../src/collect/collector.js';
import { collectAccount } from '../../src/collect/run-collection.js';

/** Collectors that make no call: what they do depends only on what the context lets them. */
function collectors(asked: string[]): Collector[] {
  const config: Collector = {
    service: 'fake-config',
    scope: 'regional',
    claimsTypes: true,
    operations: [],
    resourceTypes: [],
    async collect(ctx) {
      for (const type of ['T::A', 'T::B']) {
        if (!ctx.wants(type, ctx.region)) continue;
        asked.push(`${type} ${ctx.region}`);
        ctx.emit({ type, id: `config-${type}`, arn: `arn:aws:fake:${ctx.region}:111111111111:config/${type}`, configuration: { from: 'config' } });
        ctx.claim(type, ctx.region);
        ctx.covered([type]);
      }
    },
  };
  const service: Collector = {
    service: 'fake-service',
    scope: 'regional',
    operations: [],
    resourceTypes: ['T::A', 'T::B', 'T::C'],
    async collect(ctx) {
      for (const type of ['T::A', 'T::B', 'T::C']) {
        ctx.emit({ type, id: `service-${type}`, arn: `arn:aws:fake:${ctx.region}:111111111111:service/${type}`, configuration: { from: 'service' } });
      }
      ctx.covered(['T::A', 'T::B', 'T::C']);
    },
  };
  return [config, service];
}

const factory = () => new ClientFactory({ credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }), maxAttempts: 1, requestTimeoutMs: 1000, log: new CallLog(), declaredOperations: new Set() });

describe('pre-claimed types (the seam for the Config aggregator source)', () => {
  it('a pre-claimed type in a region is left alone there: AWS Config is not asked, the service emits nothing, no coverage is reported', async () => {
    const asked: string[] = [];
    const { inventory } = await collectAccount(factory(), {
      accountId: '111111111111',
      partition: 'aws',
      homeRegion: 'us-east-1',
      regions: ['us-east-1', 'eu-west-1'],
      collectors: collectors(asked),
      preclaimed: [{ resourceType: 'T::A', region: 'us-east-1' }],
    });
    expect(asked.sort()).toEqual(['T::A eu-west-1', 'T::B eu-west-1', 'T::B us-east-1']);
    const found = inventory.resources.filter((r) => r.type.startsWith('T::')).map((r) => `${r.region} ${r.type} ${String(r.configuration.from)}`);
    expect(found.sort()).toEqual(['eu-west-1 T::A config', 'eu-west-1 T::B config', 'eu-west-1 T::C service', 'us-east-1 T::B config', 'us-east-1 T::C service']);
    expect(inventory.coverage.map((c) => `${c.region} ${c.resourceType}`).sort()).toEqual(['eu-west-1 T::A', 'eu-west-1 T::B', 'eu-west-1 T::C', 'us-east-1 T::B', 'us-east-1 T::C']);
  });

  it('without pre-claims the account collects as before (Config first, the service for the rest)', async () => {
    const asked: string[] = [];
    const { inventory } = await collectAccount(factory(), { accountId: '111111111111', partition: 'aws', homeRegion: 'us-east-1', collectors: collectors(asked) });
    expect(asked.sort()).toEqual(['T::A us-east-1', 'T::B us-east-1']);
    expect(inventory.resources.filter((r) => r.type.startsWith('T::')).map((r) => `${r.type} ${String(r.configuration.from)}`).sort()).toEqual(['T::A config', 'T::B config', 'T::C service']);
  });
});
