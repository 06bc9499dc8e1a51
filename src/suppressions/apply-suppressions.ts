import type { Finding } from '../model/finding.js';
import { coveredBy } from '../inventory/covered-by.js';
import type { ScannedPlaces } from '../model/inventory.js';
import { currentControlId, isRetired } from '../controls/retired.js';
import { globToRegExp, tagsMatch } from '../graph/user-rules.js';
import type { SuppressionReport, SuppressionRule } from '../model/suppression.js';

/**
 * Marks failing findings that an unexpired rule matches (`finding.suppression`); they keep
 * status "fail" (the contract's statuses do not change) but no longer count in the exit code or
 * the score. Expired rules suppress nothing and are reported, as are rules that match no failure
 * in the accounts and regions this scan covered (unless what they match is not_evaluated now).
 */
export function applySuppressions(
  findings: Iterable<Finding>,
  rules: SuppressionRule[],
  tagsOf: (arn: string) => Record<string, string> | null,
  scanTime: Date,
  scanned: ScannedPlaces,
): SuppressionReport {
  const suppressions = new SuppressionTracker(rules, scanTime);
  for (const finding of findings) suppressions.apply(finding, tagsOf);
  return suppressions.report(scanned);
}

/**
 * applySuppressions one finding at a time: a scan applies the rules to each finding as its chunk
 * is evaluated and keeps only the per-rule counters the report is made of.
 */
export class SuppressionTracker {
  private readonly compiled: Array<{ rule: SuppressionRule; matches: (finding: Finding, tagsOf: TagsOf) => boolean; hits: number; dormant: number; expired: boolean }>;
  private applied = 0;

  constructor(rules: SuppressionRule[], scanTime: Date) {
    const today = scanTime.toISOString().slice(0, 10);
    this.compiled = rules.map((rule) => ({ rule, matches: matcher(rule), hits: 0, dormant: 0, expired: rule.expires !== undefined && rule.expires < today }));
  }

  /** Marks the finding when an unexpired rule matches it; `tagsOf` gives the tags of its resource. */
  apply(finding: Finding, tagsOf: TagsOf): void {
    for (const entry of this.compiled) {
      if (!entry.matches(finding, tagsOf)) continue;
      // A check that could not run this time (not_evaluated) keeps its accepted risk: not unused.
      if (finding.status !== 'fail') {
        if (finding.status === 'not_evaluated') entry.dormant++;
        continue;
      }
      entry.hits++;
      if (entry.expired || finding.suppression) continue;
      finding.suppression = { reason: entry.rule.reason, ...(entry.rule.expires ? { expires: entry.rule.expires } : {}), source: entry.rule.source };
      this.applied++;
    }
  }

  report(scanned: ScannedPlaces): SuppressionReport {
    const report: SuppressionReport = { applied: this.applied, expired: [], unused: [] };
    const covered = coveredBy(scanned);
    for (const entry of this.compiled) {
      if (entry.expired) report.expired.push({ source: entry.rule.source, reason: entry.rule.reason, expires: entry.rule.expires!, wouldMatch: entry.hits });
      // A shared ignore file names other accounts and regions: only what this scan covered can be stale.
      else if (entry.hits === 0 && entry.dormant === 0 && covered(entry.rule.accountId, entry.rule.region)) {
        report.unused.push({ source: entry.rule.source, reason: entry.rule.reason });
      }
    }
    return report;
  }
}

type TagsOf = (arn: string) => Record<string, string> | null;

function matcher(rule: SuppressionRule): (finding: Finding, tagsOf: TagsOf) => boolean {
  const control = rule.controlId ? globToRegExp(rule.controlId) : undefined;
  // A rule written for exactly a retired id (CAFAI-DP-12) goes on accepting the same gap, now
  // reported by the control that replaced it (CAFAI-DP-01); its other conditions still narrow it.
  // A glob (CAFAI-IR-*) is not widened: it never named the replacement's capability.
  const replacement = rule.controlId && isRetired(rule.controlId) ? currentControlId(rule.controlId) : undefined;
  const resource = rule.resource ? globToRegExp(rule.resource) : undefined;
  return (finding, tagsOf) => {
    if (control && !control.test(finding.controlId) && finding.controlId !== replacement) return false;
    if (resource && !resource.test(finding.resource.arn)) return false;
    if (rule.accountId && rule.accountId !== finding.resource.accountId) return false;
    if (rule.region && rule.region !== finding.resource.region) return false;
    if (rule.tags && !tagsMatch(tagsOf(finding.resource.arn), rule.tags)) return false;
    return true;
  };
}
