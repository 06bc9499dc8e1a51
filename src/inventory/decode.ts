import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/**
 * AWS Config wraps values in JSON strings to different depths depending on the API
 * (batch-get: once; S3 AccessControlList in snapshots: once, via the API: twice).
 * Parse while the value is a string that holds JSON; leave plain strings alone.
 */
export function parseNestedJson(value: JsonValue): JsonValue {
  let current = value;
  for (let depth = 0; depth < 3 && typeof current === 'string'; depth++) {
    const text = current.trim();
    if (!looksLikeJson(text)) break;
    try {
      current = JSON.parse(text) as JsonValue;
    } catch {
      break;
    }
  }
  return current;
}

function looksLikeJson(text: string): boolean {
  return /^[[{"]/.test(text) || text === 'true' || text === 'false' || text === 'null' || /^-?\d/.test(text);
}

/**
 * IAM policy documents arrive URL-encoded (RFC 3986, so `decodeURIComponent`, never a form
 * decoder that turns "+" into a space), S3 bucket policies plain or URL-encoded. Returns the
 * parsed document, or the original string when it is neither.
 */
export function decodePolicyDocument(value: JsonValue | undefined): JsonValue | undefined {
  if (typeof value !== 'string') return value;
  const plain = parseNestedJson(value);
  if (typeof plain !== 'string') return plain;
  try {
    const decoded = parseNestedJson(decodeURIComponent(value));
    return decoded;
  } catch {
    return value;
  }
}

/** Decode the policy document found at `key` of each object in `list`, in place. */
export function decodePolicyDocumentsIn(list: JsonValue | undefined, key: string): void {
  if (!Array.isArray(list)) return;
  for (const entry of list) {
    if (isJsonObject(entry) && entry[key] !== undefined) {
      entry[key] = decodePolicyDocument(entry[key]) ?? null;
    }
  }
}

export function asObject(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}
