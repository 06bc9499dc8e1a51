// Compiles policies/ to WebAssembly and writes the shipped bundle:
//   policy-bundle/policy.wasm    — the compiled policy (evaluated with @open-policy-agent/opa-wasm)
//   policy-bundle/catalog.json   — control metadata + routing, from the METADATA annotations
// The bundle is committed so that running cafscan never needs the opa CLI; a test fails when it
// is stale against the Rego sources (catalog.json records their hash).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPA_VERSION, ensureOpa, repoRoot } from './opa-cli.mjs';
import { readCatalog, sourceHash } from './policy-catalog.mjs';
import { buildWasm } from './wasm-bundle.mjs';

const opa = ensureOpa();
let catalog;
try {
  catalog = readCatalog(opa);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const wasm = buildWasm(opa, ['cafscan/main/findings', 'cafscan/redaction/paths'], ['policies'], { ignore: ['*_test.rego'] });
const outDir = join(repoRoot, 'policy-bundle');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'policy.wasm'), wasm);
const shipped = { opaVersion: OPA_VERSION, sourceHash: sourceHash(), entrypoint: 'cafscan/main/findings', redactionEntrypoint: 'cafscan/redaction/paths', ...catalog };
writeFileSync(join(outDir, 'catalog.json'), `${JSON.stringify(shipped, null, 2)}\n`);
console.log(`policy-bundle: ${catalog.controls.length} controls, policy.wasm ${wasm.length} bytes`);
