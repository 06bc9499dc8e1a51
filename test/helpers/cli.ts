import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const cafscanBin = join(repoRoot, 'bin', 'cafscan.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real executable as a user would (a child process, CI-like quiet environment). */
export function runCli(args: string[], options: { cwd?: string } = {}): CliRun {
  const run = spawnSync(process.execPath, [cafscanBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function tempDir(prefix = 'cafscan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
