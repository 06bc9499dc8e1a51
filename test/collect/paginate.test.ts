import { describe, expect, it } from 'vitest';
import { paginate, stoppedReason, type SendCall } from '../../src/collect/paginate.js';

/** A call as CollectorContext.call makes it: a thrown error becomes a failed (or absent) result, and every call is counted. */
function caller(): { call: SendCall; calls: () => number } {
  let calls = 0;
  const call: SendCall = async (send) => {
    calls++;
    try {
      return { status: 'ok', output: await send() };
    } catch (error) {
      const message = (error as Error).message;
      if (message === 'gone') return { status: 'absent', code: 'NotFound' };
      return { status: 'failed', failure: { action: 'x:List', code: 'Throttling', reason: message, kind: 'other' } as never };
    }
  };
  return { call, calls: () => calls };
}

const pages: Record<string, { items: number[]; next?: string }> = { start: { items: [1, 2], next: 'a' }, a: { items: [3], next: 'b' }, b: { items: [], next: '' } };

describe('the collectors\' one paginator', () => {
  it('follows every page to the end, one logged call per page', async () => {
    const { call, calls } = caller();
    expect(await paginate(call, async (token) => pages[token ?? 'start']!)).toEqual({ items: [1, 2, 3], complete: true });
    expect(calls()).toBe(3);
  });

  it('stops at a token it was already given instead of looping forever', async () => {
    const { call, calls } = caller();
    const listed = await paginate(call, async (token) => ({ items: [token ?? 'first'], next: 'same' }));
    expect(listed).toEqual({ items: ['first', 'same'], complete: true });
    expect(calls()).toBe(2);
  });

  it('on a failed page keeps the items so far and says what stopped it', async () => {
    const { call } = caller();
    const listed = await paginate(call, async (token) => {
      if (token === 'a') throw new Error('rate exceeded');
      return { items: [1], next: 'a' };
    });
    expect(listed.complete).toBe(false);
    expect(listed.items).toEqual([1]);
    if (listed.complete) throw new Error('unreachable');
    expect(stoppedReason(listed.stopped, 'listing failed')).toBe('rate exceeded');
    const absent = await paginate(call, async () => {
      throw new Error('gone');
    });
    expect(absent.complete ? '' : stoppedReason(absent.stopped, 'listing failed')).toBe('listing failed (NotFound)');
  });
});
