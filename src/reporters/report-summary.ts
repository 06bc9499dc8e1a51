import { SEVERITIES, type Severity } from '../model/control.js';
import type { BaselineState } from '../model/finding.js';
import { compareBySeverity, compareText } from '../order.js';
import { compareForTable, displayStatus, isFixed, type BaselineChanges, type DisplayStatus, type ReportFinding, type ReportResults } from './html-template/report-view.js';

/**
 * What a finding's line tells without parsing it (a scan's spilled parts): all that the summary
 * without a page and SARIF take from a pass or a not_evaluated finding.
 */
export type FindingFacts =
  | { status: 'pass'; accountId: string; baselineState: BaselineState | undefined }
  | { status: 'not_evaluated'; accountId: string; controlId: string; arn: string; reason: string | undefined; baselineState: BaselineState | undefined };

/** The human reports list at most this many failures (markdown's top list, the terminal's). */
export const KEPT_FAILURES = 20;

/**
 * What the human reports (terminal table, summary.md, report.html) say about the findings,
 * gathered one finding at a time with bounded memory: counts, and the few findings each report
 * lists (the most severe open failures, the newest failures, the findings report.html embeds).
 * Both paths — a scan's stream of findings and a results.json in memory — go through it, so the
 * reports are the same either way.
 */
export interface ReportSummary {
  total: number;
  counts: Record<DisplayStatus, number>;
  /** Open failures (displayStatus "fail"): how many, by severity, and the most severe first. */
  open: { total: number; bySeverity: Array<readonly [Severity, number]>; top: ReportFinding[] };
  /** The distinct not_evaluated reasons, most frequent first. */
  notEvaluatedReasons: Array<{ reason: string; count: number }>;
  /** Baseline states as the findings carry them (undefined: none does). */
  baseline?: { newFailures: { total: number; top: ReportFinding[] }; stillFailing: number; updated: number; fixed: number };
  /** report.html's findings: every non-pass first, then passes, up to its limit, in table order. */
  page: ReportFinding[];
}

/** Keeps the first `k` items under `compare`, as a stable sort of everything added would (ties in the order added). */
export class TopK<T> {
  private items: T[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  add(item: T): void {
    if (this.k <= 0) return;
    this.items.push(item);
    // Trim in batches: a sort per 2k additions instead of one per addition.
    if (this.items.length >= 2 * this.k) this.items = this.items.sort(this.compare).slice(0, this.k);
  }

  sorted(): T[] {
    this.items = this.items.sort(this.compare).slice(0, this.k);
    return this.items;
  }
}

export class ReportSummaryBuilder {
  private total = 0;
  private readonly counts: Record<DisplayStatus, number> = { fail: 0, suppressed: 0, not_evaluated: 0, pass: 0, fixed: 0 };
  private readonly bySeverity = new Map<Severity, number>();
  private readonly openTop: TopK<ReportFinding>;
  private readonly reasons = new Map<string, number>();
  private readonly newTop: TopK<ReportFinding>;
  private newTotal = 0;
  private stillFailing = 0;
  private updated = 0;
  private fixed = 0;
  private hasBaselineState = false;
  private nonPassCount = 0;
  private readonly nonPass: TopK<ReportFinding>;
  private readonly passes: TopK<ReportFinding>;

  /** `pageSize`: how many findings report.html embeds (0 when no page is made). */
  constructor(private readonly pageSize: number, keptFailures: number = KEPT_FAILURES) {
    this.openTop = new TopK<ReportFinding>(keptFailures, compareBySeverity);
    this.newTop = new TopK<ReportFinding>(keptFailures, compareBySeverity);
    this.nonPass = new TopK(pageSize, compareForTable);
    this.passes = new TopK(pageSize, compareForTable);
  }

  add(finding: ReportFinding): void {
    this.total++;
    const status = displayStatus(finding);
    this.counts[status]++;
    if (status === 'fail') {
      this.bySeverity.set(finding.severity, (this.bySeverity.get(finding.severity) ?? 0) + 1);
      this.openTop.add(finding);
      if (finding.baselineState === 'new') {
        this.newTotal++;
        this.newTop.add(finding);
      }
      if (finding.baselineState === 'unchanged') this.stillFailing++;
    }
    if (status === 'not_evaluated') {
      const reason = finding.reason ?? 'no reason given';
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    }
    if (finding.baselineState !== undefined) this.hasBaselineState = true;
    if (finding.baselineState === 'updated') this.updated++;
    if (isFixed(finding)) this.fixed++;
    // The page keeps non-passes first (by the raw status, as it always has), then passes.
    if (finding.status === 'pass') this.passes.add(finding);
    else {
      this.nonPassCount++;
      this.nonPass.add(finding);
    }
  }

  /** Whether `addFacts` may be used: no page is kept (report.html's page lists findings whole). */
  get takesFacts(): boolean {
    return this.pageSize <= 0;
  }

  /**
   * A pass or a not_evaluated finding known by its facts: what `add` does with it when no page
   * is kept (neither is failing, whatever its suppression; the facts' baseline states are the scan's).
   */
  addFacts(facts: FindingFacts): void {
    if (!this.takesFacts) throw new Error('a summary that keeps a page needs each finding whole');
    this.total++;
    const { baselineState } = facts;
    if (facts.status === 'pass') this.counts.pass++;
    else {
      this.counts.not_evaluated++;
      const reason = facts.reason ?? 'no reason given';
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
      this.nonPassCount++;
    }
    if (baselineState !== undefined) this.hasBaselineState = true;
    if (baselineState === 'updated') this.updated++;
    if (baselineState === 'fixed') this.fixed++;
  }

  summary(): ReportSummary {
    const nonPass = this.nonPass.sorted();
    const page = this.nonPassCount >= this.pageSize ? nonPass : [...nonPass, ...this.passes.sorted().slice(0, this.pageSize - this.nonPassCount)];
    return {
      total: this.total,
      counts: { ...this.counts },
      open: { total: this.counts.fail, bySeverity: SEVERITIES.map((s) => [s, this.bySeverity.get(s) ?? 0] as const).filter(([, n]) => n > 0), top: this.openTop.sorted() },
      notEvaluatedReasons: [...this.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || compareText(a.reason, b.reason)),
      ...(this.hasBaselineState ? { baseline: { newFailures: { total: this.newTotal, top: this.newTop.sorted() }, stillFailing: this.stillFailing, updated: this.updated, fixed: this.fixed } } : {}),
      page: page.sort(compareForTable),
    };
  }
}

/** The summary of findings held in memory (a results.json read back, tests). */
export function summarize(findings: readonly ReportFinding[], pageSize: number, keptFailures: number = KEPT_FAILURES): ReportSummary {
  const builder = new ReportSummaryBuilder(pageSize, keptFailures);
  for (const finding of findings) builder.add(finding);
  return builder.summary();
}

/** What changed since the baseline, from the summary (undefined when nothing was compared). */
export function summaryChanges(results: Pick<ReportResults, 'scan'>, summary: ReportSummary, fixedOverride?: number): (Omit<BaselineChanges, 'newFailures'> & { newFailures: { total: number; top: ReportFinding[] } }) | undefined {
  const baseline = results.scan.baseline;
  if (!baseline && fixedOverride === undefined && !summary.baseline) return undefined;
  return {
    newFailures: summary.baseline?.newFailures ?? { total: 0, top: [] },
    // scan.baseline also counts failures whose resource is gone; the findings alone cannot.
    fixed: fixedOverride ?? baseline?.fixed ?? summary.baseline?.fixed ?? 0,
    stillFailing: summary.baseline?.stillFailing ?? 0,
    updated: summary.baseline?.updated ?? 0,
  };
}
