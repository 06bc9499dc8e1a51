import { stableStringify } from '../json.js';
import type { Inventory, InventoryResource } from '../inventory/model.js';

export interface LineSpan {
  startLine: number;
  endLine: number;
}

export interface RenderedInventory {
  text: string;
  /** Where each resource sits in the text, by ARN: what SARIF locations point at. */
  lines: Map<string, LineSpan>;
}

/**
 * Writes inventory.json by hand so we know each resource's line span while writing it.
 * Resource keys come in a fixed order (type, id, arn first, so the first lines of a SARIF
 * region identify the resource); nested keys are sorted, so the file is byte-stable.
 */
export function renderInventory(inventory: Inventory): RenderedInventory {
  const { resources, ...header } = inventory;
  const headerLines = stableStringify(header).split('\n');
  // Re-open the header object to append "resources" as its last key.
  const out: string[] = [...headerLines.slice(0, -1)];
  out[out.length - 1] += ',';
  out.push('  "resources": [');
  const lines = new Map<string, LineSpan>();
  resources.forEach((resource, index) => {
    const block = indent(stableResource(resource), '    ').split('\n');
    const startLine = out.length + 1;
    if (index < resources.length - 1) block[block.length - 1] += ',';
    out.push(...block);
    lines.set(resource.arn, { startLine: startLine + 1, endLine: out.length });
  });
  out.push('  ]', '}');
  return { text: `${out.join('\n')}\n`, lines };
}

function stableResource(resource: InventoryResource): string {
  const ordered = {
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
  };
  const head = JSON.stringify({ type: ordered.type, id: ordered.id, arn: ordered.arn, name: ordered.name, accountId: ordered.accountId, region: ordered.region, capturedAt: ordered.capturedAt }, null, 2);
  const tail = stableStringify({ tags: ordered.tags, relationships: ordered.relationships, configuration: ordered.configuration, supplementaryConfiguration: ordered.supplementaryConfiguration });
  // Splice the two objects so the identifying keys come first and the rest stays sorted.
  return `${head.slice(0, -2)},\n${tail.slice(2)}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
