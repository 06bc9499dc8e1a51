import { tmpdir } from 'node:os';
import { compare, compareCoverage, unique } from '../inventory/build-inventory.js';
import { captureInstant } from '../inventory/capture-time.js';
import type { InventoryHeader, ResourceSet } from '../inventory/resource-set.js';
import { INVENTORY_KIND, INVENTORY_SCHEMA_VERSION, type CoverageEntry, type Inventory } from '../model/inventory.js';
import { ResourceStore, storedResourceSet } from '../sources/resource-store.js';

/** What the sink keeps per resource: enough to order and de-duplicate, and where the body is. */
interface Entry {
  type: string;
  arn: string;
  accountId: string;
  instant: number;
  slot: number;
}

export interface AccountSinkOptions {
  /** Past this many resources, bodies go to a temp file instead of staying in memory (default 20,000). */
  spillAboveResources?: number;
  tempDir?: string;
}

const DEFAULT_SPILL_ABOVE = 20_000;

/**
 * Gathers an organisation's accounts into one resource set as each account's collection ends,
 * so only the accounts being collected are held whole in memory: the finished ones are reduced
 * to an index entry per resource, their bodies kept in a ResourceStore that moves to a temp file
 * once the organisation is large (as openInputs does for large inputs). Accounts may finish in
 * any order; the set comes out the same — resources by type then ARN, coverage sorted, and an
 * ARN held by two accounts (an S3 bucket name cannot be, but an emulator may allow it) decided
 * by capture time, then by the lower account id, never by which finished first.
 */
export class AccountSink {
  private readonly store: ResourceStore;
  private readonly byArn = new Map<string, Entry>();
  private readonly coverage: CoverageEntry[] = [];
  private readonly regions = new Set<string>();
  private readonly spillAbove: number;
  private finished = false;

  constructor(options: AccountSinkOptions = {}) {
    this.store = new ResourceStore(options.tempDir ?? tmpdir());
    this.spillAbove = options.spillAboveResources ?? DEFAULT_SPILL_ABOVE;
  }

  /** One account's inventory; it can be dropped by the caller afterwards. */
  add(inventory: Inventory): void {
    if (this.finished) throw new Error('AccountSink: add() after finish()');
    for (const region of inventory.regions) this.regions.add(region);
    this.coverage.push(...inventory.coverage);
    for (const resource of inventory.resources) {
      const entry: Entry = { type: resource.type, arn: resource.arn, accountId: resource.accountId, instant: captureInstant(resource.capturedAt), slot: -1 };
      const seen = this.byArn.get(resource.arn);
      if (seen && !wins(entry, seen)) continue;
      if (seen) this.store.drop(seen.slot);
      entry.slot = this.store.put(resource);
      this.byArn.set(resource.arn, entry);
      if (this.byArn.size > this.spillAbove) this.store.spill();
    }
  }

  /** The organisation's resource set; closing it removes the temp file. */
  finish(sources: string[]): ResourceSet {
    this.finished = true;
    this.store.flush();
    const sorted = [...this.byArn.values()].sort((a, b) => compare(a.type, b.type) || compare(a.arn, b.arn));
    this.byArn.clear();
    const header: InventoryHeader = {
      kind: INVENTORY_KIND,
      schemaVersion: INVENTORY_SCHEMA_VERSION,
      sources,
      accounts: unique(sorted.map((e) => e.accountId)),
      regions: [...this.regions].sort(),
      coverage: [...this.coverage].sort(compareCoverage),
    };
    return storedResourceSet(header, Int32Array.from(sorted, (e) => e.slot), this.store, 'AccountSink');
  }

  /** Releases the store without producing a set (the scan failed). */
  abort(): void {
    this.finished = true;
    this.store.close();
  }
}

function wins(candidate: Entry, seen: Entry): boolean {
  if (candidate.instant !== seen.instant) return candidate.instant > seen.instant;
  return candidate.accountId < seen.accountId;
}
