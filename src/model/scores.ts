import type { Capability, Component } from './control.js';

/** results.json `scores` (contract): per capability and component, and overall. */
export interface ScoreCell {
  /** 0–100, one decimal; null where nothing was evaluated (never 100 by default). */
  score: number | null;
  passed: number;
  failed: number;
  notEvaluated: number;
  /** Failures accepted by a suppression: shown, but neither failed nor in the score. */
  suppressed: number;
}

export interface CapabilityScore extends ScoreCell {
  components: Record<Component, ScoreCell>;
}

export interface Scores {
  overall: ScoreCell;
  capabilities: Record<Capability, CapabilityScore>;
}
