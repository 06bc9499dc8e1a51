import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { isJsonObject, jsonPointer, jsonLimitViolation, type JsonValue } from '../json.js';
import { INVENTORY_KIND, INVENTORY_SCHEMA_VERSION, type Inventory } from '../inventory/model.js';
import { readInputText } from './read-input-text.js';
import { validateInventory } from '../inventory/validate-inventory.js';

/** What one input file turned out to be, before normalisation. */
export type InputDocument =
  | { format: 'config-items'; file: string; items: JsonValue[] }
  | { format: 'inventory'; file: string; inventory: Inventory };

/**
 * Reads an input file and recognises it as: an AWS Config snapshot (`configurationItems`, also
 * what get-resource-config-history returns), batch-get-resource-config output
 * (`baseConfigurationItems`), select-resource-config output (`Results`, JSON strings), a bare
 * list of configuration items, or a cafscan inventory. Gzip is detected by content, not name.
 */
export function readInputFile(file: string): InputDocument {
  const text = readInputText(file);
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new InputError(`${file} is not valid JSON (${(error as Error).message})`);
  }
  const unreadable = jsonLimitViolation(parsed);
  if (unreadable) throw new InputError(`${file}: ${jsonPointer(unreadable.path)} ${unreadable.problem}`);
  return recognise(file, parsed);
}

function recognise(file: string, doc: JsonValue): InputDocument {
  const name = basename(file);
  if (Array.isArray(doc)) {
    if (doc.every((item) => isJsonObject(item) && 'resourceType' in item)) return { format: 'config-items', file, items: doc };
  } else if (isJsonObject(doc)) {
    if (doc.kind === INVENTORY_KIND) {
      if (doc.schemaVersion !== INVENTORY_SCHEMA_VERSION) {
        throw new InputError(`${name} is a cafscan inventory of schemaVersion ${JSON.stringify(doc.schemaVersion)}; this cafscan reads "${INVENTORY_SCHEMA_VERSION}"`);
      }
      if (!Array.isArray(doc.resources)) throw new InputError(`${name} is a cafscan inventory without a resources list`);
      const checked = validateInventory(doc);
      if ('problem' in checked) throw new InputError(`${name} is not a valid cafscan inventory: ${checked.problem}`);
      return { format: 'inventory', file, inventory: checked.inventory };
    }
    if (Array.isArray(doc.configurationItems)) return { format: 'config-items', file, items: doc.configurationItems };
    if (Array.isArray(doc.baseConfigurationItems)) return { format: 'config-items', file, items: doc.baseConfigurationItems };
    if (Array.isArray(doc.Results)) return { format: 'config-items', file, items: doc.Results.map((row, i) => parseSelectRow(name, row, i)) };
  }
  throw new InputError(
    `${name} is neither an AWS Config snapshot, a list of configuration items (batch-get-resource-config / select-resource-config output), nor a cafscan inventory`,
  );
}

/** select-resource-config returns each row as a JSON string. */
function parseSelectRow(name: string, row: JsonValue, index: number): JsonValue {
  if (typeof row !== 'string') return row;
  try {
    return JSON.parse(row) as JsonValue;
  } catch {
    throw new InputError(`${name}: Results[${index}] is not valid JSON`);
  }
}
