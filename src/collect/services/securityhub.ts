import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient, type StandardsSubscription } from '@aws-sdk/client-securityhub';
import type { JsonObject } from '../../json.js';
import type { Collector, CollectorContext } from '../collector.js';
import { paginate, stoppedReason } from '../paginate.js';

/**
 * AWS Security Hub: whether the region's hub is enabled and which security standards it runs,
 * as the `securityHub` fact on the account resource. A region that never enabled Security Hub
 * answers InvalidAccessException ("not subscribed to AWS Security Hub"): that is an answer
 * (enabled false), not a permissions gap. GetEnabledStandards is read only for an enabled hub.
 */
export const securityhubCollector: Collector = {
  service: 'securityhub',
  scope: 'regional',
  operations: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
  resourceTypes: [],
  async collect(ctx) {
    const result = await securityHubFact(ctx, ctx.client(SecurityHubClient));
    if ('failure' in result) ctx.fact('securityHub', null, result.failure);
    else ctx.fact('securityHub', result.value);
  },
};

async function securityHubFact(ctx: CollectorContext, hub: SecurityHubClient): Promise<{ value: JsonObject } | { failure: string }> {
  const described = await ctx.call(() => hub.send(new DescribeHubCommand({})), { absentOn: ['InvalidAccessException'] });
  if (described.status === 'failed') return { failure: described.failure.reason };
  if (described.status === 'absent') return { value: { enabled: false } };
  const standards = await paginate(
    (send) => ctx.call(send),
    async (token: string | undefined) => {
      const page = await hub.send(new GetEnabledStandardsCommand({ NextToken: token }));
      return { items: page.StandardsSubscriptions, next: page.NextToken };
    },
  );
  // Enabled, but what it checks is unknown: the control needs the standards, so unknown.
  if (!standards.complete) return { failure: stoppedReason(standards.stopped, 'securityhub:GetEnabledStandards found nothing') };
  return { value: securityHubValue(described.output.HubArn, standards.items) };
}

/** The fact of an enabled hub and its standards subscriptions. */
export function securityHubValue(hubArn: string | undefined, subscriptions: StandardsSubscription[]): JsonObject {
  return {
    enabled: true,
    hubArn: hubArn ?? null,
    standards: subscriptions
      .map((s) => ({ standardsArn: s.StandardsArn ?? null, status: s.StandardsStatus ?? null }))
      .sort((a, b) => String(a.standardsArn).localeCompare(String(b.standardsArn))),
  };
}
