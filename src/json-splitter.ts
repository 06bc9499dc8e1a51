import { isUtf8 } from 'node:buffer';
import type { JsonValue } from './json.js';

/**
 * The document is not one the splitter reads: not well-formed JSON, or a root that is neither an
 * object nor a list. The caller then reads the file again with the streaming tokenizer
 * (read-input-file.ts), which says exactly what is wrong — the splitter never words an error.
 */
export class SplitMiss extends Error {}

/**
 * One value (an item, or a member of the root object) holds more bytes than cafscan reads in one
 * piece: V8 strings stop at ~512 MiB, and no AWS configuration item comes near this.
 */
export class ValueTooLarge extends Error {
  constructor(
    readonly path: Array<string | number>,
    readonly limitBytes: number,
  ) {
    super(`a value larger than ${limitBytes} bytes`);
  }
}

/** 256 MiB: half of V8's longest string, so the text and its parse fit. */
export const MAX_VALUE_BYTES = 256 << 20;

/** What the splitter hands over, in document order. */
export interface SplitHandlers {
  /** The first significant byte: the document is an object or a list. */
  begin(kind: 'object' | 'array'): void;
  /** An object root's member; a list under a key in `containers` arrives emptied ([]) after its items. */
  member(key: string, value: JsonValue): void;
  /** One element of a selected list: the root list ("$") or a member in `containers`. */
  element(container: string, index: number, value: JsonValue): void;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;

/** Where the outer scan is: the document's first two levels, read byte by byte. */
const enum At {
  Start,
  /** After `{` (first) or `,` in the root object: a key, or `}` when first. */
  Key,
  Colon,
  MemberValue,
  /** After a member's value: `,` or `}`. */
  AfterMember,
  /** After `[` (first) or `,` in a selected list: an element, or `]` when first. */
  Element,
  /** After an element: `,` or `]`. */
  AfterElement,
  End,
}

/** What the value being captured is, which says how it ends. */
const enum Capture {
  None,
  Key,
  MemberValue,
  Element,
}

const isWhitespace = (b: number): boolean => b === SPACE || b === LF || b === CR || b === TAB;

/**
 * Reads a JSON document's top-level members and the elements of the lists the sources read,
 * without tokenizing what is inside them: a byte scan that follows only strings and brackets
 * finds where each value ends, and V8's JSON.parse (which also validates it) reads its bytes.
 * Why not the streaming tokenizer for everything: it reads ~56 MB/s, JSON.parse ~220 MB/s; on a
 * 181 MB inventory the load phase went from 6.6 s to ~2 s (issue 11). Memory stays bounded by one
 * value: a value's bytes are held only until it ends.
 *
 * Accepts exactly well-formed JSON (RFC 8259) with an object or list root: the scan checks the
 * structure between values, JSON.parse checks each value. Anything else is a SplitMiss.
 */
export class JsonSplitter {
  private at = At.Start;
  private rootIsList = false;
  private first = true;
  private key = '';
  /** The list whose elements are being read: "$" for the root, else the member's key. */
  private container = '';
  private index = 0;

  private capture = Capture.None;
  /** Bytes of the value being captured that came in earlier chunks. */
  private parts: Buffer[] = [];
  /**
   * The brackets open in the value being captured, innermost last. Their kinds are kept so that
   * a mismatched closer (`[1}`) ends the read at once: counted alone, it would leave the value
   * open and swallow the rest of the file before JSON.parse could say the value is broken.
   */
  private readonly open: number[] = [];
  private inString = false;
  private escaped = false;
  /** A scalar (number, true, false, null) ends at the first byte that cannot be part of it. */
  private scalar = false;
  private partBytes = 0;

  constructor(
    private readonly containers: ReadonlySet<string>,
    private readonly on: SplitHandlers,
    private readonly maxValueBytes = MAX_VALUE_BYTES,
    /**
     * The caller has already checked that every byte it writes is UTF-8 and that no chunk cuts a
     * character (inputBytes does, src/sources/input-bytes.ts): each value is then not checked again.
     */
    private readonly bytesAreUtf8 = false,
  ) {}

  write(chunk: Buffer): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.capture !== Capture.None) {
        const start = i;
        const end = this.scanValue(chunk, i);
        if (end < 0) {
          this.partBytes += n - start;
          if (this.partBytes > this.maxValueBytes) throw new ValueTooLarge(this.path(), this.maxValueBytes);
          // Copied: the stream may reuse the chunk's memory.
          this.parts.push(Buffer.from(chunk.subarray(start)));
          return;
        }
        this.finishValue(chunk, start, end);
        i = end;
        continue;
      }
      const b = chunk[i]!;
      if (isWhitespace(b)) {
        i++;
        continue;
      }
      this.step(b);
      if (this.capture === Capture.None) i++;
    }
  }

  /** The stream ended: the root must have closed. */
  end(): void {
    if (this.capture !== Capture.None || this.at !== At.End) throw new SplitMiss('the document ends early');
  }

  /** One significant byte between values. */
  private step(b: number): void {
    switch (this.at) {
      case At.Start:
        if (b === OPEN_OBJECT) {
          this.on.begin('object');
          this.at = At.Key;
          this.first = true;
        } else if (b === OPEN_LIST) {
          this.on.begin('array');
          this.rootIsList = true;
          this.openList('$');
        } else {
          throw new SplitMiss('the root is neither an object nor a list');
        }
        return;
      case At.Key:
        if (b === CLOSE_OBJECT && this.first) return void (this.at = At.End);
        if (b !== QUOTE) throw new SplitMiss('expected a key');
        return this.startCapture(Capture.Key, b);
      case At.Colon:
        if (b !== COLON) throw new SplitMiss('expected a colon');
        this.at = At.MemberValue;
        return;
      case At.MemberValue:
        if (b === OPEN_LIST && this.containers.has(this.key)) return this.openList(this.key);
        return this.startCapture(Capture.MemberValue, b);
      case At.AfterMember:
        if (b === COMMA) {
          this.at = At.Key;
          this.first = false;
        } else if (b === CLOSE_OBJECT) {
          this.at = At.End;
        } else {
          throw new SplitMiss('expected a comma or the end of the object');
        }
        return;
      case At.Element:
        if (b === CLOSE_LIST && this.first) return this.closeList();
        return this.startCapture(Capture.Element, b);
      case At.AfterElement:
        if (b === COMMA) {
          this.at = At.Element;
          this.first = false;
        } else if (b === CLOSE_LIST) {
          this.closeList();
        } else {
          throw new SplitMiss('expected a comma or the end of the list');
        }
        return;
      case At.End:
        throw new SplitMiss('more after the end of the document');
    }
  }

  private openList(container: string): void {
    this.container = container;
    this.index = 0;
    this.at = At.Element;
    this.first = true;
  }

  private closeList(): void {
    if (this.rootIsList) {
      this.at = At.End;
      return;
    }
    // As the tokenizer reports a selected list: after its items, emptied of them.
    this.on.member(this.container, []);
    this.at = At.AfterMember;
  }

  private startCapture(kind: Capture, b: number): void {
    this.capture = kind;
    this.parts = [];
    this.partBytes = 0;
    this.open.length = 0;
    this.inString = false;
    this.escaped = false;
    // A scalar's first byte is not checked here: JSON.parse judges the whole of it.
    this.scalar = b !== QUOTE && b !== OPEN_OBJECT && b !== OPEN_LIST;
    if (b === CLOSE_OBJECT || b === CLOSE_LIST || b === COMMA || b === COLON) throw new SplitMiss('expected a value');
  }

  /** Where the value being captured sits in the document. */
  private path(): Array<string | number> {
    if (this.capture === Capture.Element) return this.rootIsList ? [this.index] : [this.container, this.index];
    return this.capture === Capture.MemberValue ? [this.key] : [];
  }

  /** Index just past the value's end in `chunk`, or -1 if it goes on into the next chunk. */
  private scanValue(chunk: Buffer, from: number): number {
    const n = chunk.length;
    let i = from;
    if (this.scalar) {
      for (; i < n; i++) {
        const b = chunk[i]!;
        if (b === COMMA || b === CLOSE_LIST || b === CLOSE_OBJECT || b === COLON || isWhitespace(b)) return i;
      }
      return -1;
    }
    const open = this.open;
    if (this.inString) {
      // A string that began in an earlier chunk: byte by byte to its end (one per chunk at most).
      let escaped = this.escaped;
      for (; i < n; i++) {
        const b = chunk[i]!;
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) break;
      }
      if (i === n) {
        this.escaped = escaped;
        return -1;
      }
      this.inString = false;
      if (open.length === 0) return i + 1;
      i++;
    }
    for (; i < n; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) {
        const close = closingQuote(chunk, i + 1);
        if (close < 0) {
          this.inString = true;
          this.escaped = endsInEscape(chunk, i + 1);
          return -1;
        }
        if (open.length === 0) return close + 1;
        i = close;
      } else if (b === OPEN_OBJECT || b === OPEN_LIST) {
        open.push(b);
      } else if (b === CLOSE_OBJECT || b === CLOSE_LIST) {
        if (open.pop() !== (b === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_LIST)) throw new SplitMiss('a bracket closes what it did not open');
        if (open.length === 0) return i + 1;
      }
    }
    return -1;
  }

  private finishValue(chunk: Buffer, start: number, end: number): void {
    const kind = this.capture;
    if (this.partBytes + (end - start) > this.maxValueBytes) throw new ValueTooLarge(this.path(), this.maxValueBytes);
    const bytes = this.parts.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...this.parts, chunk.subarray(start, end)]);
    // toString would quietly turn bytes that are not UTF-8 into U+FFFD; JSON text is UTF-8 (RFC 8259 §8.1).
    if (!this.bytesAreUtf8 && !isUtf8(bytes)) throw new SplitMiss('a value is not UTF-8 text');
    const text = bytes.toString('utf8');
    this.parts = [];
    this.capture = Capture.None;
    let value: JsonValue;
    try {
      value = JSON.parse(text) as JsonValue;
    } catch {
      throw new SplitMiss('a value is not valid JSON');
    }
    switch (kind) {
      case Capture.Key:
        this.key = value as string;
        this.at = At.Colon;
        return;
      case Capture.MemberValue:
        this.on.member(this.key, value);
        this.at = At.AfterMember;
        return;
      case Capture.Element:
        this.on.element(this.container, this.index++, value);
        this.at = At.AfterElement;
        return;
    }
  }
}

/**
 * The quote closing a string whose text starts at `from` (just past its opening quote), or -1
 * when the chunk ends first. indexOf finds quotes natively (2.5× the byte loop, measured on the
 * benchmark's inventory); a quote is the string's end when an even number of backslashes precedes it.
 */
function closingQuote(chunk: Buffer, from: number): number {
  for (let at = from; ; ) {
    const quote = chunk.indexOf(QUOTE, at);
    if (quote < 0) return -1;
    let k = quote - 1;
    // Stops at the opening quote at the latest: from - 1 is one.
    while (chunk[k] === BACKSLASH) k--;
    if (((quote - 1 - k) & 1) === 0) return quote;
    at = quote + 1;
  }
}

/** Whether the chunk ends inside an escape: an odd run of backslashes at its end (the string has no quote after `from`). */
function endsInEscape(chunk: Buffer, from: number): boolean {
  let k = chunk.length - 1;
  while (k >= from && chunk[k] === BACKSLASH) k--;
  return ((chunk.length - 1 - k) & 1) === 1;
}
