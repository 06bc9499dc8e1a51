import type { Inventory } from '../model/inventory.js';
import { resourceSetOf } from '../inventory/resource-set.js';
import { ContextBuilder } from './context.js';
import { evaluateResources } from './evaluate-resources.js';
import type { EvaluateOptions } from './options.js';
import type { ResourceOutcomes } from './outcomes.js';
import { phaseDone } from '../timings.js';

export type { ControlOutcome, EvaluationError, OutcomeStatus, ResourceOutcomes } from './outcomes.js';
export type { EvaluateOptions, EvaluationSetup } from './options.js';
export { environmentMaps } from './chunk-evaluator.js';
export { evaluateResources } from './evaluate-resources.js';
export { DEFAULT_MAX_WORKERS, MAX_WORKERS, defaultWorkerCount } from './evaluation-pool.js';

/**
 * Every resource of an in-memory inventory against the controls routed to its type: the
 * evaluated ones (those with routed controls or environment-like maps), in inventory order.
 * The wrapper existing callers use; a scan over a ResourceSet calls evaluateResources.
 */
export async function evaluateInventory(inventory: Inventory, options: EvaluateOptions): Promise<ResourceOutcomes[]> {
  const catalog = options.catalog ?? options.bundle.catalog;
  const builder = new ContextBuilder(catalog, { full: options.fullContext === true });
  for (const resource of inventory.resources) builder.add(resource);
  const contextJson = builder.toJson();
  phaseDone('context');
  const results: ResourceOutcomes[] = [];
  const set = resourceSetOf(inventory);
  for await (const chunk of evaluateResources(set.resources(), { ...options, contextJson, total: set.count })) {
    for (const outcome of chunk) results.push(outcome);
  }
  return results;
}
