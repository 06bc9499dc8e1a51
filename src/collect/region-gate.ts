import { callRecordOf } from './aws-clients.js';
import type { CallResult, CollectorContext, ResourceDraft } from './collector.js';
import { classifyFailure, type CallFailure } from './errors.js';

/** What one per-resource call gave: its output, or why there is none. */
export type Part<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Remembers that a service's endpoint is not there in this region (the service is not offered,
 * the host does not resolve, the credentials are not valid there), so the remaining lists of
 * that service fail at once with the same reason instead of each retrying against it. Used by
 * services that AWS offers in only some regions (Bedrock, Bedrock AgentCore): one gate per
 * endpoint, so a missing endpoint does not close the gate of another one.
 */
export class RegionGate {
  unavailable: string | undefined;

  note(failure: CallFailure): void {
    if (failure.kind === 'unreachable' || failure.code === 'UnknownEndpoint' || failure.code === 'UnrecognizedClientException') {
      this.unavailable ??= failure.reason;
    }
  }
}

/**
 * ctx.listAll behind a gate: a closed gate fails the types at once with its reason; a listing
 * that fails because the endpoint is missing closes it. Coverage of `types` is marked either way.
 * Also says why the listing stopped, for nested lists that have no type of their own (`types`
 * empty) and report the reason as a collection error of their parent.
 */
export async function gatedListing<T>(
  ctx: CollectorContext,
  gate: RegionGate,
  types: string[],
  page: (token: string | undefined) => Promise<{ items: T[] | undefined; next?: string | undefined }>,
): Promise<{ items: T[]; complete: boolean; failure?: CallFailure }> {
  if (gate.unavailable) {
    ctx.failed(types, gate.unavailable);
    return { items: [], complete: false, failure: { kind: 'unreachable', code: 'Unavailable', reason: gate.unavailable } };
  }
  let error: unknown;
  const result = await ctx.listAll(types, async (token) => {
    try {
      return await page(token);
    } catch (e) {
      error = e;
      throw e;
    }
  });
  if (result.complete || error === undefined) return result;
  const failure = classifyFailure(error, callRecordOf(error)?.action ?? 'a call');
  gate.note(failure);
  return { ...result, failure };
}

/** A per-resource call as a Part; "not found" (deleted since the list) is `gone`. */
export async function partOf<T>(ctx: CollectorContext, send: () => Promise<T>): Promise<Part<T> | 'gone'> {
  return asPart(await ctx.call(send, { absentOn: ['ResourceNotFoundException'] }));
}

function asPart<T>(result: CallResult<T>): Part<T> | 'gone' {
  if (result.status === 'ok') return { ok: true, value: result.output };
  if (result.status === 'absent') return 'gone';
  return { ok: false, reason: result.failure.reason };
}

/**
 * Tags of a resource that exists; a failure leaves them unknown (null) with the reason, and so
 * does "not found" here (the resource has no tags to read).
 */
export async function tagPartOf(ctx: CollectorContext, send: () => Promise<Record<string, string>>): Promise<Part<Record<string, string>>> {
  const result = await ctx.call(send);
  if (result.status === 'ok') return { ok: true, value: result.output };
  return { ok: false, reason: result.status === 'failed' ? result.failure.reason : `tags not available (${result.code})` };
}

/** A resource type read as a List, then a Get and the tags of each listed resource. */
export interface ListedType<S, D> {
  type: string;
  page: (token: string | undefined) => Promise<{ items: S[] | undefined; next?: string | undefined }>;
  get: (summary: S) => Promise<D>;
  /** The ARN whose tags are read: the Get output's when it has one, else the summary's. */
  arn: (summary: S, detail: Part<D>) => string;
  tags: (arn: string) => Promise<Record<string, string>>;
  resource: (summary: S, detail: Part<D>, tags: Part<Record<string, string>>) => ResourceDraft;
}

/**
 * List the type behind the gate, then Get and read the tags of each listed resource and emit it;
 * one deleted since the list (its Get answers not found) is left out.
 */
export async function collectListed<S, D>(ctx: CollectorContext, gate: RegionGate, kind: ListedType<S, D>): Promise<void> {
  const list = await gatedListing(ctx, gate, [kind.type], kind.page);
  await ctx.each(list.items, async (summary) => {
    const detail = await partOf(ctx, () => kind.get(summary));
    if (detail === 'gone') return;
    const arn = kind.arn(summary, detail);
    const tags = await tagPartOf(ctx, () => kind.tags(arn));
    ctx.emit(kind.resource(summary, detail, tags));
  });
}
