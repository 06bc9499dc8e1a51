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
    // No real AWS: no instance-metadata lookups, no shared config or credentials from this machine.
    env: { ...withoutAws(process.env), CI: 'true', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/cafscan-test', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cafscan-test' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function tempDir(prefix = 'cafscan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function withoutAws(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|DEFAULT_PROFILE|ROLE_ARN|WEB_IDENTITY_TOKEN_FILE|CONTAINER_CREDENTIALS_\w+)$/.test(key)));
}
