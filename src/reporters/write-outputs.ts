import { lstatSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { OutputError } from '../errors.js';
import { withStopSignalsDeferred } from './defer-signals.js';
import { describeFsError, fsyncDirectory, type OutputContent } from './durable-file.js';
import { removeAll, StagedSet } from './staged-set.js';

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

export { BACKUP_PREFIX, STAGING_PREFIX } from './staged-set.js';

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
  return withStopSignalsDeferred(() => {
    const set = StagedSet.open(dir);
    for (const [name, content] of files) {
      set.guard(name, () => {
        const file = set.file(name);
        if (typeof content === 'string') file.write(content);
        else for (const piece of content()) file.write(piece);
        file.close();
      });
    }
    return commitSet(set, options);
  });
}

/**
 * The second half for reports already written into `set` while the scan ran (runScan): checks
 * that every name can be replaced, then swaps the set in as writeOutputs does. A stop signal
 * during the swap takes effect once the set is whole.
 */
export function commitStaged(set: StagedSet, options: WriteOptions = {}): WriteResult {
  return withStopSignalsDeferred(() => commitSet(set, options));
}

function commitSet(set: StagedSet, options: WriteOptions): WriteResult {
  const { dir, staging, backup } = set;
  const rename = options.rename ?? renameSync;
  const names = set.names;
  set.finishAll();
  const stale = set.guard('', () => {
    fsyncDirectory(staging);
    for (const name of names) checkReplaceable(dir, name);
    // Only files (or symlinks) go with the old set: a directory that happens to bear a report's
    // name is the user's, and this set does not need its name.
    return options.isStale ? readdirSync(dir).filter((name) => !names.includes(name) && options.isStale!(name) && isFileOrLink(dir, name)) : [];
  });
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

function isFileOrLink(dir: string, name: string): boolean {
  const stat = lstatSync(join(dir, name));
  return stat.isFile() || stat.isSymbolicLink();
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

function fsyncQuietly(dir: string): void {
  try {
    fsyncDirectory(dir);
  } catch {
    // The rollback itself succeeded; a failed directory sync must not hide the original error.
  }
}
