import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { ScanResults } from '../../src/model/results.js';
import { NOT_RECORDED_REASON } from '../../src/org/aggregator-coverage.js';
import { inShard } from '../../src/org/shard.js';
import { ensureBuiltDist } from '../helpers/built-dist.js';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';
import { recordedSelectRows } from '../helpers/fake-aggregator.js';
import { MOTO_ACCOUNT, motoEnv, startMoto, type Moto } from '../helpers/moto.js';
import { startMotoProxy } from '../helpers/moto-proxy.js';
import { seedOrganization, type SeededOrganization } from './seed-organization.js';

const ROLE = 'cafscan-audit';
const AGGREGATOR = 'org-agg';

interface Run {
  out: string;
  status: number | null;
  stderr: string;
  results: () => ScanResults;
  inventory: () => string;
}

/**
 * `--aggregator` with `--org-role-name` against moto. moto answers Config's aggregator calls only
 * from the calling account's own data, so the proxy in front of it answers
 * DescribeConfigurationAggregators and SelectAggregateResourceConfig the way AWS does, with
 * recorded real-shaped rows (a real AWS Config S3 bucket item, cloud-custodian's recording,
 * placed in member accounts); everything else — Organizations, AssumeRole, every member
 * account's collection — is moto's. AssumeRole into the accounts whose role "is missing" is
 * denied by the proxy, as AWS would.
 */
describe('cafscan scan --aggregator --org-role-name (aggregator completed by per-account collection, moto)', () => {
  let moto: Moto;
  let proxy: Moto;
  let org: SeededOrganization;
  let selected: string[];
  /** ListDiscoveredResources calls the member accounts' own Config recorders got, as "account type". */
  const asked: string[] = [];
  let combined: Run;
  let aggregatorOnly: Run;

  const id = (name: string) => org.byName.get(name)!;
  const bucketRow = (accountId: string): Record<string, unknown> => {
    const recorded = recordedSelectRows(repoRoot, ['AWS::S3::Bucket'])[0]!;
    const name = `agg-${accountId}`;
    return { ...recorded, resourceId: name, resourceName: name, arn: `arn:aws:s3:::${name}`, accountId, awsRegion: 'us-east-1', configurationItemStatus: 'OK' };
  };

  /** A real recorded IAM role item, as acct00's role ml-exec-admin (which moto holds too, with its `*` policy). */
  const roleRow = (accountId: string): Record<string, unknown> => {
    const recorded = recordedSelectRows(repoRoot, ['AWS::IAM::Role'])[0]!;
    return { ...recorded, resourceName: 'ml-exec-admin', arn: `arn:aws:iam::${accountId}:role/ml-exec-admin`, accountId, awsRegion: 'global', configurationItemStatus: 'OK' };
  };

  const cafscan = async (args: string[]): Promise<Run> => {
    const out = tempDir();
    const child = spawn(process.execPath, [cafscanBin, ...args.map((a) => a.replace('<out>', out))], {
      cwd: repoRoot,
      env: { ...process.env, ...motoEnv(moto), AWS_ENDPOINT_URL: proxy.endpoint, AWS_REGION: 'us-east-1', CI: 'true', AWS_CONFIG_FILE: '/nonexistent/cafscan-test', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cafscan-test' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { out, status, stderr, results: () => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults, inventory: () => readFileSync(join(out, 'inventory.json'), 'utf8') };
  };
  const scan = (extra: string[]) => cafscan(['scan', '--aggregator', AGGREGATOR, '--region', 'us-east-1', '--all-resources', '--output-dir', '<out>', '--format', 'none', '--accounts', selected.join(','), ...extra]);

  beforeAll(async () => {
    ensureBuiltDist();
    moto = await startMoto();
    org = await seedOrganization(moto);
    // acct00's own AWS Config recorder records everything: the proxy sees what it is asked for.
    await startRecorder(moto, id('acct00'));
    selected = [MOTO_ACCOUNT, id('acct00'), id('acct01'), id('acct02'), id('acct03'), id('acct06'), id('acct07')].sort();
    const rows = [...[id('acct00'), id('acct03')].map(bucketRow), roleRow(id('acct00'))];
    const aggregator = { ConfigurationAggregatorName: AGGREGATOR, ConfigurationAggregatorArn: `arn:aws:config:us-east-1:${MOTO_ACCOUNT}:config-aggregator/config-aggregator-abcd1234`, OrganizationAggregationSource: { RoleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/config-aggregator`, AwsRegions: ['us-east-1'], AllAwsRegions: false }, CreationTime: 1.7e9, LastUpdatedTime: 1.7e9 };
    const missing = org.roleMissing.map((a) => encodeURIComponent(`arn:aws:iam::${a}:role/${ROLE}`));
    const json = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
    proxy = await startMotoProxy(moto, (req) => {
      if (req.target === 'StarlingDoveService.DescribeConfigurationAggregators') return json({ ConfigurationAggregators: [aggregator] });
      if (req.target === 'StarlingDoveService.SelectAggregateResourceConfig') {
        const type = /resourceType = '([^']+)'/.exec(String((JSON.parse(req.body) as { Expression: string }).Expression))?.[1];
        return json({ Results: rows.filter((r) => r.resourceType === type).map((r) => JSON.stringify(r)), QueryInfo: { SelectFields: [{ Name: 'resourceId' }] } });
      }
      if (req.target === 'StarlingDoveService.ListDiscoveredResources') {
        // Only acct00 has a recorder; the session's account is in moto's access key.
        asked.push((JSON.parse(req.body) as { resourceType: string }).resourceType);
      }
      if (new URLSearchParams(req.body).get('Action') === 'AssumeRole' && missing.some((arn) => req.body.includes(arn))) {
        return { status: 403, headers: { 'content-type': 'text/xml' }, body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized</Message></Error><RequestId>proxy</RequestId></ErrorResponse>' };
      }
      return undefined;
    });
    // moto answers an account's first GenerateCredentialReport "STARTED" and later ones "COMPLETE"
    // (AWS does the same once a report exists): one scan first, so that every run compared below
    // makes the same calls in each account.
    const warmUp = await scan(['--org-role-name', ROLE, '--account-concurrency', '1']);
    expect(warmUp.status, warmUp.stderr).toBe(0);
    combined = await scan(['--org-role-name', ROLE]);
    aggregatorOnly = await scan([]);
  }, 600_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  const findingsOf = (run: Run, control: string, accountId: string): Finding[] => run.results().findings.filter((f) => f.controlId === control && f.resource.accountId === accountId);

  it('lists the aggregator\'s accounts after the filters: entered ones scanned, the others failed with why', () => {
    expect(combined.status, combined.stderr).toBe(0);
    const organization = combined.results().scan.organization!;
    expect(organization.aggregator).toBe(AGGREGATOR);
    expect(organization.accounts.map((a) => a.accountId)).toEqual(selected);
    const status = Object.fromEntries(organization.accounts.map((a) => [a.accountId, a.reason ?? a.status]));
    expect(status[id('acct03')]).toMatch(new RegExp(`^cannot enter account ${id('acct03')}: sts:AssumeRole on arn:aws:iam::${id('acct03')}:role/${ROLE} was denied`));
    expect(status[id('acct06')]).toBe(`account ${id('acct06')} is SUSPENDED`);
    for (const name of ['acct00', 'acct01', 'acct02', 'acct07']) expect(status[id(name)]).toBe('scanned');
    expect(status[MOTO_ACCOUNT]).toBe('scanned');
    expect(combined.results().scan.sources).toEqual([`aggregator:${AGGREGATOR}`, 'live']);
  });

  it('gives verdicts on per-account-only controls that are not_evaluated from the aggregator alone', () => {
    expect(aggregatorOnly.status, aggregatorOnly.stderr).toBe(0);
    // Security Hub is an account fact: Config does not record it.
    const alone = findingsOf(aggregatorOnly, 'CAFAI-SA-92', id('acct00'));
    expect(alone.length).toBeGreaterThan(0);
    expect(alone.every((f) => f.status === 'not_evaluated' && (f.reason ?? '').includes(NOT_RECORDED_REASON))).toBe(true);
    const withRole = findingsOf(combined, 'CAFAI-SA-92', id('acct00'));
    expect(withRole.length).toBeGreaterThan(0);
    expect(withRole.every((f) => f.status === 'fail')).toBe(true);
    // Notebook instances: the aggregator held none, the account's own collection found both.
    const notebooks = findingsOf(combined, 'CAFAI-IP-01', id('acct01')).map((f) => `${f.status} ${f.resource.arn.split('/').pop()}`).sort();
    expect(notebooks).toEqual(['fail nb-open', 'pass nb-closed']);
    expect(findingsOf(aggregatorOnly, 'CAFAI-IP-01', id('acct01')).every((f) => f.status === 'not_evaluated')).toBe(true);
  });

  it('keeps the aggregator\'s verdicts for an account it could not enter, and says why for the rest', () => {
    const bucketArn = `arn:aws:s3:::agg-${id('acct03')}`;
    const onBucket = combined.results().findings.filter((f) => f.resource.arn === bucketArn);
    expect(onBucket.some((f) => f.status === 'pass' || f.status === 'fail')).toBe(true);
    // The same verdicts as the aggregator alone gives that bucket.
    const verdicts = (fs: Finding[]) => fs.map((f) => `${f.controlId} ${f.status}`).sort();
    expect(verdicts(onBucket)).toEqual(verdicts(aggregatorOnly.results().findings.filter((f) => f.resource.arn === bucketArn)));
    const hub = findingsOf(combined, 'CAFAI-SA-92', id('acct03'));
    expect(hub.length).toBeGreaterThan(0);
    expect(hub.every((f) => f.status === 'not_evaluated' && (f.reason ?? '').includes(`cannot enter account ${id('acct03')}`))).toBe(true);
    expect(combined.stderr).toContain(`cannot enter account ${id('acct03')}`);
  });

  it('collects no type twice: what the aggregator delivered is not asked of the account\'s own Config, nor listed by the services', () => {
    const inventory = JSON.parse(combined.inventory()) as { resources: Array<{ type: string; arn: string; accountId: string }>; coverage: Array<{ accountId: string; region: string; resourceType: string; status: string }> };
    const buckets = inventory.resources.filter((r) => r.type === 'AWS::S3::Bucket' && r.accountId === id('acct00')).map((r) => r.arn);
    // The aggregator's bucket only: the account's own buckets (good-/bad-) were not collected again.
    expect(buckets).toEqual([`arn:aws:s3:::agg-${id('acct00')}`]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).not.toContain('AWS::S3::Bucket');
    expect(asked).toContain('AWS::KMS::Key');
    // One coverage entry per place and type, complete where either source collected it.
    const keys = inventory.coverage.map((c) => `${c.accountId}|${c.region}|${c.resourceType}`);
    expect(new Set(keys).size).toBe(keys.length);
    const at = (accountId: string, type: string) => inventory.coverage.find((c) => c.accountId === accountId && c.region === 'us-east-1' && c.resourceType === type)?.status;
    expect(at(id('acct00'), 'AWS::S3::Bucket')).toBe('complete');
    expect(at(id('acct01'), 'AWS::SageMaker::NotebookInstance')).toBe('complete');
  });

  it('adds the account\'s IAM last-accessed data to the roles the aggregator delivered', () => {
    type Resource = { arn: string; supplementaryConfiguration: Record<string, unknown>; collectionErrors?: Record<string, string> };
    const role = (run: Run) => (JSON.parse(run.inventory()) as { resources: Resource[] }).resources.find((r) => r.arn === `arn:aws:iam::${id('acct00')}:role/ml-exec-admin`)!;
    const lastAccessed = (r: Resource) => 'ServiceLastAccessed' in r.supplementaryConfiguration || r.collectionErrors?.ServiceLastAccessed !== undefined;
    expect(lastAccessed(role(combined))).toBe(true);
    expect(lastAccessed(role(aggregatorOnly))).toBe(false);
    expect(asked).not.toContain('AWS::IAM::Role');
  });

  it('counts only member accounts\' collection calls in scan.collection, each failure with its account', () => {
    const { collection } = combined.results().scan;
    expect(collection!.apiCalls).toBeGreaterThan(0);
    expect(collection!.failedCalls.every((f) => f.accountId && selected.includes(f.accountId))).toBe(true);
    expect(collection!.failedCalls.some((f) => f.action.startsWith('config:') && f.action.includes('Aggregate'))).toBe(false);
    expect(aggregatorOnly.results().scan.collection).toEqual({ apiCalls: 0, failedCalls: [] });
  });

  it('selects accounts with --exclude-accounts and --shard exactly as --org does, and the merged shards equal the single run', async () => {
    const excluded = await scan(['--org-role-name', ROLE, '--exclude-accounts', id('acct07'), '--account-concurrency', '1']);
    expect(excluded.status, excluded.stderr).toBe(0);
    expect(excluded.results().scan.organization!.accounts.map((a) => a.accountId)).toEqual(selected.filter((a) => a !== id('acct07')));

    const shards = [await scan(['--org-role-name', ROLE, '--shard', '1/2']), await scan(['--org-role-name', ROLE, '--shard', '2/2'])];
    shards.forEach((shard, i) => {
      expect(shard.status, shard.stderr).toBe(0);
      expect(shard.results().scan.organization!.shard).toEqual({ index: i + 1, count: 2 });
      expect(shard.results().scan.organization!.accounts.map((a) => a.accountId)).toEqual(selected.filter((a) => inShard(a, { index: i + 1, count: 2 })));
    });
    const calls = shards.reduce((n, s) => n + s.results().scan.collection!.apiCalls, 0);
    expect(calls).toBe(combined.results().scan.collection!.apiCalls);

    const merged = await cafscan(['merge', join(shards[0]!.out, 'results.json'), join(shards[1]!.out, 'results.json'), '--output-dir', '<out>', '--format', 'none']);
    expect(merged.status, merged.stderr).toBe(0);
    const comparable = (run: Run) => {
      const results = run.results();
      return JSON.stringify({ ...results, scan: { ...results.scan, startedAt: null, finishedAt: null } });
    };
    expect(comparable(merged)).toBe(comparable(combined));
    // Equal as JSON: the order of the facts' keys on an account resource follows which of the
    // account's collectors finished first, which no two runs need share.
    expect(JSON.parse(merged.inventory())).toEqual(JSON.parse(combined.inventory()));
  }, 400_000);

  it('keeps only the accounts under --ou (and its child OUs), resolved through Organizations, as --org does', async () => {
    const run = await scan(['--ou', org.mlOu]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.results().scan.organization!.accounts.map((a) => a.accountId)).toEqual(['acct00', 'acct01', 'acct03', 'acct06'].map(id).sort());
  }, 120_000);

  it('refuses what does not go with --aggregator (exit 2, one line)', async () => {
    for (const [args, message] of [
      [['--org'], /--org and --aggregator do not go together/],
      [['--account-concurrency', '2'], /--account-concurrency needs --org, or --aggregator with --org-role-name/],
      [['--org-role-name', ROLE, '--role-arn', `arn:aws:iam::${MOTO_ACCOUNT}:role/x`], /do not go together/],
      [['--shard', '3/2'], /--shard must be <i>\/<n>/],
    ] as const) {
      const run = await scan([...args]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    }
  }, 120_000);
});

/** Test-only writes: a recording AWS Config recorder in a member account, through its own credentials. */
async function startRecorder(moto: Moto, accountId: string): Promise<void> {
  const sts = new STSClient(moto.clientConfig());
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/seeder`, RoleSessionName: 'seed' }))).Credentials!;
  sts.destroy();
  const config = new ConfigServiceClient({ ...moto.clientConfig(), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } });
  await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${accountId}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }));
  await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'cfg-bucket' } }));
  await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  config.destroy();
}
