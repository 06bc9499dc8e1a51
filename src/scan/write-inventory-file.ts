import { basename, dirname } from 'node:path';
import { evaluateInventory } from '../engine/evaluate.js';
import type { Inventory } from '../inventory/model.js';
import { redactInventory } from '../inventory/redact.js';
import { inventoryWriter } from '../reporters/inventory-json.js';
import { writeOutputs } from '../reporters/write-outputs.js';

/**
 * `cafscan collect --output`: the inventory alone, redacted unless asked not to, written as
 * the scan's reports are (complete and fsync'd, or the previous file left as it was).
 * Returns warnings for stderr.
 */
export async function writeInventoryFile(file: string, inventory: Inventory, redact: boolean): Promise<string[]> {
  const toWrite = redact ? redactInventory(inventory, await evaluateInventory(inventory, { scanTime: new Date(), controls: false })).inventory : inventory;
  return writeOutputs(dirname(file), [[basename(file), inventoryWriter(toWrite).chunks]]).warnings;
}
