import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { packageRoot } from '../controls/catalog.js';
import { printable, type JsonValue } from '../json.js';
import type { Inventory } from './model.js';

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

function describe(error: ErrorObject | undefined): string {
  if (!error) return '/: does not match the inventory schema';
  const path = printable(error.instancePath || '/');
  const detail =
    error.keyword === 'const' ? `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` :
    error.keyword === 'enum' ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` :
    error.message ?? 'does not match the inventory schema';
  return `${path}: ${detail}`;
}
