import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { JS_BUILTINS, lintRego } from '../../scripts/lint-rego.mjs';
import { policyBundleDir } from '../../src/controls/catalog.js';
import { ensureOpa } from '../../scripts/opa-cli.mjs';
import { buildWasm } from '../../scripts/wasm-bundle.mjs';

// A builtin is either compiled into policy.wasm (OPA's own C implementation, the same semantics
// as Go's) or imported from JavaScript: opa-wasm implements a few in JS, with other libraries
// (sprintf-js, yaml) that differ from OPA's Go ones — and any builtin neither implements is
// imported too and throws "not implemented" when called. `opa test` runs Go and sees none of it.
//
// What opa-wasm 1.10.0 implements in JS (src/builtins): sprintf (sprintf-js: throws on %q, on %v
// of null, on %d of a non-number), json.is_valid, regex.split (JS RegExp, not RE2),
// yaml.is_valid / yaml.marshal / yaml.unmarshal (yaml 1.x). Each call also leaves wasm: sprintf
// alone was a third of evaluation time (issue 11). So the shipped bundle imports no builtin at
// all: messages are built with concat, lib.text and format_int (docs/writing-controls.md).
// OPA 1.22's wasm compiles json.is_valid natively: the module imports only what it lacks, and
// that is what this test reads. Rego unit tests (*_test.rego) may still call sprintf: they run
// in opa-wasm only through scripts/build-test-wasm.mjs, never in a scan.
const OPA_WASM_VERSION = '1.10.0';

const require = createRequire(import.meta.url);
const opaWasmDir = join(dirname(require.resolve('@open-policy-agent/opa-wasm')), '..');

interface ModuleExports {
  builtins(): number;
  opa_json_dump(address: number): number;
}

/** The builtins the module imports from JavaScript: the map the module itself declares. */
async function importedBuiltins(wasm: Uint8Array): Promise<string[]> {
  const policy = await loadPolicy(wasm, { initial: 256, maximum: 65536 });
  const exports = (policy.wasmInstance as unknown as { exports: ModuleExports }).exports;
  const address = exports.opa_json_dump(exports.builtins());
  const memory = new Uint8Array(policy.mem.buffer);
  const end = memory.indexOf(0, address);
  return Object.keys(JSON.parse(new TextDecoder().decode(memory.subarray(address, end))) as Record<string, number>).sort();
}

describe('builtins the shipped engine takes from JavaScript', () => {
  it('is the opa-wasm version these notes audited (an upgrade changes the JS implementations: audit again)', () => {
    expect((JSON.parse(readFileSync(join(opaWasmDir, 'package.json'), 'utf8')) as { version: string }).version).toBe(OPA_WASM_VERSION);
    const jsImplemented = Object.keys(require(join(opaWasmDir, 'src', 'builtins', 'index.js')) as Record<string, unknown>).sort();
    expect(jsImplemented).toEqual(['json.is_valid', 'regex.split', 'sprintf', 'yaml.is_valid', 'yaml.marshal', 'yaml.unmarshal']);
  });

  it('imports no builtin into policy-bundle/policy.wasm (none from JavaScript, none opa-wasm lacks)', async () => {
    const imported = await importedBuiltins(readFileSync(join(policyBundleDir, 'policy.wasm')));
    expect(imported, 'builtins policy.wasm takes from JavaScript: write them in native Rego').toEqual([]);
  });

  it('would see an import: a module that calls sprintf declares it', async () => {
    // The check above reads the module's own builtins map; this shows the map is not empty by
    // construction when a policy does call a JavaScript builtin.
    const dir = mkdtempSync(join(tmpdir(), 'cafscan-audit-'));
    try {
      writeFileSync(join(dir, 'p.rego'), 'package p\n\nmsg := sprintf("%s", [input.x])\n');
      const wasm = buildWasm(ensureOpa({ quiet: true }), ['p/msg'], [dir], { quiet: true });
      expect(await importedBuiltins(wasm)).toEqual(['sprintf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lints every JavaScript builtin opa-wasm implements, except the one OPA compiles natively', () => {
    const jsImplemented = Object.keys(require(join(opaWasmDir, 'src', 'builtins', 'index.js')) as Record<string, unknown>);
    expect([...JS_BUILTINS].sort()).toEqual(jsImplemented.filter((name) => name !== 'json.is_valid').sort());
    expect(lintRego().violations.filter((v) => v.rule === 'js-builtin').map((v) => `${v.file}:${v.line}: ${v.code}`)).toEqual([]);
  });
});
