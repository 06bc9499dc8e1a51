import { appendFileSync, closeSync, openSync, readSync, rmSync } from 'node:fs';
import { readLines } from '../file-lines.js';
import { utf8BytesAtMost } from '../utf8.js';

/** A spill's buffer starts this small and doubles: many spills of a few lines each cost little. */
const FIRST_BLOCK_BYTES = 4096;
const NEWLINE = 0x0a;
/** What `lineBlocks` reads at a time. */
const READ_BYTES = 1 << 20;

/**
 * Lines kept on disk instead of in memory while a scan runs (findings waiting to be merged into
 * results.json order, SARIF notifications), appended in large writes and read back in order.
 * Lives in the staging directory, so it goes when the staging directory does.
 *
 * Lines are encoded into a byte buffer as they are appended, off the JS heap: kept as strings
 * until a flush, each line outlived young-generation collections and was copied into the old
 * generation — on the 100,000-resource benchmark, every one of the findings' 190 MB of lines.
 */
export class SpillFile {
  private block: Buffer = Buffer.alloc(0);
  private used = 0;
  private empty = true;
  /** Whether any line has reached the file: until then the lines are all in `block`. */
  private onDisk = false;

  /** `flushBytes`: how much is buffered before a write (many spill files at once want less each). */
  constructor(
    readonly path: string,
    private readonly flushBytes: number = 1 << 20,
  ) {}

  append(line: string): void {
    this.empty = false;
    const most = utf8BytesAtMost(line) + 1;
    if (this.used + most > this.block.length) this.makeRoom(most);
    if (most > this.block.length) {
      // Longer than the buffer may grow: straight to the file, after what was buffered (makeRoom flushed it).
      appendFileSync(this.path, `${line}\n`);
      this.onDisk = true;
      return;
    }
    this.used += this.block.write(line, this.used, 'utf8');
    this.block[this.used++] = NEWLINE;
  }

  get isEmpty(): boolean {
    return this.empty;
  }

  flush(): void {
    if (this.used === 0) return;
    appendFileSync(this.path, this.block.subarray(0, this.used));
    this.onDisk = true;
    this.used = 0;
  }

  /** Deletes the file (once read). */
  remove(): void {
    this.block = Buffer.alloc(0);
    this.used = 0;
    rmSync(this.path, { force: true });
  }

  /**
   * The lines appended, in order, read in blocks (never the whole file at once). Lines that never
   * outgrew the buffer are read from memory: a small spill (a few SARIF notifications) then costs
   * no scratch space on the output disk, where a nearly full disk should fail on a report, not on
   * scratch.
   */
  *lines(): Generator<string> {
    if (!this.onDisk) {
      if (this.used === 0) return;
      // A copy: lines appended while these are read are not among them.
      const lines = this.block.toString('utf8', 0, this.used).split('\n');
      lines.pop(); // after the last newline
      yield* lines;
      return;
    }
    this.flush();
    if (this.empty) return;
    yield* readLines(this.path);
  }

  /** A line given as UTF-8 bytes (after `prefix`'s, when given), appended as they are: what `append` would store. */
  appendBytes(bytes: Uint8Array, prefix?: Uint8Array): void {
    this.empty = false;
    const size = (prefix?.length ?? 0) + bytes.length + 1;
    if (this.used + size > this.block.length) this.makeRoom(size);
    if (size > this.block.length) {
      if (prefix) appendFileSync(this.path, prefix);
      appendFileSync(this.path, bytes);
      appendFileSync(this.path, '\n');
      this.onDisk = true;
      return;
    }
    if (prefix) {
      this.block.set(prefix, this.used);
      this.used += prefix.length;
    }
    this.block.set(bytes, this.used);
    this.used += bytes.length;
    this.block[this.used++] = NEWLINE;
  }

  /**
   * The lines appended, as UTF-8 bytes: blocks of whole lines, each ending in a newline, read about
   * 1 MiB at a time. Each block is a buffer of its own (never refilled), so a reader may keep
   * lines of earlier blocks while it reads on.
   */
  *lineBlocks(): Generator<Buffer> {
    if (!this.onDisk) {
      // A copy: lines appended while these are read are not among them.
      if (this.used > 0) yield Buffer.from(this.block.subarray(0, this.used));
      return;
    }
    this.flush();
    const fd = openSync(this.path, 'r');
    try {
      let carried: Buffer | undefined;
      for (;;) {
        const carriedBytes = carried?.length ?? 0;
        const block = Buffer.allocUnsafe(Math.max(READ_BYTES, 2 * carriedBytes));
        if (carried) carried.copy(block);
        const read = readSync(fd, block, carriedBytes, block.length - carriedBytes, null);
        const filled = carriedBytes + read;
        if (read === 0) {
          // Every append ends in a newline, so nothing is left over unless the file was cut short.
          if (carried) yield Buffer.concat([carried, Buffer.from([NEWLINE])]);
          return;
        }
        const last = block.lastIndexOf(NEWLINE, filled - 1);
        if (last === -1) {
          carried = block.subarray(0, filled);
          continue;
        }
        carried = last + 1 < filled ? Buffer.from(block.subarray(last + 1, filled)) : undefined;
        yield block.subarray(0, last + 1);
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Room for `most` more bytes: a larger buffer while under flushBytes, else the buffer written out. */
  private makeRoom(most: number): void {
    if (this.used + most > this.flushBytes) this.flush();
    const wanted = this.used + most;
    if (wanted <= this.block.length) return;
    const size = Math.min(this.flushBytes, Math.max(wanted, this.block.length * 2, FIRST_BLOCK_BYTES));
    if (size <= this.block.length) return;
    const grown = Buffer.allocUnsafe(size);
    this.block.copy(grown, 0, 0, this.used);
    this.block = grown;
  }
}
