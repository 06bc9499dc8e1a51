import { AccessAnalyzerClient, ListAnalyzersCommand, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type { JsonObject } from '../../json.js';
import type { Collector } from '../collector.js';
import { paginate, stoppedReason } from '../paginate.js';

/**
 * IAM Access Analyzer: the region's analyzers (name, type, status), as the `accessAnalyzer`
 * fact on the account resource. Every type is kept (external, internal and unused access); the
 * control decides which type finds what.
 */
export const accessAnalyzerCollector: Collector = {
  service: 'access-analyzer',
  scope: 'regional',
  operations: ['access-analyzer:ListAnalyzers'],
  resourceTypes: [],
  async collect(ctx) {
    const analyzer = ctx.client(AccessAnalyzerClient);
    const listed = await paginate(
      (send) => ctx.call(send),
      async (token: string | undefined) => {
        const page = await analyzer.send(new ListAnalyzersCommand({ nextToken: token, maxResults: 100 }));
        return { items: page.analyzers, next: page.nextToken };
      },
    );
    if (!listed.complete) ctx.fact('accessAnalyzer', null, stoppedReason(listed.stopped, 'access-analyzer:ListAnalyzers found nothing'));
    else ctx.fact('accessAnalyzer', accessAnalyzerValue(listed.items));
  },
};

export function accessAnalyzerValue(analyzers: AnalyzerSummary[]): JsonObject {
  return {
    analyzers: analyzers
      .map((a) => ({ name: a.name ?? null, arn: a.arn ?? null, type: a.type ?? null, status: a.status ?? null }))
      .sort((a, b) => String(a.arn).localeCompare(String(b.arn))),
  };
}
