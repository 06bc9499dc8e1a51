import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigServiceClient, PutConfigurationAggregatorCommand } from '@aws-sdk/client-config-service';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyBundle } from '../../src/controls/catalog.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { NOT_RECORDED_REASON } from '../../src/org/aggregator-coverage.js';
import { aggregatorInventory } from '../../src/org/aggregator-source.js';
import { readAggregator } from '../../src/org/aggregator.js';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';
import { jsonError, startMotoProxy } from '../helpers/moto-proxy.js';
import { MOTO_ACCOUNT, motoEnv, startMoto, type Moto } from '../helpers/moto.js';

const OTHER = '111122223333';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/**
 * moto 5.2 implements ListAggregateDiscoveredResources and BatchGetAggregateResourceConfig, not
 * SelectAggregateResourceConfig (a 500), so cafscan's fallback runs here. moto answers both from
 * the calling account's own backends only: every item is the aggregator account's, whatever
 * accounts the aggregator names (and it ignores the account id of a BatchGet key).
 */
describe('Config aggregator source against moto (List + BatchGet)', () => {
  let moto: Moto;
  /** moto with BatchGetAggregateResourceConfig's timestamps as the epoch seconds AWS sends (moto writes strings the SDK cannot read). */
  let proxied: Moto;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    const s3 = new S3Client(moto.clientConfig());
    await s3.send(new CreateBucketCommand({ Bucket: 'agg-training-data' }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'agg-training-data', Tagging: { TagSet: [{ Key: 'data-classification', Value: 'confidential' }] } }));
    const iam = new IAMClient(moto.clientConfig());
    await iam.send(new CreateRoleCommand({ RoleName: 'agg-admin-role', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'agg-admin-role', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'agg-plain-role', AssumeRolePolicyDocument: TRUST }));
    await new ConfigServiceClient(moto.clientConfig()).send(new PutConfigurationAggregatorCommand({
      ConfigurationAggregatorName: 'agg',
      AccountAggregationSources: [{ AccountIds: [MOTO_ACCOUNT, OTHER], AwsRegions: ['us-east-1'] }],
    }));
    proxied = await startMotoProxy(moto, async (req, forward) => {
      if (req.target === 'StarlingDoveService.DescribeConfigurationAggregators' && req.body.includes('denied-agg')) return jsonError('AccessDeniedException', 'not authorized to perform config:DescribeConfigurationAggregators');
      if (req.target !== 'StarlingDoveService.BatchGetAggregateResourceConfig') return undefined;
      const reply = await forward();
      const body = JSON.parse(reply.body) as { BaseConfigurationItems?: Array<Record<string, unknown>> };
      for (const item of body.BaseConfigurationItems ?? []) {
        for (const key of ['configurationItemCaptureTime', 'resourceCreationTime', 'configurationItemDeliveryTime']) {
          if (typeof item[key] === 'string') item[key] = Date.parse(item[key] as string) / 1000;
        }
      }
      return { ...reply, body: JSON.stringify(body) };
    });
    Object.assign(process.env, motoEnv(proxied));
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await proxied?.stop();
    await moto?.stop();
  });

  it('reads the aggregated items and judges them; the account moto holds nothing of stays unknown', async () => {
    const read = await readAggregator({ name: 'agg', maxAttempts: 2 });
    expect(read.via).toBe('batch-get');
    expect(read.placed.accounts.map((a) => a.accountId)).toEqual([OTHER, MOTO_ACCOUNT]);
    const { inventory } = aggregatorInventory(read);
    expect(inventory.resources.filter((r) => r.type === 'AWS::S3::Bucket').map((r) => [r.id, r.accountId, r.region])).toEqual([['agg-training-data', MOTO_ACCOUNT, 'us-east-1']]);
    const roles = inventory.resources.filter((r) => r.type === 'AWS::IAM::Role' && r.name?.startsWith('agg-'));
    expect(roles.map((r) => r.region)).toEqual(['global', 'global']);
    const cover = (accountId: string, region: string, type: string) => inventory.coverage.find((c) => c.accountId === accountId && c.region === region && c.resourceType === type);
    expect(cover(MOTO_ACCOUNT, 'us-east-1', 'AWS::S3::Bucket')?.status).toBe('complete');
    expect(cover(MOTO_ACCOUNT, 'global', 'AWS::IAM::Role')?.status).toBe('complete');
    expect(cover(OTHER, 'global', 'AWS::IAM::Role')).toMatchObject({ status: 'failed', reason: expect.stringContaining(`holds no AWS::IAM::Role item for ${OTHER} in global`) });

    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date(), allResources: true }), inventory.coverage);
    const status = (control: string, name: string) => findings.find((f) => f.controlId === control && (f.resource.id === name || f.resource.arn.endsWith(`/${name}`)))?.status;
    expect(status('CAFAI-IAM-01', 'agg-admin-role')).toBe('fail');
    expect(status('CAFAI-IAM-01', 'agg-plain-role')).toBe('pass');
    // The tags come from the bucket's supplementary configuration (BatchGet items carry none).
    expect(status('CAFAI-SG-02', 'agg-training-data')).toBe('pass');
    const hub = findings.find((f) => f.controlId === 'CAFAI-SA-92' && f.resource.accountId === MOTO_ACCOUNT)!;
    expect(hub).toMatchObject({ status: 'not_evaluated', reason: expect.stringContaining(NOT_RECORDED_REASON) });
    expect(findings.filter((f) => f.resource.accountId === OTHER && f.status !== 'not_evaluated')).toEqual([]);
  }, 120_000);

  it('cafscan scan --aggregator writes the report of the aggregated accounts', async () => {
    const out = tempDir();
    const run = await cli(['scan', '--aggregator', 'agg', '--output-dir', out, '--format', 'table', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scan: { sources: string[]; accounts: string[] }; findings: Array<{ controlId: string; status: string; resource: { accountId: string } }> };
    expect(results.scan.sources).toEqual(['aggregator:agg']);
    expect(results.scan.accounts).toEqual([OTHER, MOTO_ACCOUNT]);
    expect(results.findings.some((f) => f.controlId === 'CAFAI-IAM-01' && f.status === 'fail')).toBe(true);
  }, 120_000);

  it('an aggregator that does not exist is a usage error (exit 2, one line, nothing written)', async () => {
    const out = join(tempDir(), 'report');
    const run = await cli(['scan', '--aggregator', 'no-such-agg', '--output-dir', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cafscan: AWS Config aggregator "no-such-agg" does not exist in us-east-1 (the aggregator\'s region is AWS_REGION)\n');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('an aggregator the caller may not read stops the scan (exit 3, one line)', async () => {
    const run = await cli(['scan', '--aggregator', 'denied-agg', '--output-dir', join(tempDir(), 'report')]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^cafscan: cannot read AWS Config aggregator "denied-agg" in us-east-1: config:DescribeConfigurationAggregators was denied \(AccessDeniedException\)\n$/);
  }, 60_000);

  it('--aggregator with --input or a malformed name is refused (exit 2)', async () => {
    expect((await cli(['scan', '--aggregator', 'agg', '--demo'])).stderr).toBe('cafscan: --aggregator reads AWS Config in your account; drop it with --input or --demo\n');
    const bad = await cli(['scan', '--aggregator', 'bad name!']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('cafscan: --aggregator: "bad name!" is not an AWS Config aggregator name (letters, digits, "_" and "-")\n');
  }, 60_000);

  /** The real executable, asynchronously: the proxy answering it runs in this process. */
  function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [cafscanBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true', AWS_CONFIG_FILE: '/nonexistent/cafscan-test', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cafscan-test' } }, (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
  }
});
