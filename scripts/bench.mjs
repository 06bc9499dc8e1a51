// npm run bench — scan a synthetic inventory with N evaluated resources (default 100,000) and every shipped
// control, and print JSON: resources evaluated per second, wall time, peak RSS, and the ratio of
// evaluation time to a plain JSON.parse of the same inventory file.
//
// The synthetic resources are clones of the demo account's (real Config shapes), spread over
// every type a control covers, with unique ids/ARNs. The scan runs in a fresh process so its
// peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './opa-cli.mjs';

const count = Number(process.env.BENCH_RESOURCES ?? 100_000);
const outDir = join(repoRoot, 'bench-output');
mkdirSync(outDir, { recursive: true });

const { loadInputs } = await import('../dist/sources/load-inputs.js');
const { loadCatalog } = await import('../dist/controls/catalog.js');
const demo = await loadInputs([join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json')]);
// Every type a control evaluates or looks up; types no control uses cost only parsing.
const catalog = loadCatalog();
const covered = new Set([...Object.keys(catalog.routing), ...catalog.controls.flatMap((c) => c.relatedResourceTypes)]);
const templates = demo.resources.filter((r) => covered.has(r.type) && r.type !== 'AWS::::Account');
const accountTemplate = demo.resources.find((r) => r.type === 'AWS::::Account');

// 100 accounts × 2 regions of account resources; the rest cycles through the templates.
const resources = [];
const accounts = Array.from({ length: 100 }, (_, i) => String(100000000000 + i));
for (const accountId of accounts) {
  for (const region of ['us-east-1', 'eu-west-1']) {
    resources.push({ ...accountTemplate, accountId, region, id: `${accountId}/${region}`, arn: `arn:aws::${region}:${accountId}:account` });
  }
}
// N resources that controls evaluate; the types they only look up (IAM policies, detectors,
// EventBridge rules…) come on top, in the demo's proportions.
const routed = new Set(Object.keys(catalog.routing));
let evaluatedCount = resources.length;
for (let i = 0; evaluatedCount < count; i++) {
  const t = templates[i % templates.length];
  if (routed.has(t.type)) evaluatedCount++;
  const accountId = accounts[i % accounts.length];
  const suffix = `-${i}`;
  resources.push({ ...t, accountId, id: t.id + suffix, name: (t.name ?? t.id) + suffix, arn: t.arn.replace('123456789012', accountId) + suffix });
}
const inventory = { ...demo, accounts, resources, coverage: [] };
const file = join(outDir, `inventory-${count}.json`);
writeFileSync(file, JSON.stringify(inventory));

const text = readFileSync(file, 'utf8');
let parseMs = Infinity;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  JSON.parse(text);
  parseMs = Math.min(parseMs, performance.now() - t0);
}

const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bench-scan.mjs'), file, join(outDir, 'report')], { encoding: 'utf8', maxBuffer: 1 << 24 });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const scan = JSON.parse(run.stdout);
const report = {
  resources: resources.length,
  resourcesEvaluated: scan.resourcesEvaluated,
  controls: loadCatalog().controls.length,
  findings: scan.findings,
  inventoryFileMB: +(statSync(file).size / 1e6).toFixed(1),
  wallTimeSeconds: +(scan.wallMs / 1000).toFixed(2),
  evaluationSeconds: +(scan.evaluateMs / 1000).toFixed(2),
  resourcesPerSecond: Math.round(scan.resourcesEvaluated / (scan.evaluateMs / 1000)),
  phasesSeconds: Object.fromEntries(Object.entries(scan.phasesMs).map(([k, v]) => [k, +(v / 1000).toFixed(2)])),
  peakRssMB: Math.round(scan.maxRssKB / 1024),
  jsonParseSeconds: +(parseMs / 1000).toFixed(3),
  evaluationToJsonParseRatio: +(scan.evaluateMs / parseMs).toFixed(1),
  node: process.version,
};
console.log(JSON.stringify(report, null, 2));
