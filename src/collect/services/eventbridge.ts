import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand, type Rule, type Target } from '@aws-sdk/client-eventbridge';
import type { JsonObject } from '../../json.js';
import type { Collector, CollectorContext } from '../collector.js';
import { paginate, stoppedReason } from '../paginate.js';

const RULE = 'AWS::Events::Rule';

/**
 * EventBridge: the rules of the default event bus (the bus AWS services such as GuardDuty send
 * to) with their targets, shaped like Config's / CloudFormation's AWS::Events::Rule
 * (`Name`, `Arn`, `EventPattern` as the JSON string the API returns, `State`, `Targets`).
 * Tags are not read (one call per rule for no control): `tags` is null, i.e. unknown.
 */
export const eventbridgeCollector: Collector = {
  service: 'events',
  scope: 'regional',
  operations: ['events:ListRules', 'events:ListTargetsByRule'],
  resourceTypes: [RULE],
  async collect(ctx) {
    const events = ctx.client(EventBridgeClient);
    const rules = await ctx.listAll<Rule>([RULE], async (token) => {
      const page = await events.send(new ListRulesCommand({ NextToken: token, Limit: 100 }));
      return { items: page.Rules, next: page.NextToken };
    });
    await ctx.each(rules.items, async (rule) => {
      if (!rule.Name) return;
      const targets = await listTargets(ctx, events, rule.Name);
      ctx.emit({
        type: RULE,
        id: rule.Name,
        arn: rule.Arn ?? `arn:${ctx.partition}:events:${ctx.region}:${ctx.accountId}:rule/${rule.Name}`,
        name: rule.Name,
        configuration: ruleConfiguration(rule, targets.ok ? targets.targets : undefined),
        tags: null,
        ...(targets.ok ? {} : { collectionErrors: { Targets: targets.reason } }),
      });
    });
  },
};

async function listTargets(ctx: CollectorContext, events: EventBridgeClient, rule: string): Promise<{ ok: true; targets: Target[] } | { ok: false; reason: string }> {
  const listed = await paginate((send) => ctx.call(send), async (token) => {
    const page = await events.send(new ListTargetsByRuleCommand({ Rule: rule, NextToken: token, Limit: 100 }));
    return { items: page.Targets, next: page.NextToken };
  });
  if (!listed.complete) return { ok: false, reason: stoppedReason(listed.stopped, `events:ListTargetsByRule found no rule ${rule}`) };
  return { ok: true, targets: listed.items };
}

/**
 * A rule as Config / CloudFormation record it. `Targets` is left out when the targets could
 * not be read (the rule's collectionErrors say why), so "no targets" is never invented.
 */
export function ruleConfiguration(rule: Rule, targets: Target[] | undefined): JsonObject {
  return {
    Name: rule.Name ?? null,
    Arn: rule.Arn ?? null,
    EventPattern: rule.EventPattern ?? null,
    State: rule.State ?? null,
    Description: rule.Description ?? null,
    ScheduleExpression: rule.ScheduleExpression ?? null,
    EventBusName: rule.EventBusName ?? 'default',
    RoleArn: rule.RoleArn ?? null,
    ManagedBy: rule.ManagedBy ?? null,
    ...(targets ? { Targets: targets.map((t) => ({ Id: t.Id ?? null, Arn: t.Arn ?? null, ...(t.RoleArn ? { RoleArn: t.RoleArn } : {}) })) } : {}),
  };
}
