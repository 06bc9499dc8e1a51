import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collector } from '../../src/collect/collector.js';
import { collectLive } from '../../src/collect/run-collection.js';
import { motoEnv, startMoto, type Moto } from '../helpers/moto.js';

/** Emits one resource per region, but never finishes in eu-west-1 (a region that hangs). */
const slowInEurope: Collector = {
  service: 'test-service',
  scope: 'regional',
  operations: [],
  resourceTypes: ['Test::Thing'],
  async collect(ctx) {
    ctx.emit({ type: 'Test::Thing', id: `thing-${ctx.region}`, arn: `arn:aws:test:${ctx.region}:123456789012:thing/1`, configuration: {} });
    if (ctx.region === 'eu-west-1') await new Promise(() => undefined);
    ctx.covered(['Test::Thing']);
  },
};

describe('a region that does not finish in time', () => {
  let moto: Moto;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    Object.assign(process.env, motoEnv(moto));
  });
  afterAll(async () => {
    process.env = saved;
    await moto?.stop();
  });

  it('loses only its own results, and says so in coverage', async () => {
    const live = await collectLive({ endpoint: moto.endpoint, regions: ['us-east-1', 'eu-west-1'], collectors: [slowInEurope], regionTimeoutMs: 1500 });
    const things = live.inventory.resources.filter((r) => r.type === 'Test::Thing');
    expect(things.map((t) => t.region)).toEqual(['us-east-1']);
    expect(live.inventory.coverage.filter((c) => c.resourceType === 'Test::Thing')).toEqual([
      { accountId: '123456789012', region: 'eu-west-1', resourceType: 'Test::Thing', status: 'failed', reason: 'test-service in eu-west-1 did not finish within 2 s' },
      { accountId: '123456789012', region: 'us-east-1', resourceType: 'Test::Thing', status: 'complete' },
    ]);
    // Both regions still have their account resource, for the account-level controls.
    expect(live.inventory.resources.filter((r) => r.type === 'AWS::::Account').map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
  });
});
