import { createRequire } from 'node:module';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';

// opa-wasm's ES module entry exports only loadPolicy (async); its CommonJS entry — what the
// package's type declarations describe — also has loadPolicySync, which lets a restart happen
// in the middle of the synchronous evaluation loop.
const { loadPolicySync } = createRequire(import.meta.url)('@open-policy-agent/opa-wasm') as typeof import('@open-policy-agent/opa-wasm');

/** Initial and maximum wasm memory, in 64 KiB pages. */
export interface MemoryPages {
  initial: number;
  maximum: number;
}

/**
 * A compiled module (a WebAssembly.Module): what loadPolicySync instantiates without compiling
 * again, and what a worker thread receives without copying or compiling the bytes again.
 */
export type CompiledPolicy = Parameters<typeof loadPolicySync>[0];
// The project's TypeScript libs (no DOM) do not declare the WebAssembly global Node provides.
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledPolicy> } }).WebAssembly;

export function compilePolicy(wasm: Uint8Array): Promise<CompiledPolicy> {
  return wasmApi.compile(wasm);
}

/** Builtins the module imports that opa-wasm does not implement (tests only: the shipped bundle needs none). */
export type CustomBuiltins = Record<string, (...args: unknown[]) => unknown>;

/** One evaluation's result set value, or why it could not be computed. */
export type Evaluation = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * An opa-wasm instance with the context (setData) loaded, that survives runtime errors.
 *
 * A runtime error leaves wasm by a JavaScript exception: a JS builtin that throws (sprintf-js on
 * a verb it does not know), opa_abort (a conflict, opa_malloc failing), or a trap. The exception
 * unwinds past the module's shadow-stack bookkeeping, which nothing restores. Measured: the same
 * instance then answers correctly for a while and later traps on every evaluation ("memory access
 * out of bounds") — results after an error cannot be trusted. So an errored instance is dropped
 * and a fresh one is made from the compiled module on the next call (one setData of the context).
 */
export class PolicyRunner {
  private policy: LoadedPolicy | null = null;
  /** Instances made after an error (for tests and diagnostics). */
  restarts = 0;

  private constructor(
    private readonly module: CompiledPolicy,
    private readonly data: ArrayBuffer | SharedArrayBuffer,
    private readonly memory: MemoryPages,
    private readonly builtins: CustomBuiltins,
  ) {}

  /** Compiles once; instances are cheap to make from the compiled module. */
  static async load(wasm: Uint8Array, data: ArrayBuffer, memory: MemoryPages, builtins: CustomBuiltins = {}): Promise<PolicyRunner> {
    return PolicyRunner.fromModule(await compilePolicy(wasm), data, memory, builtins);
  }

  /**
   * From a module compiled elsewhere (once for every worker of a pool). `data` may be the pool's
   * SharedArrayBuffer: every worker reads the one copy instead of keeping its own for restarts.
   */
  static fromModule(module: CompiledPolicy, data: ArrayBuffer | SharedArrayBuffer, memory: MemoryPages, builtins: CustomBuiltins = {}): PolicyRunner {
    const runner = new PolicyRunner(module, data, memory, builtins);
    runner.instance(); // a context that cannot be loaded is a whole-scan failure: surface it now
    return runner;
  }

  evaluate(input: ArrayBuffer, entrypoint: string): Evaluation {
    const policy = this.instance();
    try {
      return { ok: true, value: (policy.evaluate(input, entrypoint) as Array<{ result: unknown }>)[0]?.result };
    } catch (error) {
      this.policy = null;
      this.restarts++;
      return { ok: false, error: describeError(error) };
    }
  }

  private instance(): LoadedPolicy {
    if (!this.policy) {
      const policy = loadPolicySync(this.module, this.memory, this.builtins);
      // opa-wasm takes an ArrayBuffer only: anything else, a SharedArrayBuffer included, it
      // JSON-encodes — as "{}". A shared context is copied for the call and the copy let go.
      policy.setData(this.data instanceof ArrayBuffer ? this.data : new Uint8Array(this.data).slice().buffer);
      this.policy = policy;
    }
    return this.policy;
  }
}

/**
 * One line for the user: opa_abort and opa-wasm throw plain strings, builtins and traps throw
 * Errors. Bounded so that a builtin echoing a large argument cannot bloat results.json.
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const line = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
