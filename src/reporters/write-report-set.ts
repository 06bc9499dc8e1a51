import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../controls/catalog.js';
import type { Finding } from '../model/finding.js';
import type { Crosswalk } from '../model/frameworks.js';
import type { ScanResults } from '../model/results.js';
import { letSignalsArrive } from './defer-signals.js';
import type { LineSpan } from './inventory-json.js';
import { OUTPUT_FILES } from './output-files.js';
import { REPORTERS } from './registry.js';
import type { FindingFacts, FinishedScan, Reporter, StdoutReporter } from './reporter.js';
import { ReportSummaryBuilder } from './report-summary.js';
import { resultsChunks } from './results-json.js';
import { SpillFile } from './spill-file.js';
import type { StagedFile } from './durable-file.js';
import type { StagedSet } from './staged-set.js';
import { commitStaged, type WriteResult } from './write-outputs.js';

/** A finding in results.json order with its results.json line (JSON.stringify of it). */
export interface FindingLine {
  finding: Finding;
  line: string;
  /** The line's UTF-8 bytes, when the entry holds them (a scan's spilled parts): written as they are, never decoded. */
  bytes?: () => Uint8Array;
  /** Bytes the line starts with, before `bytes` (a control head a part stores once), when there are. */
  prefix?: Uint8Array;
  /** When the entry can tell them without parsing: a pass's or a not_evaluated finding's facts; undefined otherwise. */
  facts?: () => FindingFacts | undefined;
}

export interface ReportSetRequest {
  /** results.json without findings (they come from `findings`, in results.json order). */
  results: Omit<ScanResults, 'findings'>;
  findings: Iterable<FindingLine>;
  /** inventory.json's line spans by ARN (the finished inventory writer's result): SARIF locations. */
  inventoryLines: ReadonlyMap<string, LineSpan>;
  /** The accounts in inventory order: SARIF's one run per account. */
  accounts: string[];
  crosswalk: Crosswalk;
  humanFormats?: readonly string[];
  reporters?: readonly Reporter[];
  category?: string;
  color?: boolean;
  /** Sees each finding once results.json has it (the --fail-on gate of a merge). */
  onFinding?: (finding: Finding) => void;
  /** Runs once results.json is complete (scan: its spilled finding parts are no longer needed). */
  afterResults?: () => void;
  /**
   * Called after the last report is staged, just before the swap: the caller stops cleaning up on
   * stop signals (the swap owns the scratch directories from then on, see runScan).
   */
  beforeSwap: () => void;
}

export interface ReportSetOutcome {
  output: WriteResult;
  /** What gathering reporters had to leave out (stderr warnings), then how they laid out their files (notes). */
  gathererWarnings: string[];
  gathererNotes: string[];
  /** The stdout reporter's text (the terminal table). */
  summary: string;
}

/**
 * The stage after evaluation, shared by `scan` and `merge`: results.json assembled in its
 * order from the findings, the gathering reporters (SARIF, located in inventory.json by the
 * given line spans) and the human reports' summaries seeing each finding as it goes by, the
 * rendered reports, then the staged set — inventory.json already in it — swapped in all at once.
 * Both commands write through this one function, so one set of inputs gives one set of bytes.
 */
export async function writeReportSet(staged: StagedSet, request: ReportSetRequest): Promise<ReportSetOutcome> {
  // The contract puts findings right after scan: an empty array there marks where writeResults
  // streams them. Every other key keeps the caller's order (a key added later is not dropped).
  const results = Object.fromEntries(Object.entries(request.results).flatMap(([key, value]) => (key === 'scan' ? [[key, value], ['findings', []]] : [[key, value]]))) as Omit<ScanResults, 'findings'> & { findings?: never[] };
  const humanFormats = request.humanFormats ?? [];
  const registered = request.reporters ?? REPORTERS;
  const active = registered.filter((r) => !r.human || humanFormats.includes(r.name));
  const summaries = new ReportSummaryBuilder(Math.max(0, ...active.map((r) => r.pageFindings ?? 0)));
  const scratch: string[] = [];
  const workDir = (name: string) => {
    const dir = staged.workDir(name);
    scratch.push(dir);
    return dir;
  };
  const gatherers = new Map(active.flatMap((r) => (r.kind === 'gather' ? [[r, r.gather({ accounts: request.accounts, workDir })] as const] : [])));
  // Only when a reporter reads the findings again: a copy of them in results.json order.
  const replay = active.some((r) => r.kind === 'render' && r.readsFindings) ? new SpillFile(join(workDir('findings'), 'findings.jsonl')) : undefined;
  const resultsFile = staged.file(OUTPUT_FILES.results);
  // A finding is counted from its facts, unparsed, when every reader of it takes it so.
  const gathering = [...gatherers.values()];
  const byFacts = summaries.takesFacts && !request.onFinding && gathering.every((g) => g.addFacts !== undefined);
  staged.guard(OUTPUT_FILES.results, () => {
    writeResults(results, request.findings, resultsFile, (entry) => {
      const facts = byFacts ? entry.facts?.() : undefined;
      if (facts) {
        for (const gatherer of gathering) gatherer.addFacts!(facts);
        summaries.addFacts(facts);
      } else {
        const finding = entry.finding;
        for (const gatherer of gathering) gatherer.add(finding);
        summaries.add(finding);
        request.onFinding?.(finding);
      }
      if (replay) {
        if (entry.bytes) replay.appendBytes(entry.bytes(), entry.prefix);
        else replay.append(entry.line);
      }
    });
  });
  delete results.findings;
  staged.guard(OUTPUT_FILES.results, () => resultsFile.close());
  if (request.afterResults) staged.guard('', request.afterResults);

  const finished: FinishedScan = {
    results,
    findings: () => readBack(replay),
    summary: summaries.summary(),
    catalog: loadCatalog().controls,
    crosswalk: request.crosswalk,
    inventory: { uri: OUTPUT_FILES.inventory, lines: request.inventoryLines },
    ...(request.category ? { category: request.category } : {}),
    color: request.color === true,
  };
  for (const reporter of active) {
    if (reporter.kind === 'render') {
      const file = staged.file(reporter.file);
      staged.guard(reporter.file, () => {
        for (const piece of reporter.render(finished)) file.write(piece);
        file.close();
      });
    } else if (reporter.kind === 'gather') {
      for (const { name, chunks } of gatherers.get(reporter)!.files(finished)) {
        const file = staged.file(name);
        staged.guard(name, () => {
          for (const piece of chunks) file.write(piece);
          file.close();
        });
      }
    }
  }
  for (const dir of scratch) staged.guard('', () => rmSync(dir, { recursive: true, force: true }));
  await letSignalsArrive();
  request.beforeSwap();
  // A file another registered reporter writes, not written by this set (results.csv of an earlier
  // --format csv), would sit beside results.json it no longer matches: it leaves with the old set.
  const written = new Set(active.flatMap((r) => (r.kind === 'render' ? [r.file] : [])));
  const otherFiles = new Set(registered.flatMap((r) => (r.kind === 'render' && !written.has(r.file) ? [r.file] : [])));
  const output = commitStaged(staged, { isStale: (name) => otherFiles.has(name) || [...gatherers.values()].some((g) => g.isStale?.(name) ?? false) });
  return {
    output,
    gathererWarnings: [...gatherers.values()].flatMap((g) => g.warnings?.() ?? []),
    gathererNotes: [...gatherers.values()].flatMap((g) => g.notes?.() ?? []),
    summary: registered.find((r): r is StdoutReporter => r.kind === 'stdout')?.render(finished) ?? '',
  };
}

/**
 * results.json exactly as resultsChunks wrote it from one object: the contract's key order, the
 * findings one per line — streamed from `findings` where the (empty) findings array would go.
 */
function writeResults(results: Omit<ScanResults, 'findings'> & { findings?: never[] }, findings: Iterable<FindingLine>, out: StagedFile, seen: (entry: FindingLine) => void): void {
  let afterKey = false;
  for (const piece of resultsChunks(results as ScanResults)) {
    if (afterKey && piece === '[]') {
      let count = 0;
      for (const entry of findings) {
        out.write(count === 0 ? '[\n    ' : ',\n    ');
        if (entry.bytes) {
          if (entry.prefix) out.writeBytes(entry.prefix);
          out.writeBytes(entry.bytes());
        } else out.write(entry.line);
        seen(entry);
        count++;
      }
      out.write(count === 0 ? '[]' : '\n  ]');
    } else out.write(piece);
    afterKey = piece === '  "findings": ';
  }
}

/** The findings a `readsFindings` reporter reads, from the copy kept for it. */
function* readBack(replay: SpillFile | undefined): Generator<Finding> {
  // A reporter that did not declare readsFindings would get nothing and write a wrong report: say so instead.
  if (!replay) throw new Error('a reporter read the findings without declaring readsFindings');
  for (const line of replay.lines()) yield JSON.parse(line) as Finding;
}
