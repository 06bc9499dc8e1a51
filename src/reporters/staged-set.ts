import { mkdirSync, mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { describeFsError, StagedFile } from './durable-file.js';
import { cleanUpOnStopSignals } from './defer-signals.js';

/** Prefixes of our scratch directories inside the output directory (hidden, removed before returning). */
export const STAGING_PREFIX = '.cafscan-new-';
export const BACKUP_PREFIX = '.cafscan-previous-';

/**
 * The staging half of replacing a report set: a scratch directory inside the output directory
 * (so the final renames stay on one filesystem) where each report is written while the scan
 * still runs, plus the backup directory the swap will need (made up front: a full disk fails
 * here, before any report is touched). Nothing of the user's is touched until `commit` in
 * write-outputs.ts; any failure before then removes what was made and says the directory was
 * left as it was.
 */
export class StagedSet {
  readonly staging: string;
  readonly backup: string;
  private readonly files = new Map<string, StagedFile>();
  private current = '';

  private constructor(
    readonly dir: string,
    private readonly created: string | undefined,
  ) {
    try {
      this.staging = mkdtempSync(join(dir, STAGING_PREFIX));
    } catch (error) {
      throw this.unchanged(`to ${dir}`, error);
    }
    try {
      this.backup = mkdtempSync(join(dir, BACKUP_PREFIX));
    } catch (error) {
      throw this.unchanged(`to ${dir}`, error, [this.staging]);
    }
  }

  static open(dir: string): StagedSet {
    let created: string | undefined;
    try {
      created = mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new InputError(`cannot create output directory ${dir}: ${describeFsError(error)}`);
    }
    return new StagedSet(dir, created);
  }

  /** The names staged so far, in the order they were opened (the order they are swapped in). */
  get names(): string[] {
    return [...this.files.keys()];
  }

  /** A new report file in the staging directory, written piece by piece. */
  file(name: string): StagedFile {
    return this.guard(name, () => {
      const file = new StagedFile(join(this.staging, name));
      this.files.set(name, file);
      return file;
    });
  }

  /** A private working directory inside staging (spilled parts of a report), removed with it. */
  workDir(name: string): string {
    return this.guard('', () => {
      const path = join(this.staging, `.${name}`);
      mkdirSync(path);
      return path;
    });
  }

  /**
   * Runs a step of writing `name`; a file-system failure becomes the error the user sees (exit 3,
   * the output directory left as it was) and the scratch directories are removed.
   */
  guard<T>(name: string, step: () => T): T {
    this.current = name;
    try {
      return step();
    } catch (error) {
      if (error instanceof OutputError || error instanceof InputError) throw error;
      throw this.unchanged(name ? `${name} in ${this.dir}` : `to ${this.dir}`, error);
    } finally {
      this.current = '';
    }
  }

  /** Every staged file complete and fsync'd (called by the commit). */
  finishAll(): void {
    for (const [name, file] of this.files) this.guard(name, () => file.close());
  }

  /** Before the swap nothing of the user's was touched: remove what we made and say so. */
  unchanged(what: string, error: unknown, scratch: string[] = this.scratch()): OutputError {
    for (const file of this.files.values()) file.discard();
    const leftover = removeAll(scratch);
    removeCreated(this.created, this.dir);
    return new OutputError(`cannot write ${what}: ${describeFsError(error)}; the output directory was left as it was${leftover}`);
  }

  /** Gives up (the scan failed or was stopped): removes the scratch directories. Idempotent. */
  abort(): void {
    for (const file of this.files.values()) file.discard();
    removeAll(this.scratch());
    removeCreated(this.created, this.dir);
  }

  /** The file being written when a failure happened ('' between files). */
  get writing(): string {
    return this.current;
  }

  private scratch(): string[] {
    // Called from the constructor too, before both exist.
    return [this.staging, this.backup].filter((path): path is string => path !== undefined);
  }
}

/** Removes our scratch directories; returns '' or a clause naming what could not be removed. */
export function removeAll(paths: string[]): string {
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

/**
 * The staging set of a run that writes a report set, with the stop-signal cleanup registered
 * before the staging directory exists: a Ctrl-C or SIGTERM the moment it appears must find the
 * listener, or the half-written set would stay. `release` removes the listener (also when the
 * open fails, before the error goes on).
 */
export function openStagedWithCleanup(outputDir: string): { staged: StagedSet; release: () => void } {
  let opened: StagedSet | undefined;
  const release = cleanUpOnStopSignals(() => opened?.abort());
  try {
    opened = StagedSet.open(outputDir);
  } catch (error) {
    release();
    throw error;
  }
  return { staged: opened, release };
}
