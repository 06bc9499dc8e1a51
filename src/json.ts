import type { JsonObject } from './model/json.js';

// The types live in src/model; re-exported here because this module's helpers are typed by them.
export type { JsonObject, JsonPrimitive, JsonValue } from './model/json.js';

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
  return Object.fromEntries(entries);
}

/**
 * The deepest nesting cafscan reads. Stated, not discovered: JSON.stringify, the recursive walks
 * over configurations and the policies' walk() all recurse per level, and V8's JSON.stringify
 * already overflows the stack a few thousand levels down. Real AWS configurations nest a few
 * dozen levels (a decoded IAM policy document inside a configuration stays under 15).
 */
export const MAX_JSON_DEPTH = 256;

/** A UTF-16 surrogate without its pair: JSON can write one (`"\ud800"`), but it is not text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes a parsed JSON value unreadable for cafscan, and where (the path to it). */
export interface JsonLimitViolation {
  path: Array<string | number>;
  /** Completes "<where>: <path> …", e.g. "nests deeper than 256 levels, the most cafscan reads". */
  problem: string;
}

/**
 * The first place `value` breaks cafscan's stated limits: nesting deeper than `limit`, or a
 * string or key holding a lone surrogate (OPA's JSON parser rejects the escape, and no AWS API
 * writes one). Iterative — an explicit stack — so it cannot itself overflow on what it guards against.
 */
export function jsonLimitViolation(value: unknown, limit: number = MAX_JSON_DEPTH): JsonLimitViolation | null {
  // Every input value passes through here (issue 11: 0.3 s of a 100k-resource load), and nearly
  // all are fine: a quick recursive check, bounded by `limit` levels so it cannot overflow, and
  // the walk below (which builds the path) only for a value that breaks a limit.
  if (withinLimits(value, 0, limit)) return null;
  interface Frame { value: unknown; depth: number; key: string | number | null; parent: Frame | null }
  const stack: Frame[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.value;
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) return { path: pathOf(frame), problem: 'holds a lone UTF-16 surrogate, which is not text (no AWS API writes one)' };
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const depth = frame.depth + 1;
    if (depth > limit) return { path: pathOf(frame), problem: `nests deeper than ${limit} levels, the most cafscan reads` };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) stack.push({ value: node[i], depth, key: i, parent: frame });
    } else {
      for (const key of Object.keys(node)) {
        const child: Frame = { value: (node as Record<string, unknown>)[key], depth, key, parent: frame };
        if (LONE_SURROGATE.test(key)) return { path: pathOf(child), problem: 'has a key holding a lone UTF-16 surrogate, which is not text (no AWS API writes one)' };
        stack.push(child);
      }
    }
  }
  return null;

  function pathOf(frame: Frame): Array<string | number> {
    const path: Array<string | number> = [];
    for (let at: Frame | null = frame; at && at.key !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  }
}

/** `String.prototype.isWellFormed` (Node 20+, V8's fast scan): false exactly when LONE_SURROGATE matches. */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Whether jsonLimitViolation finds nothing; `depth` counts the levels above `node`. */
function withinLimits(node: unknown, depth: number, limit: number): boolean {
  if (typeof node === 'string') return isWellFormed(node);
  if (typeof node !== 'object' || node === null) return true;
  if (depth >= limit) return false;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (!withinLimits(node[i], depth + 1, limit)) return false;
    return true;
  }
  // for-in, not Object.keys: no array of keys per object (~30% of this check on a snapshot's
  // items, measured). It would also visit enumerable keys inherited from a polluted prototype:
  // at worst a false "no", and the exact walk above, over own keys, has the last word.
  for (const key in node) {
    if (!isWellFormed(key) || !withinLimits((node as Record<string, unknown>)[key], depth + 1, limit)) return false;
  }
  return true;
}

/**
 * A JSON Pointer (RFC 6901) for messages: `/resources/3/arn`; long paths keep their ends, and
 * keys are shown as JSON escapes where they hold control or unpaired characters (one clean line).
 */
export function jsonPointer(path: Array<string | number>, keep = 6): string {
  const parts = path.map((p) => printable(String(p).slice(0, 80)).replace(/~/g, '~0').replace(/\//g, '~1'));
  if (parts.length <= keep * 2) return `/${parts.join('/')}`;
  return `/${parts.slice(0, keep).join('/')}/…(${parts.length - keep * 2} more)…/${parts.slice(-keep).join('/')}`;
}

/**
 * Text from input files and file names ends up in one-line messages. Control characters would
 * break the one-line promise (a newline), move the cursor or recolour the terminal (escape
 * sequences), and invisible format characters (a byte-order mark, zero-width or bidi controls,
 * an unpaired surrogate) make a message lie about what it shows. Each is written as a visible
 * \u{…} escape instead. The one place for this: the CLI applies it to every stderr line.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}
