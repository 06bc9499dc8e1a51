import { isJsonObject } from '../json.js';

/**
 * Yields exactly what `JSON.stringify(value, null, 2)` returns, in pieces: containers down to
 * `streamDepth` are walked element by element, deeper values are stringified whole. Lets a
 * report of hundreds of thousands of findings be written without building one giant string.
 * With `compact`, the values below `streamDepth` go on one line each (a finding per line):
 * half the bytes, twice as fast to write, and still one line per item in a diff.
 */
export function* streamJson(value: unknown, streamDepth: number, depth = 0, compact = false): Generator<string> {
  const pad = '  '.repeat(depth);
  if (depth < streamDepth && Array.isArray(value) && value.length > 0) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const item = element === undefined || typeof element === 'function' ? null : element;
      const end = i < value.length - 1 ? ',\n' : '\n';
      // An item stringified whole is one piece with its indent and separator: SARIF's hundreds of
      // thousands of results would otherwise each be three pieces passed up through every level.
      if (isLeaf(item, streamDepth, depth + 1)) yield `${pad}  ${leaf(item, depth + 1, compact)}${end}`;
      else {
        yield `${pad}  `;
        yield* streamJson(item, streamDepth, depth + 1, compact);
        yield end;
      }
    }
    yield `${pad}]`;
    return;
  }
  if (depth < streamDepth && isJsonObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (keys.length > 0) {
      yield '{\n';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        yield `${pad}  ${JSON.stringify(key)}: `;
        yield* streamJson(value[key], streamDepth, depth + 1, compact);
        yield i < keys.length - 1 ? ',\n' : '\n';
      }
      yield `${pad}}`;
      return;
    }
  }
  yield leaf(value, depth, compact);
}

/** Whether streamJson writes `value` at `depth` in one piece (not walked element by element). */
function isLeaf(value: unknown, streamDepth: number, depth: number): boolean {
  if (depth >= streamDepth) return true;
  if (Array.isArray(value)) return value.length === 0;
  return !isJsonObject(value) || !Object.keys(value).some((key) => value[key] !== undefined);
}

function leaf(value: unknown, depth: number, compact: boolean): string {
  // Compact JSON has no line breaks (JSON.stringify escapes them inside strings): nothing to indent.
  if (compact) return JSON.stringify(value) ?? 'null';
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return depth > 0 ? text.replace(/\n/g, `\n${'  '.repeat(depth)}`) : text;
}
