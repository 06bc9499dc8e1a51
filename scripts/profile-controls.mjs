// Per-control evaluation cost: every resource of an inventory evaluated control by control
// (input.control, policies/main.rego), the time of each evaluation added to its control. What
// issue 11's hot-spot work was measured with; it is a tool, not part of npm test.
//
//   node scripts/profile-controls.mjs [inventory.json] [--top N] [--json] [--repeat R] [--all-resources] [--only ID,ID…] [--compare other.wasm]
//
// Default input: bench-output/inventory-20000.json (BENCH_RESOURCES=20000 node scripts/bench.mjs
// writes it). Needs `npm run build` (dist/). Resources are evaluated as the scan does, with the
// AI asset graph's links (the scope) unless --all-resources is given, which puts every resource
// in scope of every linked control (the worst case). Each control's cost is its evaluations'
// time minus the same number of evaluations of a control id that selects nothing (the per-call
// cost of copying the input in and the result out), so the columns are what the Rego costs.
// --repeat R keeps, per control and resource type, the minimum of R passes (less noise on a
// shared machine). --compare other.wasm times another build of the policy (say, main's
// policy-bundle/policy.wasm) on the same inputs, interleaved pass by pass so that load on the
// machine affects both alike, and prints both columns. --by-type times instead what the scan
// runs: one evaluation of every control per resource (no input.control), per resource type,
// per-call cost included. Controls of a type share the lib rules they both use within one
// evaluation (opa-wasm memoizes rules), which the per-control columns count once per control.
// --by-type --json prints the totals as one JSON line (npm run bench's floor row reads it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './opa-cli.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const file = args.find((a, i) => !a.startsWith('--') && !['--top', '--repeat', '--only', '--compare'].includes(args[i - 1])) ?? join(repoRoot, 'bench-output', 'inventory-20000.json');
const top = Number(option('--top', 20));
const repeat = Number(option('--repeat', 1));
const allResources = flag('--all-resources');
const byTypeOnly = flag('--by-type');
const only = option('--only', null)?.split(',');
const compare = option('--compare', null);

const { loadInputs } = await import('../dist/sources/load-inputs.js');
const { loadCatalog, policyBundleDir } = await import('../dist/controls/catalog.js');
const { buildContext } = await import('../dist/engine/context.js');
const { encode } = await import('../dist/engine/encode.js');
const { PolicyRunner } = await import('../dist/engine/policy-runner.js');
const { memoryFor } = await import('../dist/engine/wasm-memory.js');
const { buildAssetGraph } = await import('../dist/graph/build-asset-graph.js');

const inventory = await loadInputs([file]);
const catalog = loadCatalog();
const context = encode(JSON.stringify({ cafscan_catalog: { routing: catalog.routing }, inventory: buildContext(inventory, catalog) }));
const runner = await PolicyRunner.load(readFileSync(join(policyBundleDir, 'policy.wasm')), context, memoryFor(context.byteLength));
const other = compare ? await PolicyRunner.load(readFileSync(compare), context, memoryFor(context.byteLength)) : null;
const graph = allResources ? null : buildAssetGraph(inventory);
const scan = JSON.stringify({ time: '2026-01-01T00:00:00.000Z', time_ns: 1767225600000000000 });

// Inputs once (the scan builds the same string per resource), grouped by type.
const byType = new Map();
for (const resource of inventory.resources) {
  const routes = Object.hasOwn(catalog.routing, resource.type) ? catalog.routing[resource.type] : undefined;
  if (!routes) continue;
  const links = graph?.get(resource.arn);
  const components = links ? [...new Set(links.map((l) => l.component))].sort() : [];
  const input = `"resource":${JSON.stringify(resource)},"scan":${scan},"links":${JSON.stringify(components)},"all_resources":${allResources}`;
  if (!byType.has(resource.type)) byType.set(resource.type, { inputs: [], ids: [...new Set(routes.map((r) => r.id))].filter((id) => !only || only.includes(id)) });
  byType.get(resource.type).inputs.push(input);
}

/** CPU milliseconds to evaluate every input of a type with input.control = id. */
function timeControl(inputs, id, policy = runner) {
  const encoded = inputs.map((input) => encode(`{${input},"control":${JSON.stringify(id)}}`));
  // CPU time, not wall time: the machine is shared, and waiting for a core is not the policy's cost.
  const t0 = process.cpuUsage();
  for (const input of encoded) {
    const result = policy.evaluate(input, catalog.entrypoint);
    if (!result.ok) throw new Error(`${id}: ${result.error}`);
  }
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}

/** CPU milliseconds to evaluate every input of a type as the scan does (every control at once). */
function timeWhole(inputs, policy) {
  const encoded = inputs.map((input) => encode(`{${input}}`));
  const t0 = process.cpuUsage();
  for (const input of encoded) {
    const result = policy.evaluate(input, catalog.entrypoint);
    if (!result.ok) throw new Error(`${result.error}`);
  }
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}

if (byTypeOnly) {
  const policies = other ? [runner, other] : [runner];
  const rows = [];
  for (const [type, { inputs }] of byType) {
    const times = policies.map(() => Infinity);
    for (let r = 0; r < repeat; r++) policies.forEach((policy, k) => (times[k] = Math.min(times[k], timeWhole(inputs, policy))));
    rows.push({ type, ms: times[0], otherMs: times[1] ?? 0, evaluations: inputs.length });
  }
  rows.sort((a, b) => b.ms - a.ms);
  const sum = (key) => Math.round(rows.reduce((n, r) => n + r[key], 0));
  if (flag('--json')) {
    // What npm run bench reads for its floor row (scripts/bench.mjs).
    console.log(JSON.stringify({ file, allResources, evaluations: rows.reduce((n, r) => n + r.evaluations, 0), totalMs: sum('ms'), ...(other ? { compare, otherTotalMs: sum('otherMs') } : {}), types: Object.fromEntries(rows.map((r) => [r.type, { ms: Math.round(r.ms), evaluations: r.evaluations }])) }));
    process.exit(0);
  }
  console.log(`${file}: ${rows.reduce((n, r) => n + r.evaluations, 0)} resources, every control at once: ${sum('ms')} ms${other ? `; ${compare}: ${sum('otherMs')} ms` : ''}${allResources ? ' (--all-resources)' : ''}`);
  console.log(`type                                          ms  µs/eval${other ? '  compare' : ''}  evaluations`);
  for (const r of rows.slice(0, top)) {
    const otherColumn = other ? ` ${String(Math.round(r.otherMs)).padStart(8)}` : '';
    console.log(`${r.type.padEnd(42)} ${String(Math.round(r.ms)).padStart(6)} ${String(Math.round(r.ms * 1000 / r.evaluations)).padStart(8)}${otherColumn} ${String(r.evaluations).padStart(12)}`);
  }
  process.exit(0);
}

const rows = new Map(); // control id -> { ms, otherMs, evaluations, types }
let overheadMs = 0;
for (const [type, { inputs, ids }] of byType) {
  if (!ids.length) continue;
  const policies = other ? [runner, other] : [runner];
  // Minimum over the passes, each pass timing every policy once, back to back.
  const best = (id) => {
    const times = policies.map(() => Infinity);
    for (let r = 0; r < repeat; r++) policies.forEach((policy, k) => (times[k] = Math.min(times[k], timeControl(inputs, id, policy))));
    return times;
  };
  const baseline = best('(none)');
  overheadMs += baseline[0] * ids.length;
  for (const id of ids) {
    const row = rows.get(id) ?? { ms: 0, otherMs: 0, evaluations: 0, types: [] };
    const times = best(id);
    row.ms += Math.max(0, times[0] - baseline[0]);
    if (other) row.otherMs += Math.max(0, times[1] - baseline[1]);
    row.evaluations += inputs.length;
    row.types.push(type);
    rows.set(id, row);
  }
}

const sorted = [...rows].sort((a, b) => b[1].ms - a[1].ms);
const totalMs = sorted.reduce((sum, [, r]) => sum + r.ms, 0);
const otherTotalMs = sorted.reduce((sum, [, r]) => sum + r.otherMs, 0);
if (flag('--json')) {
  console.log(JSON.stringify({ file, allResources, totalMs, overheadMs, ...(other ? { compare, otherTotalMs } : {}), controls: Object.fromEntries(sorted.map(([id, r]) => [id, { ms: Math.round(r.ms), ...(other ? { otherMs: Math.round(r.otherMs) } : {}), evaluations: r.evaluations }])) }));
} else {
  console.log(`${file}: ${[...byType.values()].reduce((n, t) => n + t.inputs.length, 0)} resources evaluated; Rego ${Math.round(totalMs)} ms + per-call ${Math.round(overheadMs)} ms${allResources ? ' (--all-resources)' : ''}`);
  if (other) console.log(`${compare}: Rego ${Math.round(otherTotalMs)} ms (column "compare")`);
  console.log(`control          ms   share  µs/eval${other ? '  compare' : ''}  evaluations  types`);
  for (const [id, r] of sorted.slice(0, top)) {
    const otherColumn = other ? ` ${String(Math.round(r.otherMs)).padStart(8)}` : '';
    console.log(`${id.padEnd(14)} ${String(Math.round(r.ms)).padStart(6)} ${(r.ms / totalMs * 100).toFixed(1).padStart(6)}% ${String(Math.round(r.ms * 1000 / r.evaluations)).padStart(8)}${otherColumn} ${String(r.evaluations).padStart(12)}  ${r.types.join(', ')}`);
  }
}
