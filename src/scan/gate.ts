import { severityRank } from '../controls/catalog.js';
import type { Severity } from '../model/control.js';
import type { Finding } from '../model/finding.js';
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
