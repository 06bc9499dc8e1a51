import type { FindingStatus } from '../model/finding.js';
import type { InventoryResource, ValuePath } from '../model/inventory.js';

export type OutcomeStatus = FindingStatus;

/** What main.rego returns for one control on one resource. */
export interface ControlOutcome {
  controlId: string;
  status: OutcomeStatus;
  messages: string[];
}

export interface ResourceOutcomes {
  resource: InventoryResource;
  outcomes: ControlOutcome[];
  /** Values that look like credentials (policies/redaction.rego), to redact in inventory.json. */
  secretPaths: ValuePath[];
  /** Runtime errors evaluating this resource (its outcomes say not_evaluated for those controls). */
  errors?: EvaluationError[];
}

/** A control (or, with controlId null, the redaction check) that failed at run time on a resource. */
export interface EvaluationError {
  controlId: string | null;
  message: string;
}
