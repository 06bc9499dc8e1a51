/**
 * The words of a JSON syntax error for the user. Files that are not well-formed JSON are read by
 * @streamparser/json's tokenizer (src/json-splitter.ts hands them over), whose messages speak of
 * its own machinery — `Unexpected "#" at chunk position "0" (absolute position "0") in state
 * BOM_OR_START` — where a person wants what is wrong and where: `unexpected "#" at line 1,
 * column 1`. Messages of another shape (cafscan's own errors) pass through unchanged.
 */

/** Where a streamed document's lines begin: fed every chunk, in order, after the parser took it. */
export class LineTracker {
  /** Newlines before the current chunk. */
  private lines = 0;
  /** Characters (UTF-8 lead bytes) after the last newline before the current chunk. */
  private columnCarry = 0;
  private chunk: Buffer | undefined;

  /** The chunk being parsed: an error raised while parsing it is located in it. */
  parsing(chunk: Buffer): void {
    this.chunk = chunk;
  }

  /** The chunk was parsed whole: count its lines. */
  parsed(): void {
    const chunk = this.chunk;
    if (!chunk) return;
    let last = -1;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) {
      this.lines++;
      last = at;
    }
    this.columnCarry = (last === -1 ? this.columnCarry : 0) + characters(chunk, last + 1, chunk.length);
    this.chunk = undefined;
  }

  /** Line and column (1-based; columns count characters) of a byte of the chunk being parsed. */
  locate(chunkOffset: number): { line: number; column: number } | undefined {
    const chunk = this.chunk;
    if (!chunk || chunkOffset < 0 || chunkOffset > chunk.length) return undefined;
    let line = this.lines;
    let lineStart = -1;
    for (let at = chunk.indexOf(0x0a); at !== -1 && at < chunkOffset; at = chunk.indexOf(0x0a, at + 1)) {
      line++;
      lineStart = at;
    }
    const column = (lineStart === -1 ? this.columnCarry : 0) + characters(chunk, lineStart + 1, chunkOffset) + 1;
    return { line: line + 1, column };
  }

  /**
   * The character that starts at a byte of the chunk being parsed (a UTF-8 sequence read whole),
   * or undefined when the chunk ends inside it (the rest is in the next chunk, not read yet).
   */
  characterAt(chunkOffset: number): string | undefined {
    const chunk = this.chunk;
    if (!chunk || chunkOffset < 0 || chunkOffset >= chunk.length) return undefined;
    const lead = chunk[chunkOffset]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (chunkOffset + length > chunk.length) return undefined;
    const codePoint = chunk.toString('utf8', chunkOffset, chunkOffset + length).codePointAt(0);
    return codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
  }
}

/** UTF-8 lead bytes (not 10xxxxxx continuation bytes) in [start, end): the characters there. */
function characters(chunk: Buffer, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if ((chunk[i]! & 0xc0) !== 0x80) count++;
  return count;
}

const UNEXPECTED_BYTE = /^Unexpected "([\s\S]*)" at chunk position "(\d+)" \(absolute position "\d+"\) in state \w+$/;
const UNEXPECTED_TOKEN = /^Unexpected (?:partial )?\w+ \(([\s\S]*)\) in state (\w+)$/;
const ENDED_IN_TOKEN = /^Tokenizer ended in the middle of a token/;
const ENDED_IN_VALUE = /^Parser ended in mid-parsing/;

/** What the token parser was waiting for, by its state's name. */
const EXPECTED: Record<string, string> = {
  VALUE: 'where a value should be',
  KEY: 'where a member name should be',
  COLON: 'where ":" should be',
  COMMA: 'where "," or a closing bracket should be',
  ENDED: 'after the end of the document',
};

/**
 * The parser's message in plain words, located by `tracker` where the tokenizer says where it
 * stopped. JSON.parse's own messages and anything else are returned as they are.
 */
export function describeJsonSyntaxError(message: string, tracker: LineTracker): string {
  const byte = UNEXPECTED_BYTE.exec(message);
  if (byte) {
    const offset = Number(byte[2]);
    const where = tracker.locate(offset);
    const character = tracker.characterAt(offset);
    // Quoted as it is: the CLI shows control characters escaped (printable, src/json.ts).
    return `unexpected ${character === undefined ? 'character' : `"${character}"`}${where ? ` at line ${where.line}, column ${where.column}` : ''}`;
  }
  const token = UNEXPECTED_TOKEN.exec(message);
  if (token) return `unexpected ${token[1]}${Object.hasOwn(EXPECTED, token[2]!) ? ` ${EXPECTED[token[2]!]}` : ''}`;
  if (ENDED_IN_TOKEN.test(message) || ENDED_IN_VALUE.test(message)) return 'it ends in the middle of a value, as a truncated file does';
  return message;
}
