/**
 * What the two human reports (markdown.ts and html.ts) read from results.json, and the few
 * decisions they must make the same way: which findings count as open failures, how a score is
 * written, what "suppressed" and "fixed" mean. It lives beside the HTML template because both
 * reporters share it and neither should own the other's view.
 */
import { compareBySeverity, compareText } from '../../order.js';
import type { Finding } from '../../model/finding.js';
import type { ScanInfo, ScanResults } from '../../model/results.js';

/**
 * Fields another change adds to findings and to `scan`. Typed here as optional extensions, wide
 * enough to accept both the shapes first announced and the ones src/model/finding.ts now
 * declares, so these reports render them when present and compile either way.
 */
export interface FindingSuppression {
  reason: string;
  expires?: string;
  source?: string;
}

/**
 * new: fails now, did not before; unchanged; updated: another status change; fixed: failed in
 * the baseline, passes now; absent (SARIF's word): in the baseline, gone from this scan.
 */
export type BaselineState = 'new' | 'unchanged' | 'updated' | 'fixed' | 'absent';

export interface ScopeLink {
  component: string;
  workload: string;
  workloadType: string;
  workloadName?: string;
  via: string;
}

export interface FindingScope {
  basis: string;
  links?: ScopeLink[];
  /** The total when `links` is cut short. */
  linkCount?: number;
}

export interface FindingExtensions {
  suppression?: FindingSuppression;
  baselineState?: BaselineState;
  scope?: FindingScope;
}

/** `scan.baseline`: the comparison with a previous results.json, when there was one. */
export interface BaselineInfo {
  source?: string;
  startedAt?: string | null;
  /** Includes baseline failures whose resource is gone, which no finding here carries. */
  fixed?: number;
}

export interface ScanExtensions {
  baseline?: BaselineInfo;
}

/** Omit first, so a compatible declaration of these fields on Finding/ScanInfo cannot clash. */
export type ReportFinding = Omit<Finding, keyof FindingExtensions> & FindingExtensions;

export type ReportScanInfo = Omit<ScanInfo, keyof ScanExtensions> & ScanExtensions;

export type ReportResults = Omit<ScanResults, 'findings' | 'scan'> & { scan: ReportScanInfo; findings: ReportFinding[] };

/** The status a person sees: a suppressed failure is not an open one; a finding gone since the baseline (absent) is fixed. */
export const DISPLAY_STATUSES = ['fail', 'suppressed', 'not_evaluated', 'pass', 'fixed'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
  fail: 'fail',
  suppressed: 'suppressed',
  not_evaluated: 'not evaluated',
  pass: 'pass',
  fixed: 'fixed',
};

export function displayStatus(finding: ReportFinding): DisplayStatus {
  if (finding.baselineState === 'absent') return 'fixed';
  // Suppressions silence failures only; a passing or undecided finding keeps its own status.
  if (finding.status === 'fail' && finding.suppression) return 'suppressed';
  return finding.status;
}

/** null is "nothing evaluated" and must never read as 100. */
export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(1);
}

export { compareBySeverity };

/** Open failures (not suppressed, not fixed), most severe first. */
export function openFailures(findings: readonly ReportFinding[]): ReportFinding[] {
  return findings.filter((f) => displayStatus(f) === 'fail').sort(compareBySeverity);
}

/** The order of the HTML findings table: open failures first, passes and fixed last. */
export function compareForTable(a: ReportFinding, b: ReportFinding): number {
  return DISPLAY_STATUSES.indexOf(displayStatus(a)) - DISPLAY_STATUSES.indexOf(displayStatus(b)) || compareBySeverity(a, b);
}

export interface BaselineChanges {
  /** Open failures that were not failing in the baseline. */
  newFailures: ReportFinding[];
  /** Baseline failures that pass now or are gone. */
  fixed: number;
  /** Open failures that were failing already. */
  stillFailing: number;
  /** Findings whose status changed otherwise (e.g. fail → not evaluated: not known to be fixed). */
  updated: number;
}

export function isFixed(finding: ReportFinding): boolean {
  return finding.baselineState === 'fixed' || finding.baselineState === 'absent';
}

/** undefined when nothing was compared with a baseline. */
export function baselineChanges(results: ReportResults, fixedOverride?: number): BaselineChanges | undefined {
  const { findings } = results;
  const baseline = results.scan.baseline;
  if (!baseline && fixedOverride === undefined && !findings.some((f) => f.baselineState !== undefined)) return undefined;
  const open = findings.filter((f) => displayStatus(f) === 'fail');
  return {
    newFailures: open.filter((f) => f.baselineState === 'new').sort(compareBySeverity),
    // scan.baseline also counts failures whose resource is gone; the findings alone cannot.
    fixed: fixedOverride ?? baseline?.fixed ?? findings.filter(isFixed).length,
    stillFailing: open.filter((f) => f.baselineState === 'unchanged').length,
    updated: findings.filter((f) => f.baselineState === 'updated').length,
  };
}

/**
 * The name a person recognises. Config ids are names for most types but opaque for some (IAM
 * roles and users are AROA…/AIDA…), so the last path segment of the ARN wins when it differs.
 */
export function resourceName(resource: ReportFinding['resource']): string {
  const arnResource = resource.arn.split(':').slice(5).join(':');
  const slash = arnResource.lastIndexOf('/');
  const tail = slash === -1 ? '' : arnResource.slice(slash + 1);
  return tail && !resource.id.endsWith(tail) ? tail : resource.id;
}

/** "Why in scope": the basis in words, one line per workload link, and how many links were cut. */
export function scopeView(scope: FindingScope): { basis: string; links: string[]; more: number } {
  const links = (scope.links ?? []).map((l) => `${l.workloadName ?? l.workload} (${l.workloadType}): ${l.component}, via ${l.via}`);
  const more = scope.linkCount !== undefined && scope.linkCount > links.length ? scope.linkCount - links.length : 0;
  return { basis: SCOPE_BASIS[scope.basis] ?? scope.basis, links, more };
}

const SCOPE_BASIS: Record<string, string> = {
  linked: 'Used by these AI workloads',
  'all-resources': 'Checked because of --all-resources; no AI workload is linked to it',
};

export function suppressionText(suppression: FindingSuppression): string {
  const extra = [suppression.expires ? `until ${suppression.expires}` : '', suppression.source ? `from ${suppression.source}` : ''].filter(Boolean);
  return `Suppressed: ${suppression.reason}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** How many findings a person sees under each status. */
export function countByDisplayStatus(findings: readonly ReportFinding[]): Record<DisplayStatus, number> {
  const counts: Record<DisplayStatus, number> = { fail: 0, suppressed: 0, not_evaluated: 0, pass: 0, fixed: 0 };
  for (const finding of findings) counts[displayStatus(finding)]++;
  return counts;
}

/** "1 failure", "2 failures". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "a, b, c … and 7 more" — an organisation scan can name hundreds of accounts. */
export function listSome(items: readonly string[], max = 10): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} … and ${items.length - max} more` : shown;
}

/** ISO timestamps as "2026-11-22 23:24:38 UTC"; anything unparseable as given. */
export function formatTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The distinct not_evaluated reasons, most frequent first. */
export function notEvaluatedReasons(findings: readonly ReportFinding[]): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (displayStatus(finding) !== 'not_evaluated') continue;
    const reason = finding.reason ?? 'no reason given';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || compareText(a.reason, b.reason));
}
