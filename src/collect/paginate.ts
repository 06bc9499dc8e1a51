import type { CallFailure } from './errors.js';

/** One page of a list call: its items and the token of the next page (none at the end). */
export type PageOf<T> = (token: string | undefined) => Promise<{ items: T[] | undefined; next?: string | undefined }>;

/** What a call that did not succeed answered: "there is none" (absent) or a failure. */
export type CallStopped = { status: 'absent'; code: string } | { status: 'failed'; failure: CallFailure };

/** How collectors send one call (CollectorContext.call): logged, failures classified and returned, never thrown. */
export type SendCall = <R>(send: () => Promise<R>) => Promise<{ status: 'ok'; output: R } | CallStopped>;

export type Paginated<T> = { items: T[]; complete: true } | { items: T[]; complete: false; stopped: CallStopped };

/**
 * The one paginator of every collector: follows a list to its end, page by page, each page sent
 * through `call` (so it is logged and its failure classified like any other call). Coverage is the
 * caller's to decide (CollectorContext.listAll marks it). On a failed page it returns the items
 * so far with what stopped it. A service that hands back a token it already gave would loop
 * forever: the listing ends there.
 */
export async function paginate<T>(call: SendCall, page: PageOf<T>): Promise<Paginated<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const result = await call(() => page(token));
    if (result.status !== 'ok') return { items, complete: false, stopped: result };
    items.push(...(result.output.items ?? []));
    token = result.output.next || undefined;
    if (token && seen.has(token)) break;
    if (token) seen.add(token);
  } while (token);
  return { items, complete: true };
}

/** Why a listing stopped, in one line (`what`: the listing, for an "absent" answer). */
export function stoppedReason(stopped: CallStopped, what: string): string {
  return stopped.status === 'failed' ? stopped.failure.reason : `${what} (${stopped.code})`;
}
