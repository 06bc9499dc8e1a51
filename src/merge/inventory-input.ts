import { validateInventoryHeader } from '../inventory/validate-inventory.js';
import { InputError } from '../errors.js';
import { isJsonObject } from '../json.js';
import { INVENTORY_KIND, INVENTORY_SCHEMA_VERSION, type InventoryResource } from '../model/inventory.js';
import type { InventoryHeader } from '../inventory/resource-set.js';
import { compareText } from '../order.js';
import { readLines } from '../file-lines.js';
import { describeReadError } from './read-lines.js';

const RESOURCES_OPEN = '  "resources": [';
const RESOURCE_OPEN = '    {';

/**
 * inventory.json as a scan writes it (src/reporters/inventory-json.ts): the header with sorted
 * keys, then `"resources": [` with each resource indented four spaces, opening on `    {` and
 * closing on `    }` (a comma after all but the last). Only that layout is read: the merge
 * takes inventories a scan wrote beside its results.json, never hand-made ones.
 */
export function readInventoryHeader(path: string): InventoryHeader {
  const bad = (why: string) => new InputError(`${path} is not the inventory.json a cafscan scan writes: ${why}`);
  const lines: string[] = [];
  try {
    for (const line of readLines(path)) {
      if (line === RESOURCES_OPEN) {
        const last = lines.pop();
        if (last === undefined || !last.endsWith(',')) throw bad('no header before its resources');
        let header: unknown;
        try {
          header = JSON.parse([...lines, last.slice(0, -1), '}'].join('\n'));
        } catch {
          throw bad('its header is not valid JSON');
        }
        return checkHeader(header, bad);
      }
      lines.push(line);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path} (merge reads the inventory.json each scan wrote beside its results.json): ${describeReadError(error)}`);
  }
  throw bad('no "resources" array where cafscan writes it');
}

/** The resources in file order (type, then ARN), checked to be in that order and the file complete. */
export function* inventoryResources(path: string): Generator<InventoryResource> {
  const bad = (why: string) => new InputError(`${path} is not the inventory.json a cafscan scan writes: ${why}`);
  let inside = false;
  let body: string[] | undefined;
  let previous: InventoryResource | undefined;
  let closed = false;
  for (const line of readLines(path)) {
    if (!inside) {
      inside = line === RESOURCES_OPEN;
      continue;
    }
    if (closed) continue;
    if (body === undefined) {
      if (line === '  ]') {
        closed = true;
        continue;
      }
      if (line !== RESOURCE_OPEN) throw bad(`a resource does not start where expected ("${line.slice(0, 40)}")`);
      body = ['{'];
      continue;
    }
    if (line === '    }' || line === '    },') {
      body.push('}');
      let value: unknown;
      try {
        value = JSON.parse(body.join('\n'));
      } catch {
        throw bad('a resource is not valid JSON');
      }
      if (!isJsonObject(value) || typeof value.type !== 'string' || typeof value.arn !== 'string' || typeof value.accountId !== 'string') throw bad('a resource has no type, arn or accountId');
      const resource = value as unknown as InventoryResource;
      if (previous && (compareText(previous.type, resource.type) || compareText(previous.arn, resource.arn)) > 0) throw bad(`resources are not sorted by type, then ARN (at ${resource.arn})`);
      previous = resource;
      body = undefined;
      yield resource;
      continue;
    }
    body.push(line.slice(4));
  }
  if (!closed) throw bad('it ends inside its resources (truncated?)');
}

function checkHeader(value: unknown, bad: (why: string) => InputError): InventoryHeader {
  if (!isJsonObject(value) || value.kind !== INVENTORY_KIND) throw bad(`kind is not "${INVENTORY_KIND}"`);
  if (value.schemaVersion !== INVENTORY_SCHEMA_VERSION) throw bad(`schemaVersion ${JSON.stringify(value.schemaVersion)}, this cafscan reads "${INVENTORY_SCHEMA_VERSION}"`);
  for (const key of ['sources', 'accounts', 'regions', 'coverage'] as const) {
    if (!Array.isArray(value[key])) throw bad(`no ${key} list`);
  }
  // The header's parts by type (the inventory schema's), on a copy: its defaults must not change
  // what the merged inventory.json writes back.
  const checked = validateInventoryHeader(structuredClone(value));
  if ('problem' in checked) throw bad(checked.problem);
  return value as unknown as InventoryHeader;
}
