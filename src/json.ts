/** JSON values as they cross module boundaries (no `any`). */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deterministic JSON: object keys sorted, so equal data gives equal bytes. */
export function stableStringify(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isJsonObject(value)) {
    const entries: Array<[string, unknown]> = [];
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) entries.push([key, sortKeys(v)]);
    }
    return ownRecord(entries);
  }
  return value;
}

/**
 * An object from keys that come from outside (tag keys, configuration keys, ARNs). Object.fromEntries
 * defines own properties, so "__proto__" stays an ordinary key — assigning `out[key] = v` would
 * instead replace the prototype and drop the key from JSON output.
 */
export function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries) as Record<string, T>;
}

/**
 * The deepest nesting cafscan reads. Stated, not discovered: JSON.stringify, the recursive walks
 * over configurations and the policies' walk() all recurse per level, and V8's JSON.stringify
 * already overflows the stack a few thousand levels down. Real AWS configurations nest a few
 * dozen levels (a decoded IAM policy document inside a configuration stays under 15).
 */
export const MAX_JSON_DEPTH = 256;

/**
 * Where `value` nests deeper than `limit` (the path to the first container past it), or null.
 * Iterative — an explicit stack — so it cannot itself overflow on the input it guards against.
 */
export function pathBeyondDepth(value: unknown, limit: number = MAX_JSON_DEPTH): Array<string | number> | null {
  interface Frame { value: unknown; depth: number; key: string | number | null; parent: Frame | null }
  const stack: Frame[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.value;
    if (typeof node !== 'object' || node === null) continue;
    const depth = frame.depth + 1;
    if (depth > limit) return pathOf(frame);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) stack.push({ value: node[i], depth, key: i, parent: frame });
    } else {
      for (const key of Object.keys(node)) stack.push({ value: (node as Record<string, unknown>)[key], depth, key, parent: frame });
    }
  }
  return null;

  function pathOf(frame: Frame): Array<string | number> {
    const path: Array<string | number> = [];
    for (let at: Frame | null = frame; at && at.key !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  }
}

/** A JSON Pointer (RFC 6901) for messages: `/resources/3/arn`; long paths keep their ends. */
export function jsonPointer(path: Array<string | number>, keep = 6): string {
  const parts = path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1'));
  if (parts.length <= keep * 2) return `/${parts.join('/')}`;
  return `/${parts.slice(0, keep).join('/')}/…(${parts.length - keep * 2} more)…/${parts.slice(-keep).join('/')}`;
}
