import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ScanError } from '../errors.js';
import { createChunkEvaluator, type Chunk, type EvaluatorSetup, type ItemOutcomes } from './chunk-evaluator.js';
import { encode } from './encode.js';
import { describeError } from './policy-runner.js';
import type { WorkerReply, WorkerSetup } from './evaluation-worker.js';

/** Where chunks are evaluated: the main thread, or a pool of worker threads. */
export interface ChunkRunner {
  /** Settles with the chunk's outcomes in item order, or rejects with a ScanError (one line). */
  run(chunk: Chunk, signal?: AbortSignal): Promise<ItemOutcomes[]>;
  /** Stops every worker; idempotent. */
  close(): Promise<void>;
}

/**
 * More workers than this gain little and cost a context each: every worker holds its own wasm
 * heap of the context, so memory grows with the worker count (chooseWorkerCount bounds it).
 */
export const DEFAULT_MAX_WORKERS = 8;
/** What --workers accepts. */
export const MAX_WORKERS = 64;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), DEFAULT_MAX_WORKERS));
}

/**
 * What one worker costs per byte of context JSON. Measured (docs/engine.md, memory model): on a
 * 100,000-item snapshot the context is 16.2 MB and opa-wasm's heap after setData spans 82.9 MB
 * (5.1×: the JSON text copied in, then its parsed values); evaluations then touch pages above it
 * that stay resident (a lookup over an account's resources builds lists of them). With
 * --all-resources a second worker raised that scan's peak RSS by 255 MB (868 → 1,123 MB):
 * 12× the context plus the base below is that. Rounded up, not down: too few workers costs
 * time, too many costs the run.
 */
export const HEAP_BYTES_PER_CONTEXT_BYTE = 12;
/** A worker thread's own cost besides the context: its V8 isolate, the module's instance, chunks in flight. */
export const WORKER_BASE_BYTES = 64e6;
/**
 * What the evaluators' heaps together may take (1.5 GB): the rest of the scan (the resource
 * index, the context JSON on the main thread, outputs) needs its own few hundred MB, and the
 * acceptance bound of a 1,000,000-resource scan is 2 GB peak RSS.
 */
export const DEFAULT_EVALUATOR_MEMORY_BYTES = 1.5e9;

/** The worker count to use, and, when fewer than asked, the one warning line that says why. */
export interface WorkerChoice {
  workers: number;
  warning: string | null;
}

/**
 * How many evaluators fit: each worker holds its own wasm heap of the context (a SharedArrayBuffer
 * shares the JSON bytes, not the parsed heap), so memory grows with workers × context. Never
 * below 1 — one evaluator is needed whatever the size, and the scan fails with a clear message
 * if even that cannot load. Fewer workers give the same outputs (evaluation is in input order).
 */
export function chooseWorkerCount(requested: number, contextBytes: number, budgetBytes: number = DEFAULT_EVALUATOR_MEMORY_BYTES): WorkerChoice {
  const asked = Math.max(1, Math.floor(requested));
  const perWorker = contextBytes * HEAP_BYTES_PER_CONTEXT_BYTE + WORKER_BASE_BYTES;
  const fit = Math.max(1, Math.floor(budgetBytes / perWorker));
  if (fit >= asked) return { workers: asked, warning: null };
  const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
  return {
    workers: fit,
    warning: `evaluating on ${fit} worker${fit === 1 ? '' : 's'} instead of ${asked}: each holds its own copy of the ${mb(contextBytes)} lookup context (~${mb(perWorker)} in the policy engine), and ${asked} would exceed the ${mb(budgetBytes)} evaluation memory budget`,
  };
}

/** An evaluator's setup with the data document still as JSON text: each runner encodes it where it needs it. */
export type RunnerSetup = Omit<EvaluatorSetup, 'data'> & { dataJson: string };

/** Evaluation in the calling thread: no second copy of the context, no worker start-up. */
export function inThreadRunner({ dataJson, ...rest }: RunnerSetup): ChunkRunner {
  const data = encode(dataJson);
  const evaluate = loadOrFail(() => createChunkEvaluator({ ...rest, data }), data.byteLength);
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- async so that a throw (an abort, a failing evaluator) is a rejection, as from the worker pool's run
    run: async (chunk, signal) => {
      signal?.throwIfAborted();
      return evaluate(chunk);
    },
    close: async () => {},
  };
}

/**
 * The worker entry, compiled to dist/ like the rest. Under vitest this module is the TypeScript
 * source, which a worker thread (plain Node) cannot load: the compiled entry is used instead, so
 * tests of the pool need `npm run build` first (test/engine/helpers ensures it).
 */
export function workerEntry(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/engine/evaluation-worker.js', import.meta.url) : new URL('./evaluation-worker.js', import.meta.url);
}

/**
 * A piscina pool of `workers` threads. Each worker loads the context once, on its first chunk;
 * workers start as chunks queue up, so a scan of two chunks starts two workers at most.
 * The context bytes go to every worker in one SharedArrayBuffer (no copy per worker here).
 */
export function workerPool({ dataJson, ...rest }: RunnerSetup, workers: number, entry: URL = workerEntry()): ChunkRunner {
  const data = new SharedArrayBuffer(Buffer.byteLength(dataJson));
  Buffer.from(data).write(dataJson);
  const workerData: WorkerSetup = { ...rest, data };
  const pool = new Piscina<Chunk, WorkerReply>({
    filename: fileURLToPath(entry),
    minThreads: 1,
    maxThreads: workers,
    // An idle worker is kept: a new one would load the whole context again.
    idleTimeout: 2 ** 31 - 1, // the largest timer Node accepts (larger ones fire at once)
    workerData,
  });
  // A worker that dies with no chunk on it is reported as a pool event; without a listener that
  // event would end the process with a stack trace. The next chunk's run fails on its own.
  let poolError: unknown;
  pool.on('error', (error: unknown) => {
    poolError ??= error;
  });
  let closed: Promise<void> | undefined;
  return {
    run: async (chunk, signal) => {
      let reply: WorkerReply;
      try {
        // The chunk's bytes move to the worker (the main thread is done with them).
        reply = await pool.run(chunk, { transferList: [chunk.bytes], ...(signal ? { signal } : {}) });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw new ScanError(`an evaluation worker stopped: ${describeError(poolError ?? error)}`);
      }
      // Every worker holds its own wasm heap of the context: fewer workers may fit where these did not.
      if (!reply.ok) throw loadFailure(`${reply.error} (in a worker of ${workers}; each holds its own copy, fewer --workers need less memory)`, data.byteLength);
      return reply.results;
    },
    close: () => (closed ??= pool.destroy()),
  };
}

function loadOrFail<T>(load: () => T, contextBytes: number): T {
  try {
    return load();
  } catch (error) {
    throw loadFailure(describeError(error), contextBytes);
  }
}

/** The context could not be loaded into wasm (too large, or not JSON): no resource can be evaluated. */
function loadFailure(message: string, contextBytes: number): ScanError {
  return new ScanError(`cannot load the evaluation context (${(contextBytes / 1e6).toFixed(1)} MB) into the policy engine: ${message}`);
}
