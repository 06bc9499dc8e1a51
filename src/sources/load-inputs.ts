import { buildInventory, type InventoryPart } from '../inventory/build-inventory.js';
import type { Inventory, InventoryResource } from '../model/inventory.js';
import type { Removal } from '../inventory/normalize-config-item.js';
import type { JsonValue } from '../json.js';
import { streamInputFile } from './read-input-file.js';

export { snapshotCoverage } from './config-items-source.js';

/**
 * Reads every --input file and merges them into one inventory held in memory. For scans, use
 * openInputs (src/sources/open-inputs.ts), which keeps a large inventory on disk; this is the
 * whole-inventory form for small inputs, tests and scripts, and the reference openInputs is
 * tested against.
 */
export async function loadInputs(files: string[]): Promise<Inventory> {
  const parts: InventoryPart[] = [];
  for (const file of files) parts.push(await readPart(file));
  return buildInventory(parts);
}

/** One file read through the source it turned out to be (registry.ts). */
async function readPart(file: string): Promise<InventoryPart> {
  const lists = new Map<string, JsonValue[]>();
  const read = await streamInputFile(file, (container) => {
    const items: JsonValue[] = [];
    lists.set(container, items);
    return { add: (item) => void items.push(item) };
  });
  const resources: InventoryResource[] = [];
  const removals: Removal[] = [];
  (lists.get(read.container) ?? []).forEach((item, index) => {
    const { resource, removal } = read.source.read(item, index, file);
    if (removal) removals.push(removal);
    if (resource) resources.push(resource);
  });
  return { source: file, resources, coverage: read.source.coverage(read.header, resources), ...(removals.length ? { removals } : {}) };
}
