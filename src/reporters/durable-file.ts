import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { utf8BytesAtMost } from '../utf8.js';

/** A file's content: text, or pieces produced while writing (large reports). */
export type OutputContent = string | (() => Iterable<string>);

const BLOCK_BYTES = 1 << 20;

/**
 * Writes a new file completely and durably, or throws: `writeSync` may write fewer bytes than
 * asked (a full disk, a file-size limit), so every buffer is written in a loop until it is all
 * out; the file is fsync'd before it is closed, because a full disk or a network filesystem can
 * report a failed write only then. `close` errors are not swallowed for the same reason.
 */
export function writeDurably(path: string, content: OutputContent): void {
  const file = new StagedFile(path);
  try {
    if (typeof content === 'string') file.write(content);
    else for (const piece of content()) file.write(piece);
    file.close();
  } finally {
    file.discard();
  }
}

/**
 * A new file written piece by piece as a report is produced (pieces are gathered into large
 * writes), then fsync'd and closed by `close`, which throws rather than hide a failed write.
 */
export class StagedFile {
  private fd: number | undefined;
  /**
   * Pieces are encoded into this block as they come, off the JS heap: held as strings until a
   * flush, every piece outlived a young-generation collection or two and was copied into the
   * old generation (a scan writes hundreds of MB), then flattened and encoded again to write.
   */
  private block: Buffer | undefined;
  private used = 0;
  private bytes = 0;

  constructor(readonly path: string) {
    // 'wx': the staging directory is ours and fresh, so an existing file means a bug or a race.
    this.fd = openSync(path, 'wx');
  }

  write(piece: string): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    const block = (this.block ??= Buffer.allocUnsafe(BLOCK_BYTES));
    if (utf8BytesAtMost(piece) > block.length - this.used) {
      this.flush();
      // Larger than a block: written as it is.
      if (utf8BytesAtMost(piece) > block.length) {
        this.bytes += writeAll(this.fd, Buffer.from(piece, 'utf8'));
        return;
      }
    }
    this.used += block.write(piece, this.used, 'utf8');
  }

  /** Bytes already encoded (a line read back from a spill file as UTF-8): copied, not decoded and encoded again. */
  writeBytes(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    const block = (this.block ??= Buffer.allocUnsafe(BLOCK_BYTES));
    if (bytes.length > block.length - this.used) {
      this.flush();
      if (bytes.length > block.length) {
        this.bytes += writeAll(this.fd, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
        return;
      }
    }
    block.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Bytes handed to the file system so far (the size once closed). */
  get size(): number {
    return this.bytes + this.used;
  }

  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    fsyncSync(this.fd);
    const fd = this.fd;
    this.fd = undefined;
    this.block = undefined;
    closeSync(fd);
  }

  /** Closes without caring about errors (already failing: the first error is the one to report). */
  discard(): void {
    if (this.fd === undefined) return;
    closeQuietly(this.fd);
    this.fd = undefined;
    this.block = undefined;
  }

  private flush(): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    if (this.block && this.used > 0) this.bytes += writeAll(this.fd, this.block.subarray(0, this.used));
    this.used = 0;
  }
}

function writeAll(fd: number, bytes: Buffer): number {
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    // A regular file that accepts nothing more without an error would loop forever.
    if (written <= 0) throw Object.assign(new Error('the file system accepted no more bytes'), { code: 'ESHORTWRITE' });
    offset += written;
  }
  return bytes.length;
}

/**
 * Makes renames and new entries in a directory durable. Windows cannot open a directory for
 * fsync, and some filesystems (FUSE, network) refuse it; there the rename is as durable as the
 * platform makes it, which is all we can do. Real I/O errors still throw.
 */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (error) {
    if (isUnsupported(error)) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
  } finally {
    closeQuietly(fd);
  }
}

function isUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EINVAL' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EISDIR' || code === 'EPERM' || code === 'EBADF';
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the first error is the one to report.
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for this file system or the process file-size limit',
  ESHORTWRITE: 'the file system accepted no more bytes',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  ENOENT: 'it disappeared while being written',
  EXDEV: 'it is on another file system',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
};

/** A file-system error as a few words without the path or a trailing newline (one stderr line). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}
