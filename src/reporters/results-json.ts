import type { Finding } from '../findings/model.js';
import type { Scores } from '../scores/compute-scores.js';

export interface ScanInfo {
  startedAt: string;
  finishedAt: string;
  sources: string[];
  accounts: string[];
  regions: string[];
}

export interface ScanResults {
  schemaVersion: '1';
  tool: { name: 'cafscan'; version: string };
  scan: ScanInfo;
  findings: Finding[];
  scores: Scores;
}

/** results.json as the contract defines it; keys in contract order, findings pre-sorted. */
export function renderResults(results: ScanResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
