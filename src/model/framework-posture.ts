/**
 * results.json `frameworks` (a contract extension, docs/contract-extensions.md and
 * docs/frameworks.md "Posture in a scan"): types only, importing nothing else from src, so they
 * sit with the other contract types. Computed by src/frameworks/posture.ts.
 */
/** How much of a requirement cafscan evaluates (the four forms of docs/frameworks.md). */
export type RequirementCoverage = 'automated' | 'partial' | 'manual' | 'not_covered';

/**
 * pass: fully automated, every control that ran passed, and at least one check was decided.
 * fail: some control has a failing finding (suppressed or not).
 * not_evaluated: no failure, but some check could not be decided, or no check was (no resource
 *   any of the controls applies to: nothing to decide, which is not a pass).
 * excluded: no failure or unknown among the controls that ran, but some were left out by the
 *   control selection (--controls, --framework…): not known, so not a pass.
 * manual: checked by hand — a manual requirement, or a partly automated one whose controls all
 *   passed (what they leave out is the `partial` text).
 * not_covered: nothing in cafscan evaluates it yet.
 */
export const REQUIREMENT_STATUSES = ['fail', 'not_evaluated', 'excluded', 'manual', 'not_covered', 'pass'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/**
 * One control's outcome in this scan. not_applicable: it ran and produced no finding (no
 * resource of its types), which the scores leave out too; excluded: the selection left it out.
 */
export type ControlOutcome = 'pass' | 'fail' | 'not_evaluated' | 'not_applicable' | 'excluded';

export interface RequirementControl {
  id: string;
  status: ControlOutcome;
  passed: number;
  failed: number;
  notEvaluated: number;
  suppressed: number;
}

export interface RequirementPosture {
  id: string;
  title: string;
  section?: string;
  coverage: RequirementCoverage;
  status: RequirementStatus;
  /** Why the status is not a plain pass or fail, in words. */
  reason?: string;
  /** Automated and partly automated requirements: each listed control's outcome. */
  controls?: RequirementControl[];
  /** Partly automated: what the controls leave out. Manual or not covered: what to check by hand. */
  check?: string;
}

export type RequirementCounts = Record<RequirementStatus, number>;

/** One framework's posture: the score cell over its controls' findings, counts by status, and each requirement. */
export interface FrameworkPosture {
  /** 0–100, one decimal; null where nothing was evaluated — a score cell, as the capability scores' (src/scores). */
  score: number | null;
  passed: number;
  failed: number;
  notEvaluated: number;
  /** Failures accepted by a suppression: counted apart, neither failed nor in the score. */
  suppressed: number;
  name: string;
  version: string;
  source: string;
  requirementCounts: RequirementCounts;
  requirements: RequirementPosture[];
}

/** results.json `frameworks`, keyed by framework id in id order. */
export type FrameworksPosture = Record<string, FrameworkPosture>;
