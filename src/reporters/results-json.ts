import type { BaselineSummary } from '../model/baseline.js';
import type { CollectionSummary } from '../model/results.js';
import type { SelectionCriteria } from '../model/selection.js';
import type { EvaluationErrorSummary } from '../model/results.js';
import type { SuppressionReport } from '../model/suppression.js';
import { streamJson } from './stream-json.js';
import type { Finding } from '../model/finding.js';
import type { Scores } from '../model/scores.js';
import type { ControlDetailsMap } from '../model/results.js';
import type { ScanResults } from '../model/results.js';

/** results.json as the contract defines it (keys in contract order, findings pre-sorted), in pieces. */
export function* resultsChunks(results: ScanResults): Generator<string> {
  yield* streamJson(results, 2, 0, true);
  yield '\n';
}
