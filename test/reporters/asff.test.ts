import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { ASFF_LIMITS, AsffWriter, asffChunks, asffHome, type AsffFinding } from '../../src/reporters/asff/asff.js';
import type { ScanResults } from '../../src/model/results.js';
import { findingUid } from '../../src/reporters/finding-stream.js';
import { InputError } from '../../src/errors.js';
import { resourceSetOf } from '../../src/inventory/resource-set.js';
import { runScan } from '../../src/scan/run-scan.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { tempDir } from '../helpers/cli.js';
import { demoResults, HOSTILE, hostileResults, joined } from '../helpers/format-fixtures.js';

/** What `cafscan scan --input <file> --output-dir <dir> --format asff` does, with the exit code the CLI would give. */
async function scanAsff(file: string, outputDir: string): Promise<{ exitCode: number; error?: string }> {
  try {
    const resources = resourceSetOf(await loadInputs([file]));
    const outcome = await runScan({ resources, sources: [file], outputDir, redact: true, startedAt: new Date(), humanFormats: ['asff'] });
    return { exitCode: outcome.exitCode };
  } catch (error) {
    // The CLI's mapping (src/cli): bad input exits 2 with one line; anything else is a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: error instanceof InputError ? 2 : 3, error: message };
  }
}

/** Real-world AWS data others wrote (/work/shared/real-world), found as the hostile tests find it. */
const REAL_WORLD = join(import.meta.dirname, '..', '..', '..', 'shared', 'real-world');

interface JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema & { enum?: string[] }>;
  $defs?: Record<string, JsonSchema & { enum?: string[] }>;
}

const schema = JSON.parse(readFileSync(new URL('./asff.schema.json', import.meta.url), 'utf8')) as JsonSchema;
let validate: ValidateFunction;
let demo: ScanResults;
let hostile: ScanResults;

beforeAll(() => {
  validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  demo = demoResults();
  hostile = hostileResults(demo);
});

function findings(results: ScanResults): AsffFinding[] {
  const body = JSON.parse(joined(asffChunks(results))) as { Findings: AsffFinding[] };
  expect(Object.keys(body)).toEqual(['Findings']);
  return body.Findings;
}

function expectValid(results: ScanResults): void {
  const body = JSON.parse(joined(asffChunks(results))) as unknown;
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
}

function findingOf(results: ScanResults, pick: (f: Finding) => boolean): AsffFinding {
  const index = results.findings.findIndex(pick);
  expect(index).toBeGreaterThanOrEqual(0);
  return findings(results)[index]!;
}

describe('ASFF reporter', () => {
  it('writes a BatchImportFindings body that the ASFF schema accepts, for a real scan and hostile text', () => {
    expectValid(demo);
    expectValid(hostile);
    expect(findings(demo)).toHaveLength(demo.findings.length);
    // The schema is not vacuous: each of these breaks a documented rule.
    const good = findings(demo)[0]!;
    for (const bad of [
      { ...good, Title: 'x'.repeat(257) },
      { ...good, Severity: { Label: 'SEVERE' } },
      { ...good, Types: ['Misconfigurations/Bad'] },
      { ...good, ProductArn: good.ProductArn.replace('/default', '/cafscan') },
      { ...good, Resources: [] },
      { ...good, Compliance: { Status: 'PASS' } },
    ]) {
      expect(validate({ Findings: [bad] })).toBe(false);
    }
  });

  it('matches the Security Hub API model: the schema requires what botocore requires and allows only its enum values', () => {
    // botocore ships with moto (scripts/ensure-moto.mjs, run by npm test): the service model AWS generates its SDKs from.
    const script = [
      'import gzip, json, os, botocore',
      "p = os.path.join(os.path.dirname(botocore.__file__), 'data', 'securityhub', '2018-10-26', 'service-2.json.gz')",
      "s = json.load(gzip.open(p))['shapes']",
      "enum = lambda n: s[n]['enum']",
      "print(json.dumps({'required': s['AwsSecurityFinding']['required'], 'members': list(s['AwsSecurityFinding']['members']), 'resource': s['Resource']['required'], 'note': s['Note']['required'], 'batch': s['BatchImportFindingsRequestFindingList']['max'], 'enums': {'SeverityLabel': enum('SeverityLabel'), 'ComplianceStatus': enum('ComplianceStatus'), 'WorkflowStatus': enum('WorkflowStatus'), 'RecordState': enum('RecordState'), 'Partition': enum('Partition')}}))",
    ].join('\n');
    const run = spawnSync(process.env.PYTHON ?? 'python3', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const model = JSON.parse(run.stdout) as { required: string[]; members: string[]; resource: string[]; note: string[]; batch: number; enums: Record<string, string[]> };
    const finding = schema.$defs!.finding!;
    expect(finding.required).toEqual(expect.arrayContaining(model.required));
    expect(model.members).toEqual(expect.arrayContaining(Object.keys(finding.properties!)));
    expect(schema.$defs!.resource!.required).toEqual(expect.arrayContaining(model.resource));
    expect(finding.properties!.Note!.required).toEqual(expect.arrayContaining(model.note));
    expect(model.enums.SeverityLabel).toEqual(expect.arrayContaining(schema.$defs!.severityLabel!.enum!));
    const enumOf = (name: string, member = 'Status') => (finding.properties![name] as JsonSchema).properties![member]!.enum!;
    expect(model.enums.ComplianceStatus).toEqual(expect.arrayContaining(enumOf('Compliance')));
    expect(model.enums.WorkflowStatus).toEqual(expect.arrayContaining(enumOf('Workflow')));
    expect(model.enums.RecordState).toEqual(expect.arrayContaining(finding.properties!.RecordState!.enum!));
    expect(model.enums.Partition).toEqual(expect.arrayContaining(schema.$defs!.resource!.properties!.Partition!.enum!));
    expect(model.batch).toBe(100);
  });

  it('names the default product of the finding’s own account and Region; global resources go to the partition’s first Region', () => {
    const regional = findingOf(hostile, (f) => f.resource.region === 'us-east-1' && f.status === 'fail');
    expect(regional.ProductArn).toBe('arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default');
    expect(regional.AwsAccountId).toBe('123456789012');
    const global = findingOf(hostile, (f) => f.resource.region === 'global');
    expect(global.ProductArn).toBe('arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default');
    expect(global.Resources).toEqual([{ Type: 'AwsIamRole', Id: 'arn:aws:iam::123456789012:role/ml<&>"role"', Partition: 'aws', Region: 'us-east-1' }]);
    const china = findingOf(hostile, (f) => f.resource.arn.startsWith('arn:aws-cn:'));
    expect(china.ProductArn).toBe('arn:aws-cn:securityhub:cn-north-1:123456789012:product/123456789012/default');
    const notebook = findingOf(hostile, (f) => f.resource.id === 'passing');
    expect(notebook.Resources[0]!.Type).toBe('AwsSageMakerNotebookInstance');
    const other = findings(demo).find((f) => f.ProductFields['cafscan/ResourceType'] === 'AWS::Bedrock::Agent');
    expect(other?.Resources[0]!.Type).toBe('Other');
  });

  it('keeps verdicts apart: an accepted risk stays FAILED and NEW (never SUPPRESSED), marked in ProductFields; unknown is NOT_AVAILABLE', () => {
    const accepted = findingOf(hostile, (f) => f.suppression !== undefined);
    // Security Hub never moves a provider's SUPPRESSED back to NEW: the failure would stay hidden after the suppression ends.
    expect([accepted.Compliance.Status, accepted.Workflow.Status]).toEqual(['FAILED', 'NEW']);
    expect(accepted.ProductFields['cafscan/Suppressed']).toBe('true');
    expect(accepted.ProductFields['cafscan/SuppressionExpires']).toBe('2030-01-01');
    expect(accepted.ProductFields['cafscan/SuppressionSource']).toBe('cafscan.ignore.yaml#suppressions[0]');
    expect(accepted.ProductFields['cafscan/SuppressionReason']).toContain(HOSTILE.astral);
    // A Note, like Workflow, is taken only when the finding is created: it would outlive the suppression.
    expect(accepted).not.toHaveProperty('Note');
    expect(accepted.ProductFields['cafscan/BaselineState']).toBe('unchanged');
    for (const results of [demo, hostile]) {
      const all = findings(results);
      expect(all.filter((f) => f.Workflow.Status !== 'NEW' && f.Workflow.Status !== 'RESOLVED')).toEqual([]);
      expect(all.filter((f) => 'Note' in f)).toEqual([]);
      // Every finding says whether it is an accepted risk, so an automation rule can also lift a suppression.
      expect(all.map((f) => f.ProductFields['cafscan/Suppressed']).sort()).toEqual(results.findings.map((f) => (f.suppression ? 'true' : 'false')).sort());
    }
    expect(demo.findings.some((f) => f.suppression)).toBe(true);
    const unknown = findingOf(hostile, (f) => f.status === 'not_evaluated');
    expect([unknown.Compliance.Status, unknown.Workflow.Status]).toEqual(['NOT_AVAILABLE', 'NEW']);
    expect(unknown.ProductFields['cafscan/Reason']).toContain('were not collected');
    const passed = findingOf(hostile, (f) => f.status === 'pass');
    expect([passed.Compliance.Status, passed.Workflow.Status]).toEqual(['PASSED', 'RESOLVED']);
    const failed = findingOf(hostile, (f) => f.status === 'fail' && !f.suppression && f.severity === 'critical');
    expect([failed.Compliance.Status, failed.Workflow.Status, failed.Severity.Label]).toEqual(['FAILED', 'NEW', 'CRITICAL']);
  });

  it('cuts text to the API limits without splitting a character, and keeps long ids within 512', () => {
    const long = findingOf(hostile, (f) => f.resource.id === 'long');
    expect(long.Description.length).toBeLessThanOrEqual(ASFF_LIMITS.description);
    expect(long.Description.endsWith('…')).toBe(true);
    expect(long.Title.length).toBeLessThanOrEqual(ASFF_LIMITS.title);
    expect(long.Title).not.toMatch(/[\ud800-\udbff]…$/);
    expect(long.Id.length).toBeLessThanOrEqual(512);
    expect(long.Id).toMatch(/^cafscan\/CAFAI-IP-01\/sha256-[0-9a-f]{64}$/);
    expect(long.Remediation?.Recommendation.Text.length).toBeLessThanOrEqual(ASFF_LIMITS.recommendation);
    // Under the limits, text is exact.
    const astral = findingOf(hostile, (f) => f.message.startsWith('astral'));
    expect(astral.Description).toBe(`astral: ${HOSTILE.astral}`);
    expect(astral.Title).toBe(`Title ${HOSTILE.astral}`);
  });

  it('carries the control’s remediation and a reference URL, severity in FindingProviderFields too', () => {
    const failed = findingOf(demo, (f) => f.status === 'fail' && !f.suppression);
    const details = demo.controls![failed.GeneratorId.replace('cafscan/', '')]!;
    expect(failed.Remediation?.Recommendation.Text).toBe(details.remediation.console);
    expect(failed.Remediation?.Recommendation.Url).toBe(details.references.find((r) => r.url)?.url);
    expect(failed.FindingProviderFields.Severity).toEqual(failed.Severity);
    expect([failed.CreatedAt, failed.UpdatedAt]).toEqual([demo.scan.startedAt, demo.scan.finishedAt]);
  });

  it('splits into BatchImportFindings calls with the jq recipe docs/formats.md gives: at most 100 findings, one account and Region each', () => {
    const recipe = /^jq -c '([^']+)' results\.asff\.json/m.exec(readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8'));
    expect(recipe, 'the jq line in docs/formats.md').not.toBeNull();
    // 250 findings in one account and Region, 30 in another Region, 1 global.
    const base = hostile.findings.find((f) => f.status === 'fail' && f.resource.region === 'us-east-1')!;
    const many: Finding[] = [
      ...Array.from({ length: 250 }, (_, i) => ({ ...base, resource: { ...base.resource, arn: `${base.resource.arn}-${String(i).padStart(3, '0')}` } })),
      ...Array.from({ length: 30 }, (_, i) => ({ ...base, resource: { ...base.resource, region: 'eu-west-1', arn: `arn:aws:sagemaker:eu-west-1:123456789012:notebook-instance/n${i}` } })),
      hostile.findings.find((f) => f.resource.region === 'global')!,
    ];
    const input = joined(asffChunks({ ...hostile, findings: many }));
    const run = spawnSync('jq', ['-c', recipe![1]!], { input, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const batches = run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { Findings: AsffFinding[] }).Findings);
    // group_by sorts by ProductArn: eu-west-1 first; the global finding goes with us-east-1.
    expect(batches.map((b) => b.length)).toEqual([30, 100, 100, 51]);
    for (const batch of batches) {
      expect(validate({ Findings: batch })).toBe(true);
      expect(new Set(batch.map((f) => f.ProductArn)).size).toBe(1);
    }
    expect(batches.flat().map((f) => f.Id).sort()).toEqual(findings({ ...hostile, findings: many }).map((f) => f.Id).sort());
  });

  it('streams one piece per finding; no findings is an empty Findings array', () => {
    expect([...asffChunks(hostile)]).toHaveLength(hostile.findings.length + 2);
    expect(JSON.parse(joined(asffChunks({ ...demo, findings: [] })))).toEqual({ Findings: [] });
    const writer = new AsffWriter(demo);
    expect((JSON.parse(writer.start() + writer.add(demo.findings[0]!) + writer.end()) as { Findings: unknown[] }).Findings).toHaveLength(1);
  });

  it('takes account and Region from the ARN when the resource lacks valid ones, and leaves out a finding with neither rather than write an invalid one', () => {
    const base = hostile.findings.find((f) => f.status === 'fail' && f.resource.region === 'us-east-1' && !f.suppression)!;
    const at = (resource: Partial<Finding['resource']>): Finding => ({ ...base, resource: { ...base.resource, ...resource } });
    const derived = [
      // Config items without awsAccountId: the account is in the ARN.
      at({ accountId: '', region: 'eu-west-1', arn: 'arn:aws:sagemaker:eu-west-1:210987654321:notebook-instance/no-account' }),
      // A Region cafscan could not tell: the ARN's, not us-east-1.
      at({ region: 'unknown', arn: 'arn:aws:sagemaker:eu-west-1:123456789012:notebook-instance/no-region' }),
    ];
    const omitted = [
      // An account-wide check on an unknown account (A2 EBS health events history).
      at({ accountId: 'unknown', region: 'us-east-1', arn: 'arn:aws::us-east-1:unknown', type: 'AWS::::Account' }),
      // A documentation placeholder (A10 batch-get-resource-config example).
      at({ accountId: 'AccountId', arn: 'arn:aws:sagemaker:us-west-2:AccountId:notebook-instance/doc' }),
      // No Region anywhere: an S3 ARN has none, and "unknown" must not become us-east-1.
      at({ region: 'unknown', arn: 'arn:aws:s3:::bucket-somewhere', type: 'AWS::S3::Bucket' }),
    ];
    const results = { ...hostile, findings: [...derived, ...omitted, base] };
    expectValid(results);
    const out = findings(results);
    expect(out.map((f) => f.Resources[0]!.Id)).toEqual([...derived, base].map((f) => f.resource.arn));
    expect(out[0]!.AwsAccountId).toBe('210987654321');
    expect(out[0]!.ProductArn).toBe('arn:aws:securityhub:eu-west-1:210987654321:product/210987654321/default');
    expect(out[1]!.Resources[0]!.Region).toBe('eu-west-1');
    expect(out[1]!.ProductArn).toBe('arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default');
    expect(omitted.map((f) => asffHome(f.resource))).toEqual([undefined, undefined, undefined]);
    // Only omitted findings leave pieces empty; the array stays valid JSON with nothing written for them.
    expect([...asffChunks(results)].filter((chunk) => chunk === '')).toHaveLength(omitted.length);
  });

  it('writes valid ASFF for every real-world input; the findings left out are exactly those with no account or Region, and they stay in results.json', { timeout: 300_000 }, async () => {
    const inputs = readdirSync(REAL_WORLD).filter((f) => f.endsWith('.json') || f.endsWith('.json.gz'));
    expect(inputs.length).toBeGreaterThan(10);
    let scanned = 0;
    let written = 0;
    const left: string[] = [];
    for (const input of inputs) {
      const dir = tempDir();
      // `scan --input <file> --format asff` in this process (a process per file took minutes on a shared machine).
      const run = await scanAsff(join(REAL_WORLD, input), dir);
      try {
        // Invalid input (exit 2, one line on stderr) is another test's subject; skipped by its exit code, not its name.
        if (run.exitCode === 2) continue;
        expect(run.exitCode, `${input}: ${run.error ?? ''}`).toBeLessThan(2);
        scanned++;
        const body = JSON.parse(readFileSync(join(dir, 'results.asff.json'), 'utf8')) as { Findings: AsffFinding[] };
        expect(validate(body), `${input}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        const all = (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ScanResults).findings;
        const kept = all.filter((f) => asffHome(f.resource) !== undefined);
        expect(body.Findings.map((f) => f.Id), input).toEqual(kept.map((f) => findingUid(f)));
        written += body.Findings.length;
        for (const f of all) if (!asffHome(f.resource)) left.push(`${input}: ${f.resource.accountId} ${f.resource.arn}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(scanned).toBeGreaterThan(10);
    expect(written).toBeGreaterThan(100);
    // The reviewer's cases: an unknown account (A2) and a documentation placeholder (A10), kept in results.json.
    expect(left.some((l) => l.startsWith('A2-test_ebs_health_events_filter-history.json: unknown '))).toBe(true);
    expect(left.some((l) => l.startsWith('A10-awsdocs-batch-get-custom-resource.json: AccountId '))).toBe(true);
    // Nothing with a valid 12-digit account anywhere (resource or ARN) was left out.
    expect(left.filter((l) => /\b\d{12}\b/.test(l))).toEqual([]);
  });
});
