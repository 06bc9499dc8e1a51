// Compiles policies/ to WebAssembly and writes the shipped bundle:
//   policy-bundle/policy.wasm    — the compiled policy (evaluated with @open-policy-agent/opa-wasm)
//   policy-bundle/catalog.json   — control metadata + routing, from the METADATA annotations
// The bundle is committed so that running cafscan never needs the opa CLI; a test fails when it
// is stale against the Rego sources (catalog.json records their hash).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OPA_VERSION, ensureOpa, repoRoot } from './opa-cli.mjs';
import { readCatalog, sourceHash } from './policy-catalog.mjs';

const opa = ensureOpa();
let catalog;
try {
  catalog = readCatalog(opa);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'cafscan-policy-'));
try {
  const tarball = join(work, 'bundle.tar.gz');
  execFileSync(opa, ['build', '-t', 'wasm', '-e', 'cafscan/main/findings', '-e', 'cafscan/redaction/paths', '--ignore', '*_test.rego', '-o', tarball, 'policies'], { cwd: repoRoot, stdio: 'inherit' });
  const wasm = extractFromTar(gunzipSync(readFileSync(tarball)), '/policy.wasm');
  const outDir = join(repoRoot, 'policy-bundle');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'policy.wasm'), wasm);
  const shipped = { opaVersion: OPA_VERSION, sourceHash: sourceHash(), entrypoint: 'cafscan/main/findings', redactionEntrypoint: 'cafscan/redaction/paths', ...catalog };
  writeFileSync(join(outDir, 'catalog.json'), `${JSON.stringify(shipped, null, 2)}\n`);
  console.log(`policy-bundle: ${catalog.controls.length} controls, policy.wasm ${wasm.length} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Minimal ustar reader: opa's bundle is a plain tar of a few files. */
function extractFromTar(tar, wanted) {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar.subarray(offset, offset + 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.subarray(offset + 124, offset + 136).toString('utf8').replace(/\0.*$/s, '').trim(), 8);
    if (name === wanted || `/${name}` === wanted) return Buffer.from(tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} not found in the opa bundle`);
}
