import type { ScanResults } from '../model/results.js';
import { streamJson } from './stream-json.js';

/** results.json as the contract defines it (keys in contract order, findings pre-sorted), in pieces. */
export function* resultsChunks(results: ScanResults): Generator<string> {
  yield* streamJson(results, 2, 0, true);
  yield '\n';
}
