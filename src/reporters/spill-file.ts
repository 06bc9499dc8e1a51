import { appendFileSync, rmSync } from 'node:fs';
import { readLines } from '../file-lines.js';

/**
 * Lines kept on disk instead of in memory while a scan runs (findings waiting to be merged into
 * results.json order, SARIF notifications), appended in large writes and read back in order.
 * Lives in the staging directory, so it goes when the staging directory does.
 */
export class SpillFile {
  private buffer: string[] = [];
  private chars = 0;
  private empty = true;
  /** Whether any line has reached the file: until then the lines are all in `buffer`. */
  private onDisk = false;

  /** `flushChars`: how much is buffered before a write (many spill files at once want less each). */
  constructor(
    readonly path: string,
    private readonly flushChars: number = 1 << 20,
  ) {}

  append(line: string): void {
    this.buffer.push(line);
    this.chars += line.length + 1;
    this.empty = false;
    if (this.chars >= this.flushChars) this.flush();
  }

  get isEmpty(): boolean {
    return this.empty;
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    appendFileSync(this.path, `${this.buffer.join('\n')}\n`);
    this.onDisk = true;
    this.buffer = [];
    this.chars = 0;
  }

  /** Deletes the file (once read). */
  remove(): void {
    this.buffer = [];
    this.chars = 0;
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
      yield* [...this.buffer];
      return;
    }
    this.flush();
    if (this.empty) return;
    yield* readLines(this.path);
  }
}
