import type { BaselineSummary } from '../baseline/compare-baseline.js';
import type { CollectionSummary } from '../collect/coverage-summary.js';
import type { SelectionCriteria } from '../controls/select.js';
import type { EvaluationErrorSummary } from '../engine/evaluation-errors.js';
import type { SuppressionReport } from '../suppressions/model.js';
import { streamJson } from './stream-json.js';
import type { Finding } from '../findings/model.js';
import type { Scores } from '../scores/compute-scores.js';
import type { ControlDetailsMap } from './control-details.js';

export interface ScanInfo {
  startedAt: string;
  finishedAt: string;
  sources: string[];
  accounts: string[];
  regions: string[];
  /** Live scans only: how many API calls were made and every distinct one that failed. */
  collection?: CollectionSummary;
  /** Controls that failed at run time on a resource (not_evaluated findings) and redaction checks that failed; only when there were any. */
  evaluationErrors?: EvaluationErrorSummary;
  /** The AI asset graph: how many generic resources it linked, and references it could not resolve. */
  assetGraph?: { linkedResources: number; links: number; unresolvedReferences: number; unresolvedSample: Array<{ workload: string; via: string; value: string }> };
  /** What the config's suppressions did (applied, expired, unused). */
  suppressions?: SuppressionReport;
  /** With --baseline: the comparison with the previous results.json. */
  baseline?: BaselineSummary;
  /**
   * With a selection flag (--controls, --capability…): the criteria as given, how many controls
   * ran and the ids of those that did not. Excluded controls have no findings and are not in
   * the scores (scores cover only what ran); they are neither passes nor failures.
   */
  selection?: ScanSelection;
  /**
   * Present (true) when no check passed or failed: nothing was evaluated, so the scores say
   * nothing and a clean-looking result is not one. `emptyReason` says why.
   */
  empty?: true;
  emptyReason?: string;
}

export interface ScanSelection {
  criteria: SelectionCriteria;
  selected: number;
  excluded: string[];
}

export interface ScanResults {
  schemaVersion: '1';
  tool: { name: 'cafscan'; version: string };
  scan: ScanInfo;
  findings: Finding[];
  scores: Scores;
  /** Each control with a finding in this scan: title, rationale, remediation, references, framework requirements (findings point here by controlId). */
  controls?: ControlDetailsMap;
}

/** results.json as the contract defines it (keys in contract order, findings pre-sorted), in pieces. */
export function* resultsChunks(results: ScanResults): Generator<string> {
  yield* streamJson(results, 2, 0, true);
  yield '\n';
}
