import { evaluateResources, type EvaluateOptions, type ResourceOutcomes } from '../engine/evaluate.js';
import type { InventoryResource } from '../model/inventory.js';
import type { InventoryHeader } from '../inventory/resource-set.js';
import type { ContextJson } from '../engine/context.js';

/** How a scan's resources are evaluated: chunks of outcomes, in the order the resources came. */
export type EvaluateChunks = (resources: AsyncIterable<InventoryResource>, setup: ChunkSetup) => AsyncIterable<ResourceOutcomes[]>;

export interface ChunkSetup {
  header: InventoryHeader;
  options: EvaluateOptions;
  /** The context other resources are looked up in, built in the scan's first pass (src/engine/context.ts). */
  contextJson: string | ContextJson;
  /** How many resources the pass yields (progress). */
  total: number;
}

/**
 * The engine (worker threads, src/engine/evaluate-resources.ts), answering for every resource
 * in order — with no outcomes where nothing was evaluated — so the inventory writer never holds
 * a run of unevaluated resources while it waits for the next answer.
 */
export const evaluateChunks: EvaluateChunks = (resources, setup) =>
  evaluateResources(resources, { ...setup.options, contextJson: setup.contextJson, total: setup.total, everyResource: true });
