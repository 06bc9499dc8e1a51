import type { Catalog } from '../model/control.js';
import type { InventoryResource } from '../model/inventory.js';
import { knownJson } from '../inventory/resource-json.js';
import { ChunkBuilder, ENVIRONMENT_HINT, type PreparedItem } from './chunk-evaluator.js';
import { mayHoldCredentialShape } from '../inventory/credential-shapes.js';
import type { EvaluationSetup } from './options.js';
import { inThreadRunner, workerPool, type ChunkRunner, type RunnerSetup } from './evaluation-pool.js';
import type { ResourceOutcomes } from './outcomes.js';
import { compilePolicy } from './policy-runner.js';
import { memoryFor } from './wasm-memory.js';

/**
 * Resources per chunk. Measured on the benchmark (docs/engine.md): below ~1,000 the per-task
 * hand-off shows; above, time is flat, and memory grows with chunk × chunks in flight.
 */
export const CHUNK_SIZE = 2000;

/** A chunk handed to a runner. */
interface Pending {
  /** Input resources read when the chunk was cut, for onProgress. */
  readUpTo: number;
  outcomes: Promise<ResourceOutcomes[]>;
}

/**
 * Evaluates resources chunk by chunk, on `workers` threads, and yields each chunk's evaluated
 * resources (those with routed controls or environment-like maps) **in input order**, whatever
 * the worker count: a chunk is yielded only after every chunk before it.
 *
 * Memory is bounded by the chunks in flight (two per worker: one running, one queued so that no
 * worker waits on the main thread), not by the resource count: reading the input pauses until
 * the oldest chunk is yielded and consumed.
 *
 * Measured design (docs/engine.md): the context other resources are looked up in is loaded
 * once per evaluator with setData into memory sized up front (growing wasm memory page by page
 * while OPA parses made setData quadratic); then one small evaluation per resource. Batching
 * resources into one input and iterating with `with` was measured quadratic and rejected.
 */
export async function* evaluateResources(resources: AsyncIterable<InventoryResource>, setup: EvaluationSetup): AsyncGenerator<ResourceOutcomes[], void, undefined> {
  const catalog = setup.catalog ?? setup.bundle.catalog;
  // Let go once the runner has encoded it: the data document is the size of the context.
  let runnerSetup: RunnerSetup | undefined = await runnerSetupOf(catalog, setup);
  const workers = Math.max(1, Math.floor(setup.workers ?? 1));
  const chunkSize = Math.max(1, Math.floor(setup.chunkSize ?? CHUNK_SIZE));
  const prepare = itemPreparer(catalog, setup);
  const inFlight: Pending[] = [];
  let runner: ChunkRunner | undefined;
  // entries: every resource read into the chunk, with the index of its item (-1: nothing to
  // evaluate, kept only with everyResource so that a consumer writing every resource in order
  // need not hold a long run of unevaluated ones while it waits for the next outcome).
  let chunk: { entries: Array<{ resource: InventoryResource; item: number }>; items: ChunkBuilder } = { entries: [], items: new ChunkBuilder() };
  let read = 0;
  let reported = -1;
  const progress = (done: number) => {
    if (done !== reported) setup.onProgress?.(done, setup.total ?? done);
    reported = done;
  };

  const submit = (last: boolean) => {
    // The runner is chosen at the first chunk evaluated: when the input ends with it, a pool would only
    // add a worker's start-up and a second copy of the context, so the calling thread evaluates.
    if (!runner && chunk.items.count) {
      runner = workers > 1 && !last ? workerPool(runnerSetup!, workers, setup.workerEntry) : inThreadRunner(runnerSetup!);
      runnerSetup = undefined;
    }
    const { entries, items } = chunk;
    const evaluated = items.count && runner ? runner.run(items.build(), setup.signal) : Promise.resolve([]);
    const outcomes = evaluated.then((results) =>
      entries.map(({ resource, item }): ResourceOutcomes => (item >= 0 ? { resource, ...results[item]! } : { resource, outcomes: [], secretPaths: [] })),
    );
    // Awaited in order later; until then a failure must not count as an unhandled rejection.
    outcomes.catch(() => {});
    inFlight.push({ readUpTo: read, outcomes });
    // Sized like this chunk's bytes: the next one rarely needs to grow its buffer.
    chunk = { entries: [], items: new ChunkBuilder(Math.ceil(items.byteLength * 1.25)) };
  };
  const settleOldest = async (): Promise<ResourceOutcomes[]> => {
    const oldest = inFlight.shift()!;
    const outcomes = await oldest.outcomes;
    progress(oldest.readUpTo);
    return outcomes;
  };

  try {
    for await (const resource of resources) {
      read++;
      const item = prepare(resource);
      if (!item) {
        if (!setup.everyResource) continue;
        chunk.entries.push({ resource, item: -1 });
        if (chunk.entries.length < chunkSize * 4) continue;
      } else {
        chunk.entries.push({ resource, item: chunk.items.count });
        chunk.items.add(item);
        if (chunk.items.count < chunkSize) continue;
      }
      submit(false);
      while (inFlight.length >= 2 * workers) yield await settleOldest();
    }
    if (chunk.entries.length) submit(true);
    while (inFlight.length) yield await settleOldest();
    if (read) progress(read);
  } finally {
    await runner?.close();
  }
}

/** Compiles the policy once (workers receive the compiled module) and assembles the data document. */
async function runnerSetupOf(catalog: Catalog, setup: EvaluationSetup): Promise<RunnerSetup> {
  const wasm = setup.bundle.wasm;
  // Concatenated rather than parsed and re-serialised: the context may be tens of megabytes.
  const contextJson = typeof setup.contextJson === 'string' ? setup.contextJson : setup.contextJson.take();
  const dataJson = `{"cafscan_catalog":${JSON.stringify({ routing: catalog.routing })},"inventory":${contextJson}}`;
  return {
    module: await compilePolicy(wasm),
    dataJson,
    memory: memoryFor(Buffer.byteLength(dataJson)),
    entrypoint: catalog.entrypoint,
    redactionEntrypoint: catalog.redactionEntrypoint,
    controlIds: Object.fromEntries(Object.entries(catalog.routing).map(([type, routes]) => [type, routes.map((route) => route.id)])),
    scan: JSON.stringify({ time: setup.scanTime.toISOString(), time_ns: setup.scanTime.getTime() * 1e6 }),
    allResources: setup.allResources === true,
  };
}

/** What the engine needs of a resource, or null when nothing would be evaluated on it. */
function itemPreparer(catalog: Catalog, setup: EvaluationSetup): (resource: InventoryResource) => PreparedItem | null {
  return (resource) => {
    // Own properties only: a resource type of "constructor" or "__proto__" is not routed.
    const routed = setup.controls !== false && Object.hasOwn(catalog.routing, resource.type);
    // The store's resources come with the text they were parsed from; a set held in memory does not.
    const json = knownJson(resource) ?? JSON.stringify(resource);
    // Only resources with environment-like maps or a value shaped like a credential can hold what redaction looks for.
    const secrets = ENVIRONMENT_HINT.test(json);
    // On the main thread, where the text is: ~4.5 µs a resource, measured cheaper in wall time than
    // a thread of its own during the first pass or the evaluators decoding every resource (docs/engine.md).
    const shapes = mayHoldCredentialShape(json);
    if (!routed && !secrets && !shapes) return null;
    const links = setup.graph?.get(resource.arn);
    return { json, routedType: routed ? resource.type : null, links: JSON.stringify(links ? [...new Set(links.map((l) => l.component))].sort() : []), secrets, shapes };
  };
}
