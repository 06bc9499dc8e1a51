import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_INITIAL_PAGES, MAX_PAGES, memoryFor } from '../../src/engine/wasm-memory.js';
import { PolicyRunner } from '../../src/engine/policy-runner.js';
import { loadCatalog, policyBundleDir } from '../../src/controls/catalog.js';

const WASM_PAGE = 64 * 1024;
const encode = (value: unknown): ArrayBuffer => new TextEncoder().encode(JSON.stringify(value)).buffer;
/** The smallest context size (bytes) for which memoryFor's formula asks for at least `pages`. */
const contextAsking = (pages: number): number => Math.floor(((pages - 1) * WASM_PAGE - 64 * 1024 * 1024) / 24) + 1;

describe('memoryFor at the 4 GiB boundary', () => {
  it('grows with the context below the cap', () => {
    const justBelow = contextAsking(MAX_INITIAL_PAGES) - 1;
    expect(memoryFor(justBelow)).toEqual({ initial: MAX_INITIAL_PAGES - 1, maximum: MAX_PAGES });
    expect(memoryFor(0)).toEqual({ initial: 1024, maximum: MAX_PAGES });
  });

  it('never asks for exactly 65,536 initial pages, however large the context', () => {
    expect(MAX_INITIAL_PAGES).toBe(65535);
    for (const bytes of [contextAsking(MAX_INITIAL_PAGES), contextAsking(MAX_PAGES) - 1, contextAsking(MAX_PAGES), contextAsking(MAX_PAGES) + 1, 177_000_000, 300_000_000, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
      expect(memoryFor(bytes), String(bytes)).toEqual({ initial: MAX_INITIAL_PAGES, maximum: MAX_PAGES });
    }
    // The boundary the formula crosses: these are the sizes where the old cap returned 65,536.
    expect(Math.ceil((contextAsking(MAX_PAGES) * 24 + 64 * 1024 * 1024) / WASM_PAGE)).toBe(MAX_PAGES);
    expect(Math.ceil(((contextAsking(MAX_PAGES) - 1) * 24 + 64 * 1024 * 1024) / WASM_PAGE)).toBe(MAX_INITIAL_PAGES);
  });
});

describe('the shipped policy at the largest initial memory', () => {
  const catalog = loadCatalog();
  const context = encode({ cafscan_catalog: { routing: catalog.routing }, inventory: { resources: {}, by_account: {} } });
  // A bucket with no settings recorded: every S3 control answers (not_evaluated or a verdict).
  const input = encode({
    resource: { type: 'AWS::S3::Bucket', arn: 'arn:aws:s3:::models', id: 'models', name: 'models', accountId: '123456789012', region: 'us-east-1', tags: {}, configuration: {} },
    scan: { time: '2026-01-01T00:00:00.000Z', time_ns: 1767225600000000000 },
    links: ['model'],
    all_resources: true,
  });
  let wasm: Uint8Array;
  let expected: unknown;
  beforeAll(async () => {
    wasm = readFileSync(join(policyBundleDir, 'policy.wasm'));
    const small = await PolicyRunner.load(wasm, context, { initial: 1024, maximum: MAX_PAGES });
    const result = small.evaluate(input, catalog.entrypoint);
    expect(result.ok).toBe(true);
    expected = result.ok ? result.value : undefined;
    expect((expected as unknown[]).length).toBe(catalog.routing['AWS::S3::Bucket']?.length);
  });

  // Reserving 4 GiB is virtual: pages never written are never resident, so this is cheap.
  it('evaluates a resource with 65,535 initial pages, exactly as with a small memory', async () => {
    const runner = await PolicyRunner.load(wasm, context, memoryFor(Number.MAX_SAFE_INTEGER));
    expect(runner.evaluate(input, catalog.entrypoint)).toEqual({ ok: true, value: expected });
    expect(runner.restarts).toBe(0);
  });

  it('cannot even load the context with 65,536 initial pages (why the cap is one page lower)', async () => {
    await expect(PolicyRunner.load(wasm, context, { initial: MAX_PAGES, maximum: MAX_PAGES })).rejects.toBe('opa_malloc: failed');
  });
});
