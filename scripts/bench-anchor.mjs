// The benchmark's anchor (a child process of scripts/bench.mjs): native OPA (the pinned
// .tools/bin/opa, Go) evaluates the same Rego over the same data as a scan — the engine's
// context as data, every routed resource with the input the engine gives it as one input array
// (scripts/bench-anchor.rego) — and prints JSON: wall time, OPA's own timers, outcome totals.
// Usage: node scripts/bench-anchor.mjs <inventory or snapshot> <scan time ISO> <work dir> [--all-resources]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { findOpa, repoRoot } from './opa-cli.mjs';

const { loadInputs } = await import('../dist/sources/load-inputs.js');
const { loadCatalog } = await import('../dist/controls/catalog.js');
const { buildContext } = await import('../dist/engine/context.js');
const { buildAssetGraph } = await import('../dist/graph/build-asset-graph.js');

const [file, scanTimeIso, workDir, flag] = process.argv.slice(2);
const allResources = flag === '--all-resources';
// await: loadInputs returns a promise once inputs are read streamed (issue 11), a value before.
const inventory = await loadInputs([file]);
const catalog = loadCatalog();
// What the scan does with no asset rules (the bench runs the CLI without a config file).
const graph = buildAssetGraph(inventory, [], { unresolved: [], ruleMatches: [] });
const dataFile = join(workDir, 'anchor-data.json');
writeFileSync(dataFile, JSON.stringify({ cafscan_catalog: { routing: catalog.routing }, inventory: buildContext(inventory, catalog) }));

// The input src/engine/evaluate.ts builds for each routed resource, one array, written piecewise
// (hundreds of MB as one string would approach V8's string limit).
const scanTime = new Date(scanTimeIso);
const scan = JSON.stringify({ time: scanTime.toISOString(), time_ns: scanTime.getTime() * 1e6 });
const inputFile = join(workDir, 'anchor-input.json');
const fd = openSync(inputFile, 'w');
writeSync(fd, '{"items":[');
let routed = 0;
for (const resource of inventory.resources) {
  if (!Object.hasOwn(catalog.routing, resource.type)) continue;
  const links = graph.get(resource.arn);
  const components = links ? [...new Set(links.map((l) => l.component))].sort() : [];
  writeSync(fd, `${routed++ ? ',' : ''}{"resource":${JSON.stringify(resource)},"scan":${scan},"links":${JSON.stringify(components)},"all_resources":${allResources}}`);
}
writeSync(fd, ']}');
closeSync(fd);

const opa = findOpa();
if (!opa) {
  console.log(JSON.stringify({ skipped: 'the pinned opa is not installed (node scripts/ensure-opa.mjs installs it)' }));
  process.exit(0);
}
// GNU time, when installed, reports OPA's peak RSS; without it the row has no memory figure.
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const opaArgs = [
  'eval', '--ignore', '*_test.rego', '-d', join(repoRoot, 'policies'), '-d', join(repoRoot, 'scripts', 'bench-anchor.rego'),
  '-d', dataFile, '-i', inputFile, '--metrics', '-f', 'json', 'data.cafscan.bench.totals',
];
const t0 = performance.now();
const run = timeBin
  ? spawnSync(timeBin, ['-f', 'BENCH_MAXRSS_KB=%M', opa, ...opaArgs], { encoding: 'utf8', maxBuffer: 1 << 26 })
  : spawnSync(opa, opaArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
const wallMs = performance.now() - t0;
if (run.status !== 0) {
  process.stderr.write(`opa eval failed: ${run.stderr.slice(0, 2000)}\n`);
  process.exit(1);
}
const out = JSON.parse(run.stdout);
const totals = out.result?.[0]?.expressions?.[0]?.value ?? {};
const metrics = out.metrics ?? {};
const maxRssKB = /BENCH_MAXRSS_KB=(\d+)/.exec(run.stderr)?.[1];
console.log(JSON.stringify({
  resourcesEvaluated: routed,
  wallMs,
  ...(maxRssKB ? { peakRssMB: Math.round(Number(maxRssKB) / 1024) } : {}),
  // OPA's own split: loading/parsing the files, then the query itself.
  loadMs: ((metrics.timer_rego_load_files_ns ?? 0) + (metrics.timer_rego_input_parse_ns ?? 0)) / 1e6,
  evalMs: (metrics.timer_rego_query_eval_ns ?? 0) / 1e6,
  metrics,
  totals: { pass: totals.pass ?? 0, fail: totals.fail ?? 0, not_evaluated: totals.not_evaluated ?? 0 },
}));
