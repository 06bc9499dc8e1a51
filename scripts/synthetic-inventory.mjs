// The benchmark's synthetic inventory (npm run bench): clones of the demo account's resources
// (real Config shapes) spread over every type a control covers, with unique ids/ARNs, until
// `count` resources are routed to controls. Needs dist/ (npm run build).
import { join } from 'node:path';
import { repoRoot } from './opa-cli.mjs';

const { loadInputs } = await import('../dist/sources/load-inputs.js');
const { loadCatalog } = await import('../dist/controls/catalog.js');

/**
 * 100 accounts × 2 regions of account resources; the rest cycles through the demo's resources of
 * covered types. The types controls only look up (IAM policies, detectors, EventBridge rules…)
 * come on top of `count`, in the demo's proportions.
 */
export function syntheticInventory(count) {
  const demo = loadInputs([join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json')]);
  // Every type a control evaluates or looks up; types no control uses would cost only parsing.
  const catalog = loadCatalog();
  const covered = new Set([...Object.keys(catalog.routing), ...catalog.controls.flatMap((c) => c.relatedResourceTypes)]);
  const templates = demo.resources.filter((r) => covered.has(r.type) && r.type !== 'AWS::::Account');
  const accountTemplate = demo.resources.find((r) => r.type === 'AWS::::Account');

  const resources = [];
  const accounts = Array.from({ length: 100 }, (_, i) => String(100000000000 + i));
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
  return { inventory: { ...demo, accounts, resources, coverage: [] }, evaluated: evaluatedCount };
}
