import type { CollectionSummary } from '../collect/coverage-summary.js';
import { loadCatalog, severityRank, type Severity } from '../controls/catalog.js';
import { evaluateInventory, type EvaluateOptions } from '../engine/evaluate.js';
import { evaluationErrorWarning, summarizeEvaluationErrors } from '../engine/evaluation-errors.js';
import { makeFindings } from '../findings/make-findings.js';
import type { Finding } from '../findings/model.js';
import { compareWithBaseline, type BaselineFinding } from '../baseline/compare-baseline.js';
import { applySuppressions } from '../suppressions/apply-suppressions.js';
import type { SuppressionRule } from '../suppressions/model.js';
import { buildAssetGraph, type GraphReport } from '../graph/build-asset-graph.js';
import type { AssetRule } from '../graph/user-rules.js';
import { ACCOUNT_RESOURCE_TYPE, type Inventory } from '../inventory/model.js';
import { redactInventory } from '../inventory/redact.js';
import { inventoryWriter } from '../reporters/inventory-json.js';
import { renderHtml } from '../reporters/html.js';
import { HUMAN_FORMATS, renderMarkdown, type HumanFormat } from '../reporters/markdown.js';
import { resultsChunks, type ScanResults } from '../reporters/results-json.js';
import type { Log as SarifLog } from 'sarif';
import { GITHUB_LIMITS, sarifLog, sarifTruncations, splitRuns } from '../reporters/sarif.js';
import { streamJson } from '../reporters/stream-json.js';
import { renderTerminalSummary } from '../reporters/terminal-summary.js';
import { writeOutputs } from '../reporters/write-outputs.js';
import { computeScores } from '../scores/compute-scores.js';
import { VERSION } from '../version.js';
import { phaseDone } from '../timings.js';

export interface ScanRequest {
  inventory: Inventory;
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
  baseline?: { path: string; findings: BaselineFinding[]; startedAt: string | null };
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
}

export interface ScanOutcome {
  results: ScanResults;
  summary: string;
  written: string[];
  /** For stderr: what the outputs had to leave out or split (GitHub's SARIF limits). */
  warnings: string[];
  /** Why nothing was evaluated, when nothing was (see emptyScanReason). */
  emptyReason?: string;
  exitCode: 0 | 1;
}

export const OUTPUT_FILES = { results: 'results.json', sarif: 'results.sarif', inventory: 'inventory.json' } as const;

/** inventory → engine → findings → scores → reporters; writes the outputs all at once. */
export async function runScan(request: ScanRequest): Promise<ScanOutcome> {
  const graphReport: GraphReport = { unresolved: [], ruleMatches: [] };
  const graph = buildAssetGraph(request.inventory, request.assetRules ?? [], graphReport);
  phaseDone('graph');
  const evaluated = await evaluateInventory(request.inventory, { scanTime: request.startedAt, onProgress: request.onProgress, graph, allResources: request.allResources ?? false, ...(request.policy ? { bundle: request.policy } : {}), ...(request.workers ? { workers: request.workers } : {}) });
  phaseDone('evaluate');
  const evaluationErrors = summarizeEvaluationErrors(evaluated);
  const findings = makeFindings(evaluated, request.inventory.coverage, graph);
  const scanned = { accounts: request.inventory.accounts, regions: request.inventory.regions };
  const suppressions = request.suppressions?.length ? applySuppressions(findings, request.suppressions, tagLookup(request.inventory), request.startedAt, scanned) : undefined;
  const baseline = request.baseline ? compareWithBaseline(findings, request.baseline, request.baseline.path, scanned) : undefined;
  const scores = computeScores(findings);
  const emptyReason = emptyScanReason(request, findings);
  const finishedAt = new Date();
  const results: ScanResults = {
    schemaVersion: '1',
    tool: { name: 'cafscan', version: VERSION },
    scan: {
      startedAt: request.startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      sources: request.sources,
      accounts: request.inventory.accounts,
      regions: request.inventory.regions,
      ...(request.collection ? { collection: request.collection } : {}),
      ...(evaluationErrors.count ? { evaluationErrors } : {}),
      assetGraph: {
        linkedResources: graph.size,
        links: [...graph.values()].reduce((n, links) => n + links.length, 0),
        unresolvedReferences: graphReport.unresolved.length,
        // A sample: references to other accounts' buckets or key aliases can be many.
        unresolvedSample: graphReport.unresolved.slice(0, 20),
      },
      ...(suppressions ? { suppressions } : {}),
      ...(baseline ? { baseline } : {}),
      ...(emptyReason ? { empty: true as const, emptyReason } : {}),
    },
    findings,
    scores,
  };
  const inventoryToWrite = request.redact ? redactInventory(request.inventory, evaluated).inventory : request.inventory;
  const inventory = inventoryWriter(inventoryToWrite);
  // SARIF locations need the inventory's line numbers, so it is built after inventory.json
  // (writeOutputs runs the producers in order), once, and shared by the SARIF files.
  let sarif: SarifLog | undefined;
  let parts: SarifLog[] = [];
  const sarifPart = (index: number): SarifLog => {
    if (!sarif) {
      sarif = sarifLog({
        toolVersion: VERSION,
        controls: loadCatalog().controls,
        findings,
        inventoryUri: OUTPUT_FILES.inventory,
        inventoryLines: inventory.lines,
        accounts: request.inventory.accounts,
        startedAt: results.scan.startedAt,
        finishedAt: results.scan.finishedAt,
        ...(request.category ? { category: request.category } : {}),
      });
      parts = splitRuns(sarif);
    }
    return parts[index]!; // one run per account (at least one): as many parts as sarifFiles
  };
  const runCount = Math.max(1, request.inventory.accounts.length);
  const sarifFiles = Array.from({ length: Math.ceil(runCount / GITHUB_LIMITS.runsPerFile) }, (_, i) => sarifFileName(i));
  const output = writeOutputs(request.outputDir, [
    [OUTPUT_FILES.inventory, inventory.chunks],
    [OUTPUT_FILES.results, () => resultsChunks(results)],
    ...sarifFiles.map((name, i): [string, () => Iterable<string>] => [name, function* () {
      yield* streamJson(sarifPart(i), 4, 0, true);
      yield '\n';
    }]),
    ...(request.humanFormats ?? []).map((format): [string, () => Iterable<string>] => [HUMAN_FORMATS[format].file, () => [HUMAN_RENDERERS[format](results)]]),
  ], { isStale: (name) => isStaleSarifPart(name, sarifFiles.length) });
  phaseDone('write');
  const warnings = output.warnings;
  const evaluationWarning = evaluationErrorWarning(evaluationErrors);
  if (evaluationWarning !== null) warnings.push(evaluationWarning);
  warnings.push(...sarifTruncations(sarif ?? { version: '2.1.0', runs: [] }).map(
    (t) => `results.sarif: account ${t.accountId} has ${t.total} failures; GitHub code scanning keeps ${t.kept} per run, so the ${t.kept} most severe are in the SARIF (all are in results.json)`,
  ));
  (request.assetRules ?? []).forEach((rule, i) => {
    if (graphReport.ruleMatches[i] === 0) warnings.push(`asset rule ${rule.source} matched no resource (a typo in arn, tags or resourceTypes?)`);
  });
  for (const e of suppressions?.expired ?? []) {
    warnings.push(`suppression ${e.source} expired on ${e.expires} and no longer suppresses (${e.wouldMatch} failing finding${e.wouldMatch === 1 ? '' : 's'} it matches are reported): ${e.reason}`);
  }
  for (const u of suppressions?.unused ?? []) warnings.push(`suppression ${u.source} matched no failing finding (fixed, or a typo?): ${u.reason}`);
  // An empty scan must not look clean: a pipeline pointed at the wrong file would go green.
  const emptyGate = emptyReason !== undefined && request.failOn !== undefined && !request.allowEmpty;
  if (emptyReason) {
    warnings.push(`nothing was evaluated: ${emptyReason}${emptyGate ? `; --fail-on does not pass a scan that checked nothing (exit 1; --allow-empty accepts it)` : ''}`);
  }
  if (sarifFiles.length > 1) warnings.push(`${runCount} accounts: SARIF split into ${sarifFiles.join(', ')} (GitHub takes at most ${GITHUB_LIMITS.runsPerFile} runs per upload; upload each file)`);
  return {
    results,
    summary: renderTerminalSummary(scores, findings, 10, baseline, emptyReason),
    written: output.files,
    warnings,
    ...(emptyReason ? { emptyReason } : {}),
    exitCode: emptyGate || failsAtOrAbove(request.failOnNewOnly ? findings.filter((f) => f.baselineState === 'new') : findings, request.failOn) ? 1 : 0,
  };
}

/**
 * Why a scan evaluated nothing (no check passed or failed), or undefined when it did evaluate
 * something. A suppressed failure was evaluated; a not_evaluated check was not.
 */
export function emptyScanReason(request: Pick<ScanRequest, 'inventory' | 'sources' | 'allResources'>, findings: Finding[]): string | undefined {
  if (findings.some((f) => f.status === 'pass' || f.status === 'fail')) return undefined;
  // The account/region records collection adds are facts about the account, not resources a user would count.
  const resources = request.inventory.resources.filter((r) => r.type !== ACCOUNT_RESOURCE_TYPE).length;
  const live = request.sources.includes('live');
  if (resources === 0) return live ? 'no resources were collected (check the regions and the scanning role)' : 'the input has no resources (is it the right file?)';
  const held = resources === 1 ? 'the 1 resource' : `any of the ${resources} resources`;
  const scope = request.allResources ? '' : '; without --all-resources, buckets, keys, log groups and the like count only when linked to an AI workload';
  const noControl = `no control applies to ${held} ${live ? 'collected' : 'in the input'} (no AI workload or resource type cafscan checks${scope})`;
  if (findings.length === 0) return noControl;
  const checks = (kind: string) => (findings.length === 1 ? `${kind}check was` : `${findings.length} ${kind}checks were`);
  // Account-level checks run for every account and region seen, even when no resource is one cafscan checks.
  if (findings.every((f) => f.resource.type === ACCOUNT_RESOURCE_TYPE)) return `${noControl}, and the ${checks('account-level ')} not evaluated (results.json gives each reason)`;
  return `${findings.length === 1 ? 'the only' : 'all'} ${checks('')} not evaluated (results.json gives each reason)`;
}

const HUMAN_RENDERERS: Record<HumanFormat, (results: ScanResults) => string> = {
  markdown: (results) => renderMarkdown(results),
  html: (results) => renderHtml(results),
};

/** Tags by ARN, for suppressions that match on tags (built only when there are suppressions). */
function tagLookup(inventory: Inventory): (arn: string) => Record<string, string> | null {
  const tags = new Map(inventory.resources.map((r) => [r.arn, r.tags]));
  return (arn) => tags.get(arn) ?? null;
}

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

export function failsAtOrAbove(findings: Finding[], threshold: Severity | undefined): boolean {
  if (!threshold) return false;
  // An accepted risk (suppressed) stays visible but no longer breaks the build.
  return findings.some((f) => f.status === 'fail' && !f.suppression && severityRank(f.severity) <= severityRank(threshold));
}
