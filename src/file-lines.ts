import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const READ_BYTES = 1 << 20;

/**
 * A file's lines, read synchronously in 1 MiB blocks (never the whole file): spill files are read
 * back this way, and the merge reads several results.json files side by side in one k-way merge
 * that the synchronous report writer pulls from.
 */
export function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(READ_BYTES);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (let read = readSync(fd, block, 0, READ_BYTES, null); read > 0; read = readSync(fd, block, 0, READ_BYTES, null)) {
      const lines = (rest + decoder.write(block.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}
