import { ContextBuilder, ContextJson } from '../engine/context.js';
import { AssetGraphBuilder, type GraphReport } from '../graph/build-asset-graph.js';
import type { AssetGraph } from '../graph/model.js';
import type { AssetRule } from '../graph/user-rules.js';
import type { ResourceSet } from '../inventory/resource-set.js';
import type { Catalog } from '../model/control.js';
import { ACCOUNT_RESOURCE_TYPE } from '../model/inventory.js';

/** What the first pass over the resources gives the second (evaluation). */
export interface FirstPass {
  graph: AssetGraph;
  graphReport: GraphReport;
  /** The lookup context as the JSON setData loads, handed to the engine once (src/engine/context.ts). */
  contextJson: ContextJson;
  /** Resources other than the synthesized AWS::::Account ones. */
  resourceCount: number;
  /** The tags of the resources in `tagsOf` (those the coverage findings name), for suppressions. */
  tags: Map<string, Record<string, string> | null>;
}

/**
 * Pass 1: the asset graph, the lookup context and the tags coverage findings need. Its own
 * function so the builders are garbage when it returns: held as locals of the async runScan they
 * lived through the whole evaluation — the graph builder's index of every resource is ~190 MB of
 * heap per 400,000 resources, the context builder's ~110 MB (measured, node --expose-gc).
 */
export async function firstPass(set: ResourceSet, catalog: Catalog, assetRules: AssetRule[], tagsOf: Iterable<string>): Promise<FirstPass> {
  const tags = new Map<string, Record<string, string> | null>([...tagsOf].map((arn) => [arn, null]));
  const graphReport: GraphReport = { unresolved: [], ruleMatches: [] };
  const graphBuilder = new AssetGraphBuilder(assetRules);
  const context = new ContextBuilder(catalog);
  let resourceCount = 0;
  for await (const resource of set.resources()) {
    graphBuilder.add(resource);
    context.add(resource);
    if (resource.type !== ACCOUNT_RESOURCE_TYPE) resourceCount++;
    if (tags.has(resource.arn)) tags.set(resource.arn, resource.tags);
  }
  return { graph: graphBuilder.build(graphReport), graphReport, contextJson: new ContextJson(context.toJson()), resourceCount, tags };
}
