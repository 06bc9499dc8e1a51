import { closeSync, constants as fsConstants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { constants as bufferConstants, isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';

/**
 * The file-level half of reading an input: what the path is, how big, compressed or not, and
 * which text encoding — everything before JSON. Each problem is one InputError line that names
 * the file and describes bytes instead of quoting them (they may be invisible or control codes).
 */
export function readInputText(file: string): string {
  const { bytes, gzipped } = readBytes(file);
  return decodeUtf8(file, gzipped ? gunzip(file, bytes) : bytes, gzipped);
}

/**
 * V8's limit on one string (about 512 MiB); JSON.parse needs the whole text as one. V8 checks it
 * against the UTF-8 byte count before decoding (String::NewFromUtf8), so a larger file can never
 * be read whole, whatever its characters: reject it from its size, before reading gigabytes.
 */
export const MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH;

function readBytes(file: string): { bytes: Buffer; gzipped: boolean } {
  // stat first: opening a FIFO without a writer blocks forever, and a device may never end.
  checkRegularFile(file, statOrExplain(file, () => statSync(file)));
  let fd: number;
  try {
    // O_NONBLOCK: should the path become a FIFO between stat and open, open still returns.
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readError(file, error);
  }
  try {
    const stat = statOrExplain(file, () => fstatSync(fd));
    checkRegularFile(file, stat);
    if (stat.size > MAX_TEXT_BYTES) throw tooLarge(file, `it holds ${bytesText(stat.size)}`);
    const bytes = readFileSync(fd);
    return { bytes, gzipped: bytes[0] === 0x1f && bytes[1] === 0x8b };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw readError(file, error);
  } finally {
    closeSync(fd);
  }
}

function statOrExplain(file: string, stat: () => Stats): Stats {
  try {
    return stat();
  } catch (error) {
    throw readError(file, error);
  }
}

function checkRegularFile(file: string, stat: Stats): void {
  if (stat.isFile()) return;
  const what = stat.isDirectory()
    ? 'a directory'
    : stat.isFIFO()
      ? 'a named pipe (FIFO)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice()
          ? 'a character device'
          : stat.isBlockDevice()
            ? 'a block device'
            : 'not a regular file';
  // A directory is a plain mistake; a pipe or device usually means process substitution or /dev/stdin.
  const hint = stat.isDirectory() ? '' : '; cafscan reads regular files (save the data to a file first)';
  throw new InputError(`cannot read input ${file}: it is ${what}${hint}`);
}

function readError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is not a directory' : code === 'ELOOP' ? 'too many symbolic links' : (error as Error).message;
  return new InputError(`cannot read input ${file}: ${why}`);
}

function gunzip(file: string, bytes: Buffer): Buffer {
  try {
    // The cap turns a too-large (or bomb-like) gzip into the "too large" message, not a misleading "corrupt".
    return gunzipSync(bytes, { maxOutputLength: MAX_TEXT_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(file, `it decompresses to more than ${bytesText(MAX_TEXT_BYTES)}`);
    throw new InputError(`${file} is not a readable gzip file (truncated or corrupt)`);
  }
}

/** Formats cafscan does not read, recognised by their first bytes so the message can say what the file is. */
const OTHER_FORMATS: Array<[magic: number[], what: string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (extract the JSON first)'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed (decompress it, or recompress with gzip)'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed (decompress it, or recompress with gzip)'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed (decompress it, or recompress with gzip)'],
];

/** Byte-order marks of encodings JSON files must not use (RFC 8259 §8.1: JSON text is UTF-8). */
const FOREIGN_BOMS: Array<[magic: number[], what: string]> = [
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 little-endian (byte-order mark FF FE 00 00)'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 big-endian (byte-order mark 00 00 FE FF)'],
  [[0xff, 0xfe], 'UTF-16 little-endian (byte-order mark FF FE)'],
  [[0xfe, 0xff], 'UTF-16 big-endian (byte-order mark FE FF)'],
];

const convert = (from: string) => `cafscan reads UTF-8 JSON: convert it, e.g. iconv -f ${from} -t UTF-8`;

function decodeUtf8(file: string, raw: Buffer, gzipped: boolean): string {
  const inside = gzipped ? ' (inside the gzip)' : '';
  if (raw.length === 0) throw new InputError(`${file} is empty${inside}`);
  for (const [magic, what] of OTHER_FORMATS) if (startsWith(raw, magic)) throw new InputError(`${file} is ${what}; cafscan reads JSON or gzip-compressed JSON`);
  for (const [magic, what] of FOREIGN_BOMS) if (startsWith(raw, magic)) throw new InputError(`${file} is ${what} text${inside}; ${convert(what.slice(0, 6))}`);
  const wide = withoutBomWideEncoding(raw);
  if (wide) throw new InputError(`${file} looks like ${wide} text without a byte-order mark${inside} (NUL bytes between the characters); ${convert(`${wide.slice(0, 6)}${wide.includes('big') ? 'BE' : 'LE'}`)}`);
  // A UTF-8 byte-order mark is allowed to be ignored (RFC 8259 §8.1), and Windows tools write one.
  const bytes = startsWith(raw, [0xef, 0xbb, 0xbf]) ? raw.subarray(3) : raw;
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at] ?? 0;
    throw new InputError(
      `${file} is not UTF-8 text${inside}: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${at} is not valid UTF-8 (Latin-1 or Windows-1252?); ${convert('WINDOWS-1252')}`,
    );
  }
  try {
    return bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') throw tooLarge(file, `its text${inside} is ${bytesText(bytes.length)}`);
    throw error;
  }
}

/**
 * RFC 4627 §3: JSON starts with two ASCII characters, so the pattern of NUL bytes among the
 * first four tells UTF-16 and UTF-32 apart from UTF-8 when there is no byte-order mark.
 */
function withoutBomWideEncoding(b: Buffer): string | undefined {
  if (b.length < 4) return b.length >= 2 && (b[0] === 0) !== (b[1] === 0) ? 'UTF-16' : undefined;
  const z = [b[0] === 0, b[1] === 0, b[2] === 0, b[3] === 0];
  if (z[0] && z[1] && z[2] && !z[3]) return 'UTF-32 big-endian';
  if (!z[0] && z[1] && z[2] && z[3]) return 'UTF-32 little-endian';
  if (z[0] && !z[1]) return 'UTF-16 big-endian';
  if (!z[0] && z[1]) return 'UTF-16 little-endian';
  return undefined;
}

/** Where the first malformed sequence starts (RFC 3629 table 3: no overlongs, surrogates or values above U+10FFFF). */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const lead = b[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // [continuation bytes, allowed range of the second byte]
    const shape: [number, number, number] | undefined =
      lead >= 0xc2 && lead <= 0xdf ? [1, 0x80, 0xbf]
      : lead === 0xe0 ? [2, 0xa0, 0xbf]
      : lead === 0xed ? [2, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [2, 0x80, 0xbf]
      : lead === 0xf0 ? [3, 0x90, 0xbf]
      : lead >= 0xf1 && lead <= 0xf3 ? [3, 0x80, 0xbf]
      : lead === 0xf4 ? [3, 0x80, 0x8f]
      : undefined;
    if (!shape) return i;
    const [count, low, high] = shape;
    for (let k = 1; k <= count; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += count + 1;
  }
  return b.length;
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((value, i) => bytes[i] === value);
}

function tooLarge(file: string, size: string): InputError {
  return new InputError(
    `${file} is too large to read: ${size}, and JSON.parse needs the text as one JavaScript string, at most ${MAX_TEXT_BYTES} bytes of UTF-8 (V8's string limit); split it into several files (e.g. per region or resource type) and pass each with --input`,
  );
}

function bytesText(n: number): string {
  return `${n} bytes${n >= 1 << 20 ? ` (${Math.round(n / (1 << 20))} MiB)` : ''}`;
}
