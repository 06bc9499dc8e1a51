import { isDeepStrictEqual } from 'node:util';
import { InputError } from '../errors.js';
import type { ScanResults } from '../model/results.js';
import { inShard } from '../org/shard.js';

export type ResultsHead = Pick<ScanResults, 'schemaVersion' | 'tool' | 'scan'>;

/** The scan keys a merge knows how to combine, in the order runScan writes them. */
export const SCAN_KEY_ORDER = ['startedAt', 'finishedAt', 'sources', 'accounts', 'regions', 'collection', 'evaluationErrors', 'assetGraph', 'suppressions', 'baseline', 'selection', 'allResources', 'empty', 'emptyReason'] as const;
/** Keys other parts of cafscan write where they choose: combined by the merge, placed as the inputs place them. */
const PLACED_KEYS = ['organization'];

/**
 * Refuses inputs whose union is not what one scan would have written: other cafscan or catalog
 * versions, an account in two inputs (its findings would be counted twice), and any run setting
 * results.json records that changes which findings exist — the control selection,
 * --all-resources, the baseline compared with, the organisation run — or a mix of live and
 * file sources. Each refusal is one line naming the inputs that differ.
 */
export function checkInputs(inputs: Array<{ path: string; head: ResultsHead }>): void {
  if (inputs.length === 0) throw new InputError('merge needs at least one results.json');
  const [first, ...rest] = inputs as [{ path: string; head: ResultsHead }, ...Array<{ path: string; head: ResultsHead }>];
  const differ = (what: string, other: string, a: unknown, b: unknown) =>
    new InputError(`cannot merge ${first.path} and ${other}: ${what} differ (${show(a)} and ${show(b)}); merge only the shards of one scan`);
  for (const { path, head } of inputs) {
    const unknown = Object.keys(head.scan).filter((key) => !(SCAN_KEY_ORDER as readonly string[]).includes(key) && !PLACED_KEYS.includes(key));
    if (unknown.length) throw new InputError(`cannot merge ${path}: its scan.${unknown[0]} is not something this cafscan knows how to combine (written by another version?)`);
  }
  for (const { path, head } of rest) {
    if (head.tool.version !== first.head.tool.version) throw differ('cafscan versions', path, first.head.tool.version, head.tool.version);
    if (head.tool.catalog !== first.head.tool.catalog) throw differ('control catalogs (tool.catalog)', path, first.head.tool.catalog ?? 'none recorded', head.tool.catalog ?? 'none recorded');
    if (!isDeepStrictEqual(head.scan.selection, first.head.scan.selection)) throw differ('control selections (scan.selection)', path, first.head.scan.selection?.criteria ?? 'all controls', head.scan.selection?.criteria ?? 'all controls');
    if (head.scan.allResources !== first.head.scan.allResources) throw differ('--all-resources settings', path, first.head.scan.allResources ?? false, head.scan.allResources ?? false);
    const baselineOf = (h: ResultsHead) => (h.scan.baseline ? { source: h.scan.baseline.source, startedAt: h.scan.baseline.startedAt } : 'none');
    if (!isDeepStrictEqual(baselineOf(head), baselineOf(first.head))) throw differ('baselines (scan.baseline)', path, baselineOf(first.head), baselineOf(head));
    const orgOf = (h: ResultsHead) => (h.scan.organization ? { managementAccountId: h.scan.organization.managementAccountId, aggregator: h.scan.organization.aggregator ?? null } : 'none');
    if (!isDeepStrictEqual(orgOf(head), orgOf(first.head))) throw differ('organisations (scan.organization)', path, orgOf(first.head), orgOf(head));
    const live = (h: ResultsHead) => h.scan.sources.includes('live');
    if (live(head) !== live(first.head)) throw differ('sources (live and files)', path, first.head.scan.sources, head.scan.sources);
    const rulesOf = (h: ResultsHead) => (h.scan.suppressions?.expired ?? []).map((e) => e.source);
    if (!isDeepStrictEqual(rulesOf(head), rulesOf(first.head)) || !!head.scan.suppressions !== !!first.head.scan.suppressions) {
      throw differ('suppression rules (scan.suppressions: expired rules or none)', path, rulesOf(first.head), rulesOf(head));
    }
  }
  checkShards(inputs);
  const owner = new Map<string, string>();
  for (const { path, head } of inputs) {
    for (const account of accountsOf(head)) {
      const other = owner.get(account);
      if (other !== undefined && other !== path) throw new InputError(`cannot merge ${other} and ${path}: both cover account ${account}; each account must come from one input`);
      owner.set(account, path);
    }
  }
}

/**
 * Shards of an organisation run (`scan.organization.shard`) merge only as a whole split: the same
 * count, each index once, every index present, and each input's accounts in its own slice. The
 * merged report drops `shard` and reads as the whole organisation, so a missing shard (a runner
 * that crashed, an artifact not downloaded) would otherwise silently leave its accounts out.
 */
function checkShards(inputs: ReadonlyArray<{ path: string; head: ResultsHead }>): void {
  const sharded = inputs.filter(({ head }) => head.scan.organization?.shard !== undefined);
  if (sharded.length === 0) return;
  const unsharded = inputs.find(({ head }) => head.scan.organization?.shard === undefined);
  if (unsharded) throw new InputError(`cannot merge ${unsharded.path} with shards of an organisation run (${sharded[0]!.path} is shard ${describe(sharded[0]!.head)}): it is not one of them`);
  const count = sharded[0]!.head.scan.organization!.shard!.count;
  const seen = new Map<number, string>();
  for (const { path, head } of sharded) {
    const shard = head.scan.organization!.shard!;
    if (shard.count !== count) throw new InputError(`cannot merge ${sharded[0]!.path} (shard ${describe(sharded[0]!.head)}) and ${path} (shard ${describe(head)}): the accounts were split differently`);
    const other = seen.get(shard.index);
    if (other !== undefined) throw new InputError(`cannot merge ${other} and ${path}: both are shard ${describe(head)}`);
    seen.set(shard.index, path);
    const stray = head.scan.organization!.accounts.find((a) => !inShard(a.accountId, shard));
    if (stray) throw new InputError(`cannot merge ${path}: it says it is shard ${describe(head)} but lists account ${stray.accountId}, which is not in that slice`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length) {
    throw new InputError(`cannot merge: shard${missing.length === 1 ? '' : 's'} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} of ${count} missing — the merged report would leave out their accounts and read as the whole organisation`);
  }
}

function describe(head: ResultsHead): string {
  const shard = head.scan.organization?.shard;
  return shard ? `${shard.index}/${shard.count}` : 'none';
}

/** The accounts an input covers: those it scanned, and the organisation accounts it lists (entered or not). */
function accountsOf(head: ResultsHead): string[] {
  return [...new Set([...head.scan.accounts, ...(head.scan.organization?.accounts.map((a) => a.accountId) ?? [])])];
}

/**
 * The order of the merged scan's keys: runScan's, with a key written by another part of cafscan
 * (scan.organization) after the key it follows in the inputs.
 */
export function scanKeyOrder(heads: readonly ResultsHead[]): string[] {
  const order: string[] = [...SCAN_KEY_ORDER];
  for (const head of heads) {
    const keys = Object.keys(head.scan);
    keys.forEach((key, i) => {
      if (order.includes(key)) return;
      const after = i > 0 ? order.indexOf(keys[i - 1]!) : -1;
      order.splice(after + 1, 0, key);
    });
  }
  return order;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
