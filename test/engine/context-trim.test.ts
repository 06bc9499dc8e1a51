import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_FACTS, DEMO_SNAPSHOT } from '../../src/cli/main.js';
import { loadCatalog, loadPolicyBundle } from '../../src/controls/catalog.js';
import { ContextBuilder } from '../../src/engine/context.js';
import { evaluateInventory, type ResourceOutcomes } from '../../src/engine/evaluate.js';
import { InputError } from '../../src/errors.js';
import type { Inventory } from '../../src/model/inventory.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { syntheticInventory } from '../../scripts/synthetic-inventory.mjs';

// The guard that keeps custom.related_fields complete: the context trimmed to the declared
// fields must give every control the verdicts the whole related resources give. Outcomes are
// compared with allResources (every linked control on every resource of its types), a superset
// of what a scan reports; findings, scores and reports are derived from these outcomes alone.
const SCAN_TIME = new Date('2026-11-01T00:00:00Z');
// ../shared/real-world next to the repository; from a git worktree under wt/, one level further up.
const REAL_WORLD = [join(import.meta.dirname, '..', '..', '..', 'shared', 'real-world'), join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'real-world')]
  .find((dir) => existsSync(dir)) ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'real-world');
const realWorldFiles = readdirSync(REAL_WORLD).filter((f) => f.endsWith('.json') || f.endsWith('.json.gz')).sort();

function verdicts(results: ResourceOutcomes[]): unknown[] {
  return results.map((r) => ({ arn: r.resource.arn, type: r.resource.type, outcomes: r.outcomes, secretPaths: r.secretPaths, errors: r.errors ?? [] }));
}

async function expectSameVerdicts(inventory: Inventory, label: string): Promise<number> {
  const options = { bundle: loadPolicyBundle(), scanTime: SCAN_TIME, allResources: true };
  const trimmed = verdicts(await evaluateInventory(inventory, options));
  const full = verdicts(await evaluateInventory(inventory, { ...options, fullContext: true }));
  expect(trimmed, label).toEqual(full);
  return trimmed.length;
}

/** Bytes of the context a scan of this inventory loads, trimmed and whole. */
function contextBytes(inventory: Inventory): { trimmed: number; full: number } {
  const catalog = loadCatalog();
  const trimmed = new ContextBuilder(catalog);
  const full = new ContextBuilder(catalog, { full: true });
  for (const resource of inventory.resources) {
    trimmed.add(resource);
    full.add(resource);
  }
  return { trimmed: trimmed.toJson().length, full: full.toJson().length };
}

describe('the trimmed context gives the verdicts the whole context gives', () => {
  it('on the demo account (with its account facts)', async () => {
    const demo = await loadInputs([DEMO_SNAPSHOT, DEMO_ACCOUNT_FACTS]);
    const evaluated = await expectSameVerdicts(demo, 'demo');
    expect(evaluated).toBeGreaterThan(50);
    // The demo has related resources whose undeclared fields were dropped, so the check compared
    // two different contexts, not one context with itself.
    const bytes = contextBytes(demo);
    expect(bytes.trimmed).toBeLessThan(bytes.full);
  });

  it('on every real-world input cafscan reads', async () => {
    let compared = 0;
    for (const file of realWorldFiles) {
      let inventory: Inventory;
      try {
        inventory = await loadInputs([join(REAL_WORLD, file)]);
      } catch (error) {
        // The README's A3 selects that never selected resourceType are not valid input alone.
        expect(error, file).toBeInstanceOf(InputError);
        expect(file).toMatch(/^A3-test_.*-select\.json$/);
        continue;
      }
      await expectSameVerdicts(inventory, file);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(15);
  });

  it('on a benchmark-shaped synthetic inventory of a few thousand resources in 20 accounts', async () => {
    const demo = await loadInputs([DEMO_SNAPSHOT, DEMO_ACCOUNT_FACTS]);
    const inventory = syntheticInventory({ demo, catalog: loadCatalog(), count: 3000, accountCount: 20 });
    expect(inventory.resources.length).toBeGreaterThan(3000);
    const evaluated = await expectSameVerdicts(inventory, 'synthetic');
    expect(evaluated).toBeGreaterThanOrEqual(3000);
    const bytes = contextBytes(inventory);
    expect(bytes.trimmed).toBeLessThan(bytes.full / 2);
  });
});
