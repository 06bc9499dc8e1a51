/**
 * What the three human reports (terminal, summary.md, report.html) say about results.json
 * `frameworks` the same way: which framework the scan was focused on, status and coverage words,
 * the counts line, and the short "why" of a requirement.
 */
import type { FrameworkPosture, FrameworksPosture, RequirementCoverage, RequirementPosture, RequirementStatus } from '../model/framework-posture.js';
import type { ScanInfo } from '../model/results.js';

export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  not_evaluated: 'not evaluated',
  excluded: 'excluded',
  manual: 'manual',
  not_covered: 'not covered',
};

export const COVERAGE_LABELS: Record<RequirementCoverage, string> = {
  automated: 'automated',
  partial: 'partly automated',
  manual: 'manual',
  not_covered: 'not covered',
};

/** Said under every framework table: the statuses that are not a pass, and why. */
export const STATUS_NOTE =
  'Only a fully automated requirement can pass. Manual: checked by hand (for a partly automated one, its controls passed and the rest is yours to check); not covered: no cafscan control evaluates it; not evaluated and excluded are never passes. The score weighs the checks of the framework\'s controls by severity, as the capability scores do.';

/** The framework `--framework` chose, when it is in results.json (undefined: no focus). */
export function focusedFramework(results: { scan: Pick<ScanInfo, 'selection'>; frameworks?: FrameworksPosture }): [string, FrameworkPosture] | undefined {
  const id = results.scan.selection?.criteria.framework;
  const posture = id === undefined ? undefined : results.frameworks?.[id];
  return id !== undefined && posture ? [id, posture] : undefined;
}

/** "2 pass, 5 fail, 1 not evaluated, 2 manual" — the always-shown four, then any other status present. */
export function countsLine(posture: FrameworkPosture): string {
  const c = posture.requirementCounts;
  const parts = [`${c.pass} pass`, `${c.fail} fail`, `${c.not_evaluated} not evaluated`, `${c.manual} manual`];
  if (c.not_covered) parts.push(`${c.not_covered} not covered`);
  if (c.excluded) parts.push(`${c.excluded} excluded`);
  return parts.join(', ');
}

/** One short line on why a requirement has its status: the failing controls, or the reason. */
export function requirementWhy(requirement: RequirementPosture): string {
  const failing = (requirement.controls ?? []).filter((c) => c.status === 'fail').map((c) => c.id);
  if (requirement.status === 'fail' && failing.length) {
    const open = (requirement.controls ?? []).reduce((n, c) => n + c.failed, 0);
    return `${open === 0 ? 'only accepted risks fail' : 'failing'}: ${failing.join(', ')}`;
  }
  return requirement.reason ?? '';
}
