// Locates the pinned opa CLI (build and test time only; the scanner never needs it) and
// installs it with `go install` into .tools/bin when missing or of another version.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPA_VERSION = '1.22.2';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsBin = join(repoRoot, '.tools', 'bin');

function versionOf(binary) {
  const run = spawnSync(binary, ['version'], { encoding: 'utf8' });
  if (run.status !== 0) return null;
  return /^Version:\s*(\S+)/m.exec(run.stdout)?.[1] ?? null;
}

export function findOpa() {
  const candidates = [process.env.OPA_BIN, join(toolsBin, 'opa'), 'opa'].filter(Boolean);
  return candidates.find((candidate) => versionOf(candidate) === OPA_VERSION) ?? null;
}

export function ensureOpa({ quiet = false } = {}) {
  const found = findOpa();
  if (found) return found;
  if (spawnSync('go', ['version']).status !== 0) {
    throw new Error(`opa ${OPA_VERSION} is not installed and Go is not available to install it`);
  }
  if (!quiet) process.stderr.write(`installing opa v${OPA_VERSION} with go install (one time, a few minutes)…\n`);
  mkdirSync(toolsBin, { recursive: true });
  execFileSync('go', ['install', `github.com/open-policy-agent/opa@v${OPA_VERSION}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOBIN: toolsBin, CGO_ENABLED: '0' },
  });
  const installed = join(toolsBin, 'opa');
  if (!existsSync(installed) || versionOf(installed) !== OPA_VERSION) throw new Error('opa install did not produce the pinned version');
  return installed;
}
