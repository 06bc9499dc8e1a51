import type { FindingResource } from './finding.js';

/** A finding of the previous run, as much of it as a comparison needs. */
export interface BaselineFinding {
  controlId: string;
  title?: string;
  severity?: string;
  status: string;
  resource: FindingResource;
  message?: string;
  /** An accepted risk then: not counted as failing, so it comes back as new once it expires. */
  suppression?: unknown;
}

/** In results.json `scan.baseline`: what changed since the previous results.json. */
export interface BaselineSummary {
  source: string;
  startedAt: string | null;
  new: number;
  fixed: number;
  unchanged: number;
  updated: number;
  /** Failures of the baseline whose resource or control is gone from this scan (deleted resource, retired control): fixed too. */
  removed: BaselineFinding[];
  /** Failures of the baseline in accounts or regions this scan did not cover, or of controls a selection left out: neither fixed nor new. */
  notScanned: number;
}
