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
      yield `${pad}  `;
      const element: unknown = value[i];
      const item = element === undefined || typeof element === 'function' ? null : element;
      yield* streamJson(item, streamDepth, depth + 1, compact);
      yield i < value.length - 1 ? ',\n' : '\n';
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
  const text = (compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)) ?? 'null';
  yield depth > 0 ? text.replace(/\n/g, `\n${pad}`) : text;
}
