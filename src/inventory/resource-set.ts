import type { Inventory, InventoryResource } from '../model/inventory.js';

/** Everything about an inventory except its resources: small whatever the scan's size. */
export type InventoryHeader = Omit<Inventory, 'resources'>;

/**
 * The resources of a scan, read pass by pass instead of held as one array, so that a scan's
 * memory does not grow with its resource count (issue 11): a large input is kept on disk between
 * passes and read back in order; a small one (a live scan, a test) stays in memory.
 * Every stage after the sources reads resources through this interface.
 */
export interface ResourceSet {
  readonly header: InventoryHeader;
  /** How many resources `resources()` yields. */
  readonly count: number;
  /** One pass over every resource in inventory order (type, then ARN). Each call starts a new pass. */
  resources(): AsyncIterable<InventoryResource>;
  /** Releases what the set keeps between passes (a spill file). Idempotent. */
  close(): Promise<void>;
}

/** A set over an inventory already in memory (live scans, tests). */
export function resourceSetOf(inventory: Inventory): ResourceSet {
  const { resources, ...header } = inventory;
  return {
    header,
    count: resources.length,

    // eslint-disable-next-line @typescript-eslint/require-await -- an in-memory pass, async only because ResourceSet's passes are (a spilled set reads a file)
    async *resources() {
      yield* resources;
    },
    close: async () => {},
  };
}
