import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATOR_MEMORY_BYTES, HEAP_BYTES_PER_CONTEXT_BYTE, WORKER_BASE_BYTES, chooseWorkerCount } from '../../src/engine/evaluation-pool.js';

const perWorker = (contextBytes: number) => contextBytes * HEAP_BYTES_PER_CONTEXT_BYTE + WORKER_BASE_BYTES;

describe('chooseWorkerCount', () => {
  it('keeps the asked count when every worker fits, and says nothing', () => {
    // The 100,000-item snapshot's context (16.2 MB): two workers fit the default budget easily.
    expect(chooseWorkerCount(2, 16.2e6)).toEqual({ workers: 2, warning: null });
    expect(chooseWorkerCount(8, 1e6)).toEqual({ workers: 8, warning: null });
  });

  it('uses fewer workers when their heaps would exceed the budget, and says why', () => {
    // The 1,000,000-resource run's context (~162 MB): one worker is ~2 GB, over the budget, and still one runs.
    const choice = chooseWorkerCount(2, 162e6);
    expect(choice.workers).toBe(1);
    expect(choice.warning).toBe(
      'evaluating on 1 worker instead of 2: each holds its own copy of the 162 MB lookup context (~2008 MB in the policy engine), and 2 would exceed the 1500 MB evaluation memory budget',
    );
  });

  it('takes as many as fit, at the boundary exactly', () => {
    const context = 50e6;
    expect(chooseWorkerCount(8, context, 3 * perWorker(context)).workers).toBe(3);
    expect(chooseWorkerCount(8, context, 3 * perWorker(context) - 1).workers).toBe(2);
    expect(chooseWorkerCount(3, context, 3 * perWorker(context))).toEqual({ workers: 3, warning: null });
    expect(chooseWorkerCount(8, context, 3 * perWorker(context)).warning).toMatch(/^evaluating on 3 workers instead of 8: /);
  });

  it('never goes below one worker, however large the context', () => {
    expect(chooseWorkerCount(4, 10e9).workers).toBe(1);
    expect(chooseWorkerCount(1, 10e9)).toEqual({ workers: 1, warning: null });
  });

  it('the default budget is the documented 1.5 GB', () => {
    expect(DEFAULT_EVALUATOR_MEMORY_BYTES).toBe(1.5e9);
  });
});
