import { closeSync, openSync, readSync } from 'node:fs';

const READ_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * A file's lines, read synchronously in 1 MiB blocks (never the whole file): spill files are read
 * back this way, and the merge reads several results.json files side by side in one k-way merge
 * that the synchronous report writer pulls from.
 *
 * Each block is decoded up to its last newline in one native call, and the bytes after it are
 * carried to the next block: a newline byte is never part of a multi-byte UTF-8 sequence, so
 * no character is split, and no string of the previous block's tail is concatenated (a
 * StringDecoder plus a concatenation per block cost half the read-back of a spilled scan).
 * A line longer than a block grows the block.
 */
export function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let block = Buffer.allocUnsafe(READ_BYTES);
    let carried = 0;
    for (;;) {
      if (carried === block.length) {
        const larger = Buffer.allocUnsafe(block.length * 2);
        block.copy(larger, 0, 0, carried);
        block = larger;
      }
      const read = readSync(fd, block, carried, block.length - carried, null);
      const filled = carried + read;
      if (read === 0) {
        if (filled > 0) yield block.toString('utf8', 0, filled);
        return;
      }
      const last = block.lastIndexOf(NEWLINE, filled - 1);
      if (last === -1) {
        carried = filled;
        continue;
      }
      yield* block.toString('utf8', 0, last).split('\n');
      carried = block.copy(block, 0, last + 1, filled);
    }
  } finally {
    closeSync(fd);
  }
}
