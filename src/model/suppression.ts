/**
 * An accepted risk: findings it matches stay in the report, marked, instead of being deleted.
 * Written in cafscan.config.json `suppressions[]` (docs/suppressions.md).
 */
export interface SuppressionRule {
  /** Control id or glob ("CAFAI-DP-*"). */
  controlId?: string;
  /** Resource ARN glob. */
  resource?: string;
  accountId?: string;
  region?: string;
  /** Tags the resource must carry (value "*": any). */
  tags?: Record<string, string>;
  /** Required: why the risk is accepted, and by whom. */
  reason: string;
  /** Last day (YYYY-MM-DD, UTC) the suppression holds; from the next day it stops suppressing. */
  expires?: string;
  /** Where it was written, e.g. "cafscan.config.json#suppressions[0]". */
  source: string;
}

/** On a finding: the suppression that accepted it. */
export interface FindingSuppression {
  reason: string;
  expires?: string;
  source: string;
}

/** In results.json `scan.suppressions`: what the rules did in this scan. */
export interface SuppressionReport {
  /** Findings marked suppressed. */
  applied: number;
  /** Rules past their expiry date: they suppressed nothing. */
  expired: Array<{ source: string; reason: string; expires: string; wouldMatch: number }>;
  /** Rules that matched no failing finding (stale or mistyped). */
  unused: Array<{ source: string; reason: string }>;
}
