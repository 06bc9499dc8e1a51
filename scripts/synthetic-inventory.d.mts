// Types for tests that import the generator (the script stays plain JS to run without a build).
import type { Catalog } from '../src/model/control.js';
import type { Inventory } from '../src/model/inventory.js';

export const demoSnapshot: string;
export function syntheticInventory(options: { demo: Inventory; catalog: Catalog; count: number; accountCount?: number }): Inventory;
