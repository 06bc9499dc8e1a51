import { lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { withStopSignalsDeferred } from './defer-signals.js';
import { describeFsError, fsyncDirectory, writeDurably, type OutputContent } from './durable-file.js';

export type { OutputContent } from './durable-file.js';

export interface WriteOptions {
  /** Files already in the directory that the new set makes obsolete (a smaller scan's extra SARIF parts). */
  isStale?: (name: string) => boolean;
  /** The rename used for the swap; tests inject failures here. */
  rename?: (from: string, to: string) => void;
}

export interface WriteResult {
  /** The paths of the files now in place. */
  files: string[];
  /** Things left over that the user should know about (the set itself is complete). */
  warnings: string[];
}

/** Prefixes of our scratch directories inside the output directory (hidden, removed before returning). */
export const STAGING_PREFIX = '.cafscan-new-';
export const BACKUP_PREFIX = '.cafscan-previous-';

/**
 * Replaces the report set in `dir` all together or not at all. Every file is first written
 * completely into a staging directory inside `dir` (so the renames stay on one filesystem) and
 * fsync'd; only then are the previous files moved into a backup directory and the new ones moved
 * in, one by one, each step journalled. Renaming N files is not atomic as a set, so any failure
 * replays the journal backwards, which restores the previous set byte for byte (renames keep the
 * inode). Only a failure of that rollback leaves a mix, and then the error says where the
 * previous files are (exit 4) instead of deleting them. Ctrl-C or SIGTERM meanwhile takes effect
 * only once the set is whole (withStopSignalsDeferred).
 */
export function writeOutputs(dir: string, files: Array<[name: string, content: OutputContent]>, options: WriteOptions = {}): WriteResult {
  return withStopSignalsDeferred(() => writeSet(dir, files, options));
}

function writeSet(dir: string, files: Array<[name: string, content: OutputContent]>, options: WriteOptions): WriteResult {
  let created: string | undefined;
  try {
    created = mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(`cannot create output directory ${dir}: ${describeFsError(error)}`);
  }
  const rename = options.rename ?? renameSync;
  const scratch: string[] = [];
  /** Before the swap nothing of the user's was touched: remove what we made and say so. */
  const unchanged = (what: string, error: unknown): OutputError => {
    const leftover = removeAll(scratch);
    removeCreated(created, dir);
    return new OutputError(`cannot write ${what}: ${describeFsError(error)}; the output directory was left as it was${leftover}`);
  };
  try {
    // Both scratch directories up front: a full disk fails here, before any report is touched.
    scratch.push(mkdtempSync(join(dir, STAGING_PREFIX)));
    scratch.push(mkdtempSync(join(dir, BACKUP_PREFIX)));
  } catch (error) {
    throw unchanged(`to ${dir}`, error);
  }
  const [staging, backup] = scratch as [string, string];
  const names = files.map(([name]) => name);
  let current = '';
  let stale: string[];
  try {
    for (const [name, content] of files) {
      current = name;
      writeDurably(join(staging, name), content);
    }
    current = '';
    fsyncDirectory(staging);
    for (const name of names) checkReplaceable(dir, name);
    stale = options.isStale ? readdirSync(dir).filter((name) => !names.includes(name) && options.isStale!(name)) : [];
    for (const name of stale) checkReplaceable(dir, name);
  } catch (error) {
    throw unchanged(current ? `${current} in ${dir}` : `to ${dir}`, error);
  }
  swap(dir, staging, backup, names, stale, rename);
  const warnings: string[] = [];
  const leftover = removeAll([backup, staging]);
  if (leftover) warnings.push(`the new reports are complete, but${leftover.replace(/^;/, '')}`);
  return { files: names.map((name) => join(dir, name)), warnings };
}

/** Moves the previous files out and the new ones in; on failure puts everything back, or says exactly what it could not. */
function swap(dir: string, staging: string, backup: string, names: string[], stale: string[], rename: (from: string, to: string) => void): void {
  const journal: Array<[from: string, to: string]> = [];
  const move = (from: string, to: string) => {
    rename(from, to);
    journal.push([from, to]);
  };
  let current = '';
  try {
    for (const name of [...names, ...stale]) {
      current = name;
      if (exists(join(dir, name))) move(join(dir, name), join(backup, name));
      if (names.includes(name)) move(join(staging, name), join(dir, name));
    }
    fsyncDirectory(dir);
  } catch (error) {
    const reason = describeFsError(error);
    const failedRollback = rollBack(journal, rename);
    if (failedRollback) {
      throw new OutputError(
        `cannot replace ${current} in ${dir} (${reason}), and putting the previous reports back failed too (${failedRollback}): ${dir} now mixes old and new files; the previous ones that could not be restored are in ${backup}`,
        4,
      );
    }
    fsyncQuietly(dir);
    const leftover = removeAll([staging, backup]);
    throw new OutputError(`cannot replace ${current} in ${dir}: ${reason}; the previous reports were put back unchanged${leftover}`);
  }
}

/** Undoes the renames newest first; returns why the first undo failed, or '' when all succeeded. */
function rollBack(journal: Array<[from: string, to: string]>, rename: (from: string, to: string) => void): string {
  let failure = '';
  for (const [from, to] of [...journal].reverse()) {
    try {
      rename(to, from);
    } catch (error) {
      // Keep going: every file that can be restored should be.
      failure ||= `${to}: ${describeFsError(error)}`;
    }
  }
  return failure;
}

/**
 * A report name taken by a directory (or anything but a file or symlink) is not ours to move
 * away: the backup would later be deleted with whatever the user keeps in it.
 */
function checkReplaceable(dir: string, name: string): void {
  const path = join(dir, name);
  if (!exists(path)) return;
  const stat = lstatSync(path);
  if (!stat.isFile() && !stat.isSymbolicLink()) throw new Error(`${path} is ${stat.isDirectory() ? 'a directory' : 'not a regular file'}, which cafscan does not replace`);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Removes our scratch directories; returns '' or a clause naming what could not be removed. */
function removeAll(paths: string[]): string {
  const left = paths.filter((path) => {
    try {
      rmSync(path, { recursive: true, force: true });
      return false;
    } catch {
      return true;
    }
  });
  return left.length ? `; could not remove ${left.join(', ')}` : '';
}

/** A failed first write leaves no empty output directory behind (only what this call created, only if empty). */
function removeCreated(created: string | undefined, dir: string): void {
  if (!created) return;
  try {
    for (let path = resolve(dir); path.startsWith(resolve(created)); path = dirname(path)) {
      rmdirSync(path);
      if (path === resolve(created)) break;
    }
  } catch {
    // Not empty (another process wrote there) or gone: nothing of ours to remove.
  }
}

function fsyncQuietly(dir: string): void {
  try {
    fsyncDirectory(dir);
  } catch {
    // The rollback itself succeeded; a failed directory sync must not hide the original error.
  }
}
