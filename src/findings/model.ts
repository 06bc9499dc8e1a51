import type { Capability, Component, Severity } from '../controls/catalog.js';
import type { OutcomeStatus } from '../engine/evaluate.js';

export type FindingStatus = OutcomeStatus;

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
}
