// Makes sure the published OCSF schema the OCSF reporter is tested against is on this machine.
//
// The OCSF project publishes each version's schema as one JSON export (schema.ocsf.io/<v>/export/
// schema). The PyPI package ocsf-json-schema carries those exports unchanged (Apache-2.0, from
// the OCSF project) and turns a class of one into a JSON Schema (draft 2020-12) with every
// object it references embedded. This script downloads that package at a pinned version and
// hash with pip, writes the Detection Finding schema (cloud profile) and the raw export into a
// cache under node_modules/.cache (gitignored), and does nothing on later runs: offline after
// the first. Prints the cache directory on stdout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OCSF_VERSION = '1.6.0';
const PACKAGE = 'ocsf-json-schema';
const PACKAGE_VERSION = '1.2.0';
const WHEEL_SHA256 = '64d819042d20c3c04bc0d024c7c47c41006ebbe0209ce768ba6efa1240106708';
const python = process.env.PYTHON ?? 'python3';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'cafscan-ocsf', `${PACKAGE}-${PACKAGE_VERSION}`, OCSF_VERSION);
const wanted = ['detection_finding.cloud.schema.json', 'export.json'];

function fail(message) {
  console.error(`cafscan: could not prepare the OCSF ${OCSF_VERSION} schema: ${message}`);
  process.exit(1);
}

if (!wanted.every((name) => existsSync(join(cache, name)))) {
  process.stderr.write(`downloading ${PACKAGE}==${PACKAGE_VERSION} (the OCSF ${OCSF_VERSION} schema) with pip (one time)…\n`);
  // Built in a scratch directory beside the cache and renamed into place: an interrupted run leaves no half cache.
  const work = `${cache}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const pip = spawnSync(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--dest', work, `${PACKAGE}==${PACKAGE_VERSION}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (pip.status !== 0) fail(`pip download ${PACKAGE}==${PACKAGE_VERSION} failed`);
  const wheel = readdirSync(work).find((name) => name.endsWith('.whl'));
  if (!wheel) fail('pip downloaded no wheel');
  const digest = createHash('sha256').update(readFileSync(join(work, wheel))).digest('hex');
  if (digest !== WHEEL_SHA256) fail(`${wheel} has SHA-256 ${digest}, expected ${WHEEL_SHA256}`);
  // The generator, run from the unpacked wheel (it reads its bundled exports next to its code).
  const generate = [
    'import json, os, shutil, sys, zipfile',
    'wheel, out, version = sys.argv[1], sys.argv[2], sys.argv[3]',
    "src = os.path.join(out, 'src')",
    'zipfile.ZipFile(wheel).extractall(src)',
    'sys.path.insert(0, src)',
    'from ocsf_json_schema import get_ocsf_schema, OcsfJsonSchemaEmbedded',
    'export = get_ocsf_schema(version=version)',
    "schema = OcsfJsonSchemaEmbedded(export).get_class_schema('detection_finding', ['cloud'])",
    "json.dump(schema, open(os.path.join(out, 'detection_finding.cloud.schema.json'), 'w'), indent=1)",
    "shutil.copyfile(os.path.join(src, 'ocsf_json_schema', 'ocsf', version + '.json'), os.path.join(out, 'export.json'))",
    "shutil.copyfile(os.path.join(src, 'ocsf_json_schema', 'ocsf', 'LICENSE.txt'), os.path.join(out, 'OCSF-LICENSE.txt'))",
    'shutil.rmtree(src)',
  ].join('\n');
  const run = spawnSync(python, ['-c', generate, join(work, wheel), work, OCSF_VERSION], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) fail('generating the Detection Finding JSON Schema failed');
  rmSync(join(work, wheel));
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(dirname(cache), { recursive: true });
  renameSync(work, cache);
}
process.stdout.write(`${cache}\n`);
