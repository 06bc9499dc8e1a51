import { stableStringify } from '../json.js';
import type { Inventory, InventoryResource } from '../inventory/model.js';

export interface LineSpan {
  startLine: number;
  endLine: number;
}

export interface InventoryWriter {
  /** The pieces of inventory.json, produced while writing. */
  chunks: () => Iterable<string>;
  /** Where each resource sits, by ARN — filled in as `chunks` runs; SARIF locations point here. */
  lines: Map<string, LineSpan>;
}

/**
 * inventory.json, written so we know each resource's line span as we go. Resource keys come in
 * a fixed order (type, id, arn first, so the first lines of a SARIF region identify the
 * resource); nested keys keep their input order, which is deterministic for a given input.
 */
export function inventoryWriter(inventory: Inventory): InventoryWriter {
  const lines = new Map<string, LineSpan>();
  function* chunks(): Generator<string> {
    const { resources, ...header } = inventory;
    const head = `${stableStringify(header).slice(0, -2)},\n  "resources": [`;
    let line = countLines(head);
    yield head;
    for (let i = 0; i < resources.length; i++) {
      const resource = resources[i]!;
      const text = `\n    ${JSON.stringify(ordered(resource), null, 2).replace(/\n/g, '\n    ')}${i < resources.length - 1 ? ',' : ''}`;
      const opening = line + 1;
      line += countLines(text) - 1;
      lines.set(resource.arn, { startLine: opening + 1, endLine: line });
      yield text;
    }
    yield '\n  ]\n}\n';
  }
  return { chunks, lines };
}

function ordered(resource: InventoryResource): InventoryResource {
  return {
    type: resource.type,
    id: resource.id,
    arn: resource.arn,
    name: resource.name,
    accountId: resource.accountId,
    region: resource.region,
    capturedAt: resource.capturedAt,
    tags: resource.tags,
    relationships: resource.relationships,
    configuration: resource.configuration,
    supplementaryConfiguration: resource.supplementaryConfiguration,
    // Kept, so a re-scan of this file still reports what could not be read as not_evaluated.
    ...(resource.collectionErrors ? { collectionErrors: resource.collectionErrors } : {}),
  };
}

/** Number of lines a piece spans (1 + its newlines). */
function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
