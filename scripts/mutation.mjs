// Mutation testing of the Rego catalog: `npm run mutation -- [options]` (docs/mutation.md).
// Each control, library file and main.rego is mutated one small edit at a time
// (scripts/mutation-operators.mjs) in a temporary copy, and the tests that can reach it are
// run (scripts/mutation-deps.mjs). A mutant the tests do not notice is a verdict the tests do
// not pin down: either a gap in the tests or an equivalent mutant, audited in
// scripts/mutation-equivalent.json.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, matchesGlob, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureOpa, repoRoot } from './opa-cli.mjs';
import { readCatalog, regoSources, writeCatalogData } from './policy-catalog.mjs';
import { describeFiles, sourcesFor, testsFor } from './mutation-deps.mjs';
import { applyMutant, mutantsOf } from './mutation-operators.mjs';
import { pool, runOpaTest } from './mutation-runner.mjs';
import { buildReport, printSummary, readEquivalents } from './mutation-report.mjs';

// path.matchesGlob is experimental in Node 20; its one-time warning is noise for a CLI.
process.removeAllListeners('warning');
process.on('warning', (w) => { if (w.name !== 'ExperimentalWarning') process.stderr.write(`${w.name}: ${w.message}\n`); });

let work = null;
function fail(message) {
  process.stderr.write(`mutation: ${message}\n`);
  if (work) rmSync(work, { recursive: true, force: true });
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      jobs: { type: 'string', default: '2' },
      budget: { type: 'string' },
      timeout: { type: 'string', default: '20' },
      out: { type: 'string', default: 'test-output/mutation.json' },
      list: { type: 'boolean', default: false },
      'min-score': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error.message);
}
if (options.help) {
  process.stdout.write(`usage: npm run mutation -- [--only <glob>]… [--jobs N] [--budget 15m] [--timeout S] [--out FILE] [--list] [--min-score P]
  --only       mutate only files matching the glob (repo-relative path or file name); repeatable
  --jobs       opa processes at once (default 2; they run under nice)
  --budget     stop starting mutants after this long (e.g. 900, 900s, 15m); the rest are "not_run"
  --timeout    seconds per test before a hanging mutant counts as killed (default 20)
  --out        JSON report (default test-output/mutation.json)
  --list       print the mutants without running them
  --min-score  exit 1 when the score (percent) is below this
`);
  process.exit(0);
}
const jobs = Number(options.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs must be a positive integer (got ${options.jobs})`);
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0)) fail(`--timeout must be a positive number of seconds (got ${options.timeout})`);
const budgetMs = options.budget === undefined ? Infinity : parseDuration(options.budget);
const minScore = options['min-score'] === undefined ? null : Number(options['min-score']);
if (minScore !== null && !(minScore >= 0 && minScore <= 100)) fail(`--min-score must be a percentage (got ${options['min-score']})`);

function parseDuration(text) {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
  if (!m) fail(`--budget must look like 900, 900s, 15m or 1h (got ${text})`);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'];
}

// Snapshot the tree first: the mutants and their tests come from one consistent copy even if
// someone edits policies/ during the run, and the working tree is only ever read.
const opa = ensureOpa({ quiet: true });
work = mkdtempSync(join(tmpdir(), 'cafscan-mutation-'));
const cleanup = () => rmSync(work, { recursive: true, force: true });
process.on('SIGINT', () => { cleanup(); process.exit(130); });
let exitCode;
try {
  exitCode = await main();
} catch (error) {
  process.stderr.write(`mutation: ${error.message}\n`);
  exitCode = 2;
} finally {
  cleanup();
}
// exitCode, not exit(): a large --list or summary on a pipe must be flushed first.
process.exitCode = exitCode;

async function main() {
  const snapshot = join(work, 'tree');
  cpSync(join(repoRoot, 'policies'), join(snapshot, 'policies'), { recursive: true });
  const dataDir = join(work, 'data');
  writeCatalogData(readCatalog(opa), dataDir);
  const files = describeFiles(regoSources({ includeTests: true }).map((p) => join(snapshot, p.slice(repoRoot.length + 1))), snapshot);
  const sources = files.filter((f) => !f.isTest);
  // A glob matches the repo-relative path or the file name; a plain directory matches what is under it.
  const selected = (f, g) => matchesGlob(f.rel, g) || matchesGlob(basename(f.rel), g) || f.rel.startsWith(`${g.replace(/\/+$/, '')}/`);
  const targets = sources.filter((f) => !options.only || options.only.some((g) => selected(f, g)));
  if (!targets.length) fail(`no Rego source matches ${(options.only ?? []).join(', ')}`);

  const equivalents = readEquivalents(join(repoRoot, 'scripts', 'mutation-equivalent.json'));
  const plan = [];
  for (const target of targets) {
    let mutants;
    try {
      mutants = mutantsOf(target.text);
    } catch (error) {
      fail(`${target.rel}: ${error.message}`);
    }
    const keys = new Map();
    for (const m of mutants) {
      const base = `${target.rel}::${m.rule}::${m.operator}: ${m.description}`;
      const n = (keys.get(base) ?? 0) + 1;
      keys.set(base, n);
      plan.push({ target, mutant: m, key: n === 1 ? base : `${base} #${n}` });
    }
  }
  if (options.list) {
    const lines = plan.map((p) => `${p.target.rel}:${p.mutant.line} [${p.mutant.rule}] ${p.mutant.operator} (${p.mutant.category}): ${p.mutant.description}\n`);
    process.stdout.write(`${lines.join('')}${plan.length} mutants in ${targets.length} files\n`);
    return 0;
  }

  const started = Date.now();
  // Per (file, rule): the tests that can notice a mutant there and the sources they need.
  const selections = new Map();
  for (const p of plan) {
    const tests = testsFor(p.target, files, p.mutant.rule);
    const id = `${p.target.rel}\n${tests.map((f) => f.rel).join('\n')}`;
    p.selectionId = id;
    p.testFiles = tests.filter((f) => !f.rel.endsWith('lib/testing_test.rego')).map((f) => f.rel);
    if (!selections.has(id)) selections.set(id, { target: p.target, tests, sources: sourcesFor(p.target, tests, files) });
  }
  const loadSet = (sel, mutatedPath) => [
    ...sel.sources.map((f) => (f === sel.target && mutatedPath ? mutatedPath : f.path)),
    ...sel.tests.map((f) => f.path),
    dataDir,
  ];

  // Baselines: the unmutated selection must pass, else its mutants would all look killed.
  // If the trimmed sources are not enough, the selection falls back to every source.
  const ids = [...selections.keys()];
  process.stderr.write(`mutation: ${plan.length} mutants in ${targets.length} files; ${ids.length} test selections to check first\n`);
  const baseline = new Map();
  await pool(ids.map((id) => async () => {
    const sel = selections.get(id);
    let result = await runOpaTest(opa, loadSet(sel), timeoutMs);
    if (result.status !== 'survived') {
      sel.sources = sources;
      result = await runOpaTest(opa, loadSet(sel), timeoutMs);
    }
    baseline.set(id, result);
  }), jobs, () => false);
  for (const id of ids) {
    const result = baseline.get(id);
    if (result.status !== 'survived') throw new Error(`the unmutated tests do not pass (${result.status}: ${result.detail}) for:\n  ${id.replaceAll('\n', '\n  ')}`);
  }

  let done = 0;
  const tasks = plan.map((p, index) => async () => {
    const mutatedPath = join(work, 'mutants', String(index), p.target.rel);
    mkdirSync(dirname(mutatedPath), { recursive: true });
    writeFileSync(mutatedPath, applyMutant(p.target.text, p.mutant));
    const result = await runOpaTest(opa, loadSet(selections.get(p.selectionId), mutatedPath), timeoutMs);
    rmSync(join(work, 'mutants', String(index)), { recursive: true, force: true });
    done++;
    if (done % 100 === 0) process.stderr.write(`mutation: ${done}/${plan.length} (${Math.round((Date.now() - started) / 1000)} s)\n`);
    return result;
  });
  const results = await pool(tasks, jobs, () => Date.now() - started > budgetMs);
  const report = buildReport({
    plan, results, equivalents, baseline,
    options: { only: options.only ?? null, jobs, budget: options.budget ?? null, timeoutSeconds: timeoutMs / 1000 },
    durationMs: Date.now() - started,
  });
  const outPath = resolve(repoRoot, options.out);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);
  printSummary(report, process.stdout);
  process.stdout.write(`\nreport: ${options.out}\n`);
  if (report.totals.errors > 0) return 1;
  if (minScore !== null && (report.totals.score ?? 0) < minScore) {
    process.stderr.write(`mutation: score ${report.totals.score}% is below --min-score ${minScore}%\n`);
    return 1;
  }
  return 0;
}
