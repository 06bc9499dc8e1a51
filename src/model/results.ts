import type { BaselineSummary } from './baseline.js';
import type { Capability, Component, Reference, Remediation, Severity } from './control.js';
import type { Finding } from './finding.js';
import type { Scores } from './scores.js';
import type { SelectionCriteria } from './selection.js';
import type { SuppressionReport } from './suppression.js';
import type { FrameworksPosture } from './framework-posture.js';
import type { FrameworkReference } from './frameworks.js';

/** results.json (contract, docs/contract-extensions.md for the additions): what a scan reports. */
export interface ScanInfo {
  startedAt: string;
  finishedAt: string;
  sources: string[];
  accounts: string[];
  regions: string[];
  /** Live scans only: how many API calls were made and every distinct one that failed. */
  collection?: CollectionSummary;
  /** Organisation scans only (--org, --aggregator): the organisation's accounts this run covered, entered or not. */
  organization?: OrganizationScan;
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
  /** Present (true) with --all-resources (or the config's allResources): generic resources no AI workload is linked to were checked too. */
  allResources?: true;
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
  /** `catalog`: the control catalog's hash (policy-bundle/catalog.json sourceHash): which controls, in which version, produced the findings. */
  tool: { name: 'cafscan'; version: string; catalog?: string };
  scan: ScanInfo;
  findings: Finding[];
  scores: Scores;
  /** Each control with a finding in this scan: title, rationale, remediation, references (findings point here by controlId). */
  controls?: ControlDetailsMap;
  /** Each rules/ framework's requirements with their status, counts and score (src/frameworks/posture.ts); last, after controls. */
  frameworks?: FrameworksPosture;
}

/** results.json scan.organization (docs/contract-extensions.md). */
/** The aggregator source's name for it. */
export type OrganizationSummary = OrganizationScan;

/** What results.json and inventory.json say about a live collection (a contract extension). */
export interface CollectionSummary {
  apiCalls: number;
  /** The failed calls' CallRecord fields (src/collect/call-log.ts); an organisation run adds the account. */
  failedCalls: Array<{ accountId?: string; action: string; region: string; errorCode?: string; message?: string }>;
}

/** results.json scan.organization (docs/contract-extensions.md, docs/organizations.md). */
export interface OrganizationScan {
  managementAccountId: string;
  /** The Config aggregator the run read (--aggregator). */
  aggregator?: string;
  /** This run's accounts after filters and shard, sorted by id. */
  accounts: OrganizationAccount[];
  /** --shard (or the runner's index); a merge drops it. */
  shard?: { index: number; count: number };
}

/** The merge's name for it. */
export type ScanOrganization = OrganizationScan;

export interface OrganizationAccount {
  accountId: string;
  name: string | null;
  /** "failed": not entered (role missing, AssumeRole denied, suspended) or past its deadline; its controls are not_evaluated with `reason`. */
  status: 'scanned' | 'failed';
  reason?: string;
}

/** results.json scan.evaluationErrors: runtime errors the scan survived (docs/contract-extensions.md). */
export interface EvaluationErrorSummary {
  count: number;
  /** The first errors, in inventory order (one failing control can error on every resource of a type). */
  sample: Array<{ controlId: string | null; resource: string; message: string }>;
}

/**
 * What results.json says once per control (its top-level `controls`), so a reader of a finding
 * finds how to fix it by the finding's `controlId` without the catalog at hand, and the
 * remediation is not repeated on every finding of that control.
 */
export interface ControlDetails {
  title: string;
  severity: Severity;
  capability: Capability;
  component: Component;
  rationale: string;
  remediation: Remediation;
  /** Documentation links (the control's METADATA). */
  references: Reference[];
  /** The framework requirements that map the control (rules/), CAF-AI's included. */
  frameworks: FrameworkReference[];
}

export type ControlDetailsMap = Record<string, ControlDetails>;
