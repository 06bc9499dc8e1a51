import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { inputBytes } from '../../src/sources/input-bytes.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const json = '{"configurationItems": [{"resourceType": "AWS::S3::Bucket", "tags": {"team": "données"}}]}';
const utf16 = (text: string, endian: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
};

/** The whole text, as the streamed reader passes it on (whole characters per chunk). */
async function readInputText(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of inputBytes(path)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function rejection(path: string): Promise<string> {
  try {
    await readInputText(path);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    // One line, and no raw control or invisible character from the file in it.
    expect(message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    return message;
  }
  throw new Error(`${path} was accepted`);
}

describe('encodings', () => {
  it('UTF-8 is read as is; a UTF-8 byte-order mark is stripped (plain and inside gzip)', async () => {
    expect(await readInputText(file('plain.json', json))).toBe(json);
    expect(await readInputText(file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])))).toBe(json);
    expect(await readInputText(file('bom.json.gz', gzipSync(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))))).toBe(json);
  });

  const foreign: Array<[string, Buffer, RegExp]> = [
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(json, 'le')]), /is UTF-16 little-endian \(byte-order mark FF FE\) text; cafscan reads UTF-8 JSON: convert it, e\.g\. iconv -f UTF-16 -t UTF-8$/],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(json, 'be')]), /is UTF-16 big-endian \(byte-order mark FE FF\) text;/],
    ['UTF-32 LE with BOM', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), /is UTF-32 little-endian \(byte-order mark FF FE 00 00\) text; .* iconv -f UTF-32 /],
    ['UTF-32 BE with BOM', Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b]), /is UTF-32 big-endian/],
    ['UTF-16 LE without BOM', utf16(json, 'le'), /looks like UTF-16 little-endian text without a byte-order mark \(NUL bytes between the characters\); .* iconv -f UTF-16LE -t UTF-8$/],
    ['UTF-16 BE without BOM', utf16(json, 'be'), /looks like UTF-16 big-endian text without a byte-order mark .* iconv -f UTF-16BE /],
    ['Windows-1252', Buffer.from('{"name": "caf\xe9"}', 'latin1'), /is not UTF-8 text: byte 0xE9 at offset 13 is not valid UTF-8 \(Latin-1 or Windows-1252\?\); .* iconv -f WINDOWS-1252 -t UTF-8$/],
    ['an overlong encoding', Buffer.from([0x7b, 0xc0, 0x80, 0x7d]), /byte 0xC0 at offset 1 is not valid UTF-8/],
    ['an encoded surrogate', Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d]), /byte 0xED at offset 2 is not valid UTF-8/],
    ['a sequence cut off at the end', Buffer.from([0x5b, 0x22, 0xe2, 0x82]), /byte 0xE2 at offset 2 is not valid UTF-8/],
  ];
  for (const [name, bytes, message] of foreign) {
    it(`${name}: one clear line`, async () => {
      expect(await rejection(file(`${name}.json`, bytes))).toMatch(message);
    });
  }

  it('inside a gzip, the message says so', async () => {
    expect(await rejection(file('u16.json.gz', gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(json, 'le')]))))).toMatch(/is UTF-16 little-endian .* text \(inside the gzip\);/);
    expect(await rejection(file('empty.json.gz', gzipSync(Buffer.alloc(0))))).toMatch(/is empty \(inside the gzip\)$/);
  });
});

describe('what the file is', () => {
  it('an empty file', async () => {
    expect(await rejection(file('empty.json', ''))).toMatch(/empty\.json is empty$/);
  });

  const archives: Array<[string, Buffer, RegExp]> = [
    ['zip', Buffer.from('PK\x03\x04rest', 'latin1'), /is a zip archive \(extract the JSON first\); cafscan reads JSON or gzip-compressed JSON$/],
    ['bzip2', Buffer.from('BZh91AY&SY', 'latin1'), /is bzip2-compressed/],
    ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00]), /is xz-compressed/],
    ['zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00]), /is zstd-compressed/],
  ];
  for (const [name, bytes, message] of archives) {
    it(`a ${name} file is named as such`, async () => {
      expect(await rejection(file(`x.${name}`, bytes))).toMatch(message);
    });
  }

  it('gzip is recognised by content, not by name', async () => {
    expect(await readInputText(file('no-suffix', gzipSync(json)))).toBe(json);
    expect(await readInputText(file('plain-named.json.gz', json))).toBe(json);
  });
});

describe('paths that are not regular files are refused from stat, before any read', () => {
  let server: Server;
  const socketPath = join(dir, 'input.sock');
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a FIFO without a writer (reading it would block forever)', async () => {
    const fifo = join(dir, 'input.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await rejection(fifo)).toBe(`cannot read input ${fifo}: it is a named pipe (FIFO); cafscan reads regular files (save the data to a file first)`);
  });

  it('a character device (/dev/zero would never end)', async () => {
    expect(await rejection('/dev/zero')).toBe('cannot read input /dev/zero: it is a character device; cafscan reads regular files (save the data to a file first)');
  });

  it('a socket', async () => {
    expect(await rejection(socketPath)).toMatch(/: it is a socket; cafscan reads regular files/);
  });

  it('a directory', async () => {
    expect(await rejection(dir)).toBe(`cannot read input ${dir}: it is a directory`);
  });
});

describe('streamed in 64 KiB chunks', () => {
  it('a character cut by a chunk boundary is passed on whole, and a bad byte far in is named at its exact offset', async () => {
    const prefix = `{"a": "${'x'.repeat((1 << 16) - 8)}`;
    const text = `${prefix}é€😀", "b": "${'y'.repeat(70_000)}"}`;
    for (let shift = 0; shift < 4; shift++) {
      const shifted = `${' '.repeat(shift)}${text}`;
      expect(await readInputText(file(`cut${shift}.json`, shifted))).toBe(shifted);
    }
    const bad = Buffer.concat([Buffer.from(`{"a": "${'x'.repeat(200_000)}`), Buffer.from([0xe9]), Buffer.from('"}')]);
    expect(await rejection(file('late.json', bad))).toMatch(/byte 0xE9 at offset 200007 is not valid UTF-8/);
    expect(await rejection(file('late.json.gz', gzipSync(bad)))).toMatch(/is not UTF-8 text \(inside the gzip\): byte 0xE9 at offset 200007/);
  });
});
