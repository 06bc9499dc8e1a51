import { decodePolicyDocument } from '../inventory/decode.js';
import type { JsonObject, JsonValue } from '../json.js';

/**
 * Helpers to turn SDK output into the shapes AWS Config records, so controls written against
 * Config data work on live data unchanged.
 */

/** SDK output (Dates, undefined) as plain JSON: dates become ISO strings, undefined is dropped. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined && key !== '$metadata') out[key] = toJson(v);
    }
    return out;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // What is left: bigint, symbol, function (SDK output holds none of the last).
  return typeof value === 'bigint' || typeof value === 'symbol' ? value.toString() : Object.prototype.toString.call(value);
}

export function toJsonObject(value: unknown): JsonObject {
  const json = toJson(value);
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {};
}

/** [{Key, Value}] (most AWS APIs) → {key: value}. */
export function tagMap(tags: Array<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

/** Config keeps IAM tags as [{key, value}] inside the configuration. */
export function configTagList(tags: Array<{ Key?: string; Value?: string }> | undefined): JsonValue {
  return (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
}

/** IAM returns policy documents URL-encoded; the inventory holds them decoded. */
export function policyDocument(value: string | undefined): JsonValue {
  return value === undefined ? null : (decodePolicyDocument(value) ?? null);
}
