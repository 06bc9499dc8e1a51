import type { Catalog } from '../model/control.js';
import { loadCatalog } from '../controls/catalog.js';
import type { AssetGraph } from '../graph/model.js';
import type { Inventory } from '../model/inventory.js';
import { resourceSetOf } from '../inventory/resource-set.js';
import { ContextBuilder } from './context.js';
import { evaluateResources } from './evaluate-resources.js';
import type { ResourceOutcomes } from './outcomes.js';
import { phaseDone } from '../timings.js';

export type { ControlOutcome, EvaluationError, OutcomeStatus, ResourceOutcomes } from './outcomes.js';
export type { ValuePath } from '../model/inventory.js';
export { environmentMaps } from './chunk-evaluator.js';
export { evaluateResources } from './evaluate-resources.js';
export { DEFAULT_MAX_WORKERS, MAX_WORKERS, defaultWorkerCount } from './evaluation-pool.js';

export interface EvaluateOptions {
  /** The scan time controls compare against (policies never read a clock). */
  scanTime: Date;
  onProgress?: (done: number, total: number) => void;
  /** false: only find credential-looking values (for `collect`), evaluate no control. */
  controls?: boolean;
  /** The AI asset graph: which components each generic resource is linked in (src/graph). */
  graph?: AssetGraph;
  /** Evaluate linked controls on every resource of their types, linked or not. */
  allResources?: boolean;
  /** Another compiled policy and its catalog instead of policy-bundle/ (tests of the engine itself). */
  bundle?: { wasm: Uint8Array; catalog: Catalog };
  /**
   * The controls to evaluate, when not all of the bundle's (a selection: src/controls/select.ts).
   * Its routing goes into the data document, so unselected controls are never evaluated.
   */
  catalog?: Catalog;
  /** Load related resources whole, not trimmed to the declared fields (test/engine/context-trim.test.ts only). */
  fullContext?: boolean;
  /**
   * Worker threads evaluating chunks (--workers; the CLI defaults to defaultWorkerCount()).
   * 1 or absent: the calling thread evaluates, as before there was a pool.
   */
  workers?: number;
}

/** evaluateResources' setup: the options, plus what the caller built in its pass over the resources. */
export interface EvaluationSetup extends EvaluateOptions {
  /** JSON of the context other resources are looked up in (src/engine/context.ts). */
  contextJson: string;
  /** How many resources the iterable yields, for onProgress (ResourceSet.count). */
  total?: number;
  /** Resources sent to the engine per chunk (tuning and tests; default CHUNK_SIZE). */
  chunkSize?: number;
  /**
   * Yield an entry for every resource read, with no outcomes for those nothing was evaluated on
   * (default: only evaluated resources). For consumers that write every resource in order.
   */
  everyResource?: boolean;
  /** Stops the evaluation: pending chunks are dropped, the workers stopped, and the iteration throws the reason. */
  signal?: AbortSignal;
  /** The pool's worker entry (tests of a worker that crashes). */
  workerEntry?: URL;
}

/**
 * Every resource of an in-memory inventory against the controls routed to its type: the
 * evaluated ones (those with routed controls or environment-like maps), in inventory order.
 * The wrapper existing callers use; a scan over a ResourceSet calls evaluateResources.
 */
export async function evaluateInventory(inventory: Inventory, options: EvaluateOptions): Promise<ResourceOutcomes[]> {
  const catalog = options.catalog ?? options.bundle?.catalog ?? loadCatalog();
  const builder = new ContextBuilder(catalog, { full: options.fullContext === true });
  for (const resource of inventory.resources) builder.add(resource);
  const contextJson = builder.toJson();
  phaseDone('context');
  const results: ResourceOutcomes[] = [];
  const set = resourceSetOf(inventory);
  for await (const chunk of evaluateResources(set.resources(), { ...options, contextJson, total: set.count })) {
    for (const outcome of chunk) results.push(outcome);
  }
  return results;
}
