import { severityRank } from '../controls/catalog.js';
import type { Severity } from '../model/control.js';
import type { Finding } from '../model/finding.js';
import type { SuppressionReport } from '../model/suppression.js';
import { compareBySeverity } from '../order.js';
import { TopK } from '../reporters/report-summary.js';

/** How many new failures the gate line names (the most severe first); the rest are counted. */
export const GATE_NAMED = 5;

/**
 * The --fail-on gate, counted one finding at a time: how many open failures are at or above the
 * threshold, how many of them are new since the baseline, and the few new ones the line names.
 * A suppressed failure is an accepted risk: it never counts.
 */
export class FailOnGate {
  failing = 0;
  failingNew = 0;
  private readonly named = new TopK<Finding>(GATE_NAMED, compareBySeverity);

  constructor(private readonly threshold: Severity | undefined) {}

  add(finding: Finding): void {
    if (!this.threshold || finding.status !== 'fail' || finding.suppression) return;
    if (severityRank(finding.severity) > severityRank(this.threshold)) return;
    this.failing++;
    if (finding.baselineState === 'new') {
      this.failingNew++;
      this.named.add(finding);
    }
  }

  /**
   * The one stderr line that says why the scan exits 1 (undefined when the gate passes).
   * `baseline`: the path compared with; `newOnly`: --fail-on-new.
   */
  line(baseline: string | undefined, newOnly: boolean): string | undefined {
    if (!this.threshold) return undefined;
    const at = `at or above ${this.threshold}`;
    if (newOnly) {
      if (this.failingNew === 0) return undefined;
      const named = this.named.sorted().map((f) => `${f.controlId} on ${f.resource.arn}`);
      const more = this.failingNew > named.length ? `, and ${this.failingNew - named.length} more` : '';
      return `--fail-on ${this.threshold}: ${plural(this.failingNew, 'new failure')} ${at} since ${baseline ?? 'the baseline'}: ${named.join(', ')}${more}`;
    }
    if (this.failing === 0) return undefined;
    const since = baseline !== undefined ? ` (${this.failingNew} new since ${baseline})` : '';
    return `--fail-on ${this.threshold}: ${plural(this.failing, 'failure')} ${at}${since}`;
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * How a scan (or a merge of scans) ends once its findings are counted: the warnings about its
 * suppressions and an empty result, in the order they are printed, the exit code and the gate
 * line. An empty scan must not look clean — a pipeline pointed at the wrong file would go green —
 * so with --fail-on it exits 1 and its line is the gate line (printed even with --quiet), not a
 * warning.
 */
export function concludeGate(o: {
  gate: FailOnGate;
  failOn: Severity | undefined;
  failOnNewOnly: boolean;
  allowEmpty: boolean;
  emptyReason: string | undefined;
  suppressions: SuppressionReport | undefined;
  baselinePath: string | undefined;
  /** Printed after the empty-scan line (the gatherers' notes). */
  notes: readonly string[];
}): { warnings: string[]; exitCode: 0 | 1; gateLine?: string } {
  const warnings: string[] = [];
  for (const e of o.suppressions?.expired ?? []) {
    warnings.push(`suppression ${e.source} expired on ${e.expires} and no longer suppresses (${e.wouldMatch} failing finding${e.wouldMatch === 1 ? '' : 's'} it matches are reported): ${e.reason}`);
  }
  for (const u of o.suppressions?.unused ?? []) warnings.push(`suppression ${u.source} matched no failing finding (fixed, or a typo?): ${u.reason}`);
  const emptyGate = o.emptyReason !== undefined && o.failOn !== undefined && !o.allowEmpty;
  const emptyLine = o.emptyReason ? `nothing was evaluated: ${o.emptyReason}${emptyGate ? `; --fail-on does not pass a scan that checked nothing (exit 1; --allow-empty accepts it)` : ''}` : undefined;
  if (emptyLine && !emptyGate) warnings.push(emptyLine);
  warnings.push(...o.notes);
  const exitCode = emptyGate || (o.failOnNewOnly ? o.gate.failingNew > 0 : o.gate.failing > 0) ? 1 : 0;
  const gateLine = exitCode === 0 ? undefined : emptyGate ? emptyLine : o.gate.line(o.baselinePath, o.failOnNewOnly);
  return { warnings, exitCode, ...(gateLine ? { gateLine } : {}) };
}
