import type { Collector } from '../../src/collect/collector.js';

/** A collector that emits a resource at once and, in `slowAccount`, never finishes: what a per-account deadline must cut off. */
export function collectorHangingIn(slowAccount: string): Collector {
  return {
    service: 'fake-slow',
    scope: 'regional',
    operations: [],
    resourceTypes: ['Test::Slow::Thing'],
    async collect(ctx) {
      ctx.emit({ type: 'Test::Slow::Thing', id: 'thing', arn: `arn:aws:fake:${ctx.region}:${ctx.accountId}:thing`, configuration: {} });
      if (ctx.accountId === slowAccount) await new Promise(() => {});
      ctx.covered(['Test::Slow::Thing']);
    },
  };
}
