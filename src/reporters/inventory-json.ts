import { stableStringify } from '../json.js';
import type { Inventory, InventoryResource } from '../model/inventory.js';
import type { InventoryHeader } from '../inventory/resource-set.js';

export interface LineSpan {
  startLine: number;
  endLine: number;
}

/**
 * What writing inventory.json produced that other reports point into: each kept resource's line
 * span by ARN. Only `finish` hands it out, so SARIF locations can only be taken from a complete
 * file — never from one still being written, whatever order the reports are written in.
 */
export interface WrittenInventory {
  lines: ReadonlyMap<string, LineSpan>;
}

export interface InventoryWriter {
  /** The pieces of inventory.json, produced while writing. */
  chunks: () => Iterable<string>;
  /** Where each resource sits, by ARN — the writer's result, available once `chunks` has run to the end. */
  written: () => WrittenInventory;
}

/**
 * inventory.json, written so we know each resource's line span as we go. Resource keys come in
 * a fixed order (type, id, arn first, so the first lines of a SARIF region identify the
 * resource); nested keys keep their input order, which is deterministic for a given input.
 */
export function inventoryWriter(inventory: Inventory): InventoryWriter {
  let result: WrittenInventory | undefined;
  function* chunks(): Generator<string> {
    const pieces: string[] = [];
    const { resources, ...header } = inventory;
    const writer = new InventoryFileWriter(header, (piece) => pieces.push(piece));
    for (const resource of resources) {
      writer.add(resource, true);
      yield* pieces.splice(0);
    }
    result = writer.finish();
    yield* pieces.splice(0);
  }
  const written = () => {
    if (!result) throw new Error('inventory.json is not written yet: its line spans come from the finished file');
    return result;
  };
  return { chunks, written };
}

/**
 * inventory.json written resource by resource as a scan reads them (no array of them held):
 * `add` each in inventory order, then `finish`. Records the line span of the resources asked
 * for (those with failures: SARIF locations point at them), so SARIF line numbers come from
 * what was actually written, not from a second rendering.
 */
export class InventoryFileWriter {
  private line: number;
  private written = 0;
  private readonly lines = new Map<string, LineSpan>();

  constructor(
    header: InventoryHeader,
    private readonly out: (piece: string) => void,
  ) {
    const head = `${stableStringify(header).slice(0, -2)},\n  "resources": [`;
    this.line = countLines(head);
    out(head);
  }

  /** Writes the next resource; with `keepSpan`, remembers its lines by ARN. */
  add(resource: InventoryResource, keepSpan: boolean): void {
    // The separator goes before every resource but the first: the same bytes as a comma after
    // every resource but the last, without knowing which one is last.
    // Nested two arrays deep, JSON.stringify indents the resource by the 4 spaces it has in the
    // file: the same text as stringifying it alone and indenting every line, without the second
    // full-size string and regex pass (100,000 resources: 267 MB). Slicing off the wrapper is O(1).
    const nested = JSON.stringify([[ordered(resource)]], null, 2);
    const text = `${this.written > 0 ? ',' : ''}\n    ${nested.slice(NESTED_OPEN, nested.length - NESTED_CLOSE)}`;
    const opening = this.line + 1;
    this.line += countLines(text) - 1;
    if (keepSpan) this.lines.set(resource.arn, { startLine: opening + 1, endLine: this.line });
    this.written++;
    this.out(text);
  }

  /** Whether a span is kept for this ARN (a repeated ARN keeps its last resource's span). */
  keepsSpan(arn: string): boolean {
    return this.lines.has(arn);
  }

  /** Ends the file; its result is where the kept resources sit, for SARIF locations. */
  finish(): WrittenInventory {
    this.out('\n  ]\n}\n');
    return { lines: this.lines };
  }
}

/** What JSON.stringify([[x]], null, 2) puts around x: "[\n  [\n    " and "\n  ]\n]". */
const NESTED_OPEN = '[\n  [\n    '.length;
const NESTED_CLOSE = '\n  ]\n]'.length;

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
