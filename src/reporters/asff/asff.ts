/**
 * results.asff.json: every finding in the AWS Security Finding Format, as the request body of
 * Security Hub's BatchImportFindings (`{"Findings": [...]}`), one finding per line. cafscan never
 * calls Security Hub (it makes no AWS write call); docs/formats.md shows how to import the file,
 * 100 findings per call, into each finding's own account and Region. Field limits are those of
 * the API reference (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html):
 * a longer value would have Security Hub reject the whole finding, so text is cut to fit.
 * A finding whose account or Region cannot be told (from the resource or its ARN) is left out:
 * Security Hub would reject it, and a made-up account or Region would file it in the wrong place.
 * It stays in results.json (docs/formats.md says so).
 */
import type { Severity } from '../../model/control.js';
import { CAPABILITY_TITLES } from '../../model/control.js';
import type { Finding } from '../../model/finding.js';
import { findingUid, JsonLinesArray, partitionOf, referenceUrls, truncate, writerChunks, type FindingStreamWriter, type ResultsHead } from '../finding-stream.js';
import { fromResults, type StreamedResults } from '../from-results.js';

export const ASFF_FILE = 'results.asff.json';
/** BatchImportFindings takes at most this many findings per call. */
export const ASFF_BATCH_LIMIT = 100;

export const ASFF_LIMITS = { title: 256, description: 1024, recommendation: 512, productFieldValue: 2048 } as const;

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', informational: 'INFORMATIONAL' };
const COMPLIANCE_STATUS = { pass: 'PASSED', fail: 'FAILED', not_evaluated: 'NOT_AVAILABLE' } as const;

/**
 * ASFF's own names for the resource types cafscan reports that it has one for
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/asff-resources.html); every other
 * type is "Other", as ASFF asks, with the CloudFormation type in ProductFields.
 */
const ASFF_RESOURCE_TYPES: Record<string, string> = {
  'AWS::::Account': 'AwsAccount',
  'AWS::ApiGateway::Stage': 'AwsApiGatewayStage',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::ECR::Repository': 'AwsEcrRepository',
  'AWS::IAM::Group': 'AwsIamGroup',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::SageMaker::NotebookInstance': 'AwsSageMakerNotebookInstance',
};

/**
 * Where a finding on a global resource (IAM, an account-wide check: region "global") is imported:
 * the partition's first Region, where IAM itself lives. A ProductArn must name a real Region.
 */
const GLOBAL_HOME: Record<string, string> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };
const PARTITIONS = new Set(Object.keys(GLOBAL_HOME));
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/** Where a finding goes in Security Hub: both parts of its ProductArn, or undefined when either cannot be told. */
export interface AsffHome {
  partition: string;
  accountId: string;
  region: string;
}

/**
 * The finding's account and Region: the resource's own when valid (a 12-digit account, a real
 * Region name, or "global" for the partition's first Region), else those in its ARN
 * (arn:partition:service:region:account:…), as for a Config item without awsAccountId. A
 * documentation placeholder ("AccountId") or an account-wide check on an input that never names
 * its account ("unknown") has no valid account in either: undefined, and the finding is left out.
 */
export function asffHome(resource: Finding['resource']): AsffHome | undefined {
  // A partition ASFF does not know (a new one, or no ARN) cannot name a Security Hub product: aws.
  const partition = PARTITIONS.has(partitionOf(resource.arn)) ? partitionOf(resource.arn) : 'aws';
  const [prefix, , , arnRegion = '', arnAccount = ''] = resource.arn.split(':');
  const fromArn = prefix === 'arn';
  const accountId = ACCOUNT.test(resource.accountId) ? resource.accountId : fromArn && ACCOUNT.test(arnAccount) ? arnAccount : undefined;
  const region = REGION.test(resource.region)
    ? resource.region
    : resource.region === 'global'
      ? GLOBAL_HOME[partition]
      : fromArn && REGION.test(arnRegion)
        ? arnRegion
        : undefined;
  return accountId && region ? { partition, accountId, region } : undefined;
}

interface AsffSeverity {
  Label: string;
  Original: string;
}

/** The AwsSecurityFinding attributes cafscan writes (test/reporters/asff.schema.json checks them). */
export interface AsffFinding {
  SchemaVersion: '2018-10-08';
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  FirstObservedAt: string;
  LastObservedAt: string;
  Severity: AsffSeverity;
  FindingProviderFields: { Severity: AsffSeverity; Types: string[] };
  Title: string;
  Description: string;
  Remediation?: { Recommendation: { Text: string; Url?: string } };
  ProductFields: Record<string, string>;
  Resources: Array<{ Type: string; Id: string; Partition: string; Region: string }>;
  Compliance: { Status: 'PASSED' | 'FAILED' | 'NOT_AVAILABLE' };
  Workflow: { Status: 'NEW' | 'RESOLVED' };
  RecordState: 'ACTIVE';
}

export class AsffWriter implements FindingStreamWriter {
  private readonly array = new JsonLinesArray('{"Findings": ', '}');

  constructor(private readonly results: ResultsHead) {}

  start(): string {
    return this.array.start();
  }

  /** Nothing for a finding with no account or Region to import it into (asffHome). */
  add(finding: Finding): string {
    const asff = this.finding(finding);
    return asff ? this.array.item(asff) : '';
  }

  end(): string {
    return this.array.end();
  }

  finding(finding: Finding): AsffFinding | undefined {
    const { resource } = finding;
    const home = asffHome(resource);
    if (!home) return undefined;
    const { partition, accountId, region } = home;
    const { startedAt, finishedAt } = this.results.scan;
    const severity = { Label: SEVERITY_LABEL[finding.severity], Original: finding.severity };
    const types = [`Software and Configuration Checks/AWS Security Best Practices/CAF-AI ${CAPABILITY_TITLES[finding.capability]}`];
    const details = this.results.controls?.[finding.controlId];
    const url = referenceUrls(this.results, finding.controlId)[0];
    return {
      SchemaVersion: '2018-10-08',
      Id: findingUid(finding),
      ProductArn: `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`,
      ProductName: 'cafscan',
      CompanyName: 'cafscan',
      GeneratorId: `cafscan/${finding.controlId}`,
      AwsAccountId: accountId,
      Types: types,
      CreatedAt: startedAt,
      UpdatedAt: finishedAt,
      FirstObservedAt: startedAt,
      LastObservedAt: finishedAt,
      Severity: severity,
      // Providers set severity and types here too: a Security Hub user's own changes (BatchUpdateFindings) then stay theirs.
      FindingProviderFields: { Severity: severity, Types: types },
      Title: truncate(finding.title, ASFF_LIMITS.title),
      Description: truncate(finding.message, ASFF_LIMITS.description),
      ...(details ? { Remediation: { Recommendation: { Text: truncate(details.remediation.console, ASFF_LIMITS.recommendation), ...(url ? { Url: url } : {}) } } } : {}),
      ProductFields: productFields(finding, this.results.tool.version),
      Resources: [
        {
          Type: ASFF_RESOURCE_TYPES[resource.type] ?? 'Other',
          Id: resource.arn,
          Partition: partition,
          Region: region,
        },
      ],
      Compliance: { Status: COMPLIANCE_STATUS[finding.status] },
      // Security Hub takes a provider's Workflow (and Note) only when it creates a finding and never
      // moves SUPPRESSED back: an accepted risk sent as SUPPRESSED would stay hidden after its
      // suppression expired or was removed. So an accepted risk is FAILED and NEW like any failure,
      // marked in ProductFields (which every import updates) for an automation rule to act on.
      // RESOLVED for a pass is safe: Security Hub resets RESOLVED to NEW when PASSED turns FAILED.
      Workflow: { Status: finding.status === 'pass' ? 'RESOLVED' : 'NEW' },
      RecordState: 'ACTIVE',
    };
  }
}

/**
 * cafscan's own fields (keys under "cafscan/"), each value cut to ASFF's limit; at most 12 of
 * ASFF's 50. "cafscan/Suppressed" is always written ("true" or "false"), so a Security Hub
 * automation rule can suppress on "true" and un-suppress on "false" (docs/formats.md).
 */
function productFields(finding: Finding, version: string): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    'cafscan/Version': version,
    'cafscan/ControlId': finding.controlId,
    'cafscan/Capability': finding.capability,
    'cafscan/Component': finding.component,
    'cafscan/Status': finding.status,
    'cafscan/ResourceType': finding.resource.type,
    'cafscan/Reason': finding.reason,
    'cafscan/BaselineState': finding.baselineState,
    'cafscan/Suppressed': finding.suppression ? 'true' : 'false',
    'cafscan/SuppressionReason': finding.suppression?.reason,
    'cafscan/SuppressionExpires': finding.suppression?.expires,
    'cafscan/SuppressionSource': finding.suppression?.source,
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value) out[key] = truncate(value, ASFF_LIMITS.productFieldValue);
  return out;
}

/** results.asff.json from finished results, in pieces. */
export function asffChunks(results: StreamedResults): Generator<string> {
  return writerChunks(new AsffWriter(results), results.findings);
}

/** The registry's entry (src/reporters/registry.ts): chosen with `--format asff`, findings streamed from disk. */
export const asffReporter = fromResults({ name: 'asff', file: ASFF_FILE, human: true, description: 'AWS Security Finding Format: the body of `securityhub batch-import-findings` (100 findings per call: docs/formats.md)', helpNote: 'for securityhub batch-import-findings' }, asffChunks);
