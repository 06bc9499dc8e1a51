// Compiles every Rego unit test (the test_* rules of policies/**/*_test.rego) to WebAssembly,
// with the same policies and the same generated routing data as the shipped bundle, and records
// opa test's (Go) verdict for each. test/engine/rego-tests-in-wasm.test.ts evaluates every rule
// in @open-policy-agent/opa-wasm — the engine users run — and fails on any verdict that differs:
// `opa test` alone passes on policies that crash in wasm (sprintf("%q") throws there).
//
// `node scripts/build-test-wasm.mjs [dir]` writes dir (default test-output/rego-wasm):
//   tests.wasm     every test rule as an entrypoint (a build artifact: never committed)
//   data.json      what the scanner passes to setData besides the inventory: the routing
//   manifest.json  [{entrypoint, package, name, file, row, go: pass|fail|error|skip, goError?}]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPA_VERSION, ensureOpa, repoRoot } from './opa-cli.mjs';
import { readCatalog, writeCatalogData } from './policy-catalog.mjs';
import { buildWasm } from './wasm-bundle.mjs';

/** Builds into outDir; returns what it wrote and the tests. */
export function buildTestWasm(outDir, { quiet = false } = {}) {
  const opa = ensureOpa({ quiet });
  const dataDir = mkdtempSync(join(tmpdir(), 'cafscan-rego-wasm-'));
  try {
    const catalog = readCatalog(opa);
    writeCatalogData(catalog, dataDir);
    const tests = goVerdicts(opa, dataDir);
    // One build with every test rule as an entrypoint: 770 entrypoints compile in ~2 s, far
    // from any limit; the routing data stays bundle data (setData), as in the shipped engine.
    const wasm = buildWasm(opa, tests.map((t) => t.entrypoint), ['policies', dataDir], { quiet: true });
    mkdirSync(outDir, { recursive: true });
    const paths = { wasm: join(outDir, 'tests.wasm'), data: join(outDir, 'data.json'), manifest: join(outDir, 'manifest.json') };
    writeFileSync(paths.wasm, wasm);
    writeFileSync(paths.data, JSON.stringify({ cafscan_catalog: { routing: catalog.routing } }));
    writeFileSync(paths.manifest, `${JSON.stringify({ opaVersion: OPA_VERSION, tests }, null, 1)}\n`);
    return { ...paths, tests };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `opa test --format json`: one entry per test rule, with Go's verdict. */
function goVerdicts(opa, dataDir) {
  // Exit status 2 only says some test failed: the verdicts are in the JSON either way.
  const run = spawnSync(opa, ['test', 'policies', dataDir, '--format', 'json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 << 20 });
  let results;
  try {
    results = JSON.parse(run.stdout);
  } catch {
    throw new Error(`opa test did not produce JSON (exit ${run.status}): ${run.stderr.trim().split('\n')[0] ?? ''}`);
  }
  return results.map((r) => ({
    entrypoint: `${r.package.replace(/^data\./, '').replaceAll('.', '/')}/${r.name}`,
    package: r.package,
    name: r.name,
    file: r.location?.file ?? null,
    row: r.location?.row ?? null,
    go: r.error ? 'error' : r.skip ? 'skip' : r.fail ? 'fail' : 'pass',
    ...(r.error ? { goError: r.error.message ?? JSON.stringify(r.error) } : {}),
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const built = buildTestWasm(resolve(process.argv[2] ?? join(repoRoot, 'test-output', 'rego-wasm')));
    const byVerdict = new Map();
    for (const t of built.tests) byVerdict.set(t.go, (byVerdict.get(t.go) ?? 0) + 1);
    const counts = [...byVerdict].map(([verdict, n]) => `${n} ${verdict}`).join(', ');
    console.log(`${built.wasm}: ${built.tests.length} test rules (opa test: ${counts})`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
