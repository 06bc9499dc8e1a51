import type { Capability, Component, Severity } from './control.js';
import type { FindingSuppression } from './suppression.js';

/** A verdict; the engine's outcomes use the same three (src/engine/outcomes.ts). */
export type FindingStatus = 'pass' | 'fail' | 'not_evaluated';

/** The resource a finding is about, as results.json names it (contract). */
export interface FindingResource {
  arn: string;
  type: string;
  id: string;
  region: string;
  accountId: string;
}

/** One control's verdict on one resource (contract: results.json `findings[]`). */
export interface Finding {
  controlId: string;
  title: string;
  capability: Capability;
  component: Component;
  severity: Severity;
  status: FindingStatus;
  resource: FindingResource;
  message: string;
  /** Only for not_evaluated: why the scanner could not decide. */
  reason?: string;
  /**
   * For controls on generic resources (buckets, keys, log groups…): why this resource was
   * checked — the AI workloads the asset graph links it to in the control's component, or
   * "all-resources" when --all-resources brought in a resource no workload uses.
   */
  scope?: FindingScope;
  /** An accepted risk (cafscan.config.json `suppressions`): still a fail, not counted against the exit code or score. */
  suppression?: FindingSuppression;
  /** With --baseline: how this finding compares with the previous results.json. */
  baselineState?: BaselineState;
}

/**
 * new: fails now and did not fail in the baseline; fixed: failed in the baseline and passes now;
 * updated: another status change (e.g. fail → not_evaluated: not known to be fixed);
 * unchanged: everything else.
 */
export type BaselineState = 'new' | 'unchanged' | 'updated' | 'fixed';

export interface FindingScope {
  basis: 'linked' | 'all-resources';
  /** At most five; `linkCount` gives the total when there are more. */
  links: FindingLink[];
  linkCount?: number;
}

export interface FindingLink {
  component: Component;
  workload: string;
  workloadType: string;
  workloadName: string;
  via: string;
}
