import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** A file's content: text, or pieces produced while writing (large reports). */
export type OutputContent = string | (() => Iterable<string>);

const FLUSH_CHARS = 1 << 20;

/**
 * Writes a new file completely and durably, or throws: `writeSync` may write fewer bytes than
 * asked (a full disk, a file-size limit), so every buffer is written in a loop until it is all
 * out; the file is fsync'd before it is closed, because a full disk or a network filesystem can
 * report a failed write only then. `close` errors are not swallowed for the same reason.
 */
export function writeDurably(path: string, content: OutputContent): void {
  // 'wx': the staging directory is ours and fresh, so an existing file means a bug or a race.
  const fd = openSync(path, 'wx');
  let closed = false;
  try {
    if (typeof content === 'string') {
      writeAll(fd, content);
    } else {
      let buffer = '';
      for (const piece of content()) {
        buffer += piece;
        if (buffer.length >= FLUSH_CHARS) {
          writeAll(fd, buffer);
          buffer = '';
        }
      }
      writeAll(fd, buffer);
    }
    fsyncSync(fd);
    closed = true;
    closeSync(fd);
  } finally {
    if (!closed) closeQuietly(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    // A regular file that accepts nothing more without an error would loop forever.
    if (written <= 0) throw Object.assign(new Error('the file system accepted no more bytes'), { code: 'ESHORTWRITE' });
    offset += written;
  }
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
