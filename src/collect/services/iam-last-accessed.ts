import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type IAMClient,
  type ServiceLastAccessed,
} from '@aws-sdk/client-iam';
import { isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import type { CollectorContext } from '../collector.js';
import { paginate, stoppedReason } from '../paginate.js';
import { policyDocument } from '../shape.js';

type Details = GetAccountAuthorizationDetailsCommandOutput;

/** The AI service namespaces whose last use is kept (bedrock-agentcore and the like included). */
const AI_NAMESPACE = /^(bedrock|sagemaker)/i;

/**
 * At most this many report jobs per account: each is a Generate call and one or more Get calls.
 * A principal past the limit gets a collection error, so its stale-access controls are not
 * evaluated rather than passed.
 */
export const LAST_ACCESSED_LIMIT = 100;

/** Polls of one report job before giving up (IAM finishes most in a few seconds). */
const POLLS = 10;

/** Last-accessed facts of one principal, or why they could not be read. */
export type LastAccessed = { ok: true; services: JsonObject[] } | { ok: false; reason: string };

/**
 * Service last-accessed data (IAM access advisor) for the roles and users whose policies may grant
 * Bedrock or SageMaker: GenerateServiceLastAccessedDetails starts a report job (it writes nothing
 * but the report, like GenerateCredentialReport), GetServiceLastAccessedDetails reads it. The
 * report lists every service the principal's policies allow — AWS managed policies included — with
 * when it last authenticated there; only the Bedrock and SageMaker entries are kept.
 */
export async function collectLastAccessed(ctx: CollectorContext, iam: IAMClient, pages: Details[]): Promise<Map<string, LastAccessed>> {
  const candidates = aiCandidates(pages);
  const results = new Map<string, LastAccessed>();
  for (const arn of candidates.slice(LAST_ACCESSED_LIMIT)) {
    results.set(arn, { ok: false, reason: `not requested: more than ${LAST_ACCESSED_LIMIT} principals may use Bedrock or SageMaker, and cafscan reads last-accessed data for the first ${LAST_ACCESSED_LIMIT} only` });
  }
  await ctx.each(candidates.slice(0, LAST_ACCESSED_LIMIT), async (arn) => {
    results.set(arn, await lastAccessed(ctx, iam, arn));
  });
  return results;
}

async function lastAccessed(ctx: CollectorContext, iam: IAMClient, arn: string): Promise<LastAccessed> {
  const started = await ctx.call(() => iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn, Granularity: 'SERVICE_LEVEL' })));
  if (started.status !== 'ok') return { ok: false, reason: stoppedReason(started, 'iam:GenerateServiceLastAccessedDetails') };
  const jobId = started.output.JobId;
  if (!jobId) return { ok: false, reason: 'iam:GenerateServiceLastAccessedDetails returned no job id' };
  for (let attempt = 0; attempt < POLLS; attempt++) {
    const status = await ctx.call(() => iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId, MaxItems: 1 })));
    if (status.status !== 'ok') return { ok: false, reason: stoppedReason(status, 'iam:GetServiceLastAccessedDetails') };
    if (status.output.JobStatus === 'FAILED') return { ok: false, reason: `the last-accessed report job failed: ${status.output.Error?.Message ?? 'no reason given'}` };
    if (status.output.JobStatus === 'COMPLETED') return readReport(ctx, iam, jobId);
    await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
  }
  return { ok: false, reason: `the last-accessed report job was not complete after ${POLLS} polls` };
}

async function readReport(ctx: CollectorContext, iam: IAMClient, jobId: string): Promise<LastAccessed> {
  const listed = await paginate<ServiceLastAccessed>(
    (send) => ctx.call(send),
    async (marker) => {
      const page = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId, Marker: marker, MaxItems: 1000 }));
      return { items: page.ServicesLastAccessed, next: page.IsTruncated ? page.Marker : undefined };
    },
  );
  if (!listed.complete) return { ok: false, reason: stoppedReason(listed.stopped, 'iam:GetServiceLastAccessedDetails') };
  const services = listed.items
    .filter((s) => AI_NAMESPACE.test(s.ServiceNamespace ?? ''))
    .map((s) => ({
      serviceNamespace: s.ServiceNamespace ?? null,
      serviceName: s.ServiceName ?? null,
      // Absent: the principal has not used the service in IAM's tracking period (400 days).
      lastAuthenticated: s.LastAuthenticated?.toISOString() ?? null,
      lastAuthenticatedRegion: s.LastAuthenticatedRegion ?? null,
    }));
  return { ok: true, services };
}

/**
 * AWS managed policies (known by name only) that grant Bedrock or SageMaker actions: named for
 * them, the broad ones, and those not named for them that grant them anyway (job-function/
 * DataScientist: sagemaker:*; SecurityAudit: Describe/List/Get of both). Kept in step with
 * iam_managed_grants in policies/lib/iam_last_accessed.rego.
 */
const AI_MANAGED = /bedrock|sagemaker|^AdministratorAccess$|^PowerUserAccess$|^ReadOnlyAccess$|^ViewOnlyAccess$|^DataScientist$|^SecurityAudit$/i;

/**
 * Roles and users whose policies may grant a Bedrock or SageMaker action: an AWS managed policy
 * named for them (or an administrator, power-user or read-only one), or a document with an
 * action pattern that could name one (its service part matches bedrock or sagemaker, or holds a
 * wildcard) or with NotAction. Users count their groups' policies. Over-inclusive on purpose:
 * the report itself then says which services the principal really may use.
 */
export function aiCandidates(pages: Details[]): string[] {
  const policies = new Map<string, JsonValue[]>();
  const groups = new Map<string, { managed: string[]; docs: JsonValue[] }>();
  for (const page of pages) {
    for (const p of page.Policies ?? []) {
      if (p.Arn) policies.set(p.Arn, (p.PolicyVersionList ?? []).filter((v) => v.IsDefaultVersion).map((v) => policyDocument(v.Document)));
    }
  }
  const documents = (inline: Array<{ PolicyDocument?: string }> | undefined, attached: Array<{ PolicyArn?: string }> | undefined) => [
    ...(inline ?? []).map((p) => policyDocument(p.PolicyDocument)),
    ...(attached ?? []).flatMap((p) => (p.PolicyArn ? (policies.get(p.PolicyArn) ?? []) : [])),
  ];
  const managedNames = (attached: Array<{ PolicyArn?: string }> | undefined) => (attached ?? []).map((p) => p.PolicyArn ?? '').filter((arn) => arn.includes(':iam::aws:policy/')).map((arn) => arn.split('/').pop() ?? '');
  for (const page of pages) {
    for (const g of page.GroupDetailList ?? []) {
      if (g.GroupName) groups.set(g.GroupName, { managed: managedNames(g.AttachedManagedPolicies), docs: documents(g.GroupPolicyList, g.AttachedManagedPolicies) });
    }
  }
  const mayGrant = (managed: string[], docs: JsonValue[]) => managed.some((name) => AI_MANAGED.test(name)) || docs.some(mayGrantAi);
  const arns: string[] = [];
  for (const page of pages) {
    for (const role of page.RoleDetailList ?? []) {
      if (role.Arn && mayGrant(managedNames(role.AttachedManagedPolicies), documents(role.RolePolicyList, role.AttachedManagedPolicies))) arns.push(role.Arn);
    }
    for (const user of page.UserDetailList ?? []) {
      const ofGroups = (user.GroupList ?? []).map((name) => groups.get(name));
      const managed = [...managedNames(user.AttachedManagedPolicies), ...ofGroups.flatMap((g) => g?.managed ?? [])];
      const docs = [...documents(user.UserPolicyList, user.AttachedManagedPolicies), ...ofGroups.flatMap((g) => g?.docs ?? [])];
      if (user.Arn && mayGrant(managed, docs)) arns.push(user.Arn);
    }
  }
  return arns;
}

function mayGrantAi(doc: JsonValue): boolean {
  if (!isJsonObject(doc)) return false;
  return asList(doc.Statement).some((s) => {
    if (!isJsonObject(s) || s.Effect !== 'Allow') return false;
    if ('NotAction' in s) return true;
    return asList(s.Action).some((a) => typeof a === 'string' && actionMayBeAi(a));
  });
}

function actionMayBeAi(pattern: string): boolean {
  const service = pattern.includes(':') ? pattern.slice(0, pattern.indexOf(':')) : pattern;
  return /[*?]/.test(service) || AI_NAMESPACE.test(service);
}

function asList(value: JsonValue | undefined): JsonValue[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}
