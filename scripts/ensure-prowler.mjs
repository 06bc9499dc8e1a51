// Makes sure the pinned Prowler is installed for `npm run second-opinion`: a peer scanner run
// against the same moto-emulated account as cafscan, so that verdicts that differ are found and
// explained (test-peer/). Prowler goes into a virtual environment of its own under .tools/prowler
// (its pinned boto3 and pydantic would clash with moto's in the system Python); installed once,
// reinstalled when the pinned version changes. Prints the prowler executable's path.
//
// The version is the one rules/prowler-aws-ai-checks.yaml was read from, so the check ids and
// titles compared are the ones the crosswalk names.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROWLER_VERSION = '5.40.0';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(repoRoot, '.tools', 'prowler');
export const PROWLER_BIN = join(venv, 'bin', 'prowler');
const python = process.env.PYTHON ?? 'python3';

function installedVersion() {
  if (!existsSync(PROWLER_BIN)) return null;
  const run = spawnSync(join(venv, 'bin', 'python'), ['-c', 'from importlib.metadata import version; print(version("prowler"))'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

function fail(message) {
  console.error(`cafscan: ${message}`);
  process.exit(1);
}

export function ensureProwler() {
  if (installedVersion() === PROWLER_VERSION) return PROWLER_BIN;
  process.stderr.write(`installing prowler==${PROWLER_VERSION} into .tools/prowler with pip (one time, a few minutes)…\n`);
  if (!existsSync(join(venv, 'bin', 'python'))) {
    const made = spawnSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
    if (made.status !== 0) fail(`could not create a Python virtual environment at ${venv} (${python} -m venv)`);
  }
  const pip = spawnSync(join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', `prowler==${PROWLER_VERSION}`], { stdio: 'inherit' });
  if (pip.status !== 0 || installedVersion() !== PROWLER_VERSION) fail(`could not install prowler==${PROWLER_VERSION} (needed by npm run second-opinion)`);
  return PROWLER_BIN;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureProwler());
