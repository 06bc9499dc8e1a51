import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
  type Bucket,
  type Grant,
  type LifecycleRule,
  type LifecycleRuleAndOperator,
  type LifecycleRuleFilter,
  type Owner,
} from '@aws-sdk/client-s3';
import type { JsonObject, JsonValue } from '../../json.js';
import type { CallResult, Collector, CollectorContext } from '../collector.js';
import { policyDocument, tagMap } from '../shape.js';
import { ACCOUNT_BLOCK, accountPublicAccessBlock, publicAccessBlock } from './s3-control.js';

const BUCKET = 'AWS::S3::Bucket';

/**
 * S3: the bucket list is global (one ListBuckets per account), each bucket is reported in its
 * own region, and its settings go where AWS Config records them — supplementaryConfiguration,
 * PascalCase keys with camelCase fields. A setting the service says does not exist ("no bucket
 * policy") is recorded as Config records it; a setting that could not be read is left out and
 * named in collectionErrors, so controls that need it report not_evaluated instead of guessing.
 * The account-level public access block comes from S3 Control.
 */
export const s3Collector: Collector = {
  service: 's3',
  scope: 'global',
  operations: [
    's3:ListBuckets',
    's3:GetBucketLocation',
    's3:GetPublicAccessBlock',
    's3:GetBucketEncryption',
    's3:GetBucketVersioning',
    's3:GetBucketPolicy',
    's3:GetBucketAcl',
    's3:GetBucketLogging',
    's3:GetBucketOwnershipControls',
    's3:GetObjectLockConfiguration',
    's3:GetBucketLifecycleConfiguration',
    's3:GetBucketTagging',
    's3control:GetPublicAccessBlock',
  ],
  resourceTypes: [BUCKET, ACCOUNT_BLOCK],
  async collect(ctx) {
    await accountPublicAccessBlock(ctx);
    const s3 = ctx.client(S3Client);
    const listed = await ctx.listAll<{ bucket: Bucket; owner: Owner | undefined }>([BUCKET], async (token) => {
      const page = await s3.send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken: token }));
      return { items: (page.Buckets ?? []).map((bucket) => ({ bucket, owner: page.Owner })), next: page.ContinuationToken };
    });
    await ctx.each(listed.items, ({ bucket, owner }) => collectBucket(ctx, bucket, owner));
  },
};

/**
 * GetBucketLocation's LocationConstraint → region: empty or null is us-east-1 (the API never
 * names it), "EU" is the legacy name of eu-west-1.
 */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}


async function collectBucket(ctx: CollectorContext, bucket: Bucket, owner: Owner | undefined): Promise<void> {
  const name = bucket.Name;
  if (!name) return;
  const errors: Record<string, string> = {};
  const supplementary: JsonObject = {};

  let region = bucket.BucketRegion;
  if (!region) {
    const home = ctx.client(S3Client);
    const location = await ctx.call(() => home.send(new GetBucketLocationCommand({ Bucket: name })), { absentOn: ['NoSuchBucket'] });
    if (location.status === 'absent') return; // deleted since it was listed
    if (location.status === 'ok') region = regionFromLocationConstraint(location.output.LocationConstraint);
    else errors.BucketLocation = location.failure.reason;
  }
  // AWS Config already collected this region's buckets: no per-bucket calls.
  if (region && !ctx.wants('AWS::S3::Bucket', region)) return;
  // S3 answers bucket-level calls only in the bucket's own region (others redirect).
  const s3 = ctx.client(S3Client, region || undefined);

  const recordInto = <T>(key: string, result: CallResult<T>, shape: (output: T) => JsonValue | undefined, whenAbsent?: () => JsonValue | undefined): void => {
    const value = result.status === 'ok' ? shape(result.output) : result.status === 'absent' ? whenAbsent?.() : undefined;
    if (result.status === 'failed') errors[key] = result.failure.reason;
    else if (value !== undefined) supplementary[key] = value;
  };

  recordInto(
    'PublicAccessBlockConfiguration',
    await ctx.call(() => s3.send(new GetPublicAccessBlockCommand({ Bucket: name })), { absentOn: ['NoSuchPublicAccessBlockConfiguration'] }),
    (out) => publicAccessBlock(out.PublicAccessBlockConfiguration),
    // Config leaves the key out when the bucket has no block of its own.
  );

  recordInto(
    'ServerSideEncryptionConfiguration',
    await ctx.call(() => s3.send(new GetBucketEncryptionCommand({ Bucket: name })), { absentOn: ['ServerSideEncryptionConfigurationNotFoundError'] }),
    (out) => ({
      rules: (out.ServerSideEncryptionConfiguration?.Rules ?? []).map((rule) => ({
        applyServerSideEncryptionByDefault: rule.ApplyServerSideEncryptionByDefault
          ? { sseAlgorithm: rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm ?? null, kmsMasterKeyID: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID ?? null }
          : null,
        bucketKeyEnabled: rule.BucketKeyEnabled ?? false,
      })),
    }),
    // No default encryption at all (buckets from before 2023 that never had it set): an answer.
    () => ({ rules: [] }),
  );

  recordInto(
    'BucketVersioningConfiguration',
    await ctx.call(() => s3.send(new GetBucketVersioningCommand({ Bucket: name }))),
    (out) => ({
      // A bucket that never had versioning enabled has no Status; Config calls that "Off".
      status: out.Status ?? 'Off',
      isMfaDeleteEnabled: out.MFADelete === 'Enabled' ? true : out.MFADelete === 'Disabled' ? false : null,
    }),
  );

  recordInto(
    'BucketPolicy',
    await ctx.call(() => s3.send(new GetBucketPolicyCommand({ Bucket: name })), { absentOn: ['NoSuchBucketPolicy'] }),
    (out) => ({ policyText: policyDocument(out.Policy) }),
    () => ({ policyText: null }),
  );

  // CAFAI-DP-09 asks whether an ACL grants to everyone; without it that stays unknown.
  recordInto(
    'AccessControlList',
    await ctx.call(() => s3.send(new GetBucketAclCommand({ Bucket: name }))),
    (out) => ({
      grantSet: null,
      grantList: (out.Grants ?? []).map(aclGrant),
      owner: out.Owner ? { displayName: out.Owner.DisplayName ?? null, id: out.Owner.ID ?? null } : null,
      isRequesterCharged: false,
    }),
  );

  // Object Ownership (CAFAI-DP-22): BucketOwnerEnforced disables ACLs. A bucket with no
  // ownership controls (OwnershipControlsNotFoundError) keeps ACLs on, as ObjectWriter does:
  // an answer, recorded as no rules.
  recordInto(
    'BucketOwnershipControls',
    await ctx.call(() => s3.send(new GetBucketOwnershipControlsCommand({ Bucket: name })), { absentOn: ['OwnershipControlsNotFoundError'] }),
    (out) => ({ rules: (out.OwnershipControls?.Rules ?? []).map((rule) => ({ objectOwnership: rule.ObjectOwnership ?? null })) }),
    () => ({ rules: [] }),
  );

  recordInto(
    'BucketLoggingConfiguration',
    await ctx.call(() => s3.send(new GetBucketLoggingCommand({ Bucket: name }))),
    (out) => ({ destinationBucketName: out.LoggingEnabled?.TargetBucket ?? null, logFilePrefix: out.LoggingEnabled?.TargetPrefix ?? null }),
  );

  recordInto(
    'ObjectLockConfiguration',
    await ctx.call(() => s3.send(new GetObjectLockConfigurationCommand({ Bucket: name })), { absentOn: ['ObjectLockConfigurationNotFoundError'] }),
    (out) => {
      const lock = out.ObjectLockConfiguration;
      // Config records object lock only when it is on.
      if (lock?.ObjectLockEnabled !== 'Enabled') return undefined;
      const retention = lock.Rule?.DefaultRetention;
      return {
        objectLockEnabled: lock.ObjectLockEnabled,
        rule: lock.Rule ? { defaultRetention: retention ? { days: retention.Days ?? null, mode: retention.Mode ?? null, years: retention.Years ?? null } : null } : null,
      };
    },
  );

  recordInto(
    'BucketLifecycleConfiguration',
    await ctx.call(() => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: name })), { absentOn: ['NoSuchLifecycleConfiguration'] }),
    (out) => (out.Rules?.length ? { rules: out.Rules.map(lifecycleRule) } : undefined),
    // Config records lifecycle rules only when there are some.
  );

  let tags: Record<string, string> | null = null;
  const tagging = await ctx.call(() => s3.send(new GetBucketTaggingCommand({ Bucket: name })), { absentOn: ['NoSuchTagSet'] });
  if (tagging.status === 'ok') tags = tagMap(tagging.output.TagSet);
  else if (tagging.status === 'absent') tags = {};
  else errors.Tags = tagging.failure.reason;
  if (tags && Object.keys(tags).length) supplementary.BucketTaggingConfiguration = { tagSets: [{ tags }] };

  ctx.emit({
    type: BUCKET,
    id: name,
    arn: `arn:${ctx.partition}:s3:::${name}`,
    name,
    ...(region ? { region } : {}),
    configuration: {
      name,
      ...(owner ? { owner: { displayName: owner.DisplayName ?? null, id: owner.ID ?? null } } : {}),
      creationDate: bucket.CreationDate?.toISOString() ?? null,
    },
    supplementaryConfiguration: supplementary,
    tags,
    collectionErrors: errors,
  });
}

/** Config's names for ACL permissions (the Java SDK v1 Permission enum). */
const ACL_PERMISSIONS: Record<string, string> = { FULL_CONTROL: 'FullControl', READ: 'Read', WRITE: 'Write', READ_ACP: 'ReadAcp', WRITE_ACP: 'WriteAcp' };

/**
 * An ACL grant the way Config records it: a group grantee as its name ("AllUsers",
 * "AuthenticatedUsers", "LogDelivery"), a canonical user as { id, displayName }.
 */
function aclGrant(grant: Grant): JsonObject {
  const grantee = grant.Grantee;
  const group = grantee?.Type === 'Group' && grantee.URI ? grantee.URI.split('/').pop() ?? grantee.URI : null;
  return {
    grantee: group ?? (grantee?.EmailAddress ? { emailAddress: grantee.EmailAddress } : { id: grantee?.ID ?? null, displayName: grantee?.DisplayName ?? null }),
    permission: grant.Permission ? (ACL_PERMISSIONS[grant.Permission] ?? grant.Permission) : null,
  };
}

/** A lifecycle rule the way Config (the Java SDK v1 bean) records it. */
function lifecycleRule(rule: LifecycleRule): JsonObject {
  return {
    id: rule.ID ?? null,
    prefix: rule.Prefix ?? null,
    status: rule.Status ?? null,
    filter: rule.Filter ? { predicate: lifecyclePredicate(rule.Filter) } : null,
    expirationInDays: rule.Expiration?.Days ?? null,
    expirationDate: rule.Expiration?.Date?.toISOString() ?? null,
    expiredObjectDeleteMarker: rule.Expiration?.ExpiredObjectDeleteMarker ?? false,
    noncurrentVersionExpirationInDays: rule.NoncurrentVersionExpiration?.NoncurrentDays ?? -1,
    transitions: (rule.Transitions ?? []).map((t) => ({ days: t.Days ?? null, date: t.Date?.toISOString() ?? null, storageClass: t.StorageClass ?? null })),
    noncurrentVersionTransitions: (rule.NoncurrentVersionTransitions ?? []).map((t) => ({ days: t.NoncurrentDays ?? null, storageClass: t.StorageClass ?? null })),
    abortIncompleteMultipartUpload: rule.AbortIncompleteMultipartUpload ? { daysAfterInitiation: rule.AbortIncompleteMultipartUpload.DaysAfterInitiation ?? null } : null,
  };
}

function lifecyclePredicate(filter: LifecycleRuleFilter): JsonValue {
  if (filter.And) return { type: 'LifecycleAndOperator', operands: andOperands(filter.And) };
  if (filter.Tag) return { type: 'LifecycleTagPredicate', tag: { key: filter.Tag.Key ?? null, value: filter.Tag.Value ?? null } };
  if (filter.ObjectSizeGreaterThan !== undefined) return { type: 'LifecycleObjectSizeGreaterThanPredicate', objectSizeGreaterThan: filter.ObjectSizeGreaterThan };
  if (filter.ObjectSizeLessThan !== undefined) return { type: 'LifecycleObjectSizeLessThanPredicate', objectSizeLessThan: filter.ObjectSizeLessThan };
  if (filter.Prefix !== undefined) return { type: 'LifecyclePrefixPredicate', prefix: filter.Prefix };
  return null;
}

function andOperands(and: LifecycleRuleAndOperator): JsonValue[] {
  const operands: JsonValue[] = [];
  if (and.Prefix !== undefined) operands.push({ type: 'LifecyclePrefixPredicate', prefix: and.Prefix });
  for (const tag of and.Tags ?? []) operands.push({ type: 'LifecycleTagPredicate', tag: { key: tag.Key ?? null, value: tag.Value ?? null } });
  if (and.ObjectSizeGreaterThan !== undefined) operands.push({ type: 'LifecycleObjectSizeGreaterThanPredicate', objectSizeGreaterThan: and.ObjectSizeGreaterThan });
  if (and.ObjectSizeLessThan !== undefined) operands.push({ type: 'LifecycleObjectSizeLessThanPredicate', objectSizeLessThan: and.ObjectSizeLessThan });
  return operands;
}
