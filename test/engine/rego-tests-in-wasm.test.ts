import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestWasm, type RegoTest } from '../../scripts/build-test-wasm.mjs';
import { regoSources } from '../../scripts/policy-catalog.mjs';
import { PolicyRunner } from '../../src/engine/policy-runner.js';
import { TEST_ONLY_BUILTINS } from '../helpers/rego-test-builtins.js';

// The shipped engine is the tested engine: every Rego unit test (each control's fail / pass /
// not-applicable cases, through the real router) is evaluated in @open-policy-agent/opa-wasm, the
// engine users run, and must give the verdict `opa test` (Go) gives. Builtins implemented in
// JavaScript differ from Go's (sprintf("%q") throws in wasm); `opa test` alone cannot see that.

type WasmVerdict = 'pass' | 'fail' | `error: ${string}`;
interface Run {
  tests: RegoTest[];
  wasm: Map<string, WasmVerdict>;
}
let run: Run;

beforeAll(async () => {
  const built = buildTestWasm(mkdtempSync(join(tmpdir(), 'cafscan-rego-wasm-')), { quiet: true });
  const data = readFileSync(built.data);
  // PolicyRunner is the engine's own evaluator: a fresh instance after each error, so that one
  // erroring test cannot corrupt the verdicts of the next ones.
  const runner = await PolicyRunner.load(readFileSync(built.wasm), data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), { initial: 1024, maximum: 65536 }, TEST_ONLY_BUILTINS);
  const empty = new TextEncoder().encode('{}').buffer;
  const wasm = new Map<string, WasmVerdict>();
  for (const test of built.tests) {
    const result = runner.evaluate(empty, test.entrypoint);
    // A test passes when its rule is true; undefined (no result) is a failure, as in opa test.
    wasm.set(test.entrypoint, !result.ok ? `error: ${result.error}` : result.value === true ? 'pass' : 'fail');
  }
  run = { tests: built.tests, wasm };
  // ~20 s on a quiet 2-core machine (three opa runs: the catalog, opa test, the build); measured
  // past 180 s at load 10-14. A slow shared CI runner must not turn that into a red build.
}, 600_000);

describe('Rego unit tests in opa-wasm', () => {
  it('covers every test rule in the sources (none dropped, none skipped)', () => {
    const declared = new Set<string>();
    for (const file of regoSources({ includeTests: true }).filter((f) => f.endsWith('_test.rego'))) {
      const source = readFileSync(file, 'utf8');
      const pkg = /^package\s+(\S+)/m.exec(source)?.[1];
      for (const [, name] of source.matchAll(/^(test_\w+)/gm)) declared.add(`data.${pkg}.${name}`);
    }
    expect(declared.size).toBeGreaterThan(700);
    expect(new Set(run.tests.map((t) => `${t.package}.${t.name}`))).toEqual(declared);
    expect(run.tests.filter((t) => t.go === 'skip').map((t) => t.entrypoint)).toEqual([]);
  });

  it('gives opa test\'s verdict for every rule, without a runtime error', () => {
    const differences = run.tests
      .map((t) => ({ rule: `${t.package}.${t.name}`, at: `${t.file}:${t.row}`, opaTest: t.goError ? `error: ${t.goError}` : t.go, wasm: run.wasm.get(t.entrypoint) }))
      .filter((d) => d.wasm !== d.opaTest || d.wasm !== 'pass');
    // Names each rule that errors or differs in wasm (or fails in both: then opa test says why).
    expect(differences).toEqual([]);
  });
});
