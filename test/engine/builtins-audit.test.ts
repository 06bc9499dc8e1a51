import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { lintRego } from '../../scripts/lint-rego.mjs';
import { policyBundleDir } from '../../src/controls/catalog.js';

// A builtin is either compiled into policy.wasm (OPA's own C implementation, the same semantics
// as Go's) or imported from JavaScript: opa-wasm implements a few in JS, with other libraries
// (sprintf-js, yaml) that differ from OPA's Go ones — and any builtin neither implements is
// imported too and throws "not implemented" when called. `opa test` runs Go and sees none of it.
//
// What opa-wasm 1.10.0 implements in JS (src/builtins): sprintf (sprintf-js), json.is_valid,
// regex.split (JS RegExp, not RE2), yaml.is_valid / yaml.marshal / yaml.unmarshal (yaml 1.x).
// Everything else the policies call today is native: array.concat, array.slice, concat,
// contains, count, endswith, glob.match, is_*, json.is_valid, json.unmarshal, lower, min,
// object.get, object.keys, regex.match, replace, sort, split, startswith, substring, sum, trim,
// trim_space, upper (OPA 1.22's wasm compiles json.is_valid natively: the module imports only
// what it lacks, and that is what this test reads).

/** Every JS builtin the shipped bundle may import, and why that is safe. */
const AUDITED_JS_BUILTINS: Record<string, string> = {
  sprintf:
    'sprintf-js, not Go fmt. It throws on verbs it does not know (%q), on a numeric verb (%d, %f, %x…) ' +
    'given a non-number, and %v throws on null (null.valueOf()); it formats non-string values ' +
    'differently from Go (%s of an array: "a,b" vs ["a", "b"]). Safe: %s (String(x), never throws; the ' +
    'same text as Go for strings, booleans and null) and %d of a number — only these verbs are used ' +
    '(checked below, and by scripts/lint-rego.mjs in npm test); ' +
    'prefer concat/format_int for new messages.',
};
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

  it('imports only audited builtins into policy-bundle/policy.wasm', async () => {
    const imported = await importedBuiltins(readFileSync(join(policyBundleDir, 'policy.wasm')));
    expect(imported.filter((name) => !(name in AUDITED_JS_BUILTINS)), 'JS builtins (or ones opa-wasm lacks) without an audit').toEqual([]);
  });

  it('calls sprintf only with verbs that cannot throw in sprintf-js (scripts/lint-rego.mjs, rule sprintf-verb)', () => {
    const unsafe = lintRego().violations.filter((v) => v.rule === 'sprintf-verb');
    expect(unsafe.filter((v) => !v.known).map((v) => `${v.file}:${v.line}: ${v.detail}`), 'use %s / %d only, or concat / format_int').toEqual([]);
  });
});
