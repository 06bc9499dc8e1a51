import { dirname, join } from 'node:path';
import { readBaseline, BaselineComparison } from '../baseline/compare-baseline.js';
import { loadCatalog } from '../controls/catalog.js';
import { selectedCatalog, type Selection } from '../controls/select.js';
import { evaluationErrorWarning } from '../engine/evaluation-errors.js';
import { InputError } from '../errors.js';
import { buildCrosswalk, shippedFrameworks } from '../frameworks/crosswalk.js';
import { FrameworkPostureAccumulator } from '../frameworks/posture.js';
import type { Severity } from '../model/control.js';
import type { Finding } from '../model/finding.js';
import type { InventoryHeader } from '../inventory/resource-set.js';
import type { ScanInfo, ScanResults } from '../model/results.js';
import { OUTPUT_FILES } from '../reporters/output-files.js';
import type { Reporter } from '../reporters/reporter.js';
import { openStagedWithCleanup } from '../reporters/staged-set.js';
import { writeReportSet } from '../reporters/write-report-set.js';
import { controlDetails } from '../reporters/control-details.js';
import { concludeGate, FailOnGate } from '../scan/gate.js';
import { emptyReasonOf, FindingTally, type ScanOutcome } from '../scan/run-scan.js';
import { ScoreAccumulator } from '../scores/compute-scores.js';
import { VERSION } from '../version.js';
import { checkInputs, scanKeyOrder, type ResultsHead } from './check-inputs.js';
import { combineAssetGraph, combineCollection, combineEvaluationErrors, combineOrganization, combineSources, combineSuppressions, sortedUnion } from './combine-scan.js';
import { inventoryResources, readInventoryHeader } from './inventory-input.js';
import { mergedFindings, mergedInventoryHeader, writeMergedInventory } from './merge-streams.js';
import { readResultsHead, readResultsInput, type ResultsInput } from './results-input.js';

export interface MergeRequest {
  /** The shards' results.json files, each with the inventory.json its scan wrote beside it. */
  inputs: string[];
  outputDir: string;
  humanFormats?: readonly string[];
  category?: string;
  failOn?: Severity;
  allowEmpty?: boolean;
  /** The baseline the shards were compared with, when not at the path they recorded (scan.baseline.source). */
  baseline?: string;
  color?: boolean;
  /** The reporters to run (default: the registry); tests add their own. */
  reporters?: readonly Reporter[];
}

interface Shard {
  path: string;
  head: ResultsHead;
  inventoryPath: string;
  inventory: InventoryHeader;
  /** The accounts its results.json covers (scanned, and organisation accounts listed, entered or not). */
  accounts: ReadonlySet<string>;
  /** The accounts its inventory.json holds. */
  inventoryAccounts: ReadonlySet<string>;
}

/**
 * `cafscan merge`: the report set one scan over every input's accounts would have written,
 * from the shards' results.json and inventory.json — findings and resources k-way merged from
 * the files (each already in its order), every summary recomputed from the merged findings or
 * combined from the shards' summaries as one run computes it (combine-scan.ts), then written by
 * the same stage as a scan's (writeReportSet) and swapped in all at once. Inputs that do not
 * belong to one scan are refused before the output directory is touched.
 */
export async function runMerge(request: MergeRequest): Promise<ScanOutcome> {
  if (request.inputs.length === 0) throw new InputError('merge needs at least one results.json');
  const shards = request.inputs.map((path): Shard => {
    const head = readResultsHead(path);
    const inventoryPath = join(dirname(path), OUTPUT_FILES.inventory);
    const inventory = readInventoryHeader(inventoryPath);
    const accounts = new Set([...head.scan.accounts, ...(head.scan.organization?.accounts.map((a) => a.accountId) ?? [])]);
    return { path, head, inventoryPath, inventory, accounts, inventoryAccounts: new Set(inventory.accounts) };
  });
  checkInputs(shards);
  const catalog = loadCatalog();
  const first = shards[0]!.head;
  // The controls' details, scores and posture are recomputed from this cafscan's catalog: it must be the one the shards ran.
  if (first.tool.version !== VERSION || first.tool.catalog !== catalog.sourceHash) {
    throw new InputError(`cannot merge results of cafscan ${first.tool.version} (catalog ${first.tool.catalog ?? 'not recorded'}) with cafscan ${VERSION} (catalog ${catalog.sourceHash}): merge with the cafscan that scanned`);
  }
  for (const shard of shards) {
    // An organisation run may list accounts it could not enter in results.json without resources of them in inventory.json.
    const outside = shard.inventory.accounts.find((a) => !shard.head.scan.accounts.includes(a));
    if (outside !== undefined) throw new InputError(`${shard.inventoryPath} is not the inventory of ${shard.path}: it holds account ${outside}, which that results.json does not cover`);
  }

  const recorded = first.scan.selection;
  const selection: Selection | undefined = recorded ? { criteria: recorded.criteria, selected: catalog.controls.filter((c) => !recorded.excluded.includes(c.id)).map((c) => c.id), excluded: recorded.excluded } : undefined;
  const controls = selection ? selectedCatalog(catalog, selection.selected).controls : catalog.controls;
  const chosen = new Set(controls.map((c) => c.id));
  const frameworkList = shippedFrameworks();
  const crosswalk = buildCrosswalk(frameworkList);
  const scores = new ScoreAccumulator();
  const postures = new FrameworkPostureAccumulator(frameworkList, chosen);
  const tally = new FindingTally();
  const gate = new FailOnGate(request.failOn);
  const controlIds = new Set<string>();
  const baseline = await baselineOf(first, request.baseline);
  let baselineMismatch: string | undefined;

  // Pass 1 over each input's findings: checks them and gathers every order-free summary.
  const inputs: ResultsInput[] = shards.map((shard) =>
    readResultsInput(shard.path, (finding: Finding) => {
      // A finding of an account its input does not cover (or, for a failure, whose inventory.json
      // does not hold it: SARIF locates failures there) is not that scan's.
      if (!shard.accounts.has(finding.resource.accountId) || (finding.status === 'fail' && !shard.inventoryAccounts.has(finding.resource.accountId))) {
        throw new InputError(`${shard.path}: a finding of ${finding.controlId} on ${finding.resource.arn} is of account ${finding.resource.accountId}, which ${shard.accounts.has(finding.resource.accountId) ? `${shard.inventoryPath} does not hold` : 'that results.json does not cover'}`);
      }
      scores.add(finding);
      postures.add(finding);
      tally.add(finding);
      gate.add(finding);
      controlIds.add(finding.controlId);
      if (baseline) {
        const state = finding.baselineState;
        baseline.mark(finding);
        if (finding.baselineState !== state) baselineMismatch ??= `${shard.path}: ${finding.controlId} on ${finding.resource.arn}`;
      }
    }),
  );
  if (baselineMismatch) throw new InputError(`the shards were not compared with this baseline (${baselineMismatch} has another baseline state); pass the baseline they used with --baseline`);
  // Every inventory read through once before the output directory is touched: a truncated one is refused here.
  for (const shard of shards) for (const _resource of inventoryResources(shard.inventoryPath));

  const header = mergedInventoryHeader(shards.map((s) => s.inventory));
  const failing = new Set(inputs.flatMap((input) => [...input.failingArns]));
  const sampled = new Set<string>();
  for (const { head } of shards) {
    for (const e of head.scan.evaluationErrors?.sample ?? []) sampled.add(e.resource);
    for (const u of head.scan.assetGraph?.unresolvedSample ?? []) sampled.add(u.workload);
  }

  const { staged, release } = openStagedWithCleanup(request.outputDir);
  let swapping = false;
  try {
    const written = staged.guard(OUTPUT_FILES.inventory, () => writeMergedInventory(staged, header, shards.map((s) => s.inventoryPath), failing, sampled));
    const placeOf = (arn: string) => written.places.get(arn) ?? '\uffff';
    const scanned = { accounts: header.accounts, regions: header.regions };
    const sources = combineSources(shards.map((s) => s.head.scan.sources));
    const emptyReason = emptyReasonOf(tally, written.resourceCount, { sources, ...(first.scan.allResources ? { allResources: true } : {}), ...(selection ? { selection } : {}) });
    const parts: Partial<Record<string, unknown>> = {
      startedAt: earliest(shards.map((s) => s.head.scan.startedAt)),
      finishedAt: latest(shards.map((s) => s.head.scan.finishedAt)),
      sources,
      accounts: sortedUnion(shards.map((s) => s.head.scan.accounts)),
      regions: sortedUnion(shards.map((s) => s.head.scan.regions)),
      collection: combineCollection(shards.map((s) => ({ ...(s.head.scan.collection ? { collection: s.head.scan.collection } : {}), accounts: s.head.scan.accounts })), sortedUnion(shards.map((s) => s.head.scan.accounts))),
      evaluationErrors: combineEvaluationErrors(shards.map((s) => s.head.scan.evaluationErrors), placeOf),
      assetGraph: combineAssetGraph(shards.map((s) => s.head.scan.assetGraph), placeOf),
      suppressions: combineSuppressions(shards.map((s) => s.head.scan.suppressions), new Set(inputs.flatMap((i) => [...i.suppressedBy]))),
      baseline: baseline?.summary(scanned, selection ? chosen : undefined),
      selection: first.scan.selection,
      allResources: first.scan.allResources,
      empty: emptyReason ? true : undefined,
      emptyReason,
      organization: combineOrganization(shards.map((s) => s.head.scan.organization)),
    };
    const scan = Object.fromEntries(scanKeyOrder(shards.map((s) => s.head)).flatMap((key) => (parts[key] !== undefined ? [[key, parts[key]]] : []))) as unknown as ScanInfo;
    const results: Omit<ScanResults, 'findings'> = {
      schemaVersion: '1',
      tool: first.tool,
      scan,
      scores: scores.scores(),
      controls: controlDetails(controls, controlIds, crosswalk),
      frameworks: postures.posture(),
    };
    const report = await writeReportSet(staged, {
      results,
      findings: mergedFindings(inputs),
      inventoryLines: written.lines,
      accounts: header.accounts,
      crosswalk,
      humanFormats: request.humanFormats ?? [],
      ...(request.reporters ? { reporters: request.reporters } : {}),
      ...(request.category ? { category: request.category } : {}),
      color: request.color === true,
      beforeSwap: () => {
        release();
        swapping = true;
      },
    });

    const warnings = [...report.output.warnings];
    const evaluationWarning = scan.evaluationErrors ? evaluationErrorWarning(scan.evaluationErrors) : null;
    if (evaluationWarning !== null) warnings.push(evaluationWarning);
    warnings.push(...report.gathererWarnings);
    const end = concludeGate({ gate, failOn: request.failOn, failOnNewOnly: false, allowEmpty: request.allowEmpty === true, emptyReason, suppressions: scan.suppressions, baselinePath: scan.baseline?.source, notes: report.gathererNotes });
    warnings.push(...end.warnings);
    const { exitCode, gateLine } = end;
    return {
      results,
      findingCount: tally.total,
      summary: report.summary,
      written: report.output.files,
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

/** The comparison the shards made, rebuilt from the baseline they name (or the one given): its summary needs every shard's findings. */
async function baselineOf(head: ResultsHead, given: string | undefined): Promise<BaselineComparison | undefined> {
  const recorded = head.scan.baseline;
  if (!recorded) {
    if (given !== undefined) throw new InputError('--baseline: the merged results were not compared with a baseline');
    return undefined;
  }
  const path = given ?? recorded.source;
  let read: Awaited<ReturnType<typeof readBaseline>>;
  try {
    read = await readBaseline(path);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`the shards were compared with the baseline ${recorded.source}, which merge must read again: ${why}${given === undefined ? ' (pass its path with --baseline)' : ''}`);
  }
  if (read.startedAt !== recorded.startedAt) throw new InputError(`${path} is not the baseline the shards were compared with (it started ${read.startedAt ?? 'at an unknown time'}, theirs ${recorded.startedAt ?? 'at an unknown time'})`);
  return new BaselineComparison(read.findings, read.startedAt, recorded.source);
}

function earliest(times: string[]): string {
  return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

function latest(times: string[]): string {
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

