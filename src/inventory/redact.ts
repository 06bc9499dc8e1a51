import { isJsonObject, type JsonValue } from '../json.js';
import type { Inventory, InventoryResource, ValuePath } from '../model/inventory.js';

/** A resource and where its credential-looking values are (the engine's ResourceOutcomes fit: the arrow points from the engine to here, not back). */
export interface SecretPaths {
  resource: InventoryResource;
  secretPaths: ValuePath[];
}

/** Must equal redaction_marker in policies/lib/lib.rego, which treats it as a secret on re-scan. */
export const REDACTION_MARKER = '[redacted by cafscan: looked like a credential]';

/**
 * The inventory to write: resources holding credential-looking values are copied with those
 * values replaced; everything else is shared, untouched. The scan itself always sees the real
 * values (so the secret controls can report them by name).
 */
export function redactInventory(inventory: Inventory, evaluated: readonly SecretPaths[]): { inventory: Inventory; redactedValues: number } {
  const replacements = new Map<InventoryResource, InventoryResource>();
  let redactedValues = 0;
  for (const { resource, secretPaths } of evaluated) {
    if (secretPaths.length === 0) continue;
    const redacted = redactResource(resource, secretPaths);
    redactedValues += redacted.redactedValues;
    replacements.set(resource, redacted.resource);
  }
  if (replacements.size === 0) return { inventory, redactedValues };
  return { inventory: { ...inventory, resources: inventory.resources.map((r) => replacements.get(r) ?? r) }, redactedValues };
}

/** One resource as inventory.json carries it: a copy with the values at `secretPaths` replaced, or itself when there are none. */
export function redactResource(resource: InventoryResource, secretPaths: ValuePath[]): { resource: InventoryResource; redactedValues: number } {
  if (secretPaths.length === 0) return { resource, redactedValues: 0 };
  const copy = structuredClone(resource);
  let redactedValues = 0;
  for (const path of secretPaths) if (replaceAt(copy as unknown as JsonValue, path)) redactedValues++;
  return { resource: copy, redactedValues };
}

function replaceAt(root: JsonValue, path: ValuePath): boolean {
  let node: JsonValue | undefined = root;
  for (const key of path.slice(0, -1)) {
    // Own keys only: a path through "constructor" must not walk into Object.prototype.
    node = Array.isArray(node) && typeof key === 'number' ? node[key] : isJsonObject(node) && typeof key === 'string' && Object.hasOwn(node, key) ? node[key] : undefined;
    if (node === undefined) return false;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number' && typeof node[last] === 'string') {
    node[last] = REDACTION_MARKER;
    return true;
  }
  if (isJsonObject(node) && typeof last === 'string' && Object.hasOwn(node, last) && typeof node[last] === 'string') {
    node[last] = REDACTION_MARKER;
    return true;
  }
  return false;
}
