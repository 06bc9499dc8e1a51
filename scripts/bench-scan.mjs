// One timed scan (the child process of scripts/bench.mjs): load → evaluate → write, phase by phase.
import { loadInputs } from '../dist/sources/load-inputs.js';
import { runScan } from '../dist/scan/run-scan.js';
import { resourceSetOf } from '../dist/inventory/resource-set.js';
import { evaluateInventory } from '../dist/engine/evaluate.js';
import { loadCatalog } from '../dist/controls/catalog.js';

const [file, outputDir] = process.argv.slice(2);
const t0 = performance.now();
const inventory = loadInputs([file]);
const t1 = performance.now();
// Time the engine alone first, then the whole pipeline as the CLI runs it.
let evaluated = await evaluateInventory(inventory, { scanTime: new Date() });
const t2 = performance.now();
const routing = loadCatalog().routing;
const resourcesEvaluated = evaluated.filter((e) => routing[e.resource.type]).length;
evaluated = null; // let it go before the full run, so peak RSS reflects one scan
const outcome = await runScan({ resources: resourceSetOf(inventory), sources: [file], outputDir, redact: true, startedAt: new Date() });
const t3 = performance.now();
console.log(JSON.stringify({
  resourcesEvaluated,
  findings: outcome.findingCount,
  evaluateMs: t2 - t1,
  wallMs: t1 - t0 + (t3 - t2),
  phasesMs: { load: t1 - t0, evaluate: t2 - t1, scanAndWrite: t3 - t2 },
  maxRssKB: process.resourceUsage().maxRSS,
}));
