import { evaluateInventory, type EvaluateOptions, type ResourceOutcomes } from '../engine/evaluate.js';
import type { InventoryResource } from '../inventory/model.js';
import type { InventoryHeader } from '../inventory/resource-set.js';

/** How a scan's resources are evaluated: chunks of outcomes, in the order the resources came. */
export type EvaluateChunks = (resources: AsyncIterable<InventoryResource>, setup: ChunkSetup) => AsyncIterable<ResourceOutcomes[]>;

export interface ChunkSetup {
  header: InventoryHeader;
  options: EvaluateOptions;
}

/** Outcomes per chunk: what report writing and finding bookkeeping take at a time. */
export const CHUNK_RESOURCES = 2000;

/**
 * The narrowest adapter over today's engine (issue 11): evaluateInventory needs every resource
 * at once for its context, so this gathers them, evaluates, and hands the outcomes on in chunks.
 * The consumer (runScan) is written for the streaming shape — chunks in input order, each
 * outcome naming its resource — which the worker-thread engine yields without gathering; it
 * replaces this function.
 */
export async function* evaluateChunks(resources: AsyncIterable<InventoryResource>, setup: ChunkSetup): AsyncIterable<ResourceOutcomes[]> {
  const all: InventoryResource[] = [];
  for await (const resource of resources) all.push(resource);
  const evaluated = await evaluateInventory({ ...setup.header, resources: all }, setup.options);
  for (let i = 0; i < evaluated.length; i += CHUNK_RESOURCES) yield evaluated.slice(i, i + CHUNK_RESOURCES);
}
