import { beforeAll, describe, expect, it } from 'vitest';
import { PolicyRunner, compilePolicy, describeError } from '../../src/engine/policy-runner.js';
import { buildFaultFixture } from '../helpers/fixture-policy.js';

const encode = (value: unknown): ArrayBuffer => new TextEncoder().encode(JSON.stringify(value)).buffer;
const ENTRYPOINT = 'cafscan/main/findings';
const data = encode({ cafscan_catalog: { routing: { T: [{ package: 'fixture_tagged', id: 'FX-TAGGED' }, { package: 'fixture_throws', id: 'FX-THROWS' }] } } });
const resource = (mode: string, extra: Record<string, unknown> = {}) => encode({ resource: { type: 'T', name: 'r', tags: {}, configuration: { mode, ...extra } } });
const verdicts = [
  { controlId: 'FX-TAGGED', status: 'fail', messages: ['no owner tag'] },
  { controlId: 'FX-THROWS', status: 'fail', messages: ['mode is off'] },
];
const sorted = (value: unknown) => [...(value as Array<{ controlId: string }>)].sort((a, b) => a.controlId.localeCompare(b.controlId));

let wasm: Uint8Array;
beforeAll(() => {
  wasm = buildFaultFixture();
});

describe('PolicyRunner', () => {
  it('survives opa_malloc failing (memory exhausted inside wasm) and a failed memory grow, with a fresh instance', async () => {
    // 4 MiB at most: a 1 MB input fits in memory but its parsed form does not.
    const runner = await PolicyRunner.load(wasm, data, { initial: 48, maximum: 64 });
    const big = (n: number) => resource('off', { x: Array.from({ length: n }, (_, i) => `v${i}`) });
    expect(runner.evaluate(big(100_000), ENTRYPOINT)).toEqual({ ok: false, error: 'opa_malloc: failed' });
    expect(runner.evaluate(big(600_000), ENTRYPOINT)).toEqual({ ok: false, error: expect.stringMatching(/^RangeError: .*Maximum memory size exceeded/) });
    const after = runner.evaluate(resource('off'), ENTRYPOINT);
    expect(after.ok && sorted(after.value)).toEqual(verdicts);
    expect(runner.restarts).toBe(2);
  });

  it('gives the same verdicts after thousands of errors as before any', async () => {
    // Measured with this fixture: one opa-wasm instance reused after errors traps ("memory access
    // out of bounds") on every evaluation from the 4,092nd error on. Small memory: restarts cost
    // ~2.5 ms each here (~12 ms with the engine's 64 MiB minimum).
    const runner = await PolicyRunner.load(wasm, data, { initial: 48, maximum: 65536 });
    for (let i = 0; i < 4200; i++) expect(runner.evaluate(resource('sprintf'), ENTRYPOINT).ok).toBe(false);
    const after = runner.evaluate(resource('off'), ENTRYPOINT);
    expect(after.ok && sorted(after.value)).toEqual(verdicts);
  });

  it('loads a context shared between threads (SharedArrayBuffer) on start and on every restart', async () => {
    const shared = new SharedArrayBuffer(data.byteLength);
    new Uint8Array(shared).set(new Uint8Array(data));
    const sharing = PolicyRunner.fromModule(await compilePolicy(wasm), shared, { initial: 48, maximum: 65536 });
    // The routing lives in the context: read as "{}", no control would be routed and the result would be empty.
    const first = sharing.evaluate(resource('off'), ENTRYPOINT);
    expect(first.ok && sorted(first.value)).toEqual(verdicts);
    expect(sharing.evaluate(resource('sprintf'), ENTRYPOINT).ok).toBe(false);
    const afterRestart = sharing.evaluate(resource('off'), ENTRYPOINT);
    expect(afterRestart.ok && sorted(afterRestart.value)).toEqual(verdicts);
    expect(sharing.restarts).toBe(1);
  });

  it('describes errors in one bounded line', () => {
    expect(describeError('opa_abort: x')).toBe('opa_abort: x');
    expect(describeError(new SyntaxError('[sprintf] unexpected\nplaceholder'))).toBe('SyntaxError: [sprintf] unexpected placeholder');
    expect(describeError(new Error('plain'))).toBe('plain');
    expect(describeError(new Error('x'.repeat(1000)))).toHaveLength(300);
  });
});
