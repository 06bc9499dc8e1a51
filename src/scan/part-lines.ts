import type { BaselineState, Finding } from '../model/finding.js';
import type { SpillFile } from '../reporters/spill-file.js';
import type { FindingLine, PassFacts } from '../reporters/write-report-set.js';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ARN_KEY = Buffer.from(',"resource":{"arn":"');
const PASS_TO_ARN = Buffer.from('"pass","resource":{"arn":"');
const ACCOUNT_KEY = Buffer.from('","accountId":"');
const STATE_ENDINGS = (['new', 'unchanged', 'updated', 'fixed'] as const).map((state) => ({ state, bytes: Buffer.from(`,"baselineState":"${state}"}`) }));

/**
 * A part's lines as they were written (FindingParts), one PartLine each, read block by block.
 * `head`: the text every line starts with (FindingJson's control head), undefined when not all do.
 */
export function* readPartLines(file: SpillFile, head: string | undefined): Generator<PartLine> {
  const headBytes = head === undefined ? -1 : Buffer.byteLength(head);
  for (const block of file.lineBlocks()) {
    for (let start = 0; start < block.length; ) {
      const end = block.indexOf(NEWLINE, start);
      yield new PartLine(block, start, end, headBytes);
      start = end + 1;
    }
  }
}

/**
 * One finding's results.json line, kept as the bytes it was read as: results.json takes them as
 * they are, and the line is decoded and parsed only when a reader asks for the finding. A
 * passing finding's few facts the reports count (its account, its baseline state) are read from
 * the bytes: in a line FindingJson wrote, each key below occurs once outside its strings, since a
 * quote inside a JSON string is always escaped, and a value with an escape is left to JSON.parse.
 */
export class PartLine implements FindingLine {
  private text: string | undefined;
  private parsed: Finding | undefined;

  /** `headBytes`: the UTF-8 length of the control head the line starts with, -1 when unknown. */
  constructor(
    private readonly block: Buffer,
    private readonly start: number,
    private readonly end: number,
    private readonly headBytes: number,
  ) {}

  get line(): string {
    return (this.text ??= this.block.toString('utf8', this.start, this.end));
  }

  get finding(): Finding {
    return (this.parsed ??= JSON.parse(this.line) as Finding);
  }

  bytes(): Uint8Array {
    return this.block.subarray(this.start, this.end);
  }

  /** The resource ARN (what the merge orders by). */
  get arn(): string {
    if (this.headBytes >= 0) {
      const key = this.block.indexOf(ARN_KEY, this.start + this.headBytes);
      if (key !== -1 && key < this.end) {
        const from = key + ARN_KEY.length;
        const close = this.plainStringEnd(from);
        if (close !== -1) return this.block.toString('utf8', from, close);
      }
    }
    return this.finding.resource.arn;
  }

  /** A passing finding's account and baseline state; undefined for any other status, or when the bytes do not say simply. */
  passFacts(): PassFacts | undefined {
    if (this.headBytes < 0) return undefined;
    const at = this.start + this.headBytes;
    if (at + PASS_TO_ARN.length > this.end || this.block.compare(PASS_TO_ARN, 0, PASS_TO_ARN.length, at, at + PASS_TO_ARN.length) !== 0) return undefined;
    const arnEnd = this.plainStringEnd(at + PASS_TO_ARN.length);
    if (arnEnd === -1) return undefined;
    // type, id and region lie between: none can hold the key, its quotes would be escaped.
    const key = this.block.indexOf(ACCOUNT_KEY, arnEnd);
    if (key === -1 || key >= this.end) return undefined;
    const from = key + ACCOUNT_KEY.length;
    const close = this.plainStringEnd(from);
    if (close === -1) return undefined;
    let baselineState: BaselineState | undefined;
    for (const ending of STATE_ENDINGS) {
      if (this.endsWith(ending.bytes)) {
        baselineState = ending.state;
        break;
      }
    }
    return { accountId: this.block.toString('utf8', from, close), baselineState };
  }

  private endsWith(bytes: Buffer): boolean {
    const from = this.end - bytes.length;
    return from >= this.start && this.block.compare(bytes, 0, bytes.length, from, this.end) === 0;
  }

  /** Where the JSON string whose text starts at `from` closes, when it has no escape (its bytes are then its UTF-8); else -1. */
  private plainStringEnd(from: number): number {
    for (let i = from; i < this.end; i++) {
      const byte = this.block[i];
      if (byte === QUOTE) return i;
      if (byte === BACKSLASH) return -1;
    }
    return -1;
  }
}
