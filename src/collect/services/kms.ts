import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import type { JsonObject } from '../../json.js';
import type { Collector, CollectorContext } from '../collector.js';
import { paginate } from '../paginate.js';
import { policyDocument } from '../shape.js';

const KEY = 'AWS::KMS::Key';

/** Key states in which a key is on its way out (the rotation control leaves them alone). */
const LEAVING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

/**
 * KMS: every key of the region (customer and AWS managed), shaped like AWS Config's
 * AWS::KMS::Key — configuration from DescribeKey in camelCase (with Config's odd
 * `awsaccountId`), supplementaryConfiguration.KeyRotationStatus (boolean) and .Policy (the
 * default key policy, parsed). Rotation is asked only of keys that can rotate automatically.
 */
export const kmsCollector: Collector = {
  service: 'kms',
  scope: 'regional',
  operations: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy', 'kms:ListResourceTags'],
  resourceTypes: [KEY],
  async collect(ctx) {
    const kms = ctx.client(KMSClient);
    const keys = await ctx.listAll<KeyListEntry>([KEY], async (marker) => {
      const page = await kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker }));
      return { items: page.Keys, next: page.Truncated ? page.NextMarker : undefined };
    });
    await ctx.each(keys.items, (key) => collectKey(ctx, kms, key));
  },
};

async function collectKey(ctx: CollectorContext, kms: KMSClient, key: KeyListEntry): Promise<void> {
  const keyId = key.KeyId;
  if (!keyId) return;
  const errors: Record<string, string> = {};
  const supplementary: JsonObject = {};

  const described = await ctx.call(() => kms.send(new DescribeKeyCommand({ KeyId: keyId })), { absentOn: ['NotFoundException'] });
  if (described.status === 'absent') return; // deleted since it was listed
  const meta = described.status === 'ok' ? described.output.KeyMetadata : undefined;
  // Without DescribeKey only the listing is known: `configuration` is the router's key for
  // "could not be read", which makes every control not_evaluated for this key.
  if (described.status === 'failed') errors.configuration = described.failure.reason;
  const arn = meta?.Arn ?? key.KeyArn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`;

  if (meta && canRotateAutomatically(meta)) {
    const rotation = await ctx.call(() => kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })));
    if (rotation.status === 'ok') supplementary.KeyRotationStatus = rotation.output.KeyRotationEnabled ?? false;
    else if (rotation.status === 'failed') errors.KeyRotationStatus = rotation.failure.reason;
  }

  const policy = await ctx.call(() => kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' })));
  if (policy.status === 'ok') supplementary.Policy = policyDocument(policy.output.Policy);
  else if (policy.status === 'failed') errors.Policy = policy.failure.reason;

  const tags = await keyTags(ctx, kms, keyId);
  if (typeof tags === 'string') errors.Tags = tags;

  ctx.emit({
    type: KEY,
    id: keyId,
    arn,
    name: keyId,
    configuration: meta ? keyConfiguration(meta, arn) : { keyId, arn },
    supplementaryConfiguration: supplementary,
    tags: typeof tags === 'string' ? null : tags,
    collectionErrors: errors,
  });
}

/**
 * Customer managed symmetric encryption keys whose material KMS generated are the only ones
 * with automatic rotation; asking any other key only earns an error.
 */
function canRotateAutomatically(meta: KeyMetadata): boolean {
  const spec = meta.KeySpec ?? meta.CustomerMasterKeySpec;
  return meta.KeyManager === 'CUSTOMER' && spec === 'SYMMETRIC_DEFAULT' && meta.Origin === 'AWS_KMS' && !LEAVING.has(meta.KeyState ?? '');
}

/** DescribeKey's KeyMetadata the way Config records it. */
function keyConfiguration(meta: KeyMetadata, arn: string): JsonObject {
  return {
    keyId: meta.KeyId ?? null,
    arn,
    awsaccountId: meta.AWSAccountId ?? null,
    creationDate: meta.CreationDate?.toISOString() ?? null,
    enabled: meta.Enabled ?? null,
    description: meta.Description ?? '',
    keyUsage: meta.KeyUsage ?? null,
    keyState: meta.KeyState ?? null,
    deletionDate: meta.DeletionDate?.toISOString() ?? null,
    validTo: meta.ValidTo?.toISOString() ?? null,
    origin: meta.Origin ?? null,
    customKeyStoreId: meta.CustomKeyStoreId ?? null,
    cloudHsmClusterId: meta.CloudHsmClusterId ?? null,
    expirationModel: meta.ExpirationModel ?? null,
    keyManager: meta.KeyManager ?? null,
    customerMasterKeySpec: meta.CustomerMasterKeySpec ?? null,
    keySpec: meta.KeySpec ?? null,
    encryptionAlgorithms: meta.EncryptionAlgorithms ?? [],
    signingAlgorithms: meta.SigningAlgorithms ?? [],
    multiRegion: meta.MultiRegion ?? false,
  };
}

/** The key's tags ({TagKey, TagValue} in KMS), or why they could not be read. */
async function keyTags(ctx: CollectorContext, kms: KMSClient, keyId: string): Promise<Record<string, string> | string> {
  const listed = await paginate((send) => ctx.call(send), async (marker) => {
    const page = await kms.send(new ListResourceTagsCommand({ KeyId: keyId, Marker: marker }));
    return { items: page.Tags, next: page.Truncated ? page.NextMarker : undefined };
  });
  if (!listed.complete && listed.stopped.status === 'failed') return listed.stopped.failure.reason;
  // An "absent" answer ends the listing: the tags read until then are the key's.
  const tags: Record<string, string> = {};
  for (const tag of listed.items) if (tag.TagKey !== undefined) tags[tag.TagKey] = tag.TagValue ?? '';
  return tags;
}
