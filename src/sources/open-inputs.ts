import { tmpdir } from 'node:os';
import {
  compare,
  compareCoverage,
  mergeCoverage,
  removeDeleted,
  synthesizeAccountResources,
  unique,
  type MergeKey,
} from '../inventory/build-inventory.js';
import { captureInstant } from '../inventory/capture-time.js';
import { INVENTORY_KIND, INVENTORY_SCHEMA_VERSION, type CoverageEntry, type InventoryResource } from '../model/inventory.js';
import type { Removal } from '../inventory/normalize-config-item.js';
import type { InventoryHeader, ResourceSet } from '../inventory/resource-set.js';
import type { JsonValue } from '../json.js';
import { streamInputFile, type ItemContainer, type ItemSink } from './read-input-file.js';
import { FILE_SOURCES, sourceOfContainer } from './registry.js';
import type { FileSource } from './source.js';
import { ResourceStore, storedResourceSet } from './resource-store.js';

export interface OpenInputsOptions {
  /**
   * Past this many bytes of input text, resources are kept in a temp file instead of in memory
   * (default 64 MiB: a few tens of thousands of resources, under ~0.5 GB of heap as objects).
   */
  spillAboveBytes?: number;
  /**
   * Of the resources kept as JSON once past `spillAboveBytes`, how many bytes stay in memory
   * before the rest go to a temp file (default: the store's, src/sources/resource-store.ts).
   */
  memoryBytes?: number;
  /** Where the spill file is made (default: the OS temp directory). */
  tempDir?: string;
  /** The file sources asked what each file is (default: the registry's, FILE_SOURCES). */
  sources?: readonly FileSource[];
}

const DEFAULT_SPILL_ABOVE_BYTES = 64 << 20;

/** What merging keeps per resource: its identity, its capture instant and where its body is. */
interface Entry extends MergeKey {
  instant: number;
  slot: number;
}

/** One candidate list of one file, kept until the file's end says which list is the file's. */
interface Candidate {
  entries: Entry[];
  removals: Removal[];
}

/**
 * Reads every --input file in one streamed pass and merges them exactly as buildInventory does
 * (src/inventory/build-inventory.ts): the newest capture per ARN by instant (the first input on
 * equal or unknown times), strictly later deletions remove, coverage per account/region/type,
 * one AWS::::Account resource per account and region, sorted by type then ARN. Only each
 * resource's identity is kept in memory; the resources themselves stay in memory for small
 * inputs and go to a temp file for large ones, and are read back in order on each pass.
 */
export async function openInputs(files: string[], options: OpenInputsOptions = {}): Promise<ResourceSet> {
  const store = new ResourceStore(options.tempDir ?? tmpdir(), { memoryBytes: options.memoryBytes });
  try {
    return await merge(files, store, options.spillAboveBytes ?? DEFAULT_SPILL_ABOVE_BYTES, options.sources ?? FILE_SOURCES);
  } catch (error) {
    store.close();
    throw error;
  }
}

async function merge(files: string[], store: ResourceStore, spillAboveBytes: number, sources: readonly FileSource[]): Promise<ResourceSet> {
  const byArn = new Map<string, Entry>();
  const coverage = new Map<string, CoverageEntry>();
  const removals: Removal[] = [];
  let textBytes = 0;
  const onBytes = (count: number) => {
    textBytes += count;
    if (textBytes > spillAboveBytes) store.spill();
  };

  for (const file of files) {
    const candidates = new Map<ItemContainer, Candidate>();
    const sinkFor = (container: ItemContainer): ItemSink => {
      const candidate: Candidate = { entries: [], removals: [] };
      candidates.set(container, candidate);
      return sourceSink(sourceOfContainer(container, sources)!, candidate, store, file);
    };
    const read = await streamInputFile(file, sinkFor, { onBytes, sources });
    for (const [container, candidate] of candidates) {
      if (container !== read.container) for (const entry of candidate.entries) store.drop(entry.slot);
    }
    const winner = candidates.get(read.container)!;
    for (const entry of winner.entries) {
      const seen = byArn.get(entry.arn);
      // The newest capture wins; on equal or unknown times the first input keeps it.
      if (!seen || entry.instant > seen.instant) {
        if (seen) store.drop(seen.slot);
        byArn.set(entry.arn, entry);
      } else {
        store.drop(entry.slot);
      }
    }
    removals.push(...winner.removals);
    const fileCoverage = read.source.coverage(read.header, winner.entries);
    mergeCoverage(coverage, fileCoverage);
  }

  removeDeleted(byArn, removals);
  const coverageList = [...coverage.values()].sort(compareCoverage);
  store.flush();
  for (const account of synthesizeAccountResources(byArn.values(), coverageList, [])) {
    const existing = byArn.get(account.arn);
    // A saved inventory already carries account resources; keep the facts it recorded.
    const resource = existing ? { ...account, configuration: { ...account.configuration, ...store.get(existing.slot).configuration } } : account;
    if (existing) store.drop(existing.slot);
    byArn.set(account.arn, entryOf(resource, store.put(resource)));
  }
  store.flush();

  const sorted = [...byArn.values()].sort((a, b) => compare(a.type, b.type) || compare(a.arn, b.arn));
  byArn.clear();
  const header: InventoryHeader = {
    kind: INVENTORY_KIND,
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    sources: [...files],
    accounts: unique(sorted.map((r) => r.accountId)),
    regions: unique(sorted.map((r) => r.region).filter((region) => region !== 'global')),
    coverage: coverageList,
  };
  // Only the slots stay: the order of a pass.
  return storedResourceSet(header, Int32Array.from(sorted, (entry) => entry.slot), store, 'openInputs');
}

/**
 * Types, accounts and regions repeat across thousands of resources, but each parsed copy is its
 * own string: the index keeps one of each, so it holds little more than ARN and id per resource.
 */
const shared = new Map<string, string>();
function intern(value: string): string {
  const known = shared.get(value);
  if (known !== undefined) return known;
  if (shared.size < 100_000) shared.set(value, value);
  return value;
}

function entryOf(resource: InventoryResource, slot: number): Entry {
  const { id, arn, capturedAt } = resource;
  return { type: intern(resource.type), id, arn, accountId: intern(resource.accountId), region: intern(resource.region), capturedAt, instant: captureInstant(capturedAt), slot };
}

/** Reads one list's items through its source into the store, keeping only what merging needs. */
function sourceSink(source: FileSource, candidate: Candidate, store: ResourceStore, file: string): ItemSink {
  return {
    add(item: JsonValue, index: number) {
      const { resource, removal } = source.read(item, index, file);
      if (removal) candidate.removals.push(removal);
      if (resource) candidate.entries.push(entryOf(resource, store.put(resource)));
    },
  };
}
