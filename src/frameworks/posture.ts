/**
 * Per-framework posture (results.json `frameworks`): each requirement of each rules/ framework
 * with a status drawn from the findings of the controls it lists, requirement counts, and a
 * score with the capability scores' rules. Gathered one finding at a time with one small tally
 * per control, so a scan holds no findings for it.
 *
 * A requirement's status is decided from the findings' own `status` — which a suppression does
 * not change — so an accepted risk is still a failure of the requirement (it is counted apart,
 * in `suppressed`, as in the scores). Only a fully automated requirement can pass.
 */
import { ScoreTally } from '../scores/compute-scores.js';
import type { Finding } from '../model/finding.js';
import { REQUIREMENT_STATUSES, type ControlOutcome, type FrameworkPosture, type FrameworksPosture, type RequirementControl, type RequirementCounts, type RequirementPosture, type RequirementStatus } from '../model/framework-posture.js';
import type { Framework, Requirement } from '../model/frameworks.js';

/** The posture of every framework from findings added one at a time. */
export class FrameworkPostureAccumulator {
  private readonly tallies = new Map<string, ScoreTally>();

  /** `ran`: the controls the scan evaluated (all of the catalog without a selection). */
  constructor(
    private readonly frameworks: readonly Framework[],
    private readonly ran: ReadonlySet<string>,
  ) {}

  add(finding: Finding): void {
    let tally = this.tallies.get(finding.controlId);
    if (!tally) this.tallies.set(finding.controlId, (tally = new ScoreTally()));
    tally.add(finding);
  }

  posture(): FrameworksPosture {
    const out: FrameworksPosture = {};
    for (const framework of [...this.frameworks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) out[framework.id] = this.frameworkPosture(framework);
    return out;
  }

  private frameworkPosture(framework: Framework): FrameworkPosture {
    const requirements = framework.requirements.map((r) => this.requirementPosture(r));
    const requirementCounts = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as RequirementCounts;
    for (const r of requirements) requirementCounts[r.status]++;
    // The score counts each control once, however many requirements list it: the same rules as a capability's.
    const total = new ScoreTally();
    for (const id of new Set(framework.requirements.flatMap((r) => (r.kind === 'automated' ? r.controls : [])))) {
      const tally = this.tallies.get(id);
      if (tally) total.addAll(tally);
    }
    return {
      name: framework.name,
      version: framework.version,
      source: framework.source,
      ...total.cell(),
      requirementCounts,
      requirements,
    };
  }

  private requirementPosture(requirement: Requirement): RequirementPosture {
    const base = { id: requirement.id, title: requirement.title, ...(requirement.section !== undefined ? { section: requirement.section } : {}) };
    if (requirement.kind === 'manual') return { ...base, coverage: 'manual', status: 'manual', reason: 'checked by hand', check: requirement.check };
    if (requirement.kind === 'not-covered') {
      return { ...base, coverage: 'not_covered', status: 'not_covered', reason: requirement.notCovered, ...(requirement.check !== undefined ? { check: requirement.check } : {}) };
    }
    const controls = requirement.controls.map((id) => this.controlOutcome(id));
    const partial = requirement.partial;
    const decided = decide(controls, partial !== undefined);
    return {
      ...base,
      coverage: partial !== undefined ? 'partial' : 'automated',
      status: decided.status,
      ...(decided.reason !== undefined ? { reason: decided.reason } : {}),
      controls,
      ...(partial !== undefined ? { check: partial } : {}),
    };
  }

  private controlOutcome(id: string): RequirementControl {
    const tally = this.tallies.get(id);
    const counts = { passed: tally?.passed ?? 0, failed: tally?.failed ?? 0, notEvaluated: tally?.notEvaluated ?? 0, suppressed: tally?.suppressed ?? 0 };
    const status: ControlOutcome =
      !this.ran.has(id) ? 'excluded' :
      counts.failed + counts.suppressed > 0 ? 'fail' :
      counts.notEvaluated > 0 ? 'not_evaluated' :
      counts.passed > 0 ? 'pass' :
      'not_applicable';
    return { id, status, ...counts };
  }
}

/** The requirement's status from its controls' outcomes: fail, then unknown, then excluded, before any pass. */
function decide(controls: readonly RequirementControl[], partial: boolean): { status: RequirementStatus; reason?: string } {
  const having = (status: ControlOutcome) => controls.filter((c) => c.status === status).map((c) => c.id);
  const failing = having('fail');
  if (failing.length) {
    const open = controls.reduce((n, c) => n + c.failed, 0);
    // Accepted risks are still failures of the requirement; say so when they are all there is.
    return open === 0 ? { status: 'fail', reason: `only suppressed failures (accepted risks): ${failing.join(', ')}` } : { status: 'fail' };
  }
  const unknown = having('not_evaluated');
  if (unknown.length) return { status: 'not_evaluated', reason: `not every check could be decided: ${unknown.join(', ')}` };
  const excluded = having('excluded');
  if (excluded.length) return { status: 'excluded', reason: `left out by the control selection: ${excluded.join(', ')}` };
  if (having('pass').length === 0) return { status: 'not_evaluated', reason: 'no resource any of its controls checks was scanned' };
  if (partial) return { status: 'manual', reason: 'its controls passed; the rest is checked by hand' };
  return { status: 'pass' };
}
