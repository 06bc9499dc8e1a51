import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionSummary } from '../collect/coverage-summary.js';
import { loadCatalog, type Severity } from '../controls/catalog.js';
import { namesAny, selectedCatalog, type Selection } from '../controls/select.js';
import type { EvaluateOptions, ResourceOutcomes } from '../engine/evaluate.js';
import { EVALUATION_ERROR_SAMPLE, evaluationErrorWarning, summarizeEvaluationErrors, type EvaluationErrorSummary } from '../engine/evaluation-errors.js';
import { makeFindings } from '../findings/make-findings.js';
import type { Finding } from '../findings/model.js';
import { BaselineComparison, type BaselineFinding } from '../baseline/compare-baseline.js';
import { SuppressionTracker } from '../suppressions/apply-suppressions.js';
import type { SuppressionRule } from '../suppressions/model.js';
import { AssetGraphBuilder, type GraphReport } from '../graph/build-asset-graph.js';
import type { AssetRule } from '../graph/user-rules.js';
import { ACCOUNT_RESOURCE_TYPE, type Inventory } from '../inventory/model.js';
import type { ResourceSet } from '../inventory/resource-set.js';
import { cleanUpOnStopSignals, letSignalsArrive } from '../reporters/defer-signals.js';
import { InventoryFileWriter } from '../reporters/inventory-json.js';
import { MAX_HTML_FINDINGS, renderHtmlFrom } from '../reporters/html.js';
import { HUMAN_FORMATS, renderMarkdownFrom, type HumanFormat } from '../reporters/markdown.js';
import { ReportSummaryBuilder, type ReportSummary } from '../reporters/report-summary.js';
import { resultsChunks, type ScanResults } from '../reporters/results-json.js';
import { GITHUB_LIMITS } from '../reporters/sarif.js';
import { SarifCollector } from '../reporters/sarif-stream.js';
import { StagedSet } from '../reporters/staged-set.js';
import { renderTerminalSummaryFrom } from '../reporters/terminal-summary.js';
import { selectionNote } from '../reporters/selection-note.js';
import { commitStaged } from '../reporters/write-outputs.js';
import { ScoreAccumulator } from '../scores/compute-scores.js';
import { VERSION } from '../version.js';
import { phaseDone } from '../timings.js';
import { ContextBuilder } from '../engine/context.js';
import { controlDetails } from '../reporters/control-details.js';
import { shippedCrosswalk } from '../frameworks/crosswalk.js';
import { FailOnGate } from './gate.js';
import { chooseWorkerCount } from '../engine/evaluation-pool.js';
import { evaluateChunks } from './evaluate-chunks.js';
import { FindingParts } from './finding-parts.js';
import { evaluateWritingInventory } from './inventory-pass.js';

export interface ScanRequest {
  /** The resources, read pass by pass (resourceSetOf for an inventory in memory). */
  resources: ResourceSet;
  /** What results.json names as the sources ("live", input paths, "demo"). */
  sources: string[];
  outputDir: string;
  failOn?: Severity;
  /** Live scans: the API call summary, reported in results.json. */
  collection?: CollectionSummary;
  /** Replace credential-looking values in inventory.json (default). */
  redact: boolean;
  startedAt: Date;
  onProgress?: (done: number, total: number) => void;
  /** User links into the AI asset graph (cafscan.config.json `assets`). */
  assetRules?: AssetRule[];
  /** Check generic resources no AI workload is linked to (--all-resources). */
  allResources?: boolean;
  /** Accepted risks (cafscan.config.json `suppressions`). */
  suppressions?: SuppressionRule[];
  /** The previous results.json to compare with (--baseline). */
  baseline?: { path: string; findings: Iterable<BaselineFinding>; startedAt: string | null };
  /** --fail-on-new: only failures new since the baseline decide the exit code. */
  failOnNewOnly?: boolean;
  /** Human reports written beside results.json (summary.md, report.html). */
  humanFormats?: HumanFormat[];
  /** SARIF automationDetails.id prefix (code scanning category). */
  category?: string;
  /** Another compiled policy instead of policy-bundle/ (tests of runtime-error handling). */
  policy?: EvaluateOptions['bundle'];
  /** --allow-empty: a scan that evaluated nothing may pass --fail-on. */
  allowEmpty?: boolean;
  /** --workers: evaluation threads (EvaluateOptions.workers). */
  workers?: number;
  /** --controls, --capability…: only these controls are evaluated (absent: all). */
  selection?: Selection;
  /** Colour the terminal summary (stdout is a terminal, no --no-color / NO_COLOR). */
  color?: boolean;
}

export interface ScanOutcome {
  /** results.json without its findings (they were streamed to the file, never held). */
  results: Omit<ScanResults, 'findings'>;
  /** How many findings results.json lists. */
  findingCount: number;
  summary: string;
  written: string[];
  /** For stderr: what the outputs had to leave out or split (GitHub's SARIF limits). */
  warnings: string[];
  /** Why the exit code is 1, in one line for stderr (undefined when it is 0). */
  gate?: string;
  /** Why nothing was evaluated, when nothing was (see emptyScanReason). */
  emptyReason?: string;
  exitCode: 0 | 1;
}

export const OUTPUT_FILES = { results: 'results.json', sarif: 'results.sarif', inventory: 'inventory.json' } as const;

/**
 * resources → asset graph (one pass) → engine → findings → scores → reporters, streamed: the
 * second pass evaluates the resources chunk by chunk and, as each chunk comes back, writes its
 * resources to inventory.json and its findings — suppressed, compared with the baseline, scored —
 * to spill files; then results.json is assembled in its order, SARIF and the human reports are
 * written from what was gathered on the way, and the set replaces the previous one all at once.
 * No array of all resources or findings is held.
 */
export async function runScan(request: ScanRequest): Promise<ScanOutcome> {
  const set = request.resources;
  const { header } = set;
  const scanned = { accounts: header.accounts, regions: header.regions };
  const suppressions = request.suppressions?.length ? new SuppressionTracker(request.suppressions, request.startedAt) : undefined;
  const baseline = request.baseline ? new BaselineComparison(request.baseline.findings, request.baseline.startedAt, request.baseline.path) : undefined;
  const tally = new FindingTally();
  const scores = new ScoreAccumulator();
  const controlIds = new Set<string>();
  const gate = new FailOnGate(request.failOn);
  // The framework requirements of each control (rules/), read before any work: a broken rules/
  // file stops the scan at once, not after the evaluation.
  const crosswalk = shippedCrosswalk();
  const settle = (finding: Finding, tagsOf: (arn: string) => Record<string, string> | null) => {
    suppressions?.apply(finding, tagsOf);
    baseline?.mark(finding);
    scores.add(finding);
    tally.add(finding);
    controlIds.add(finding.controlId);
    gate.add(finding);
  };

  // Pass 1: the asset graph, and what the coverage findings' suppressions need (their tags).
  // A selection limits the catalog itself: the engine routes, and the context loads, only for the selected controls.
  const baseCatalog = request.policy?.catalog ?? loadCatalog();
  const catalog = request.selection ? selectedCatalog(baseCatalog, request.selection.selected) : baseCatalog;
  const chosen = new Set(catalog.controls.map((c) => c.id));
  const coverage = makeFindings([], header.coverage).filter((f) => chosen.has(f.controlId));
  const coverageTags = new Map<string, Record<string, string> | null>(coverage.map((f) => [f.resource.arn, null]));
  const graphReport: GraphReport = { unresolved: [], ruleMatches: [] };
  const graphBuilder = new AssetGraphBuilder(request.assetRules ?? []);
  let context: ContextBuilder | undefined = new ContextBuilder(catalog);
  let resourceCount = 0;
  for await (const resource of set.resources()) {
    graphBuilder.add(resource);
    context.add(resource);
    if (resource.type !== ACCOUNT_RESOURCE_TYPE) resourceCount++;
    if (coverageTags.has(resource.arn)) coverageTags.set(resource.arn, resource.tags);
  }
  const graph = graphBuilder.build(graphReport);
  const contextJson = context.toJson();
  // Let go of the builder's objects (27 MB of JS heap per 100,000-item snapshot, measured): this
  // async function's locals would otherwise live through the whole evaluation.
  context = undefined;
  // Each worker holds its own engine heap of the context: only as many as fit the memory budget.
  const workerChoice = chooseWorkerCount(request.workers ?? 1, Buffer.byteLength(contextJson));
  phaseDone('graph');
  for (const finding of coverage) settle(finding, (arn) => coverageTags.get(arn) ?? null);

  // The listeners first: a stop signal the moment the staging directory appears must find them.
  let opened: StagedSet | undefined;
  const release = cleanUpOnStopSignals(() => opened?.abort());
  let staged: StagedSet;
  try {
    staged = opened = StagedSet.open(request.outputDir);
  } catch (error) {
    release();
    throw error;
  }
  // Once the swap starts it owns the scratch directories: after a failed rollback the backup
  // holds the user's previous reports and must stay where the error says it is.
  let swapping = false;
  try {
    // Pass 2: evaluation, inventory.json and the findings' spill files as chunks come back.
    const inventoryFile = staged.file(OUTPUT_FILES.inventory);
    const inventory = new InventoryFileWriter(header, (piece) => staged.guard(OUTPUT_FILES.inventory, () => inventoryFile.write(piece)));
    const parts = new FindingParts(staged.workDir('parts'));
    const errors = new ErrorTally();
    const options: EvaluateOptions = { scanTime: request.startedAt, onProgress: request.onProgress, graph, allResources: request.allResources ?? false, ...(request.policy ? { bundle: request.policy } : {}), ...(request.selection ? { catalog } : {}), ...(request.workers ? { workers: workerChoice.workers } : {}) };
    await evaluateWritingInventory(set, evaluateChunks, { header, options, contextJson, total: set.count }, inventory, request.redact, (chunk) => {
      errors.add(chunk);
      const tags = new Map(chunk.map(({ resource }) => [resource.arn, resource.tags]));
      const findings = makeFindings(chunk, [], graph);
      staged.guard(OUTPUT_FILES.results, () => {
        for (const finding of findings) {
          settle(finding, (arn) => tags.get(arn) ?? null);
          parts.add(finding);
        }
      });
    });
    phaseDone('evaluate');
    // inventory.json complete on disk before results.json is assembled: it is the first report
    // written, so a full disk fails on it first, as the set is listed.
    staged.guard(OUTPUT_FILES.inventory, () => {
      inventory.finish();
      inventoryFile.close();
    });

    const evaluationErrors = errors.summary;
    const suppressionReport = suppressions?.report(scanned);
    if (suppressionReport && request.selection) {
      // A rule for controls the selection left out had nothing to match in this scan: not stale.
      const ruleOf = new Map((request.suppressions ?? []).map((rule) => [rule.source, rule]));
      suppressionReport.unused = suppressionReport.unused.filter((u) => {
        const pattern = ruleOf.get(u.source)?.controlId;
        return pattern === undefined || namesAny(pattern, chosen);
      });
    }
    const baselineSummary = baseline?.summary(scanned, request.selection ? chosen : undefined);
    const emptyReason = emptyReasonOf(tally, resourceCount, request);
    const finishedAt = new Date();
    const results: Omit<ScanResults, 'findings'> & { findings?: never[] } = {
      schemaVersion: '1',
      tool: { name: 'cafscan', version: VERSION },
      scan: {
        startedAt: request.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        sources: request.sources,
        accounts: header.accounts,
        regions: header.regions,
        ...(request.collection ? { collection: request.collection } : {}),
        ...(evaluationErrors.count ? { evaluationErrors } : {}),
        assetGraph: {
          linkedResources: graph.size,
          links: [...graph.values()].reduce((n, links) => n + links.length, 0),
          unresolvedReferences: graphReport.unresolved.length,
          // A sample: references to other accounts' buckets or key aliases can be many.
          unresolvedSample: graphReport.unresolved.slice(0, 20),
        },
        ...(suppressionReport ? { suppressions: suppressionReport } : {}),
        ...(baselineSummary ? { baseline: baselineSummary } : {}),
        ...(request.selection ? { selection: { criteria: request.selection.criteria, selected: request.selection.selected.length, excluded: request.selection.excluded } } : {}),
        ...(emptyReason ? { empty: true as const, emptyReason } : {}),
      },
      findings: [],
      scores: scores.scores(),
      controls: controlDetails(catalog.controls, controlIds, crosswalk),
    };

    // results.json in its order (findings merged from the spill files), gathering SARIF and the
    // human reports' summaries as the findings go by.
    const humanFormats = request.humanFormats ?? [];
    const summaries = new ReportSummaryBuilder(humanFormats.includes('html') ? MAX_HTML_FINDINGS : 0);
    const sarif = new SarifCollector(header.accounts, staged.workDir('sarif'));
    const resultsFile = staged.file(OUTPUT_FILES.results);
    staged.guard(OUTPUT_FILES.results, () => {
      writeResults(results, parts.merged(coverage), (piece) => resultsFile.write(piece), ({ finding }) => {
        sarif.add(finding);
        summaries.add(finding);
      });
    });
    delete results.findings;
    staged.guard(OUTPUT_FILES.results, () => resultsFile.close());
    staged.guard('', () => rmSync(join(staged.staging, '.parts'), { recursive: true, force: true }));

    const sarifFiles = Array.from({ length: sarif.fileCount }, (_, i) => sarifFileName(i));
    const head = {
      toolVersion: VERSION,
      controls: loadCatalog().controls,
      crosswalk,
      inventoryUri: OUTPUT_FILES.inventory,
      inventoryLines: inventory.lines,
      startedAt: results.scan.startedAt,
      finishedAt: results.scan.finishedAt,
      ...(request.category ? { category: request.category } : {}),
    };
    sarifFiles.forEach((name, i) => {
      const file = staged.file(name);
      staged.guard(name, () => {
        sarif.write(i, head, file);
        file.close();
      });
    });
    staged.guard('', () => rmSync(join(staged.staging, '.sarif'), { recursive: true, force: true }));
    const summary = summaries.summary();
    for (const format of humanFormats) {
      const name = HUMAN_FORMATS[format].file;
      const file = staged.file(name);
      staged.guard(name, () => {
        file.write(HUMAN_RENDERERS[format](results, summary));
        file.close();
      });
    }
    await letSignalsArrive();
    release();
    swapping = true;
    const output = commitStaged(staged, { isStale: (name) => isStaleSarifPart(name, sarifFiles.length) });
    phaseDone('write');

    const warnings = output.warnings;
    const evaluationWarning = evaluationErrorWarning(evaluationErrors);
    if (evaluationWarning !== null) warnings.push(evaluationWarning);
    if (workerChoice.warning !== null) warnings.push(workerChoice.warning);
    warnings.push(...sarif.truncations().map(
      (t) => `results.sarif: account ${t.accountId} has ${t.total} failures; GitHub code scanning keeps ${t.kept} per run, so the ${t.kept} most severe are in the SARIF (all are in results.json)`,
    ));
    (request.assetRules ?? []).forEach((rule, i) => {
      if (graphReport.ruleMatches[i] === 0) warnings.push(`asset rule ${rule.source} matched no resource (a typo in arn, tags or resourceTypes?)`);
    });
    for (const e of suppressionReport?.expired ?? []) {
      warnings.push(`suppression ${e.source} expired on ${e.expires} and no longer suppresses (${e.wouldMatch} failing finding${e.wouldMatch === 1 ? '' : 's'} it matches are reported): ${e.reason}`);
    }
    for (const u of suppressionReport?.unused ?? []) warnings.push(`suppression ${u.source} matched no failing finding (fixed, or a typo?): ${u.reason}`);
    // An empty scan must not look clean: a pipeline pointed at the wrong file would go green.
    const emptyGate = emptyReason !== undefined && request.failOn !== undefined && !request.allowEmpty;
    // With the gate failing on it, this line is the gate line (printed even with --quiet), not a warning.
    const emptyLine = emptyReason ? `nothing was evaluated: ${emptyReason}${emptyGate ? `; --fail-on does not pass a scan that checked nothing (exit 1; --allow-empty accepts it)` : ''}` : undefined;
    if (emptyLine && !emptyGate) warnings.push(emptyLine);
    const runCount = Math.max(1, header.accounts.length);
    if (sarifFiles.length > 1) warnings.push(`${runCount} accounts: SARIF split into ${sarifFiles.join(', ')} (GitHub takes at most ${GITHUB_LIMITS.runsPerFile} runs per upload; upload each file)`);
    const exitCode = emptyGate || (request.failOnNewOnly ? gate.failingNew > 0 : gate.failing > 0) ? 1 : 0;
    const gateLine = exitCode === 0 ? undefined : emptyGate ? emptyLine : gate.line(request.baseline?.path, request.failOnNewOnly === true);
    return {
      results,
      findingCount: tally.total,
      summary: renderTerminalSummaryFrom(results.scores, summary, 10, baselineSummary, emptyReason, selectionNote(results.scan), request.color === true),
      written: output.files,
      warnings,
      ...(emptyReason ? { emptyReason } : {}),
      exitCode: exitCode as 0 | 1,
      ...(gateLine ? { gate: gateLine } : {}),
    };
  } catch (error) {
    release();
    if (!swapping) staged.abort();
    throw error;
  }
}

/**
 * results.json exactly as resultsChunks wrote it from one object: the contract's key order, the
 * findings one per line — streamed from `findings` where the (empty) findings array would go.
 */
function writeResults(results: Omit<ScanResults, 'findings'> & { findings?: never[] }, findings: Iterable<{ finding: Finding; line: string }>, out: (piece: string) => void, seen: (entry: { finding: Finding; line: string }) => void): void {
  let afterKey = false;
  for (const piece of resultsChunks(results as ScanResults)) {
    if (afterKey && piece === '[]') {
      let count = 0;
      for (const entry of findings) {
        out(count === 0 ? '[\n    ' : ',\n    ');
        out(entry.line);
        seen(entry);
        count++;
      }
      out(count === 0 ? '[]' : '\n  ]');
    } else out(piece);
    afterKey = piece === '  "findings": ';
  }
}

/** What the empty-scan check needs of all findings, counted as they go by (the gate counts failures: gate.ts). */
class FindingTally {
  total = 0;
  /** Findings that passed or failed (a suppressed failure was evaluated too). */
  evaluated = 0;
  /** Findings on account-level records (checks that run for every account and region seen). */
  onAccounts = 0;

  add(finding: Finding): void {
    this.total++;
    if (finding.status === 'pass' || finding.status === 'fail') this.evaluated++;
    if (finding.resource.type === ACCOUNT_RESOURCE_TYPE) this.onAccounts++;
  }
}

/** scan.evaluationErrors, gathered chunk by chunk (the sample is the first errors in inventory order). */
class ErrorTally {
  readonly summary: EvaluationErrorSummary = { count: 0, sample: [] };

  add(chunk: ResourceOutcomes[]): void {
    const part = summarizeEvaluationErrors(chunk);
    this.summary.count += part.count;
    for (const error of part.sample) if (this.summary.sample.length < EVALUATION_ERROR_SAMPLE) this.summary.sample.push(error);
  }
}

/**
 * Why a scan evaluated nothing (no check passed or failed), or undefined when it did evaluate
 * something. A suppressed failure was evaluated; a not_evaluated check was not.
 */
export function emptyScanReason(request: Pick<ScanRequest, 'sources' | 'allResources'> & { inventory: Pick<Inventory, 'resources'> }, findings: Finding[]): string | undefined {
  const tally = new FindingTally();
  for (const finding of findings) tally.add(finding);
  return emptyReasonOf(tally, request.inventory.resources.filter((r) => r.type !== ACCOUNT_RESOURCE_TYPE).length, request);
}

/** `resources`: how many the scan read, not counting the account/region records collection adds. */
function emptyReasonOf(tally: FindingTally, resources: number, request: Pick<ScanRequest, 'sources' | 'allResources' | 'selection'>): string | undefined {
  if (tally.evaluated > 0) return undefined;
  const live = request.sources.includes('live');
  if (resources === 0) return live ? 'no resources were collected (check the regions and the scanning role)' : 'the input has no resources (is it the right file?)';
  const held = resources === 1 ? 'the 1 resource' : `any of the ${resources} resources`;
  const scope = request.allResources ? '' : '; without --all-resources, buckets, keys, log groups and the like count only when linked to an AI workload';
  const noControl = `no ${request.selection ? 'selected ' : ''}control applies to ${held} ${live ? 'collected' : 'in the input'} (no AI workload or resource type cafscan checks${scope})`;
  if (tally.total === 0) return noControl;
  const checks = (kind: string) => (tally.total === 1 ? `${kind}check was` : `${tally.total} ${kind}checks were`);
  // Account-level checks run for every account and region seen, even when no resource is one cafscan checks.
  if (tally.onAccounts === tally.total) return `${noControl}, and the ${checks('account-level ')} not evaluated (results.json gives each reason)`;
  return `${tally.total === 1 ? 'the only' : 'all'} ${checks('')} not evaluated (results.json gives each reason)`;
}

const HUMAN_RENDERERS: Record<HumanFormat, (results: Omit<ScanResults, 'findings'>, summary: ReportSummary) => string> = {
  markdown: (results, summary) => renderMarkdownFrom(results, summary),
  html: (results, summary) => renderHtmlFrom(results, summary),
};

/**
 * A previous scan of more accounts may have left results-N.sarif files that this scan did not
 * write; an upload of the directory (the GitHub Action uploads it) would revive their alerts.
 * They are removed as part of replacing the set, so a failed write keeps them with their set.
 */
function isStaleSarifPart(name: string, written: number): boolean {
  const part = /^results-(\d+)\.sarif$/.exec(name);
  return part !== null && Number(part[1]) > written;
}

/** results.sarif, then results-2.sarif, results-3.sarif… beyond 20 accounts. */
export function sarifFileName(index: number): string {
  return index === 0 ? OUTPUT_FILES.sarif : `results-${index + 1}.sarif`;
}
