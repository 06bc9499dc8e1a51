import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { packageRoot } from '../package-root.js';
import { printable, type JsonObject, type JsonValue } from '../json.js';
import type { Inventory, InventoryResource } from '../model/inventory.js';

/** Published beside docs/inventory.md, and what a saved inventory.json is checked against. */
export const INVENTORY_SCHEMA_FILE = join(packageRoot, 'docs', 'inventory.schema.json');

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // useDefaults: fields a hand-written inventory may leave out get the schema's stated default
  // (tags: null = unknown, not "no tags"), so nothing downstream meets `undefined`.
  // allErrors off: the first problem is the one reported (one line on stderr).
  compiled ??= new Ajv({ useDefaults: true, strict: true, allErrors: false }).compile(JSON.parse(readFileSync(INVENTORY_SCHEMA_FILE, 'utf8')) as object);
  return compiled;
}

/**
 * Checks a parsed cafscan inventory against docs/inventory.schema.json (filling documented
 * defaults in place). Returns the inventory, or the first problem as "JSON path: message",
 * e.g. "/resources/3/arn: must be string".
 */
export function validateInventory(doc: JsonValue): { inventory: Inventory } | { problem: string } {
  const validate = validator();
  if (validate(doc)) return { inventory: doc as unknown as Inventory };
  return { problem: describe(validate.errors?.[0]) };
}

function describe(error: ErrorObject | undefined, prefix = ''): string {
  if (!error) return `${prefix || '/'}: does not match the inventory schema`;
  const path = printable(`${prefix}${error.instancePath}` || '/');
  const detail =
    error.keyword === 'const' ? `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` :
    error.keyword === 'enum' ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` :
    error.message ?? 'does not match the inventory schema';
  return `${path}: ${detail}`;
}

/**
 * A streamed inventory is checked in parts (issue 11: never the whole document at once): the
 * header with an empty resources list against the whole schema, then each resource against the
 * schema's resource definition. Problems read as the whole-document check wrote them
 * ("/resources/3/arn: must be string").
 */
export function validateInventoryHeader(header: JsonObject): { problem: string } | { ok: true } {
  const validate = validator();
  // Checked in place, so the schema's defaults land in the header as they did in the whole document.
  header.resources = [];
  const valid = validate(header);
  delete header.resources;
  return valid ? { ok: true } : { problem: describe(validate.errors?.[0]) };
}

let compiledResource: ValidateFunction | undefined;

export function validateInventoryResource(resource: JsonValue, index: number): { resource: InventoryResource } | { problem: string } {
  compiledResource ??= resourceValidator();
  if (compiledResource(resource)) return { resource: resource as unknown as InventoryResource };
  return { problem: describe(compiledResource.errors?.[0], `/resources/${index}`) };
}

function resourceValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(INVENTORY_SCHEMA_FILE, 'utf8')) as { $id: string };
  const ajv = new Ajv({ useDefaults: true, strict: true, allErrors: false });
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${schema.$id}#/definitions/resource`);
  if (!validate) throw new Error(`${INVENTORY_SCHEMA_FILE} has no definitions/resource`);
  return validate;
}
