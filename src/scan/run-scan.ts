import type { CollectionSummary } from '../collect/coverage-summary.js';
import { loadCatalog, severityRank, type Severity } from '../controls/catalog.js';
import { evaluateInventory } from '../engine/evaluate.js';
import { makeFindings } from '../findings/make-findings.js';
import type { Finding } from '../findings/model.js';
import { buildAssetGraph } from '../graph/build-asset-graph.js';
import type { AssetRule } from '../graph/user-rules.js';
import type { Inventory } from '../inventory/model.js';
import { redactInventory } from '../inventory/redact.js';
import { inventoryWriter } from '../reporters/inventory-json.js';
import { resultsChunks, type ScanResults } from '../reporters/results-json.js';
import { sarifLog } from '../reporters/sarif.js';
import { streamJson } from '../reporters/stream-json.js';
import { renderTerminalSummary } from '../reporters/terminal-summary.js';
import { writeOutputs } from '../reporters/write-outputs.js';
import { computeScores } from '../scores/compute-scores.js';
import { VERSION } from '../version.js';

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
}

export interface ScanOutcome {
  results: ScanResults;
  summary: string;
  written: string[];
  exitCode: 0 | 1;
}

export const OUTPUT_FILES = { results: 'results.json', sarif: 'results.sarif', inventory: 'inventory.json' } as const;

/** inventory → engine → findings → scores → reporters; writes the outputs all at once. */
export async function runScan(request: ScanRequest): Promise<ScanOutcome> {
  const graph = buildAssetGraph(request.inventory, request.assetRules ?? []);
  const evaluated = await evaluateInventory(request.inventory, { scanTime: request.startedAt, onProgress: request.onProgress, graph, allResources: request.allResources ?? false });
  const findings = makeFindings(evaluated, request.inventory.coverage, graph);
  const scores = computeScores(findings);
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
    },
    findings,
    scores,
  };
  const inventoryToWrite = request.redact ? redactInventory(request.inventory, evaluated).inventory : request.inventory;
  const inventory = inventoryWriter(inventoryToWrite);
  // SARIF locations need the inventory's line numbers, so it is built after inventory.json.
  function* sarifChunks(): Generator<string> {
    const log = sarifLog({
      toolVersion: VERSION,
      controls: loadCatalog().controls,
      findings,
      inventoryUri: OUTPUT_FILES.inventory,
      inventoryLines: inventory.lines,
      accounts: request.inventory.accounts,
      startedAt: results.scan.startedAt,
      finishedAt: results.scan.finishedAt,
    });
    yield* streamJson(log, 4, 0, true);
    yield '\n';
  }
  const written = writeOutputs(request.outputDir, [
    [OUTPUT_FILES.inventory, inventory.chunks],
    [OUTPUT_FILES.results, () => resultsChunks(results)],
    [OUTPUT_FILES.sarif, sarifChunks],
  ]);
  return {
    results,
    summary: renderTerminalSummary(scores, findings),
    written,
    exitCode: failsAtOrAbove(findings, request.failOn) ? 1 : 0,
  };
}

export function failsAtOrAbove(findings: Finding[], threshold: Severity | undefined): boolean {
  if (!threshold) return false;
  return findings.some((f) => f.status === 'fail' && severityRank(f.severity) <= severityRank(threshold));
}
