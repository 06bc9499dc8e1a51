import type { AssetGraph } from '../graph/model.js';
import type { Catalog, PolicyBundle } from '../model/control.js';
import type { ContextJson } from './context.js';

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
  /**
   * The compiled policy and its catalog. The engine loads nothing itself: callers pass the
   * committed bundle (loadPolicyBundle() in src/controls/catalog.ts) or, in tests of the engine
   * itself, another one.
   */
  bundle: PolicyBundle;
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
  /**
   * JSON of the context other resources are looked up in (src/engine/context.ts): a string, or a
   * ContextJson the engine takes and lets go of once encoded (a scan's, tens of megabytes).
   */
  contextJson: string | ContextJson;
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
