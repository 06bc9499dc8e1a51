import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  type PolicySummary,
  type PolicyTargetSummary,
  type Root,
} from '@aws-sdk/client-organizations';
import type { JsonObject, JsonValue } from '../../json.js';
import type { Collector, CollectorContext } from '../collector.js';
import { paginate, stoppedReason, type PageOf } from '../paginate.js';

const OPT_OUT = 'AISERVICES_OPT_OUT_POLICY';

/**
 * AWS Organizations: whether the account is in an organization and, if so, the AI services
 * opt-out policies (content and where each is attached) and whether the policy type is enabled
 * on the root, as the account-wide `aiServicesOptOut` fact. Only the management account (or a
 * delegated administrator) may list roots and policies: a member account's denial leaves the
 * fact unknown with the reason (the control is then not_evaluated), never "no policy".
 */
export const organizationsCollector: Collector = {
  service: 'organizations',
  scope: 'global',
  operations: [
    'organizations:DescribeOrganization',
    'organizations:ListRoots',
    'organizations:ListPolicies',
    'organizations:DescribePolicy',
    'organizations:ListTargetsForPolicy',
  ],
  resourceTypes: [],
  async collect(ctx) {
    const result = await optOutFact(ctx, ctx.client(OrganizationsClient));
    if ('failure' in result) ctx.fact('aiServicesOptOut', null, result.failure);
    else ctx.fact('aiServicesOptOut', result.value);
  },
};

type FactResult = { value: JsonObject } | { failure: string };

async function optOutFact(ctx: CollectorContext, org: OrganizationsClient): Promise<FactResult> {
  // Outside any organization AWS answers AWSOrganizationsNotInUseException: an answer.
  const described = await ctx.call(() => org.send(new DescribeOrganizationCommand({})), { absentOn: ['AWSOrganizationsNotInUseException'] });
  if (described.status === 'failed') return { failure: described.failure.reason };
  if (described.status === 'absent') return { value: { inOrganization: false } };
  const organization = described.output.Organization;

  const roots = await list<Root>(ctx, async (token) => {
    const page = await org.send(new ListRootsCommand({ NextToken: token }));
    return { items: page.Roots, next: page.NextToken };
  });
  if ('failure' in roots) return roots;

  const listed = await list<PolicySummary>(ctx, async (token) => {
    const page = await org.send(new ListPoliciesCommand({ Filter: OPT_OUT, NextToken: token }));
    return { items: page.Policies, next: page.NextToken };
  });
  if ('failure' in listed) return listed;

  const policies: Array<{ id: string; value: JsonObject }> = [];
  const failures: string[] = [];
  await ctx.each(listed.items, async (summary) => {
    if (!summary.Id) return;
    const got = await ctx.call(() => org.send(new DescribePolicyCommand({ PolicyId: summary.Id })));
    if (got.status !== 'ok') {
      failures.push(got.status === 'failed' ? got.failure.reason : `organizations:DescribePolicy found no policy ${summary.Id}`);
      return;
    }
    const targets = await list<PolicyTargetSummary>(ctx, async (token) => {
      const page = await org.send(new ListTargetsForPolicyCommand({ PolicyId: summary.Id, NextToken: token }));
      return { items: page.Targets, next: page.NextToken };
    });
    if ('failure' in targets) {
      failures.push(targets.failure);
      return;
    }
    const value: JsonObject = {
      id: summary.Id,
      name: summary.Name ?? null,
      arn: summary.Arn ?? null,
      awsManaged: summary.AwsManaged ?? false,
      content: parseContent(got.output.Policy?.Content),
      targets: targets.items.map((t) => ({ targetId: t.TargetId ?? null, type: t.Type ?? null, name: t.Name ?? null })),
    };
    policies.push({ id: summary.Id, value });
  });
  // A policy whose content or attachments are unknown could opt a service in: unknown, not a pass.
  if (failures.length > 0) return { failure: failures.sort().join('; ') };

  return {
    value: {
      inOrganization: true,
      organizationId: organization?.Id ?? null,
      managementAccountId: organization?.MasterAccountId ?? null,
      featureSet: organization?.FeatureSet ?? null,
      roots: roots.items.map((r) => ({
        id: r.Id ?? null,
        policyTypes: (r.PolicyTypes ?? []).map((p) => ({ type: p.Type ?? null, status: p.Status ?? null })),
      })),
      policies: policies.sort((a, b) => a.id.localeCompare(b.id)).map((p) => p.value),
    },
  };
}

/** A whole listing (no inventory type is covered by it), or why it stopped. */
async function list<T>(ctx: CollectorContext, page: PageOf<T>): Promise<{ items: T[] } | { failure: string }> {
  const listed = await paginate((send) => ctx.call(send), page);
  return listed.complete ? { items: listed.items } : { failure: stoppedReason(listed.stopped, 'the listing found nothing') };
}

/** The policy text as an object; text that is not JSON is kept as a string (the control reports it). */
export function parseContent(content: string | undefined): JsonValue {
  if (content === undefined) return null;
  try {
    return JSON.parse(content) as JsonValue;
  } catch {
    return content;
  }
}
