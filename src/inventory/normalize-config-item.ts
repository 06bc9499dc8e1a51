import { InputError } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { asObject, decodePolicyDocument, decodePolicyDocumentsIn, parseNestedJson } from './decode.js';
import type { InventoryResource, Relationship } from './model.js';

/** Config item statuses that mean the resource no longer exists or was never recorded. */
const GONE_STATUSES = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded']);

/**
 * Turns one AWS Config configuration item — snapshot shape (`ARN`, `awsAccountId`, objects),
 * API shape (`arn`, `accountId`, JSON strings) or advanced-query shape (tags as a list) —
 * into an inventory resource. Returns null for deleted / unrecorded items.
 */
export function normalizeConfigItem(raw: JsonValue, where: string): InventoryResource | null {
  if (!isJsonObject(raw)) throw new InputError(`${where}: a configuration item is not a JSON object`);
  const type = str(raw.resourceType);
  const id = str(raw.resourceId);
  if (!type || !id) throw new InputError(`${where}: a configuration item has no resourceType or resourceId`);
  const status = str(raw.configurationItemStatus);
  if (status && GONE_STATUSES.has(status)) return null;

  const accountId = str(raw.awsAccountId) ?? str(raw.accountId) ?? 'unknown';
  const region = str(raw.awsRegion) ?? 'global';
  const configuration = asObject(parseNestedJson(raw.configuration ?? {}));
  const supplementaryConfiguration = parseSupplementary(raw.supplementaryConfiguration);
  decodeKnownPolicyDocuments(type, configuration, supplementaryConfiguration);

  return {
    type,
    id,
    arn: str(raw.ARN) ?? str(raw.arn) ?? syntheticArn(type, id, accountId, region),
    name: str(raw.resourceName) ?? null,
    accountId,
    region,
    capturedAt: timestamp(raw.configurationItemCaptureTime),
    configuration,
    supplementaryConfiguration,
    tags: normalizeTags(raw.tags ?? configuration.tags ?? configuration.Tags ?? configuration.TagList ?? bucketTags(supplementaryConfiguration)),
    relationships: normalizeRelationships(raw.relationships),
  };
}

/** Resources without an ARN in Config (e.g. the account public access block) still need a unique key. */
export function syntheticArn(type: string, id: string, accountId: string, region: string): string {
  const service = type.split('::')[1]?.toLowerCase() ?? 'unknown';
  return `arn:aws:${service}:${region === 'global' ? '' : region}:${accountId}:${type}/${id}`;
}

function parseSupplementary(value: JsonValue | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [key, entry] of Object.entries(asObject(parseNestedJson(value ?? {})))) {
    out[key] = parseNestedJson(entry);
  }
  return out;
}

function decodeKnownPolicyDocuments(type: string, configuration: JsonObject, supplementary: JsonObject): void {
  switch (type) {
    case 'AWS::IAM::Role':
      configuration.assumeRolePolicyDocument = decodePolicyDocument(configuration.assumeRolePolicyDocument) ?? null;
      decodePolicyDocumentsIn(configuration.rolePolicyList, 'policyDocument');
      break;
    case 'AWS::IAM::User':
      decodePolicyDocumentsIn(configuration.userPolicyList, 'policyDocument');
      break;
    case 'AWS::IAM::Group':
      decodePolicyDocumentsIn(configuration.groupPolicyList, 'policyDocument');
      break;
    case 'AWS::IAM::Policy':
      decodePolicyDocumentsIn(configuration.policyVersionList, 'document');
      break;
    case 'AWS::S3::Bucket': {
      const policy = supplementary.BucketPolicy;
      if (isJsonObject(policy) && policy.policyText !== undefined) {
        policy.policyText = decodePolicyDocument(policy.policyText) ?? null;
      }
      break;
    }
    case 'AWS::KMS::Key':
      if (supplementary.Policy !== undefined) supplementary.Policy = decodePolicyDocument(supplementary.Policy) ?? null;
      break;
    default:
      break;
  }
}

/** batch-get items carry no tags, but an S3 bucket's are in its supplementary configuration. */
function bucketTags(supplementary: JsonObject): JsonValue | undefined {
  const tagging = supplementary.BucketTaggingConfiguration;
  if (!isJsonObject(tagging) || !Array.isArray(tagging.tagSets)) return undefined;
  const first = tagging.tagSets[0];
  return isJsonObject(first) && isJsonObject(first.tags) ? first.tags : undefined;
}

/**
 * Tags come as a map (snapshots), a list of {key,value} (advanced query) or {Key,Value} (APIs).
 * batch-get-resource-config carries no tags at all: then they are unknown (null), not "none",
 * so tag controls report not_evaluated rather than a failure the data cannot support.
 */
export function normalizeTags(value: JsonValue | undefined): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  const tags: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isJsonObject(entry)) continue;
      const key = str(entry.key) ?? str(entry.Key);
      const tagValue = entry.value ?? entry.Value;
      if (key !== undefined) tags[key] = tagValue === null || tagValue === undefined ? '' : String(tagValue);
    }
  } else if (isJsonObject(value)) {
    for (const [key, tagValue] of Object.entries(value)) {
      tags[key] = tagValue === null ? '' : String(tagValue);
    }
  }
  return tags;
}

function normalizeRelationships(value: JsonValue | undefined): Relationship[] {
  if (!Array.isArray(value)) return [];
  const out: Relationship[] = [];
  for (const entry of value) {
    if (!isJsonObject(entry)) continue;
    const resourceType = str(entry.resourceType);
    if (!resourceType) continue;
    out.push({
      name: str(entry.relationshipName) ?? str(entry.name) ?? '',
      resourceType,
      resourceId: str(entry.resourceId) ?? null,
      resourceName: str(entry.resourceName) ?? null,
    });
  }
  return out;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Config timestamps are ISO strings in files, epoch seconds/ms in some SDK outputs. */
function timestamp(value: JsonValue | undefined): string | null {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  return null;
}
