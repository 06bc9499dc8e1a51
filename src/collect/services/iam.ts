import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListServiceSpecificCredentialsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type ServiceSpecificCredentialMetadata,
} from '@aws-sdk/client-iam';
import type { JsonObject } from '../../json.js';
import type { Collector, CollectorContext, ResourceDraft } from '../collector.js';
import { configTagList, policyDocument, tagMap, toJsonObject } from '../shape.js';
import { collectLastAccessed, type LastAccessed } from './iam-last-accessed.js';

type Details = GetAccountAuthorizationDetailsCommandOutput;
type RoleDetail = NonNullable<Details['RoleDetailList']>[number];
type UserDetail = NonNullable<Details['UserDetailList']>[number];
type GroupDetail = NonNullable<Details['GroupDetailList']>[number];
type PolicyDetail = NonNullable<Details['Policies']>[number];

const TYPES = { role: 'AWS::IAM::Role', user: 'AWS::IAM::User', group: 'AWS::IAM::Group', policy: 'AWS::IAM::Policy' } as const;

/** Long-term Amazon Bedrock API keys: IAM service-specific credentials (AWS Config does not record them). */
export const SERVICE_CREDENTIAL_TYPE = 'AWS::IAM::ServiceSpecificCredential';
const BEDROCK_SERVICE = 'bedrock.amazonaws.com';

/**
 * IAM: one paginated GetAccountAuthorizationDetails gives every role, user, group and customer
 * managed policy with their documents — shaped like AWS Config's IAM items (camelCase, policy
 * documents decoded). The credential report adds MFA and access-key facts per user; password
 * policy and account summary are account-wide facts. Long-term Bedrock API keys come from one
 * paginated ListServiceSpecificCredentials for all users (they are not in the authorization details);
 * service last-accessed data of the principals that may use Bedrock or SageMaker from
 * iam-last-accessed.ts.
 */
export const iamCollector: Collector = {
  service: 'iam',
  scope: 'global',
  operations: [
    'iam:GetAccountAuthorizationDetails',
    'iam:GetAccountPasswordPolicy',
    'iam:GetAccountSummary',
    'iam:GenerateCredentialReport',
    'iam:GetCredentialReport',
    'iam:ListServiceSpecificCredentials',
    'iam:GenerateServiceLastAccessedDetails',
    'iam:GetServiceLastAccessedDetails',
  ],
  resourceTypes: [...Object.values(TYPES), SERVICE_CREDENTIAL_TYPE],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const details = await ctx.listAll<Details>(Object.values(TYPES), async (marker) => {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: marker, MaxItems: 1000 }));
      return { items: [page], next: page.IsTruncated ? page.Marker : undefined };
    });
    const report = await credentialReport(ctx, iam);
    const used = await collectLastAccessed(ctx, iam, details.items);
    for (const page of details.items) {
      for (const role of page.RoleDetailList ?? []) emitRole(ctx, role, used.get(role.Arn ?? ''));
      for (const user of page.UserDetailList ?? []) emitUser(ctx, user, report, used.get(user.Arn ?? ''));
      for (const group of page.GroupDetailList ?? []) emitGroup(ctx, group);
      for (const policy of page.Policies ?? []) if (!policy.Arn?.includes(':iam::aws:policy/')) emitPolicy(ctx, policy);
    }
    await accountFacts(ctx, iam, report);
    await bedrockApiKeys(ctx, iam);
  },
};

/**
 * Every user's Bedrock API keys in one listing (AllUsers). A failed listing marks the type failed
 * with the reason, so the controls on the keys and on their users are not evaluated, never passed.
 */
async function bedrockApiKeys(ctx: CollectorContext, iam: IAMClient): Promise<void> {
  const listed = await ctx.listAll<ServiceSpecificCredentialMetadata>([SERVICE_CREDENTIAL_TYPE], async (marker) => {
    const page = await iam.send(new ListServiceSpecificCredentialsCommand({ AllUsers: true, ServiceName: BEDROCK_SERVICE, Marker: marker }));
    return { items: page.ServiceSpecificCredentials, next: page.IsTruncated ? page.Marker : undefined };
  });
  for (const credential of listed.items) ctx.emit(serviceCredentialResource(ctx, credential));
}

/** One credential, keyed like the other IAM items (camelCase). It has no ARN: cafscan's synthetic one (docs/inventory.md). */
export function serviceCredentialResource(ctx: Pick<CollectorContext, 'accountId' | 'partition'>, credential: ServiceSpecificCredentialMetadata): ResourceDraft {
  const id = credential.ServiceSpecificCredentialId ?? '';
  return {
    type: SERVICE_CREDENTIAL_TYPE,
    id,
    arn: `arn:${ctx.partition}:iam::${ctx.accountId}:service-specific-credential/${id}`,
    name: credential.ServiceCredentialAlias ?? id,
    configuration: {
      serviceSpecificCredentialId: id,
      userName: credential.UserName ?? null,
      serviceName: credential.ServiceName ?? null,
      serviceUserName: credential.ServiceUserName ?? null,
      serviceCredentialAlias: credential.ServiceCredentialAlias ?? null,
      status: credential.Status ?? null,
      createDate: credential.CreateDate?.toISOString() ?? null,
      // Absent for a key created without an expiration period: it never expires (API reference).
      expirationDate: credential.ExpirationDate?.toISOString() ?? null,
    },
    relationships: credential.UserName ? [{ name: 'Is attached to User', resourceType: TYPES.user, resourceId: null, resourceName: credential.UserName }] : [],
  };
}

/**
 * Last-accessed data as the principal's supplementary ServiceLastAccessed (its Bedrock and
 * SageMaker entries; [] when its policies grant neither), or why it could not be read. A
 * principal that was not asked for (no policy may grant either service) gets neither.
 */
function lastAccessedParts(used: LastAccessed | undefined): { supplementary: JsonObject; errors: Record<string, string> } {
  if (!used) return { supplementary: {}, errors: {} };
  return used.ok ? { supplementary: { ServiceLastAccessed: used.services }, errors: {} } : { supplementary: {}, errors: { ServiceLastAccessed: used.reason } };
}

function emitRole(ctx: CollectorContext, role: RoleDetail, used: LastAccessed | undefined): void {
  const last = lastAccessedParts(used);
  // Where AWS Config collected the roles, its item is kept (emit drops this one) and the
  // last-accessed data, which Config does not record, is added to it.
  if (role.Arn) ctx.supplement(TYPES.role, { arn: role.Arn, supplementaryConfiguration: last.supplementary, collectionErrors: last.errors });
  ctx.emit({
    type: TYPES.role,
    id: role.RoleId ?? role.RoleName ?? '',
    arn: role.Arn ?? '',
    name: role.RoleName ?? null,
    tags: tagMap(role.Tags),
    configuration: {
      path: role.Path ?? null,
      roleName: role.RoleName ?? null,
      roleId: role.RoleId ?? null,
      arn: role.Arn ?? null,
      createDate: role.CreateDate?.toISOString() ?? null,
      assumeRolePolicyDocument: policyDocument(role.AssumeRolePolicyDocument),
      instanceProfileList: (role.InstanceProfileList ?? []).map((p) => toJsonObject(p)),
      rolePolicyList: (role.RolePolicyList ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyDocument: policyDocument(p.PolicyDocument) })),
      attachedManagedPolicies: attached(role.AttachedManagedPolicies),
      permissionsBoundary: role.PermissionsBoundary ? { permissionsBoundaryType: role.PermissionsBoundary.PermissionsBoundaryType ?? null, permissionsBoundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn ?? null } : null,
      tags: configTagList(role.Tags),
      roleLastUsed: role.RoleLastUsed ? toJsonObject(role.RoleLastUsed) : null,
    },
    supplementaryConfiguration: last.supplementary,
    ...(Object.keys(last.errors).length > 0 ? { collectionErrors: last.errors } : {}),
  });
}

function emitUser(ctx: CollectorContext, user: UserDetail, report: Map<string, JsonObject> | undefined, used: LastAccessed | undefined): void {
  const reportRow = user.UserName ? report?.get(user.UserName) : undefined;
  const last = lastAccessedParts(used);
  const errors = { ...(report ? {} : { CredentialReport: 'the IAM credential report could not be read' }), ...last.errors };
  ctx.emit({
    type: TYPES.user,
    id: user.UserId ?? user.UserName ?? '',
    arn: user.Arn ?? '',
    name: user.UserName ?? null,
    tags: tagMap(user.Tags),
    configuration: {
      path: user.Path ?? null,
      userName: user.UserName ?? null,
      userId: user.UserId ?? null,
      arn: user.Arn ?? null,
      createDate: user.CreateDate?.toISOString() ?? null,
      userPolicyList: (user.UserPolicyList ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyDocument: policyDocument(p.PolicyDocument) })),
      groupList: user.GroupList ?? [],
      attachedManagedPolicies: attached(user.AttachedManagedPolicies),
      permissionsBoundary: user.PermissionsBoundary ? toJsonObject(user.PermissionsBoundary) : null,
      tags: configTagList(user.Tags),
    },
    supplementaryConfiguration: { ...(reportRow ? { CredentialReport: reportRow } : {}), ...last.supplementary },
    ...(Object.keys(errors).length > 0 ? { collectionErrors: errors } : {}),
  });
}

function emitGroup(ctx: CollectorContext, group: GroupDetail): void {
  ctx.emit({
    type: TYPES.group,
    id: group.GroupId ?? group.GroupName ?? '',
    arn: group.Arn ?? '',
    name: group.GroupName ?? null,
    configuration: {
      path: group.Path ?? null,
      groupName: group.GroupName ?? null,
      groupId: group.GroupId ?? null,
      arn: group.Arn ?? null,
      createDate: group.CreateDate?.toISOString() ?? null,
      groupPolicyList: (group.GroupPolicyList ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyDocument: policyDocument(p.PolicyDocument) })),
      attachedManagedPolicies: attached(group.AttachedManagedPolicies),
    },
  });
}

function emitPolicy(ctx: CollectorContext, policy: PolicyDetail): void {
  ctx.emit({
    type: TYPES.policy,
    id: policy.PolicyId ?? policy.PolicyName ?? '',
    arn: policy.Arn ?? '',
    name: policy.PolicyName ?? nameFromArn(policy.Arn),
    configuration: {
      policyName: policy.PolicyName ?? nameFromArn(policy.Arn),
      policyId: policy.PolicyId ?? null,
      arn: policy.Arn ?? null,
      path: policy.Path ?? null,
      defaultVersionId: policy.DefaultVersionId ?? null,
      attachmentCount: policy.AttachmentCount ?? null,
      permissionsBoundaryUsageCount: policy.PermissionsBoundaryUsageCount ?? null,
      isAttachable: policy.IsAttachable ?? null,
      description: policy.Description ?? null,
      createDate: policy.CreateDate?.toISOString() ?? null,
      updateDate: policy.UpdateDate?.toISOString() ?? null,
      policyVersionList: (policy.PolicyVersionList ?? []).map((v) => ({
        document: policyDocument(v.Document),
        versionId: v.VersionId ?? null,
        isDefaultVersion: v.IsDefaultVersion ?? false,
        createDate: v.CreateDate?.toISOString() ?? null,
      })),
    },
  });
}

function nameFromArn(arn: string | undefined): string | null {
  return arn?.split('/').pop() ?? null;
}

function attached(list: Array<{ PolicyName?: string; PolicyArn?: string }> | undefined) {
  return (list ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyArn: p.PolicyArn ?? '' }));
}

/** The credential report (CSV) by user name; "<root_account>" is the root user. Undefined if unreadable. */
async function credentialReport(ctx: CollectorContext, iam: IAMClient): Promise<Map<string, JsonObject> | undefined> {
  // The report is generated asynchronously; ask until it is ready (a few seconds at most).
  for (let attempt = 0; attempt < 10; attempt++) {
    const generated = await ctx.call(() => iam.send(new GenerateCredentialReportCommand({})));
    if (generated.status === 'failed') return undefined;
    if (generated.status === 'ok' && generated.output.State === 'COMPLETE') break;
    await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
  }
  const got = await ctx.call(() => iam.send(new GetCredentialReportCommand({})));
  if (got.status !== 'ok' || !got.output.Content) return undefined;
  const [header, ...rows] = Buffer.from(got.output.Content).toString('utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  const byUser = new Map<string, JsonObject>();
  for (const row of rows) {
    const cells = row.split(',');
    const entry: JsonObject = {};
    columns.forEach((column, i) => {
      entry[column] = cells[i] ?? null;
    });
    if (typeof entry.user === 'string') byUser.set(entry.user, entry);
  }
  return byUser;
}

async function accountFacts(ctx: CollectorContext, iam: IAMClient, report: Map<string, JsonObject> | undefined): Promise<void> {
  const passwordPolicy = await ctx.call(() => iam.send(new GetAccountPasswordPolicyCommand({})), { absentOn: ['NoSuchEntity', 'NoSuchEntityException'] });
  if (passwordPolicy.status === 'ok') ctx.fact('iamPasswordPolicy', toJsonObject(passwordPolicy.output.PasswordPolicy));
  else if (passwordPolicy.status === 'absent') ctx.fact('iamPasswordPolicy', null);
  else ctx.fact('iamPasswordPolicy', null, passwordPolicy.failure.reason);

  const summary = await ctx.call(() => iam.send(new GetAccountSummaryCommand({})));
  if (summary.status === 'ok') ctx.fact('iamAccountSummary', toJsonObject(summary.output.SummaryMap));
  else ctx.fact('iamAccountSummary', null, summary.status === 'failed' ? summary.failure.reason : 'not available');

  const root = report?.get('<root_account>');
  if (root) ctx.fact('rootUser', root);
  else ctx.fact('rootUser', null, report ? 'the IAM credential report has no root account row' : 'the IAM credential report could not be read');
}
