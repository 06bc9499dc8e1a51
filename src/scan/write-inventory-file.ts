import { basename, dirname } from 'node:path';
import type { Inventory } from '../model/inventory.js';
import { resourceSetOf, type ResourceSet } from '../inventory/resource-set.js';
import { cleanUpOnStopSignals, letSignalsArrive } from '../reporters/defer-signals.js';
import { InventoryFileWriter } from '../reporters/inventory-json.js';
import { StagedSet } from '../reporters/staged-set.js';
import { commitStaged } from '../reporters/write-outputs.js';
import { evaluateChunks } from './evaluate-chunks.js';
import { evaluateWritingInventory } from './inventory-pass.js';
import { ContextBuilder } from '../engine/context.js';
import { loadPolicyBundle } from '../controls/catalog.js';

/**
 * `cafscan collect --output`: the inventory alone, redacted unless asked not to, written as
 * the scan's reports are — streamed into a staged file by the same writer as the scan's
 * inventory.json, then swapped in complete and fsync'd, or the previous file left as it was.
 * Returns warnings for stderr.
 */
export async function writeInventoryFile(file: string, inventory: Inventory | ResourceSet, redact: boolean): Promise<string[]> {
  const set = 'count' in inventory ? inventory : resourceSetOf(inventory);
  const name = basename(file);
  // The listeners first: a stop signal the moment the staging directory appears must find them.
  let opened: StagedSet | undefined;
  const release = cleanUpOnStopSignals(() => opened?.abort());
  let staged: StagedSet;
  try {
    staged = opened = StagedSet.open(dirname(file));
  } catch (error) {
    release();
    throw error;
  }
  let swapping = false;
  try {
    const out = staged.file(name);
    const writer = new InventoryFileWriter(set.header, (piece) => staged.guard(name, () => out.write(piece)));
    if (redact) {
      // controls: false — only the redaction check runs (what to replace), no control, so the
      // context other resources are looked up in can stay empty.
      const bundle = loadPolicyBundle();
      await evaluateWritingInventory(set, evaluateChunks, { header: set.header, options: { scanTime: new Date(), controls: false, bundle }, contextJson: new ContextBuilder(bundle.catalog).toJson(), total: set.count }, writer, true, () => {});
    } else {
      for await (const resource of set.resources()) writer.add(resource, false);
    }
    staged.guard(name, () => writer.finish());
    await letSignalsArrive();
    release();
    // The swap owns the scratch directories from here (see runScan).
    swapping = true;
    return commitStaged(staged).warnings;
  } catch (error) {
    release();
    if (!swapping) staged.abort();
    throw error;
  }
}
