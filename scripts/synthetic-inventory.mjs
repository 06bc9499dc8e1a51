// A benchmark-shaped synthetic inventory: clones of the demo account's resources (real Config
// shapes), spread over every type a control evaluates or looks up, with unique ids and ARNs.
// Shared by scripts/bench.mjs (100,000 evaluated resources) and tests that need the same shape at
// a smaller size (test/engine/context-trim.test.ts), so both exercise the same data.
import { join } from 'node:path';
import { repoRoot } from './opa-cli.mjs';

export const demoSnapshot = join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json');

/**
 * `demo`: the demo inventory (loadInputs of the demo snapshot); `catalog`: the control catalog;
 * `count`: how many resources controls evaluate (the types only looked up come on top, in the
 * demo's proportions); `accountCount`: accounts the resources are spread over (each has an
 * account resource in two regions).
 */
export function syntheticInventory({ demo, catalog, count, accountCount = 100 }) {
  // Every type a control evaluates or looks up; types no control uses cost only parsing.
  const covered = new Set([...Object.keys(catalog.routing), ...catalog.controls.flatMap((c) => c.relatedResourceTypes)]);
  const templates = demo.resources.filter((r) => covered.has(r.type) && r.type !== 'AWS::::Account');
  const accountTemplate = demo.resources.find((r) => r.type === 'AWS::::Account');

  const resources = [];
  const accounts = Array.from({ length: accountCount }, (_, i) => String(100000000000 + i));
  for (const accountId of accounts) {
    for (const region of ['us-east-1', 'eu-west-1']) {
      resources.push({ ...accountTemplate, accountId, region, id: `${accountId}/${region}`, arn: `arn:aws::${region}:${accountId}:account` });
    }
  }
  const routed = new Set(Object.keys(catalog.routing));
  let evaluatedCount = resources.length;
  for (let i = 0; evaluatedCount < count; i++) {
    const t = templates[i % templates.length];
    if (routed.has(t.type)) evaluatedCount++;
    const accountId = accounts[i % accounts.length];
    const suffix = `-${i}`;
    resources.push({ ...t, accountId, id: t.id + suffix, name: (t.name ?? t.id) + suffix, arn: t.arn.replace('123456789012', accountId) + suffix });
  }
  return { ...demo, accounts, resources, coverage: [] };
}
