import { InputError } from '../errors.js';
import { isJsonObject, jsonLimitViolation, jsonPointer, ownRecord, type JsonObject, type JsonValue } from '../json.js';
import { agentCoreApiShape } from './agentcore-config-shape.js';
import { asObject, decodePolicyDocument, decodePolicyDocumentsIn, parseNestedJson } from './decode.js';
import type { InventoryResource, Relationship } from '../model/inventory.js';

/** Config item statuses that mean the resource no longer exists or was never recorded. */
const GONE_STATUSES = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded']);
/** Of those, the ones that say the resource is gone: newer than a recorded item, they remove it. */
const DELETED_STATUSES = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);

/**
 * A configuration item saying a resource was deleted (get-resource-config-history lists it
 * first, above the older OK items). Where it is the newest item for the resource, the resource
 * is gone and is not evaluated (src/inventory/build-inventory.ts).
 */
export interface Removal {
  type: string;
  id: string;
  /** The item's ARN, or the synthetic one an item without ARN gets. */
  arn: string;
  /** null when the item does not say (history items of deleted resources often omit it). */
  accountId: string | null;
  region: string;
  capturedAt: string | null;
}

/** The removal a ResourceDeleted / ResourceDeletedNotRecorded item states, else null. */
export function configItemRemoval(raw: JsonValue): Removal | null {
  if (!isJsonObject(raw)) return null;
  const type = str(raw.resourceType);
  const id = str(raw.resourceId);
  const status = str(raw.configurationItemStatus);
  if (!type || !id || !status || !DELETED_STATUSES.has(status)) return null;
  const accountId = str(raw.awsAccountId) ?? str(raw.accountId) ?? null;
  const region = str(raw.awsRegion) ?? 'global';
  return {
    type,
    id,
    arn: str(raw.ARN) ?? str(raw.arn) ?? syntheticArn(type, id, accountId ?? 'unknown', region),
    accountId,
    region,
    capturedAt: timestamp(raw.configurationItemCaptureTime),
  };
}

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
  const parsed = raw.configuration === undefined ? {} : parseNestedJson(raw.configuration);
  const configuration = agentCoreApiShape(type, asObject(parsed));
  const unusable = isJsonObject(parsed) ? undefined : unusableConfiguration(parsed);
  const corrupt = new Map<string, string>();
  if (unusable) corrupt.set('configuration', unusable);
  const supplementaryConfiguration = parseSupplementary(raw.supplementaryConfiguration, corrupt);
  decodeKnownPolicyDocuments(type, configuration, supplementaryConfiguration);

  const resource: InventoryResource = {
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
    // The data-only way to say "configuration unknown": policies/main.rego already reports every
    // control on a resource with collectionErrors.configuration as not_evaluated, and the
    // finding's reason carries this text. An empty {} in its place could pass a control whose
    // absent fields mean AWS's default.
    ...(corrupt.size ? { collectionErrors: ownRecord(corrupt) } : {}),
  };
  // Decoded JSON strings can nest deeper than the file did; the limit holds for what controls see.
  const unreadable = jsonLimitViolation(resource);
  if (unreadable) throw new InputError(`${where}: ${jsonPointer(unreadable.path)} ${unreadable.problem}`);
  return resource;
}

/** Why a configuration that is not an object cannot be evaluated. */
function unusableConfiguration(value: JsonValue): string {
  if (typeof value === 'string') return 'the configuration item\'s configuration is not valid JSON (a corrupt or truncated string)';
  const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
  return `the configuration item's configuration is ${kind}, not a JSON object`;
}

/** Resources without an ARN in Config (e.g. the account public access block) still need a unique key. */
export function syntheticArn(type: string, id: string, accountId: string, region: string): string {
  const service = type.split('::')[1]?.toLowerCase() ?? 'unknown';
  return `arn:aws:${service}:${region === 'global' ? '' : region}:${accountId}:${type}/${id}`;
}

/**
 * Each supplementary value parsed. One that is JSON-encoded but corrupt stays the string it was
 * (controls check the shape before judging, so it reads as not recorded) and is named in
 * `corrupt`, which becomes collectionErrors: the reason a control that needs it gives.
 */
function parseSupplementary(value: JsonValue | undefined, corrupt: Map<string, string>): JsonObject {
  const whole = parseNestedJson(value ?? {});
  if (!isJsonObject(whole) && whole !== null) corrupt.set('supplementaryConfiguration', 'the configuration item\'s supplementaryConfiguration is not a JSON object (corrupt or truncated)');
  const entries = asObject(whole);
  // Decoded in place: the object is the item's own (or a fresh parse), and every item of a
  // snapshot comes through here, so a copy of each (entries, map, fromEntries) was pure garbage.
  // Replacing the value of an existing own key keeps the key order, as the copy did.
  for (const key of Object.keys(entries)) {
    const entry = entries[key];
    if (typeof entry !== 'string') continue;
    const parsed = parseNestedJson(entry);
    if (typeof parsed === 'string' && /^\s*[[{]/.test(parsed)) corrupt.set(key, `supplementaryConfiguration.${key} is not valid JSON (corrupt or truncated)`);
    if (parsed === entry) continue;
    // An own "__proto__" key is set as a property: assigning it could reach the prototype setter.
    if (key === '__proto__') Object.defineProperty(entries, key, { value: parsed, writable: true, enumerable: true, configurable: true });
    else entries[key] = parsed;
  }
  return entries;
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
  // A Map keeps a tag key of "__proto__" a key (and the last of duplicate keys wins, as before).
  const tags = new Map<string, string>();
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isJsonObject(entry)) continue;
      const key = str(entry.key) ?? str(entry.Key);
      const tagValue = entry.value ?? entry.Value;
      if (key !== undefined) tags.set(key, tagText(tagValue));
    }
  } else if (isJsonObject(value)) {
    for (const [key, tagValue] of Object.entries(value)) tags.set(key, tagText(tagValue));
  }
  return ownRecord(tags);
}

/** Tag values are text; a structured value is kept as its JSON rather than "[object Object]". */
function tagText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
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
