import { workerData } from 'node:worker_threads';
import { createChunkEvaluator, type ChunkEvaluator, type Chunk, type EvaluatorSetup, type ItemOutcomes } from './chunk-evaluator.js';
import { describeError } from './policy-runner.js';

/**
 * The worker entry of the evaluation pool (src/engine/evaluation-pool.ts): piscina calls the
 * default export with one chunk at a time. Each worker holds its own wasm instance and its own
 * copy of the context, made on the first chunk and kept for every later one.
 */

/** The setup as the pool hands it over: the context bytes shared by every worker, not copied per worker. */
export interface WorkerSetup extends EvaluatorSetup {
  data: SharedArrayBuffer;
}

/** A chunk's outcomes, or why this worker could not load the context (the scan cannot go on). */
export type WorkerReply = { ok: true; results: ItemOutcomes[] } | { ok: false; error: string };

let evaluator: ChunkEvaluator | undefined;
let loadError: string | undefined;

export default function evaluateChunk(chunk: Chunk): WorkerReply {
  // Loaded here rather than at import: a module that throws while piscina starts the worker is
  // reported by piscina as a pool 'error' event, not as the failure of the task that waits on it.
  if (!evaluator && loadError === undefined) {
    try {
      evaluator = createChunkEvaluator(workerData as WorkerSetup);
    } catch (error) {
      loadError = describeError(error);
    }
  }
  if (!evaluator) return { ok: false, error: loadError ?? 'unknown error' };
  return { ok: true, results: evaluator(chunk) };
}
