/**
 * results.ocsf.json: every finding as an OCSF 1.6.0 Detection Finding (class 2004), the event
 * class Prowler emits and Amazon Security Lake stores; 1.6 is the version AWS Security Hub reads
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-ocsf.html). A JSON array,
 * one event per line. The uids and captions below are OCSF's own (https://schema.ocsf.io/1.6.0/
 * classes/detection_finding); test/reporters/ocsf.test.ts checks every event against the
 * published 1.6.0 schema.
 */
import type { Severity } from '../../model/control.js';
import { CAPABILITY_TITLES } from '../../model/control.js';
import type { Finding } from '../../model/finding.js';
import { findingUid, JsonLinesArray, partitionOf, referenceUrls, writerChunks, type FindingStreamWriter, type ResultsHead } from '../finding-stream.js';
import { fromResults, type StreamedResults } from '../from-results.js';

export const OCSF_VERSION = '1.6.0';
export const OCSF_FILE = 'results.ocsf.json';

const DETECTION_FINDING = { class_uid: 2004, class_name: 'Detection Finding', category_uid: 2, category_name: 'Findings' } as const;
/** Activity "Create" (1): each scan reports its findings afresh; type_uid = class_uid × 100 + activity_id. */
const CREATE = { activity_id: 1, activity_name: 'Create', type_uid: 200401, type_name: 'Detection Finding: Create' } as const;

/** OCSF severity_id by cafscan severity (0 Unknown and 6 Fatal are not used). */
export const OCSF_SEVERITY: Record<Severity, { id: number; name: string }> = {
  informational: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/**
 * The finding's workflow status (status_id): Suppressed (3) for an accepted risk, Resolved (4)
 * for a failure the baseline had that now passes, New (1) otherwise — as Prowler does, the
 * verdict itself is in status_code, never in status_id.
 */
export const OCSF_STATUS = { new: { id: 1, name: 'New' }, suppressed: { id: 3, name: 'Suppressed' }, resolved: { id: 4, name: 'Resolved' } } as const;

/** status_code: the verdict, in the words Prowler's OCSF uses (PASS / FAIL), plus ours for unknown. */
const STATUS_CODE = { pass: 'PASS', fail: 'FAIL', not_evaluated: 'NOT_EVALUATED' } as const;

/** cloud.account.type_id 10: "AWS Account". */
const AWS_ACCOUNT = { type_id: 10, type: 'AWS Account' } as const;

/** The Detection Finding attributes cafscan writes (a subset of the class; the test validates them against OCSF's schema). */
export interface OcsfDetectionFinding {
  activity_id: number;
  activity_name: string;
  type_uid: number;
  type_name: string;
  class_uid: number;
  class_name: string;
  category_uid: number;
  category_name: string;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  status_code: string;
  status_detail: string;
  message: string;
  time: number;
  metadata: { version: string; product: { name: string; uid: string; vendor_name: string; version: string }; profiles: string[]; event_code: string };
  finding_info: { uid: string; title: string; desc?: string; types: string[] };
  cloud: { provider: 'AWS'; region: string; account: { uid: string; type_id: number; type: string } };
  resources: Array<{ uid: string; name: string; type: string; region: string; cloud_partition: string }>;
  remediation?: { desc: string; references?: string[] };
  /** cafscan's fields OCSF has no attribute for (results.json's names). */
  unmapped: OcsfUnmapped;
}

export interface OcsfUnmapped {
  capability: string;
  component: string;
  reason?: string;
  suppression?: Finding['suppression'];
  baseline_state?: Finding['baselineState'];
  scope?: Finding['scope'];
}

export class OcsfWriter implements FindingStreamWriter {
  private readonly array = new JsonLinesArray();
  private readonly time: number;

  constructor(private readonly results: ResultsHead) {
    this.time = Date.parse(results.scan.finishedAt);
  }

  start(): string {
    return this.array.start();
  }

  add(finding: Finding): string {
    return this.array.item(this.event(finding));
  }

  end(): string {
    return this.array.end();
  }

  /**
   * One Detection Finding. An absent optional attribute is undefined, which JSON leaves out (OCSF
   * has no null default); every event has the same shape, built in one literal (spreading
   * optional parts in made this 3× slower, measured).
   */
  event(finding: Finding): OcsfDetectionFinding {
    const { resource } = finding;
    const details = this.results.controls?.[finding.controlId];
    const severity = OCSF_SEVERITY[finding.severity];
    const status = finding.suppression ? OCSF_STATUS.suppressed : finding.baselineState === 'fixed' ? OCSF_STATUS.resolved : OCSF_STATUS.new;
    const urls = referenceUrls(this.results, finding.controlId);
    return {
      activity_id: CREATE.activity_id,
      activity_name: CREATE.activity_name,
      type_uid: CREATE.type_uid,
      type_name: CREATE.type_name,
      class_uid: DETECTION_FINDING.class_uid,
      class_name: DETECTION_FINDING.class_name,
      category_uid: DETECTION_FINDING.category_uid,
      category_name: DETECTION_FINDING.category_name,
      severity_id: severity.id,
      severity: severity.name,
      status_id: status.id,
      status: status.name,
      status_code: STATUS_CODE[finding.status],
      status_detail: statusDetail(finding),
      message: finding.message,
      time: this.time,
      metadata: {
        version: OCSF_VERSION,
        product: { name: 'cafscan', uid: 'cafscan', vendor_name: 'cafscan', version: this.results.tool.version },
        profiles: ['cloud'],
        event_code: finding.controlId,
      },
      finding_info: {
        uid: findingUid(finding),
        title: finding.title,
        desc: details?.rationale || undefined,
        types: [`CAF-AI Security/${CAPABILITY_TITLES[finding.capability]}`],
      },
      cloud: {
        provider: 'AWS',
        region: resource.region,
        account: { uid: resource.accountId, type_id: AWS_ACCOUNT.type_id, type: AWS_ACCOUNT.type },
      },
      resources: [
        {
          uid: resource.arn,
          name: resource.id,
          type: resource.type,
          region: resource.region,
          cloud_partition: partitionOf(resource.arn),
        },
      ],
      remediation: details ? { desc: details.remediation.console, references: urls.length ? urls : undefined } : undefined,
      unmapped: unmapped(finding),
    };
  }
}

/** Why: the reason for not_evaluated, the accepted risk for a suppressed failure, else the message. */
function statusDetail(finding: Finding): string {
  if (finding.status === 'not_evaluated' && finding.reason) return finding.reason;
  if (finding.suppression) return `Suppressed (accepted risk): ${finding.suppression.reason}`;
  return finding.message;
}

/** What OCSF has no attribute for, under cafscan's own names (results.json's). */
function unmapped(finding: Finding): OcsfUnmapped {
  return {
    capability: finding.capability,
    component: finding.component,
    reason: finding.reason,
    suppression: finding.suppression,
    baseline_state: finding.baselineState,
    scope: finding.scope,
  };
}

/** results.ocsf.json from finished results, in pieces. */
export function ocsfChunks(results: StreamedResults): Generator<string> {
  return writerChunks(new OcsfWriter(results), results.findings);
}

/** The registry's entry (src/reporters/registry.ts): chosen with `--format ocsf`, findings streamed from disk. */
export const ocsfReporter = fromResults({ name: 'ocsf', file: OCSF_FILE, human: true, description: 'OCSF 1.6.0 Detection Findings, a JSON array (Amazon Security Lake, Security Hub, Prowler tooling); docs/formats.md', helpNote: 'for Security Lake / Security Hub' }, ocsfChunks);
