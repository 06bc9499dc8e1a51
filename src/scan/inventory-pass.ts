import type { ResourceOutcomes } from '../engine/evaluate.js';
import type { InventoryResource } from '../model/inventory.js';
import { redactResource } from '../inventory/redact.js';
import type { ResourceSet } from '../inventory/resource-set.js';
import type { InventoryFileWriter } from '../reporters/inventory-json.js';
import type { ChunkSetup, EvaluateChunks } from './evaluate-chunks.js';

/**
 * The evaluation pass: the set's resources go to the engine, and as each chunk of outcomes comes
 * back, inventory.json gets every resource up to the chunk's last one — each redacted with its
 * own secret paths — before the chunk is handed to `onChunk`. Outcomes may name only the
 * resources that were evaluated; the others are written as they are, in order. Only resources
 * sent to the engine and not yet answered are held.
 */
export async function evaluateWritingInventory(
  set: ResourceSet,
  evaluate: EvaluateChunks,
  setup: ChunkSetup,
  inventory: InventoryFileWriter,
  redact: boolean,
  onChunk: (chunk: ResourceOutcomes[]) => void,
): Promise<void> {
  const pending: InventoryResource[] = [];
  let next = 0;
  async function* feed(): AsyncGenerator<InventoryResource> {
    for await (const resource of set.resources()) {
      pending.push(resource);
      yield resource;
    }
  }
  // A span is kept for resources with a failure (SARIF points at those), and for a repeated ARN
  // once kept, so the last resource of that ARN wins as it did when every span was kept.
  const write = (resource: InventoryResource, outcome: ResourceOutcomes | undefined) => {
    const failing = outcome?.outcomes.some((o) => o.status === 'fail') ?? false;
    inventory.add(redact && outcome ? redactResource(resource, outcome.secretPaths).resource : resource, failing || inventory.keepsSpan(resource.arn));
  };
  for await (const chunk of evaluate(feed(), setup)) {
    for (const outcome of chunk) {
      // Paired by object, not ARN: with two resources of one ARN, an answer about the second must
      // never lend its secret paths (what to redact) to the first.
      while (next < pending.length && pending[next] !== outcome.resource) write(pending[next++]!, undefined);
      // The engine answers in input order, about resources it was given: anything else is a bug.
      if (next >= pending.length) throw new Error(`the engine returned ${outcome.resource.arn} out of input order`);
      write(pending[next++]!, outcome);
    }
    pending.splice(0, next);
    next = 0;
    onChunk(chunk);
  }
  for (; next < pending.length; next++) write(pending[next]!, undefined);
}
