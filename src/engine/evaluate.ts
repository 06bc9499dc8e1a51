import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { loadCatalog, policyBundleDir, type Catalog } from '../controls/catalog.js';
import type { AssetGraph } from '../graph/model.js';
import type { Inventory, InventoryResource } from '../inventory/model.js';
import { isJsonObject, type JsonValue } from '../json.js';

export type OutcomeStatus = 'pass' | 'fail' | 'not_evaluated';

/** What main.rego returns for one control on one resource. */
export interface ControlOutcome {
  controlId: string;
  status: OutcomeStatus;
  messages: string[];
}

/** A path from the resource root to a value, e.g. ["configuration", "Environment", "API_KEY"]. */
export type ValuePath = Array<string | number>;

export interface ResourceOutcomes {
  resource: InventoryResource;
  outcomes: ControlOutcome[];
  /** Values that look like credentials (policies/redaction.rego), to redact in inventory.json. */
  secretPaths: ValuePath[];
}

export interface EvaluateOptions {
  /** The scan time controls compare against (policies never read a clock). */
  scanTime: Date;
  onProgress?: (done: number, total: number) => void;
  /** false: only find credential-looking values (for `collect`), evaluate no control. */
  controls?: boolean;
  /** The AI asset graph: which components each generic resource is linked in (src/graph). */
  graph?: AssetGraph;
  /** Evaluate linked controls on every resource of their types, linked or not. */
  allResources?: boolean;
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

  const scan = JSON.stringify({ time: options.scanTime.toISOString(), time_ns: options.scanTime.getTime() * 1e6 });
  const scope = (resource: InventoryResource): string => {
    const links = options.graph?.get(resource.arn);
    const components = links ? [...new Set(links.map((l) => l.component))].sort() : [];
    return `"links":${JSON.stringify(components)},"all_resources":${options.allResources === true}`;
  };
  const results: ResourceOutcomes[] = [];
  const total = inventory.resources.length;
  inventory.resources.forEach((resource, index) => {
    // Own properties only: a resource type of "constructor" or "__proto__" is not routed.
    const routed = options.controls !== false && Object.hasOwn(catalog.routing, resource.type);
    const json = JSON.stringify(resource);
    // Only resources with environment-like maps can hold what redaction looks for.
    const mayHoldSecrets = ENVIRONMENT_HINT.test(json);
    if (routed || mayHoldSecrets) {
      const candidates = mayHoldSecrets ? environmentMaps(resource.configuration) : [];
      results.push({
        resource,
        outcomes: routed ? evaluateControls(policy, catalog.entrypoint, encode(`{"resource":${json},"scan":${scan},${scope(resource)}}`)) : [],
        secretPaths: candidates.length ? ((first(policy.evaluate(encode(JSON.stringify({ candidates })), catalog.redactionEntrypoint)) as ValuePath[] | undefined) ?? []) : [],
      });
    }
    if (options.onProgress && (index % 1000 === 999 || index === total - 1)) options.onProgress(index + 1, total);
  });
  return results;
}

/**
 * An environment-like map: the key followed by an object or a list (JSON.stringify writes no
 * spaces). A tag such as "Environment": "prod" does not match — measured: matching every
 * mention of the word sent 17% of a synthetic inventory through the redaction walk.
 */
const ENVIRONMENT_HINT = /"(?:[Ee]nvironment(?:[Vv]ariables)?|[Vv]ariables|[Hh]yper[Pp]arameters)":[{[]/;

// Training hyperparameters are passed like environment variables and leak credentials the same
// way (CAFAI-AS-03 reports them), so they are redacted too.
const ENVIRONMENT_KEYS = new Set(['environment', 'variables', 'environmentvariables', 'hyperparameters']);

/** Environment-like maps in a configuration, with their paths: what policies/redaction.rego judges. */
export function environmentMaps(configuration: JsonValue, path: ValuePath = []): Array<{ path: ValuePath; env: JsonValue }> {
  const found: Array<{ path: ValuePath; env: JsonValue }> = [];
  const visit = (value: JsonValue, at: ValuePath) => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...at, i]));
    else if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (ENVIRONMENT_KEYS.has(key.toLowerCase()) && typeof child === 'object' && child !== null) found.push({ path: [...at, key], env: child });
        visit(child, [...at, key]);
      }
    }
  };
  visit(configuration, path);
  return found;
}

function evaluateControls(policy: LoadedPolicy, entrypoint: string, input: ArrayBuffer): ControlOutcome[] {
  const outcomes = (first(policy.evaluate(input, entrypoint)) as ControlOutcome[] | undefined) ?? [];
  return [...outcomes].sort((a, b) => (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0));
}

/** The value of an opa-wasm result set (one result for a rule entrypoint). */
function first(resultSet: unknown): unknown {
  return (resultSet as Array<{ result: unknown }>)[0]?.result;
}

interface Context {
  resources: Record<string, InventoryResource>;
  /** account → type → ARNs: lookups stay linear in one account, not the whole inventory. */
  by_account: Record<string, Record<string, string[]>>;
}

/**
 * Only the types controls look up (custom.related_resource_types) go into the context.
 * Keyed by ARNs and account ids from the input, so the maps have no prototype: an ARN or account
 * id of "__proto__" stays an ordinary key (JSON.stringify writes it) instead of replacing the
 * object's prototype and merging one account's resources into another's.
 */
function buildContext(inventory: Inventory, catalog: Catalog): Context {
  const relatedTypes = new Set(catalog.controls.flatMap((control) => control.relatedResourceTypes));
  const context: Context = { resources: nullObject(), by_account: nullObject() };
  for (const resource of inventory.resources) {
    if (!relatedTypes.has(resource.type)) continue;
    context.resources[resource.arn] = resource;
    const types = (context.by_account[resource.accountId] ??= nullObject());
    (types[resource.type] ??= []).push(resource.arn);
  }
  return context;
}

function nullObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
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
