import type { ControlMeta } from '../model/control.js';
import type { Crosswalk } from '../model/frameworks.js';
import type { Finding } from '../model/finding.js';
import type { LineSpan } from './inventory-json.js';
import type { FindingFacts, ReportSummary } from './report-summary.js';
import type { ScanResults } from '../model/results.js';

export type { FindingFacts };

/**
 * One output format. The registry (registry.ts) lists every one; the CLI's `--format` choices,
 * its help text and docs/outputs.md are drawn from that list, and runScan writes whatever the
 * list holds. A reporter never writes a file itself: it yields the file's text in chunks and
 * runScan puts them into the staged report set, which replaces the previous set all at once.
 */
export type Reporter = RenderingReporter | GatheringReporter | StdoutReporter | PipelineOutput;

interface ReporterInfo {
  /** The `--format` name of a human format; for the others, the name docs use. */
  name: string;
  /** One sentence for docs/outputs.md. */
  description: string;
  /**
   * Chosen with `--format` (a "human" format: the CLI writes it only when asked). The others
   * are written on every scan.
   */
  human: boolean;
  /** What `--help` adds after where it goes: `markdown (summary.md, <helpNote>)`. */
  helpNote?: string;
  /** How many findings `summary.page` must hold for this reporter (report.html lists them); default 0. */
  pageFindings?: number;
}

/**
 * The simple case: one file, rendered from the finished scan. A reporter that reads
 * `scan.findings()` says so with `readsFindings`, and the scan keeps its findings on disk for
 * it (read back once per call, never all held).
 */
export interface RenderingReporter extends ReporterInfo {
  kind: 'render';
  file: string;
  readsFindings?: boolean;
  render: (scan: FinishedScan) => Iterable<string>;
}

/**
 * Sees every finding once, in results.json order, while results.json is written (no second pass
 * over the findings), then yields its file(s) — SARIF, whose run per account and parts per 20
 * accounts are only known at the end.
 */
export interface GatheringReporter extends ReporterInfo {
  kind: 'gather';
  /** What docs and `--help` say it writes (e.g. "results.sarif (and results-2.sarif…)"). */
  file: string;
  gather: (context: GatherContext) => Gatherer;
}

/** Printed on stdout by the CLI (the terminal table); runScan hands back the text. */
export interface StdoutReporter extends ReporterInfo {
  kind: 'stdout';
  render: (scan: FinishedScan) => string;
}

/**
 * results.json and inventory.json: written by the scan pipeline itself as resources are
 * evaluated and findings merged — they are the stream every other reporter is fed from — and
 * listed here so the CLI and docs name every file the scan writes.
 */
export interface PipelineOutput extends ReporterInfo {
  kind: 'pipeline';
  file: string;
}

export interface GatherContext {
  /** The accounts the scan covers (in the inventory's order). */
  accounts: string[];
  /** A scratch directory inside the staged set (for spilling what cannot be held); removed once the reports are written. */
  workDir: (name: string) => string;
}

export interface Gatherer {
  /** Each finding, final (suppression and baseline state set), in results.json order. */
  add: (finding: Finding) => void;
  /**
   * A pass or an undecided check known only by its facts (its line is not parsed): a gatherer
   * that takes findings so is handed those this way instead of through `add`.
   */
  addFacts?: (facts: FindingFacts) => void;
  /** The files, once every finding went by. */
  files: (scan: FinishedScan) => ReportFile[];
  /** What the output had to leave out, for stderr (said with the scan's warnings). */
  warnings?: () => string[];
  /** How the output was laid out, for stderr (said after the scan's warnings). */
  notes?: () => string[];
  /** A file a previous scan left that this set makes obsolete (removed as the set is swapped in). */
  isStale?: (name: string) => boolean;
}

export interface ReportFile {
  name: string;
  chunks: Iterable<string>;
}

/** What every reporter receives once the scan is finished. */
export interface FinishedScan {
  /** results.json without its findings: scan info, scores, the controls' details. */
  results: Omit<ScanResults, 'findings'>;
  /** Every finding in results.json order, read back from disk on each call (only for `readsFindings` reporters). */
  findings: () => Iterable<Finding>;
  /** What the human reports list, gathered as the findings went by (counts, worst failures, report.html's page). */
  summary: ReportSummary;
  /** The whole catalog, not only the controls with findings (SARIF describes the rules it uses from it). */
  catalog: readonly ControlMeta[];
  /** Each control's framework requirements, from rules/ (SARIF tags and help). */
  crosswalk: Crosswalk;
  /** inventory.json's name and where each failing resource sits in it: the inventory writer's result. */
  inventory: { uri: string; lines: ReadonlyMap<string, LineSpan> };
  /** SARIF automationDetails.id prefix (--category). */
  category?: string;
  /** The terminal wants colour (stdout is a terminal, no --no-color / NO_COLOR). */
  color: boolean;
}
