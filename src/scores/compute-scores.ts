import { CAPABILITIES, COMPONENTS, type Capability, type Component, type Severity } from '../model/control.js';
import type { Finding } from '../model/finding.js';
import type { CapabilityScore, ScoreCell, Scores } from '../model/scores.js';

/**
 * Severity weights: a critical control counts as much as ten low ones. The formula is in the
 * README ("How scores are computed"); change both together.
 */
export const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, informational: 0.5 };

/** One score cell's counts and weights, findings added one at a time (also a framework's, src/frameworks/posture.ts). */
export class ScoreTally {
  passed = 0;
  failed = 0;
  notEvaluated = 0;
  suppressed = 0;
  private passWeight = 0;
  private evaluatedWeight = 0;

  add(finding: Finding): void {
    const weight = SEVERITY_WEIGHTS[finding.severity];
    if (finding.status === 'pass') {
      this.passed++;
      this.passWeight += weight;
      this.evaluatedWeight += weight;
    } else if (finding.status === 'fail' && finding.suppression) {
      this.suppressed++;
    } else if (finding.status === 'fail') {
      this.failed++;
      this.evaluatedWeight += weight;
    } else {
      this.notEvaluated++;
    }
  }

  /** Adds another tally's findings, as if they had been added here. */
  addAll(other: ScoreTally): void {
    this.passed += other.passed;
    this.failed += other.failed;
    this.notEvaluated += other.notEvaluated;
    this.suppressed += other.suppressed;
    this.passWeight += other.passWeight;
    this.evaluatedWeight += other.evaluatedWeight;
  }

  cell(): ScoreCell {
    const score = this.evaluatedWeight > 0 ? Math.round((1000 * this.passWeight) / this.evaluatedWeight) / 10 : null;
    return { score, passed: this.passed, failed: this.failed, notEvaluated: this.notEvaluated, suppressed: this.suppressed };
  }
}

/**
 * score = 100 × Σ weight(passed) ÷ Σ weight(passed + failed); not_evaluated never counts as
 * passed; suppressed failures (accepted risks) are counted apart and left out.
 */
export function computeScores(findings: Iterable<Finding>): Scores {
  const scores = new ScoreAccumulator();
  for (const finding of findings) scores.add(finding);
  return scores.scores();
}

/** The scores of findings added one at a time (a scan adds them chunk by chunk, holding none). */
export class ScoreAccumulator {
  private readonly overall = new ScoreTally();
  private readonly byCapability = new Map<Capability, { all: ScoreTally; components: Map<Component, ScoreTally> }>();

  constructor() {
    for (const capability of CAPABILITIES) {
      this.byCapability.set(capability, { all: new ScoreTally(), components: new Map(COMPONENTS.map((c) => [c, new ScoreTally()])) });
    }
  }

  add(finding: Finding): void {
    this.overall.add(finding);
    const capability = this.byCapability.get(finding.capability);
    capability?.all.add(finding);
    capability?.components.get(finding.component)?.add(finding);
  }

  scores(): Scores {
    const capabilities = {} as Record<Capability, CapabilityScore>;
    for (const [id, tallies] of this.byCapability) {
      const components = {} as Record<Component, ScoreCell>;
      for (const [component, tally] of tallies.components) components[component] = tally.cell();
      capabilities[id] = { ...tallies.all.cell(), components };
    }
    return { overall: this.overall.cell(), capabilities };
  }
}
