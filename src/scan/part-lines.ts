import type { BaselineState, Finding } from '../model/finding.js';
import type { SpillFile } from '../reporters/spill-file.js';
import type { FindingFacts } from '../reporters/reporter.js';
import type { FindingLine } from '../reporters/write-report-set.js';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ARN_KEY = Buffer.from(',"resource":{"arn":"');
const PASS_TO_ARN = Buffer.from('"pass","resource":{"arn":"');
const NOT_EVALUATED_TO_ARN = Buffer.from('"not_evaluated","resource":{"arn":"');
const ACCOUNT_KEY = Buffer.from('","accountId":"');
const ACCOUNT_TO_MESSAGE = Buffer.from('"},"message":"');
const REASON_KEY = Buffer.from(',"reason":"');
const STATE_ENDINGS = (['new', 'unchanged', 'updated', 'fixed'] as const).map((state) => ({ state, bytes: Buffer.from(`,"baselineState":"${state}"}`) }));

/** A part's control head (FindingJson), as text and as the bytes results.json gets. */
export interface PartHead {
  text: string;
  bytes: Buffer;
}

/**
 * A part's lines as they were written (FindingParts), one PartLine each, read block by block.
 * `head`: the control head of the lines stored without it (undefined when none was).
 */
export function* readPartLines(file: SpillFile, head: string | undefined, controlId: string): Generator<PartLine> {
  const partHead = head === undefined ? undefined : { text: head, bytes: Buffer.from(head) };
  for (const block of file.lineBlocks()) {
    for (let start = 0; start < block.length; ) {
      const end = block.indexOf(NEWLINE, start);
      // A line stored without its head starts with its status's quote; a whole line with a brace.
      yield new PartLine(block, start, end, block[start] === QUOTE ? partHead : undefined, controlId);
      start = end + 1;
    }
  }
}

/**
 * One finding's results.json line, kept as the bytes it was read as: results.json takes them as
 * they are, and the line is decoded and parsed only when a reader asks for the finding. A
 * pass's or an undecided check's few facts the reports take (FindingFacts) are read from the
 * bytes: in a line FindingJson wrote, each key below occurs once outside its strings, since a
 * quote inside a JSON string is always escaped, and a value with an escape is left to JSON.parse.
 */
export class PartLine implements FindingLine {
  private text: string | undefined;
  private parsed: Finding | undefined;

  /** `head`: the control head the stored bytes follow, or undefined when they are the whole line. */
  constructor(
    private readonly block: Buffer,
    private readonly start: number,
    private readonly end: number,
    private readonly head: PartHead | undefined,
    /** The part's control (every line's, when the head is known). */
    private readonly controlId: string,
  ) {}

  get line(): string {
    return (this.text ??= `${this.head?.text ?? ''}${this.block.toString('utf8', this.start, this.end)}`);
  }

  /** The control head's bytes, written before `bytes` (undefined when the bytes are the whole line). */
  get prefix(): Uint8Array | undefined {
    return this.head?.bytes;
  }

  get finding(): Finding {
    return (this.parsed ??= JSON.parse(this.line) as Finding);
  }

  bytes(): Uint8Array {
    return this.block.subarray(this.start, this.end);
  }

  /** The resource ARN (what the merge orders by). */
  get arn(): string {
    if (this.head) {
      const key = this.block.indexOf(ARN_KEY, this.start);
      if (key !== -1 && key < this.end) {
        const from = key + ARN_KEY.length;
        const close = this.plainStringEnd(from);
        if (close !== -1) return this.block.toString('utf8', from, close);
      }
    }
    return this.finding.resource.arn;
  }

  /**
   * A pass's or a not_evaluated finding's facts (FindingFacts); undefined for a failure, or when
   * the bytes do not say simply (a value with an escape where the facts are read literally).
   */
  facts(): FindingFacts | undefined {
    if (!this.head) return undefined;
    const at = this.start;
    const pass = this.bytesAt(at, PASS_TO_ARN);
    if (!pass && !this.bytesAt(at, NOT_EVALUATED_TO_ARN)) return undefined;
    const arnFrom = at + (pass ? PASS_TO_ARN : NOT_EVALUATED_TO_ARN).length;
    const arnEnd = this.plainStringEnd(arnFrom);
    if (arnEnd === -1) return undefined;
    // type, id and region lie between: none can hold the key, its quotes would be escaped.
    const key = this.block.indexOf(ACCOUNT_KEY, arnEnd);
    if (key === -1 || key >= this.end) return undefined;
    const accountFrom = key + ACCOUNT_KEY.length;
    const accountEnd = this.plainStringEnd(accountFrom);
    if (accountEnd === -1) return undefined;
    const accountId = this.block.toString('utf8', accountFrom, accountEnd);
    const baselineState = this.baselineState();
    if (pass) return { status: 'pass', accountId, baselineState };
    // `"},"message":"`, the message, then the reason when there is one (makeFindings gives every not_evaluated one).
    if (!this.bytesAt(accountEnd, ACCOUNT_TO_MESSAGE)) return undefined;
    const messageEnd = this.stringEnd(accountEnd + ACCOUNT_TO_MESSAGE.length);
    if (messageEnd === -1) return undefined;
    let reason: string | undefined;
    if (this.bytesAt(messageEnd + 1, REASON_KEY)) {
      const reasonFrom = messageEnd + 1 + REASON_KEY.length;
      const reasonEnd = this.stringEnd(reasonFrom);
      if (reasonEnd === -1) return undefined;
      reason = this.stringAt(reasonFrom, reasonEnd);
    }
    return { status: 'not_evaluated', accountId, controlId: this.controlId, arn: this.block.toString('utf8', arnFrom, arnEnd), reason, baselineState };
  }

  /** The state at the end of the line (a string inside cannot end so: its quotes would be escaped). */
  private baselineState(): BaselineState | undefined {
    for (const ending of STATE_ENDINGS) if (this.endsWith(ending.bytes)) return ending.state;
    return undefined;
  }

  private bytesAt(at: number, bytes: Buffer): boolean {
    return at + bytes.length <= this.end && this.block.compare(bytes, 0, bytes.length, at, at + bytes.length) === 0;
  }

  /** Where the JSON string whose text starts at `from` closes (a quote after an even run of backslashes), -1 if not in the line. */
  private stringEnd(from: number): number {
    for (let i = from; ; ) {
      const quote = this.block.indexOf(QUOTE, i);
      if (quote === -1 || quote >= this.end) return -1;
      let backslashes = 0;
      while (quote - backslashes - 1 >= from && this.block[quote - backslashes - 1] === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote;
      i = quote + 1;
    }
  }

  /** The string whose JSON text lies between `from` and its closing quote at `end`. */
  private stringAt(from: number, end: number): string {
    const raw = this.block.toString('utf8', from, end);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
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
