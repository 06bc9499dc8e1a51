import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionSummary, OrganizationScan } from '../model/results.js';
import { loadPolicyBundle } from '../controls/catalog.js';
import type { Severity } from '../model/control.js';
import { namesAny, selectedCatalog, type Selection } from '../controls/select.js';
import type { EvaluateOptions, ResourceOutcomes } from '../engine/evaluate.js';
import { EVALUATION_ERROR_SAMPLE, evaluationErrorWarning, summarizeEvaluationErrors } from '../engine/evaluation-errors.js';
import type { EvaluationErrorSummary } from '../model/results.js';
import { makeFindings } from '../findings/make-findings.js';
import type { Finding } from '../model/finding.js';
import { BaselineComparison } from '../baseline/compare-baseline.js';
import type { BaselineFinding } from '../model/baseline.js';
import { SuppressionTracker } from '../suppressions/apply-suppressions.js';
import type { SuppressionRule } from '../model/suppression.js';
import type { AssetRule } from '../graph/user-rules.js';
import { ACCOUNT_RESOURCE_TYPE, type Inventory } from '../model/inventory.js';
import type { ResourceSet } from '../inventory/resource-set.js';
import { InventoryFileWriter } from '../reporters/inventory-json.js';
import type { Reporter } from '../reporters/reporter.js';
import { OUTPUT_FILES } from '../reporters/output-files.js';
import type { ScanResults } from '../model/results.js';
import { openStagedWithCleanup } from '../reporters/staged-set.js';
import { writeReportSet } from '../reporters/write-report-set.js';
import { ScoreAccumulator } from '../scores/compute-scores.js';
import { FrameworkPostureAccumulator } from '../frameworks/posture.js';
import { buildCrosswalk, shippedFrameworks } from '../frameworks/crosswalk.js';
import type { Framework } from '../model/frameworks.js';
import { VERSION } from '../version.js';
import { phaseDone } from '../timings.js';
import { firstPass } from './first-pass.js';
import { controlDetails } from '../reporters/control-details.js';
import { concludeGate, FailOnGate } from './gate.js';
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
  /** Organisation scans: the accounts covered (results.json scan.organization). */
  organization?: OrganizationScan;
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
  /** The human formats asked for (--format): the names of human reporters to write beside results.json. */
  humanFormats?: readonly string[];
  /** The reporters to run (default: the registry, REPORTERS); tests add their own. */
  reporters?: readonly Reporter[];
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
  /** The rules/ frameworks results.json reports a posture for (default: loaded from rules/). */
  frameworks?: readonly Framework[];
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
  const settle = (finding: Finding, tagsOf: (arn: string) => Record<string, string> | null) => {
    suppressions?.apply(finding, tagsOf);
    baseline?.mark(finding);
    scores.add(finding);
    frameworks.add(finding);
    tally.add(finding);
    controlIds.add(finding.controlId);
    gate.add(finding);
  };

  // Pass 1: the asset graph, and what the coverage findings' suppressions need (their tags).
  // A selection limits the catalog itself: the engine routes, and the context loads, only for the selected controls.
  const bundle = request.policy ?? loadPolicyBundle();
  const baseCatalog = bundle.catalog;
  const catalog = request.selection ? selectedCatalog(baseCatalog, request.selection.selected) : baseCatalog;
  const chosen = new Set(catalog.controls.map((c) => c.id));
  // rules/ read once: each framework's posture, and the crosswalk results.json's controls and SARIF's tags come from.
  const frameworkList = request.frameworks ?? shippedFrameworks();
  const crosswalk = buildCrosswalk(frameworkList);
  const frameworks = new FrameworkPostureAccumulator(frameworkList, chosen);
  const coverage = makeFindings([], header.coverage).filter((f) => chosen.has(f.controlId));
  const { graph, graphReport, contextJson, resourceCount, tags: coverageTags } = await firstPass(set, catalog, request.assetRules ?? [], coverage.map((f) => f.resource.arn));
  // Each worker holds its own engine heap of the context: only as many as fit the memory budget.
  const workerChoice = chooseWorkerCount(request.workers ?? 1, contextJson.byteLength);
  phaseDone('graph');
  for (const finding of coverage) settle(finding, (arn) => coverageTags.get(arn) ?? null);

  const { staged, release } = openStagedWithCleanup(request.outputDir);
  // Once the swap starts it owns the scratch directories: after a failed rollback the backup
  // holds the user's previous reports and must stay where the error says it is.
  let swapping = false;
  try {
    // Pass 2: evaluation, inventory.json and the findings' spill files as chunks come back.
    const inventoryFile = staged.file(OUTPUT_FILES.inventory);
    const inventory = new InventoryFileWriter(header, (piece) => staged.guard(OUTPUT_FILES.inventory, () => inventoryFile.write(piece)));
    const parts = new FindingParts(staged.workDir('parts'));
    const errors = new ErrorTally();
    const options: EvaluateOptions = { scanTime: request.startedAt, onProgress: request.onProgress, graph, allResources: request.allResources ?? false, bundle, ...(request.selection ? { catalog } : {}), ...(request.workers ? { workers: workerChoice.workers } : {}) };
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
    // written, so a full disk fails on it first, as the set is listed. Its result — where each
    // failing resource sits — is what SARIF locations are taken from.
    const writtenInventory = staged.guard(OUTPUT_FILES.inventory, () => {
      const written = inventory.finish();
      inventoryFile.close();
      return written;
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
    const results: Omit<ScanResults, 'findings'> = {
      schemaVersion: '1',
      tool: { name: 'cafscan', version: VERSION, catalog: bundle.catalog.sourceHash },
      scan: {
        startedAt: request.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        sources: request.sources,
        accounts: header.accounts,
        regions: header.regions,
        ...(request.collection ? { collection: request.collection } : {}),
        ...(request.organization ? { organization: request.organization } : {}),
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
        // A setting that changes which resources are checked: recorded so results can be told apart (cafscan merge refuses to mix them).
        ...(request.allResources ? { allResources: true as const } : {}),
        ...(emptyReason ? { empty: true as const, emptyReason } : {}),
      },
      scores: scores.scores(),
      controls: controlDetails(catalog.controls, controlIds, crosswalk),
      frameworks: frameworks.posture(),
    };

    // results.json in its order (findings merged from the spill files), SARIF, the human
    // reports, and the swap: the stage `cafscan merge` shares (write-report-set.ts).
    const written = await writeReportSet(staged, {
      results,
      findings: parts.merged(coverage),
      inventoryLines: writtenInventory.lines,
      accounts: header.accounts,
      crosswalk,
      humanFormats: request.humanFormats ?? [],
      ...(request.reporters ? { reporters: request.reporters } : {}),
      ...(request.category ? { category: request.category } : {}),
      color: request.color === true,
      afterResults: () => rmSync(join(staged.staging, '.parts'), { recursive: true, force: true }),
      beforeSwap: () => {
        release();
        swapping = true;
      },
    });
    const output = written.output;
    phaseDone('write');

    const warnings = output.warnings;
    const evaluationWarning = evaluationErrorWarning(evaluationErrors);
    if (evaluationWarning !== null) warnings.push(evaluationWarning);
    if (workerChoice.warning !== null) warnings.push(workerChoice.warning);
    warnings.push(...written.gathererWarnings);
    (request.assetRules ?? []).forEach((rule, i) => {
      if (graphReport.ruleMatches[i] === 0) warnings.push(`asset rule ${rule.source} matched no resource (a typo in arn, tags or resourceTypes?)`);
    });
    const end = concludeGate({ gate, failOn: request.failOn, failOnNewOnly: request.failOnNewOnly === true, allowEmpty: request.allowEmpty === true, emptyReason, suppressions: suppressionReport, baselinePath: request.baseline?.path, notes: written.gathererNotes });
    warnings.push(...end.warnings);
    const { exitCode, gateLine } = end;
    return {
      results,
      findingCount: tally.total,
      summary: written.summary,
      written: output.files,
      warnings,
      ...(emptyReason ? { emptyReason } : {}),
      exitCode,
      ...(gateLine ? { gate: gateLine } : {}),
    };
  } catch (error) {
    release();
    if (!swapping) staged.abort();
    throw error;
  }
}

/** What the empty-scan check needs of all findings, counted as they go by (the gate counts failures: gate.ts). */
export class FindingTally {
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
export function emptyReasonOf(tally: FindingTally, resources: number, request: Pick<ScanRequest, 'sources' | 'allResources' | 'selection'>): string | undefined {
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

export { OUTPUT_FILES, sarifFileName } from '../reporters/output-files.js';
