import { buildInventory, type InventoryPart } from '../inventory/build-inventory.js';
import type { CoverageEntry, Inventory, InventoryResource } from '../model/inventory.js';
import { configItemRemoval, normalizeConfigItem, type Removal } from '../inventory/normalize-config-item.js';
import { readInputFile } from './read-input-file.js';

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

async function readPart(file: string): Promise<InventoryPart> {
  const doc = await readInputFile(file);
  const source = file;
  if (doc.format === 'inventory') {
    return { source, resources: doc.inventory.resources, coverage: doc.inventory.coverage ?? [] };
  }
  const resources: InventoryResource[] = [];
  const removals: Removal[] = [];
  doc.items.forEach((item, index) => {
    // Configuration history: a deletion newer than the recorded item removes the resource.
    const removal = configItemRemoval(item);
    if (removal) removals.push(removal);
    const resource = normalizeConfigItem(item, `${source} item ${index}`);
    if (resource) resources.push(resource);
  });
  return { source, resources, coverage: snapshotCoverage(resources), removals };
}

/**
 * A Config snapshot lists everything the recorder recorded, so a type that appears in an
 * account/region was collected completely there. A type that does not appear is unknown
 * (the recorder may not record it), never assumed absent.
 */
export function snapshotCoverage(resources: Iterable<Pick<InventoryResource, 'accountId' | 'region' | 'type'>>): CoverageEntry[] {
  const seen = new Map<string, CoverageEntry>();
  for (const r of resources) {
    seen.set(`${r.accountId}|${r.region}|${r.type}`, { accountId: r.accountId, region: r.region, resourceType: r.type, status: 'complete' });
  }
  return [...seen.values()];
}
