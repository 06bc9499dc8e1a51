import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCatalog, loadPolicyBundle } from '../../src/controls/catalog.js';
import type { Catalog } from '../../src/model/control.js';
import { buildContext, ContextJson } from '../../src/engine/context.js';
import { evaluateInventory, evaluateResources, type EvaluationSetup, type ResourceOutcomes } from '../../src/engine/evaluate.js';
import { addEvaluationErrors, summarizeEvaluationErrors } from '../../src/engine/evaluation-errors.js';
import { ScanError } from '../../src/errors.js';
import type { Inventory, InventoryResource } from '../../src/model/inventory.js';
import { resourceSetOf } from '../../src/inventory/resource-set.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { ensureBuiltDist } from '../helpers/built-dist.js';
import { repoRoot } from '../helpers/cli.js';
import { buildFaultFixture } from '../helpers/fixture-policy.js';

const TYPE = 'Fixture::Thing';
const catalog = {
  opaVersion: 'fixture',
  sourceHash: 'fixture',
  entrypoint: 'cafscan/main/findings',
  redactionEntrypoint: 'cafscan/redaction/paths',
  controls: [],
  routing: { [TYPE]: [{ package: 'fixture_conflict', id: 'FX-CONFLICT' }, { package: 'fixture_tagged', id: 'FX-TAGGED' }, { package: 'fixture_throws', id: 'FX-THROWS' }] },
} satisfies Catalog;

/**
 * Fixture resources whose verdicts differ with their index, so that any reordering shows; with
 * `failing`, every other one makes a control fail at run time (and the engine restart wasm).
 */
function thing(i: number, failing = true): InventoryResource {
  const mode = (failing ? ['on', 'off', 'sprintf', 'conflict'] : ['on', 'off'])[i % (failing ? 4 : 2)]!;
  return {
    type: TYPE, id: `t${i}`, arn: `arn:fixture:::thing/${i}`, name: `t${i}`, accountId: '111122223333', region: 'us-east-1', capturedAt: null,
    configuration: { mode, ...(i % 7 === 0 ? { Environment: { TOKEN: 'secret', REGION: `us-east-${i}` } } : {}) }, supplementaryConfiguration: {}, tags: i % 3 ? { owner: 'ml' } : {}, relationships: [],
  };
}

let wasm: Uint8Array;
const scanTime = new Date('2026-11-01T00:00:00Z');
const setupFor = (extra: Partial<EvaluationSetup> = {}): EvaluationSetup => ({ scanTime, contextJson: '{}', bundle: { wasm, catalog }, ...extra });

async function* counted(resources: InventoryResource[], read: { count: number }): AsyncGenerator<InventoryResource> {
  for (const resource of resources) {
    read.count++;
    yield resource;
  }
}

async function collect(resources: InventoryResource[], setup: EvaluationSetup): Promise<ResourceOutcomes[][]> {
  const chunks: ResourceOutcomes[][] = [];
  for await (const chunk of evaluateResources(counted(resources, { count: 0 }), setup)) chunks.push(chunk);
  return chunks;
}

beforeAll(() => {
  ensureBuiltDist();
  wasm = buildFaultFixture();
});

describe('evaluateResources', () => {
  const things = Array.from({ length: 120 }, (_, i) => thing(i));

  it('yields the same outcomes in input order whatever the worker count and chunk size', async () => {
    const reference = (await collect(things, setupFor())).flat();
    expect(reference.map((r) => r.resource.arn)).toEqual(things.map((t) => t.arn));
    // The fixture's runtime errors (sprintf, conflict) are in the reference, isolated per control.
    expect(reference.filter((r) => r.errors).length).toBe(60);
    expect(reference.filter((r) => r.secretPaths.length).length).toBe(18);
    for (const [workers, chunkSize] of [[2, 1], [2, 7], [3, 10], [3, 500]] as const) {
      const chunks = await collect(things, setupFor({ workers, chunkSize }));
      expect(chunks.map((c) => c.length)).toEqual(chunkLengths(things.length, chunkSize));
      expect(chunks.flat()).toEqual(reference);
      // results.json's error summary, added up chunk by chunk, is the whole scan's.
      expect(chunks.reduce(addEvaluationErrors, { count: 0, sample: [] })).toEqual(summarizeEvaluationErrors(reference));
    }
  });

  it('gives the demo the same outcomes on a pool of workers as in the calling thread', async () => {
    const demo = await loadInputs([join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json')]);
    const inThread = await evaluateInventory(demo, { bundle: loadPolicyBundle(), scanTime, allResources: true });
    expect(inThread.length).toBeGreaterThan(50);
    expect(await evaluateInventory(demo, { bundle: loadPolicyBundle(), scanTime, allResources: true, workers: 3 })).toEqual(inThread);
    const set = resourceSetOf(demo);
    const contextJson = JSON.stringify(buildContext(demo, loadCatalog()));
    const pooled: ResourceOutcomes[] = [];
    for await (const chunk of evaluateResources(set.resources(), { bundle: loadPolicyBundle(), scanTime, allResources: true, contextJson, workers: 2, chunkSize: 9 })) pooled.push(...chunk);
    expect(pooled).toEqual(inThread);
    // A scan hands the context over as a ContextJson: the same outcomes, and the engine took the
    // string (nothing left for the caller to keep alive through the evaluation).
    const handle = new ContextJson(contextJson);
    expect(handle.byteLength).toBe(Buffer.byteLength(contextJson));
    const handed: ResourceOutcomes[] = [];
    for await (const chunk of evaluateResources(set.resources(), { bundle: loadPolicyBundle(), scanTime, allResources: true, contextJson: handle, workers: 2, chunkSize: 9 })) handed.push(...chunk);
    expect(handed).toEqual(inThread);
    expect(() => handle.take()).toThrow(/already handed over/);
  });

  it('reads the input only a bounded number of chunks ahead of what the consumer took (backpressure)', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => thing(i, false));
    for (const workers of [1, 2]) {
      const read = { count: 0 };
      let yielded = 0;
      let maxAhead = 0;
      for await (const chunk of evaluateResources(counted(many, read), setupFor({ workers, chunkSize: 100 }))) {
        yielded += chunk.length;
        maxAhead = Math.max(maxAhead, read.count - yielded);
      }
      expect(yielded).toBe(many.length);
      // Two chunks in flight per worker, the yielded one included.
      expect(maxAhead).toBeLessThanOrEqual(2 * workers * 100);
      expect(maxAhead).toBeGreaterThanOrEqual(100);
    }
  });

  it('reports progress chunk by chunk up to the total, once each', async () => {
    const calls: Array<[number, number]> = [];
    await collect(things, setupFor({ workers: 2, chunkSize: 50, total: things.length, onProgress: (done, total) => calls.push([done, total]) }));
    expect(calls).toEqual([[50, 120], [100, 120], [120, 120]]);
  });

  it('stops the pool when the consumer stops early, and on abort throws the reason', async () => {
    const ports = () => process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;
    const before = ports();
    const read = { count: 0 };
    for await (const chunk of evaluateResources(counted(things, read), setupFor({ workers: 2, chunkSize: 10 }))) {
      expect(chunk).toHaveLength(10);
      expect(ports()).toBeGreaterThan(before); // the pool's workers are talking to this thread
      break;
    }
    expect(read.count).toBeLessThan(things.length);
    expect(ports()).toBe(before);
    const controller = new AbortController();
    const aborted = (async () => {
      for await (const _chunk of evaluateResources(counted(things, { count: 0 }), setupFor({ workers: 2, chunkSize: 10, signal: controller.signal }))) controller.abort(new Error('stopped by the user'));
    })();
    await expect(aborted).rejects.toThrow('stopped by the user');
  });

  it('fails with one clear line when a worker dies, instead of hanging', async () => {
    const entry = new URL('./fixtures/workers/exiting-worker.mjs', import.meta.url);
    const failure = collect(things, setupFor({ workers: 2, chunkSize: 10, workerEntry: entry }));
    await expect(failure).rejects.toBeInstanceOf(ScanError);
    await expect(failure).rejects.toThrow(/^an evaluation worker stopped: worker exited with code: 7$/);
  });

  it('fails with one clear line when the context cannot be loaded, in the calling thread and in a worker', async () => {
    const cases = [[{}, ''], [{ workers: 2, chunkSize: 1 }, ' \\(in a worker of 2; each holds its own copy, fewer --workers need less memory\\)']] as const;
    for (const [extra, where] of cases) {
      const failure = collect(things.slice(0, 3), setupFor({ ...extra, contextJson: '{"not json' }));
      await expect(failure).rejects.toBeInstanceOf(ScanError);
      await expect(failure).rejects.toThrow(new RegExp(`^cannot load the evaluation context \\(0\\.0 MB\\) into the policy engine: failed to parse json value${where}$`));
    }
  });

  it('evaluates nothing and starts no worker for resources no control or redaction concerns', async () => {
    const other: InventoryResource = { ...thing(1), type: 'Fixture::Other', configuration: { mode: 'on' } };
    expect(await collect([other, other], setupFor({ workers: 2, chunkSize: 1 }))).toEqual([]);
    expect(await evaluateInventory(inventoryOf([]), { scanTime, bundle: { wasm, catalog }, workers: 2 })).toEqual([]);
  });
});

function chunkLengths(count: number, size: number): number[] {
  return Array.from({ length: Math.ceil(count / size) }, (_, i) => Math.min(size, count - i * size));
}

function inventoryOf(resources: InventoryResource[]): Inventory {
  return { kind: 'cafscan-inventory', schemaVersion: '1', sources: ['test'], accounts: [], regions: [], coverage: [], resources };
}
