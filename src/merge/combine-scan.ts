import type { CollectionSummary, EvaluationErrorSummary, ScanInfo, ScanOrganization } from '../model/results.js';
import type { SuppressionReport } from '../model/suppression.js';
import { EVALUATION_ERROR_SAMPLE } from '../engine/evaluation-errors.js';
import { compareText } from '../order.js';

/**
 * How one scan over every input's accounts would have computed each summary of `scan`, from
 * the inputs' own summaries. Accounts never repeat across inputs (checkInputs), so counts add.
 */

/** Sources in input order, each once (every shard of a live run says "live"). */
export function combineSources(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}

/** Accounts and regions are sorted sets in every scan. */
export function sortedUnion(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())].sort(compareText);
}

type FailedCall = CollectionSummary['failedCalls'][number] & { accountId?: string };

/**
 * apiCalls add up (each shard counts only its member accounts' calls). failedCalls: a run over
 * more than one account names each call's account; an input of one account may not, so its
 * entries get that account. Listed once each, sorted by account, region, action, error code —
 * the order within equal keys is each input's own (a stable sort), as one run's log order was.
 */
export function combineCollection(inputs: ReadonlyArray<{ collection?: CollectionSummary; accounts: readonly string[] }>, allAccounts: readonly string[]): CollectionSummary | undefined {
  const present = inputs.filter((i) => i.collection);
  if (present.length === 0) return undefined;
  if (inputs.length === 1) return present[0]!.collection;
  const many = allAccounts.length > 1;
  const calls: FailedCall[] = [];
  const seen = new Set<string>();
  for (const { collection, accounts } of present) {
    for (const call of collection!.failedCalls as FailedCall[]) {
      const accountId = call.accountId ?? (accounts.length === 1 ? accounts[0] : undefined);
      const entry: FailedCall = many && accountId !== undefined && call.accountId === undefined ? { accountId, ...call } : call;
      const key = JSON.stringify([entry.accountId, entry.region, entry.action, entry.errorCode, entry.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      calls.push(entry);
    }
  }
  calls.sort((a, b) => compareText(a.accountId ?? '', b.accountId ?? '') || compareText(a.region, b.region) || compareText(a.action, b.action) || compareText(a.errorCode ?? '', b.errorCode ?? ''));
  return { apiCalls: present.reduce((n, i) => n + i.collection!.apiCalls, 0), failedCalls: calls };
}

/** Where a resource sits in inventory order (type, then ARN); unknown ARNs sort last. */
export type InventoryPlace = (arn: string) => string;

/**
 * Each input's sample holds its first errors in its inventory order; the first errors of the
 * union are the first of the inputs' samples merged in inventory order (an input's errors on one
 * resource stay together, in their order).
 */
export function combineEvaluationErrors(summaries: ReadonlyArray<EvaluationErrorSummary | undefined>, placeOf: InventoryPlace): EvaluationErrorSummary | undefined {
  const present = summaries.filter((s): s is EvaluationErrorSummary => s !== undefined);
  if (present.length === 0) return undefined;
  return { count: present.reduce((n, s) => n + s.count, 0), sample: mergeSamples(present.map((s) => s.sample), (e) => placeOf(e.resource), EVALUATION_ERROR_SAMPLE) };
}

type AssetGraphSummary = NonNullable<ScanInfo['assetGraph']>;
const UNRESOLVED_SAMPLE = 20;

/**
 * The graph's counts add up when no workload links to another input's account (each shard
 * built its graph from its own accounts; see docs/organizations.md#merging-shards). The sample
 * of unresolved references is the first 20 in workload inventory order.
 */
export function combineAssetGraph(graphs: ReadonlyArray<AssetGraphSummary | undefined>, placeOf: InventoryPlace): AssetGraphSummary | undefined {
  const present = graphs.filter((g): g is AssetGraphSummary => g !== undefined);
  if (present.length === 0) return undefined;
  const sum = (pick: (g: AssetGraphSummary) => number) => present.reduce((n, g) => n + pick(g), 0);
  return {
    linkedResources: sum((g) => g.linkedResources),
    links: sum((g) => g.links),
    unresolvedReferences: sum((g) => g.unresolvedReferences),
    unresolvedSample: mergeSamples(present.map((g) => g.unresolvedSample), (u) => placeOf(u.workload), UNRESOLVED_SAMPLE),
  };
}

/**
 * applied adds up; an expired rule is expired in every input (checkInputs) and would have
 * matched the sum. A rule is unused when some input found it unused and no input's findings
 * carry it as their suppression: what the shards' outputs can tell (docs: a rule that only met
 * not_evaluated or already-suppressed findings in another shard is reported unused).
 */
export function combineSuppressions(reports: ReadonlyArray<SuppressionReport | undefined>, suppressedBy: ReadonlySet<string>): SuppressionReport | undefined {
  const present = reports.filter((r): r is SuppressionReport => r !== undefined);
  if (present.length === 0) return undefined;
  const expired = present[0]!.expired.map((e) => ({ ...e, wouldMatch: present.reduce((n, r) => n + (r.expired.find((x) => x.source === e.source)?.wouldMatch ?? 0), 0) }));
  const unused: SuppressionReport['unused'] = [];
  const listed = new Set<string>();
  // Rule order: each rule where the inputs list it (the config's order, the same in every input).
  for (const report of present) {
    for (const rule of report.unused) {
      if (listed.has(rule.source) || suppressedBy.has(rule.source)) continue;
      listed.add(rule.source);
      unused.push(rule);
    }
  }
  return { applied: present.reduce((n, r) => n + r.applied, 0), expired, unused: sortLike(unused, present) };
}

/**
 * The rules in the order a scan lists them: the config's (cafscan.config.json, JSON) before the
 * ignore file's (YAML), each file's in its order — read back from each rule's source,
 * `<file>#suppressions[<i>]`; a source of another shape keeps its place of first appearance.
 */
function sortLike(unused: SuppressionReport['unused'], reports: readonly SuppressionReport[]): SuppressionReport['unused'] {
  const files: string[] = [];
  const keyOf = (source: string) => {
    const match = /^(.*)#suppressions\[(\d+)\]$/.exec(source);
    const file = match ? match[1]! : source;
    if (!files.includes(file)) files.push(file);
    return { yaml: /\.ya?ml$/i.test(file) ? 1 : 0, file: files.indexOf(file), index: match ? Number(match[2]) : 0 };
  };
  for (const report of reports) for (const rule of report.unused) keyOf(rule.source);
  return [...unused].sort((x, y) => {
    const a = keyOf(x.source);
    const b = keyOf(y.source);
    return a.yaml - b.yaml || a.file - b.file || a.index - b.index;
  });
}

/** The union of the organisation's accounts, sorted; the merged run is no longer a shard. */
export function combineOrganization(orgs: ReadonlyArray<ScanOrganization | undefined>): ScanOrganization | undefined {
  const present = orgs.filter((o): o is ScanOrganization => o !== undefined);
  if (present.length === 0) return undefined;
  const { managementAccountId, aggregator } = present[0]!;
  const accounts = new Map(present.flatMap((o) => o.accounts.map((a) => [a.accountId, a] as const)));
  return { managementAccountId, ...(aggregator !== undefined ? { aggregator } : {}), accounts: [...accounts.values()].sort((a, b) => compareText(a.accountId, b.accountId)) };
}

/** A k-way merge of samples already in inventory order, by place, earlier inputs first on ties; the first `limit`. */
function mergeSamples<T>(samples: ReadonlyArray<readonly T[]>, place: (item: T) => string, limit: number): T[] {
  const tagged = samples.flatMap((sample, input) => sample.map((item, i) => ({ item, input, i, at: place(item) })));
  tagged.sort((a, b) => compareText(a.at, b.at) || a.input - b.input || a.i - b.i);
  return tagged.slice(0, limit).map((t) => t.item);
}
