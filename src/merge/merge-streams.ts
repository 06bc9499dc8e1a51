import { compare, compareCoverage } from '../inventory/build-inventory.js';
import { INVENTORY_KIND, INVENTORY_SCHEMA_VERSION, ACCOUNT_RESOURCE_TYPE, type InventoryResource } from '../model/inventory.js';
import type { InventoryHeader } from '../inventory/resource-set.js';
import { InputError } from '../errors.js';
import { compareText } from '../order.js';
import { InventoryFileWriter, type LineSpan } from '../reporters/inventory-json.js';
import { OUTPUT_FILES } from '../reporters/output-files.js';
import type { StagedSet } from '../reporters/staged-set.js';
import type { FindingLine } from '../reporters/write-report-set.js';
import { combineSources, sortedUnion } from './combine-scan.js';
import { inventoryResources } from './inventory-input.js';
import { findingLines, type ResultsInput } from './results-input.js';

/**
 * inventory.json's header as one scan over every input would have built it (build-inventory.ts):
 * sources in input order, accounts and regions the sorted union, coverage sorted by account,
 * region and type (no account is in two inputs, so no entry meets another).
 */
export function mergedInventoryHeader(headers: readonly InventoryHeader[]): InventoryHeader {
  return {
    kind: INVENTORY_KIND,
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    sources: combineSources(headers.map((h) => h.sources)),
    accounts: sortedUnion(headers.map((h) => h.accounts)),
    regions: sortedUnion(headers.map((h) => h.regions)),
    coverage: headers.flatMap((h) => h.coverage).sort(compareCoverage),
  };
}

export interface MergedInventory {
  /** Line spans of the resources with a failing finding (SARIF locations). */
  lines: ReadonlyMap<string, LineSpan>;
  /** Where each asked-for ARN sits in inventory order ("type\0arn"), for the summaries' samples. */
  places: ReadonlyMap<string, string>;
  /** Resources other than the account/region records (what "the input has no resources" counts). */
  resourceCount: number;
}

/**
 * Writes the merged inventory.json into the staged set: the inputs' resources k-way merged by
 * type then ARN, each written by the scan's own writer (the same bytes: the inputs were written
 * by it and are already redacted), keeping the spans of the resources that fail somewhere.
 */
export function writeMergedInventory(staged: StagedSet, header: InventoryHeader, paths: readonly string[], failing: ReadonlySet<string>, sampled: ReadonlySet<string>): MergedInventory {
  const file = staged.file(OUTPUT_FILES.inventory);
  const writer = new InventoryFileWriter(header, (piece) => file.write(piece));
  const places = new Map<string, string>();
  let resourceCount = 0;
  let last: InventoryResource | undefined;
  for (const resource of kWayMerge(paths.map((path) => inventoryResources(path)), (a, b) => compare(a.type, b.type) || compare(a.arn, b.arn))) {
    if (last && last.type === resource.type && last.arn === resource.arn) throw new InputError(`cannot merge: ${resource.arn} is in more than one input's inventory.json`);
    last = resource;
    writer.add(resource, failing.has(resource.arn));
    if (resource.type !== ACCOUNT_RESOURCE_TYPE) resourceCount++;
    if (sampled.has(resource.arn)) places.set(resource.arn, `${resource.type}\u0000${resource.arn}`);
  }
  const written = writer.finish();
  file.close();
  return { lines: written.lines, places, resourceCount };
}

/** Every input's findings in results.json order: control id, then resource ARN. */
export function mergedFindings(inputs: readonly ResultsInput[]): Iterable<FindingLine> {
  return kWayMerge(
    inputs.map((input) => findingLines(input)),
    (a, b) => compareText(a.finding.controlId, b.finding.controlId) || compareText(a.finding.resource.arn, b.finding.resource.arn),
  );
}

/**
 * Merges sorted sources into one sorted sequence, holding one item per source; on ties the
 * earlier source first. The inputs are few (shards), so a linear scan for the least head is enough.
 */
export function* kWayMerge<T>(sources: ReadonlyArray<Iterator<T>>, order: (a: T, b: T) => number): Generator<T> {
  const heads = sources.map((source) => source.next());
  try {
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (head.done) continue;
        if (best === -1 || order(head.value, (heads[best] as IteratorYieldResult<T>).value) < 0) best = i;
      }
      if (best === -1) return;
      yield (heads[best] as IteratorYieldResult<T>).value;
      heads[best] = sources[best]!.next();
    }
  } finally {
    // Stopped early (an error downstream): each source closes its file.
    for (const source of sources) source.return?.();
  }
}
