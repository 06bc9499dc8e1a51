import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, policyBundleDir, type Catalog } from '../controls/catalog.js';
import type { AssetGraph } from '../graph/model.js';
import type { Inventory, InventoryResource } from '../inventory/model.js';
import { isJsonObject, type JsonValue } from '../json.js';
import { PolicyRunner, type Evaluation } from './policy-runner.js';
import { ContextBuilder } from './context.js';
import { encode } from './encode.js';
import { memoryFor } from './wasm-memory.js';
import { phaseDone } from '../timings.js';

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
  /** Runtime errors evaluating this resource (its outcomes say not_evaluated for those controls). */
  errors?: EvaluationError[];
}

/** A control (or, with controlId null, the redaction check) that failed at run time on a resource. */
export interface EvaluationError {
  controlId: string | null;
  message: string;
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
  /** Another compiled policy and its catalog instead of policy-bundle/ (tests of the engine itself). */
  bundle?: { wasm: Uint8Array; catalog: Catalog };
  /** Load related resources whole, not trimmed to the declared fields (test/engine/context-trim.test.ts only). */
  fullContext?: boolean;
}

/**
 * Evaluates every resource against the controls routed to its type.
 *
 * Measured design (docs/engine.md): the context other resources are looked up in is loaded
 * once with setData into memory sized up front (growing wasm memory page by page while OPA
 * parses made setData quadratic); then one small evaluation per resource. Batching resources
 * into one input and iterating with `with` was measured quadratic and rejected.
 */
export async function evaluateInventory(inventory: Inventory, options: EvaluateOptions): Promise<ResourceOutcomes[]> {
  const catalog = options.bundle?.catalog ?? loadCatalog();
  const builder = new ContextBuilder(catalog, { full: options.fullContext === true });
  for (const resource of inventory.resources) builder.add(resource);
  const context = encode(`{"cafscan_catalog":${JSON.stringify({ routing: catalog.routing })},"inventory":${builder.toJson()}}`);
  const wasm = options.bundle?.wasm ?? readFileSync(join(policyBundleDir, 'policy.wasm'));
  const runner = await PolicyRunner.load(wasm, context, memoryFor(context.byteLength));
  phaseDone('context');

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
    const routes = options.controls !== false && Object.hasOwn(catalog.routing, resource.type) ? catalog.routing[resource.type] : undefined;
    const json = JSON.stringify(resource);
    // Only resources with environment-like maps can hold what redaction looks for.
    const mayHoldSecrets = ENVIRONMENT_HINT.test(json);
    if (routes || mayHoldSecrets) {
      const errors: EvaluationError[] = [];
      const input = `"resource":${json},"scan":${scan},${scope(resource)}`;
      const outcomes = routes ? evaluateControls(runner, catalog.entrypoint, input, routes.map((r) => r.id), errors) : [];
      const candidates = mayHoldSecrets ? environmentMaps(resource.configuration) : [];
      const secretPaths = candidates.length ? findSecrets(runner, catalog.redactionEntrypoint, candidates, errors) : [];
      results.push({ resource, outcomes, secretPaths, ...(errors.length ? { errors } : {}) });
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

/**
 * All the controls routed to the resource in one evaluation; when that fails at run time, one
 * evaluation per control (input.control, policies/main.rego) so that only the control(s) that
 * fail are reported as not evaluated and every other verdict on the resource stands.
 */
function evaluateControls(runner: PolicyRunner, entrypoint: string, input: string, controlIds: string[], errors: EvaluationError[]): ControlOutcome[] {
  const all = runner.evaluate(encode(`{${input}}`), entrypoint);
  let outcomes: ControlOutcome[];
  if (all.ok) outcomes = outcomesOf(all);
  else {
    outcomes = [];
    for (const controlId of new Set(controlIds)) {
      const one = runner.evaluate(encode(`{${input},"control":${JSON.stringify(controlId)}}`), entrypoint);
      if (one.ok) outcomes.push(...outcomesOf(one));
      else {
        errors.push({ controlId, message: one.error });
        outcomes.push({ controlId, status: 'not_evaluated', messages: [`evaluation error: ${one.error}`] });
      }
    }
  }
  return outcomes.sort((a, b) => (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0));
}

function outcomesOf(evaluation: Evaluation & { ok: true }): ControlOutcome[] {
  return [...((evaluation.value as ControlOutcome[] | undefined) ?? [])];
}

/**
 * Paths of credential-looking values. When the redaction check fails at run time nothing says
 * which values are safe to write, so every string in the resource's environment-like maps is
 * redacted: inventory.json must never carry a credential because a check crashed.
 */
function findSecrets(runner: PolicyRunner, entrypoint: string, candidates: Array<{ path: ValuePath; env: JsonValue }>, errors: EvaluationError[]): ValuePath[] {
  const found = runner.evaluate(encode(JSON.stringify({ candidates })), entrypoint);
  if (found.ok) return (found.value as ValuePath[] | undefined) ?? [];
  errors.push({ controlId: null, message: found.error });
  return candidates.flatMap(({ path, env }) => stringLeaves(env, ['configuration', ...path]));
}

function stringLeaves(value: JsonValue, at: ValuePath): ValuePath[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...at, i]));
  if (isJsonObject(value)) return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, [...at, key]));
  return [];
}
