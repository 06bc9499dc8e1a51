import type { CollectionSummary } from '../collect/coverage-summary.js';
import { streamJson } from './stream-json.js';
import type { Finding } from '../findings/model.js';
import type { Scores } from '../scores/compute-scores.js';

export interface ScanInfo {
  startedAt: string;
  finishedAt: string;
  sources: string[];
  accounts: string[];
  regions: string[];
  /** Live scans only: how many API calls were made and every distinct one that failed. */
  collection?: CollectionSummary;
}

export interface ScanResults {
  schemaVersion: '1';
  tool: { name: 'cafscan'; version: string };
  scan: ScanInfo;
  findings: Finding[];
  scores: Scores;
}

/** results.json as the contract defines it (keys in contract order, findings pre-sorted), in pieces. */
export function* resultsChunks(results: ScanResults): Generator<string> {
  yield* streamJson(results, 2, 0, true);
  yield '\n';
}
