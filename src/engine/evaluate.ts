import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { loadCatalog, policyBundleDir, type Catalog } from '../controls/catalog.js';
import type { Inventory, InventoryResource } from '../inventory/model.js';

export type OutcomeStatus = 'pass' | 'fail' | 'not_evaluated';

/** What main.rego returns for one control on one resource. */
export interface ControlOutcome {
  controlId: string;
  status: OutcomeStatus;
  messages: string[];
}

export interface ResourceOutcomes {
  resource: InventoryResource;
  outcomes: ControlOutcome[];
}

export interface EvaluateOptions {
  /** The scan time controls compare against (policies never read a clock). */
  scanTime: Date;
  onProgress?: (done: number, total: number) => void;
}

const WASM_PAGE = 64 * 1024;
const MAX_PAGES = 65536; // 4 GiB, the wasm32 limit

/**
 * Evaluates every resource against the controls routed to its type.
 *
 * Measured design (docs/engine.md): the context other resources are looked up in is loaded
 * once with setData into memory sized up front (growing wasm memory page by page while OPA
 * parses made setData quadratic); then one small evaluation per resource. Batching resources
 * into one input and iterating with `with` was measured quadratic and rejected.
 */
export async function evaluateInventory(inventory: Inventory, options: EvaluateOptions): Promise<ResourceOutcomes[]> {
  const catalog = loadCatalog();
  const context = encode(JSON.stringify({ cafscan_catalog: { routing: catalog.routing }, inventory: buildContext(inventory, catalog) }));
  const policy = await loadPolicy(readFileSync(join(policyBundleDir, 'policy.wasm')), memoryFor(context.byteLength));
  policy.setData(context);

  const scan = { time: options.scanTime.toISOString(), time_ns: options.scanTime.getTime() * 1e6 };
  const evaluated = inventory.resources.filter((resource) => catalog.routing[resource.type] !== undefined);
  const results: ResourceOutcomes[] = [];
  evaluated.forEach((resource, index) => {
    results.push({ resource, outcomes: evaluateOne(policy, catalog.entrypoint, resource, scan) });
    if (options.onProgress && (index % 1000 === 999 || index === evaluated.length - 1)) options.onProgress(index + 1, evaluated.length);
  });
  return results;
}

function evaluateOne(policy: LoadedPolicy, entrypoint: string, resource: InventoryResource, scan: object): ControlOutcome[] {
  const input = encode(JSON.stringify({ resource, scan }));
  const resultSet = policy.evaluate(input, entrypoint) as Array<{ result: ControlOutcome[] }>;
  const outcomes = resultSet[0]?.result ?? [];
  return [...outcomes].sort((a, b) => (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0));
}

interface Context {
  resources: Record<string, InventoryResource>;
  /** account → type → ARNs: lookups stay linear in one account, not the whole inventory. */
  by_account: Record<string, Record<string, string[]>>;
}

/** Only the types controls look up (custom.related_resource_types) go into the context. */
function buildContext(inventory: Inventory, catalog: Catalog): Context {
  const relatedTypes = new Set(catalog.controls.flatMap((control) => control.relatedResourceTypes));
  const context: Context = { resources: {}, by_account: {} };
  for (const resource of inventory.resources) {
    if (!relatedTypes.has(resource.type)) continue;
    context.resources[resource.arn] = resource;
    ((context.by_account[resource.accountId] ??= {})[resource.type] ??= []).push(resource.arn);
  }
  return context;
}

/**
 * OPA's allocator grows wasm memory in small steps, and growth is what makes a large setData
 * slow (24 MB of context: 7.8 s with 4x headroom, 0.78 s with 12x, 0.26 s with 24x). Reserving
 * is cheap — untouched pages never become resident — so reserve generously up front.
 */
function memoryFor(contextBytes: number): { initial: number; maximum: number } {
  const wanted = Math.ceil((contextBytes * 24 + 64 * 1024 * 1024) / WASM_PAGE);
  return { initial: Math.min(wanted, MAX_PAGES), maximum: MAX_PAGES };
}

const encoder = new TextEncoder();
/** opa-wasm takes pre-serialised JSON as an ArrayBuffer (it reads the whole buffer). */
function encode(text: string): ArrayBuffer {
  const bytes = encoder.encode(text);
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}
