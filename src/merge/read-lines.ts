import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const READ_BYTES = 1 << 20;

/**
 * A file's lines, read synchronously in 1 MiB blocks (never the whole file): the merge reads
 * several results.json files side by side in one k-way merge, which the synchronous report
 * writer pulls from, so each input is a synchronous iterator over its lines.
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

/** Why a file could not be read, in a few words (the errno code spelled out for the common ones). */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a directory, not a file';
  return code ?? (error instanceof Error ? error.message : String(error));
}
