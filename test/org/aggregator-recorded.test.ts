import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyBundle } from '../../src/controls/catalog.js';
import { CONFIG_SOURCED_TYPES } from '../../src/collect/services/config.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { NOT_RECORDED_REASON } from '../../src/org/aggregator-coverage.js';
import { aggregatorInventory } from '../../src/org/aggregator-source.js';
import { readAggregator } from '../../src/org/aggregator.js';
import type { Finding } from '../../src/model/finding.js';
import type { Inventory } from '../../src/model/inventory.js';
import { fakeAggregatorEndpoint, recordedSelectRows, type AggregatorAnswer, type FakeAggregatorEndpoint } from '../helpers/fake-aggregator.js';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';

const CALLER = '000011112222';
const DEMO = '123456789012'; // the demo account's snapshot
const CUSTODIAN = '644160558196'; // cloud-custodian's recorded S3 items
const RDK = '264683526309'; // the Config RDK's example IAM items
const EMPTY = '999988887777'; // an active account the aggregator holds nothing of
const SUSPENDED = '555566667777';

const ROWS = recordedSelectRows(repoRoot, CONFIG_SOURCED_TYPES);
/** A bucket Config recorded as deleted: a row, never a resource. */
const DELETED: Record<string, unknown> = { ...ROWS.find((r) => r.accountId === CUSTODIAN && r.resourceType === 'AWS::S3::Bucket')!, resourceId: 'gone-bucket', resourceName: 'gone-bucket', arn: 'arn:aws:s3:::gone-bucket', configurationItemStatus: 'ResourceDeleted' };

const ORG_AGGREGATOR = { ConfigurationAggregatorName: 'org-agg', ConfigurationAggregatorArn: `arn:aws:config:us-east-1:${CALLER}:config-aggregator/config-aggregator-abcd1234`, OrganizationAggregationSource: { RoleArn: `arn:aws:iam::${CALLER}:role/config-aggregator`, AllAwsRegions: true }, CreationTime: 1.7e9, LastUpdatedTime: 1.7e9 };
const ACCOUNT_PAGES: Record<string, unknown> = {
  '': { Accounts: [account(DEMO, 'ml-prod'), account(CUSTODIAN, 'data-lake'), account(RDK, 'identity')], NextToken: 'accounts-2' },
  'accounts-2': { Accounts: [account(EMPTY, 'sandbox'), account(SUSPENDED, 'retired', 'SUSPENDED')] },
};

function account(id: string, name: string, status = 'ACTIVE') {
  return { Id: id, Arn: `arn:aws:organizations::${CALLER}:account/o-exampleorgid/${id}`, Email: `${name}@example.com`, Name: name, Status: status, JoinedMethod: 'CREATED', JoinedTimestamp: 1.6e9 };
}

/** SelectAggregateResourceConfig over the recorded rows: the expression's type (and regions), three rows a page. */
function select(body: Record<string, unknown>, rows = [...ROWS, DELETED]): AggregatorAnswer {
  const expression = String(body.Expression);
  const type = /resourceType = '([^']+)'/.exec(expression)?.[1];
  const regions = /awsRegion IN \(([^)]*)\)/.exec(expression)?.[1]?.split(',').map((r) => r.trim().replace(/'/g, ''));
  const matching = rows.filter((r) => r.resourceType === type && (!regions || regions.includes(String(r.awsRegion))));
  const start = Number(body.NextToken ?? 0);
  const page = matching.slice(start, start + 3);
  return { body: { Results: page.map((r) => JSON.stringify(r)), QueryInfo: { SelectFields: [{ Name: 'resourceId' }] }, ...(start + 3 < matching.length ? { NextToken: String(start + 3) } : {}) } };
}

/** The organisation aggregator over every recorded row: its description, both account pages, Select. */
function recordedOrganization(operation: string, body: Record<string, unknown>): AggregatorAnswer | undefined {
  if (operation === 'DescribeConfigurationAggregators') return { body: { ConfigurationAggregators: [ORG_AGGREGATOR] } };
  if (operation === 'ListAccounts') return { body: ACCOUNT_PAGES[String(body.NextToken ?? '')] };
  if (operation === 'SelectAggregateResourceConfig') return select(body);
  return undefined;
}

async function evaluate(inventory: Inventory): Promise<Finding[]> {
  return makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-12-01T00:00:00Z'), allResources: true }), inventory.coverage);
}

const saved = { ...process.env };
function useEndpoint(server: FakeAggregatorEndpoint): void {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: server.endpoint, AWS_EC2_METADATA_DISABLED: 'true' });
  delete process.env.AWS_PROFILE;
}
afterEach(() => {
  process.env = { ...saved };
});

describe('Config aggregator source: SelectAggregateResourceConfig (recorded real-shaped responses built from real Config items)', () => {
  let server: FakeAggregatorEndpoint;
  let findings: Finding[];
  let inventory: Inventory;
  let read: Awaited<ReturnType<typeof readAggregator>>;
  beforeAll(async () => {
    server = await fakeAggregatorEndpoint(CALLER, recordedOrganization);
    useEndpoint(server);
    read = await readAggregator({ name: 'org-agg', maxAttempts: 1 });
    inventory = aggregatorInventory(read).inventory;
    findings = await evaluate(inventory);
  }, 120_000);
  afterAll(async () => server?.close());

  it('reads one query per Config-sourced type, page by page (Limit 100, NextToken), and makes no other call', () => {
    expect(server.unknown).toEqual([]);
    expect(read.via).toBe('select');
    const selects = server.calls.filter((c) => c.operation === 'SelectAggregateResourceConfig');
    expect(selects.every((c) => c.body.Limit === 100 && c.body.ConfigurationAggregatorName === 'org-agg')).toBe(true);
    expect(new Set(selects.map((c) => /resourceType = '([^']+)'/.exec(String(c.body.Expression))?.[1]))).toEqual(new Set(CONFIG_SOURCED_TYPES));
    // The recorded roles span pages: every row of every page arrived.
    const roles = ROWS.filter((r) => r.resourceType === 'AWS::IAM::Role');
    expect(roles.length).toBeGreaterThan(3);
    expect(selects.filter((c) => String(c.body.Expression).includes("'AWS::IAM::Role'")).map((c) => c.body.NextToken ?? null)).toEqual([null, ...Array.from({ length: Math.ceil(roles.length / 3) - 1 }, (_, i) => String((i + 1) * 3))]);
    expect(inventory.resources.filter((r) => r.type === 'AWS::IAM::Role')).toHaveLength(new Set(roles.map((r) => r.arn)).size);
    expect(server.calls.filter((c) => c.operation === 'ListAccounts').map((c) => c.body.NextToken ?? null)).toEqual([null, 'accounts-2']);
  });

  it('keeps each account\'s items in its account and region, decodes configuration sent as JSON text, and drops deleted items', () => {
    const role = inventory.resources.find((r) => r.type === 'AWS::IAM::Role' && r.accountId === RDK)!;
    expect(role.region).toBe('global');
    expect(typeof role.configuration).toBe('object');
    expect(role.configuration.assumeRolePolicyDocument).toMatchObject({ Statement: expect.any(Array) });
    const bucket = inventory.resources.find((r) => r.type === 'AWS::S3::Bucket' && r.accountId === DEMO)!;
    expect(bucket.tags).not.toBeNull();
    expect(inventory.resources.some((r) => r.id === 'gone-bucket')).toBe(false);
    expect(inventory.accounts).toEqual([DEMO, SUSPENDED, CUSTODIAN, RDK, EMPTY].sort());
  });

  it('lists every account of the organisation, the suspended one as failed with why', () => {
    expect(read.placed.accounts).toEqual([
      { accountId: DEMO, name: 'ml-prod', status: 'scanned' },
      { accountId: RDK, name: 'identity', status: 'scanned' },
      { accountId: SUSPENDED, name: 'retired', status: 'failed', reason: `account ${SUSPENDED} is SUSPENDED` },
      { accountId: CUSTODIAN, name: 'data-lake', status: 'scanned' },
      { accountId: EMPTY, name: 'sandbox', status: 'scanned' },
    ]);
  });

  it('claims a type complete only where the aggregator holds items of it; elsewhere it is unknown, with why', () => {
    const at = (accountId: string, region: string, type: string) => inventory.coverage.find((c) => c.accountId === accountId && c.region === region && c.resourceType === type);
    expect(at(DEMO, 'us-east-1', 'AWS::S3::Bucket')).toEqual({ accountId: DEMO, region: 'us-east-1', resourceType: 'AWS::S3::Bucket', status: 'complete' });
    expect(at(RDK, 'global', 'AWS::IAM::Role')?.status).toBe('complete');
    expect(at(EMPTY, 'us-east-1', 'AWS::KMS::Key')).toMatchObject({ status: 'failed', reason: expect.stringContaining(`holds no AWS::KMS::Key item for ${EMPTY} in us-east-1`) });
    expect(at(DEMO, 'us-east-1', 'AWS::SageMaker::TrainingJob')).toMatchObject({ status: 'failed', reason: NOT_RECORDED_REASON });
    expect(at(SUSPENDED, 'us-east-1', 'AWS::S3::Bucket')).toMatchObject({ status: 'failed', reason: `account ${SUSPENDED} is SUSPENDED` });
    // The seam for per-account collection: what each account need not collect itself.
    expect(read.placed.delivered.get(DEMO)).toEqual(expect.arrayContaining([{ resourceType: 'AWS::S3::Bucket', region: 'us-east-1' }, { resourceType: 'AWS::IAM::Role', region: 'global' }]));
    expect(read.placed.delivered.get(EMPTY)).toEqual([]);
    expect(read.placed.delivered.has(SUSPENDED)).toBe(false);
  });

  it('judges the aggregated resources: failures and passes on Config data', () => {
    const dp01 = findings.filter((f) => f.controlId === 'CAFAI-DP-01' && f.resource.accountId === DEMO);
    expect(dp01.map((f) => f.status)).toEqual(expect.arrayContaining(['pass', 'fail']));
    // cloud-custodian's buckets carry no encryption setting in their items: unknown, not a pass.
    expect(findings.filter((f) => f.controlId === 'CAFAI-DP-01' && f.resource.accountId === CUSTODIAN).every((f) => f.status !== 'pass')).toBe(true);
    expect(findings.some((f) => f.controlId === 'CAFAI-TD-02' && f.resource.accountId === DEMO && f.resource.region === 'us-east-1' && f.status !== 'not_evaluated')).toBe(true);
  });

  it('leaves what Config does not record not_evaluated with the reason, and never passes anything in an account it holds nothing of', () => {
    const securityHub = findings.find((f) => f.controlId === 'CAFAI-SA-92' && f.resource.accountId === DEMO && f.resource.region === 'us-east-1')!;
    expect(securityHub.status).toBe('not_evaluated');
    expect(securityHub.reason).toContain(NOT_RECORDED_REASON);
    const guardDuty = findings.find((f) => f.controlId === 'CAFAI-TD-02' && f.resource.accountId === EMPTY && f.resource.region === 'us-east-1')!;
    expect(guardDuty.status).toBe('not_evaluated');
    expect(guardDuty.reason).toContain('holds no AWS::GuardDuty::Detector item');
    for (const id of [EMPTY, SUSPENDED]) {
      const here = findings.filter((f) => f.resource.accountId === id);
      expect(here.length).toBeGreaterThan(0);
      expect(here.filter((f) => f.status !== 'not_evaluated')).toEqual([]);
    }
    expect(findings.filter((f) => f.resource.accountId === SUSPENDED).every((f) => f.reason?.includes('is SUSPENDED'))).toBe(true);
  });
});

describe('Config aggregator source: Select with --region (recorded real-shaped responses)', () => {
  it('leaves out the accounts a filter (a shard, --exclude-accounts) does not include, entirely', async () => {
    const server = await fakeAggregatorEndpoint(CALLER, recordedOrganization);
    try {
      useEndpoint(server);
      const read = await readAggregator({ name: 'org-agg', maxAttempts: 1, includeAccount: (id) => id === RDK || id === SUSPENDED });
      expect(read.placed.accounts.map((a) => a.accountId)).toEqual([RDK, SUSPENDED]);
      const { inventory } = aggregatorInventory(read);
      expect(inventory.accounts).toEqual([RDK, SUSPENDED]);
      expect(new Set(inventory.coverage.map((c) => c.accountId))).toEqual(new Set([RDK, SUSPENDED]));
      expect([...read.placed.delivered.keys()]).toEqual([RDK]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('a row that is not a configuration item fails its type everywhere, and the rest of the scan goes on', async () => {
    const server = await fakeAggregatorEndpoint(CALLER, (operation, body) => {
      if (operation === 'DescribeConfigurationAggregators') return { body: { ConfigurationAggregators: [ORG_AGGREGATOR] } };
      if (operation === 'ListAccounts') return { body: { Accounts: [account(DEMO, 'ml-prod')] } };
      if (operation !== 'SelectAggregateResourceConfig') return undefined;
      const answer = select(body, ROWS.filter((r) => r.accountId === DEMO));
      const page = answer?.body as { Results: string[] };
      if (String(body.Expression).includes("'AWS::KMS::Key'") && body.NextToken === undefined) page.Results.push('{"resourceType": "AWS::KMS::Key", "configur');
      return answer;
    });
    try {
      useEndpoint(server);
      const { inventory } = aggregatorInventory(await readAggregator({ name: 'org-agg', maxAttempts: 1 }));
      const kms = inventory.coverage.filter((c) => c.resourceType === 'AWS::KMS::Key');
      expect(kms.length).toBeGreaterThan(0);
      for (const c of kms) expect(c).toMatchObject({ status: 'failed', reason: expect.stringMatching(/AWS Config aggregator org-agg: AWS::KMS::Key row \d+ is not a JSON object/) });
      expect(inventory.resources.some((r) => r.type === 'AWS::KMS::Key')).toBe(true);
      expect(inventory.coverage.find((c) => c.resourceType === 'AWS::S3::Bucket' && c.region === 'us-east-1')?.status).toBe('complete');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('asks only for the regions named and IAM\'s "global", and keeps the global items', async () => {
    const server = await fakeAggregatorEndpoint(CALLER, (operation, body) => {
      if (operation === 'DescribeConfigurationAggregators') return { body: { ConfigurationAggregators: [ORG_AGGREGATOR] } };
      if (operation === 'ListAccounts') return { body: { Accounts: [account(DEMO, 'ml-prod'), account(RDK, 'identity')] } };
      if (operation === 'SelectAggregateResourceConfig') return select(body);
      return undefined;
    });
    try {
      useEndpoint(server);
      const read = await readAggregator({ name: 'org-agg', maxAttempts: 1, regions: ['eu-west-1'] });
      const expressions = server.calls.filter((c) => c.operation === 'SelectAggregateResourceConfig').map((c) => String(c.body.Expression));
      expect(expressions.every((e) => e.endsWith("AND awsRegion IN ('eu-west-1', 'global')"))).toBe(true);
      const { inventory } = aggregatorInventory(read);
      expect(inventory.regions).toEqual(['eu-west-1']);
      expect(inventory.resources.filter((r) => r.type === 'AWS::IAM::Role' && r.accountId === RDK).length).toBeGreaterThan(0);
      expect(inventory.resources.filter((r) => r.type !== 'AWS::::Account' && r.region !== 'global').every((r) => r.region === 'eu-west-1')).toBe(true);
      expect(inventory.resources.some((r) => r.type === 'AWS::S3::Bucket' && r.accountId === DEMO && r.region === 'eu-west-1')).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('Config aggregator source: List + BatchGet fallback (recorded real-shaped responses)', () => {
  const ACCOUNT_AGGREGATOR = { ConfigurationAggregatorName: 'acct-agg', AccountAggregationSources: [{ AccountIds: [DEMO, CUSTODIAN], AwsRegions: ['us-east-1', 'eu-west-1'], AllAwsRegions: false }] };
  const keyOf = (r: Record<string, unknown>) => ({ SourceAccountId: r.accountId, SourceRegion: r.awsRegion, ResourceId: r.resourceId, ResourceType: r.resourceType, ResourceName: r.resourceName });
  /** BatchGet's item shape: configuration and supplementary values as JSON text, epoch seconds, no tags. */
  const batchItem = (r: Record<string, unknown>) => ({
    version: '1.3', accountId: r.accountId, configurationItemCaptureTime: Date.parse(String(r.configurationItemCaptureTime)) / 1000, configurationItemStatus: r.configurationItemStatus,
    arn: r.arn, resourceType: r.resourceType, resourceId: r.resourceId, resourceName: r.resourceName, awsRegion: r.awsRegion,
    configuration: typeof r.configuration === 'string' ? r.configuration : JSON.stringify(r.configuration),
    supplementaryConfiguration: Object.fromEntries(Object.entries((r.supplementaryConfiguration ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
  });

  it('reads every listed key, retries unprocessed keys, and fails a type where an item says it is not recorded', async () => {
    const rows = ROWS.filter((r) => r.accountId === DEMO || r.accountId === CUSTODIAN);
    const notRecorded: Record<string, unknown> = { ...rows.find((r) => r.resourceType === 'AWS::KMS::Key' && r.accountId === DEMO)!, resourceId: 'nr-key', arn: `arn:aws:kms:us-east-1:${DEMO}:key/nr-key`, configurationItemStatus: 'ResourceNotRecorded' };
    const all = [...rows, notRecorded];
    let firstBatch = true;
    const server = await fakeAggregatorEndpoint(CALLER, (operation, body) => {
      if (operation === 'DescribeConfigurationAggregators') return { body: { ConfigurationAggregators: [ACCOUNT_AGGREGATOR] } };
      if (operation === 'SelectAggregateResourceConfig') return { status: 400, type: 'UnknownOperationException', body: { message: 'no advanced queries here' } };
      if (operation === 'ListAggregateDiscoveredResources') {
        const matching = all.filter((r) => r.resourceType === body.ResourceType);
        const start = Number(body.NextToken ?? 0);
        return { body: { ResourceIdentifiers: matching.slice(start, start + 4).map(keyOf), ...(start + 4 < matching.length ? { NextToken: String(start + 4) } : {}) } };
      }
      if (operation === 'BatchGetAggregateResourceConfig') {
        const asked = body.ResourceIdentifiers as Array<Record<string, unknown>>;
        // Under load Config processes only part of a batch: the first time, the last key is left over.
        const left = firstBatch && asked.length > 1 ? asked.slice(-1) : [];
        firstBatch = false;
        const done = asked.slice(0, asked.length - left.length);
        return { body: { BaseConfigurationItems: done.map((k) => batchItem(all.find((r) => r.resourceId === k.ResourceId && r.accountId === k.SourceAccountId && r.resourceType === k.ResourceType)!)), UnprocessedResourceIdentifiers: left } };
      }
      return undefined;
    });
    try {
      useEndpoint(server);
      const read = await readAggregator({ name: 'acct-agg', maxAttempts: 1, regions: ['us-east-1'] });
      expect(server.unknown).toEqual([]);
      expect(read.via).toBe('batch-get');
      // One Select was tried; its failure switched to the fallback for every type.
      expect(server.calls.filter((c) => c.operation === 'SelectAggregateResourceConfig')).toHaveLength(1);
      const batches = server.calls.filter((c) => c.operation === 'BatchGetAggregateResourceConfig');
      const firstAsked = (batches[0]!.body.ResourceIdentifiers as unknown[]);
      expect(batches[1]!.body.ResourceIdentifiers).toEqual(firstAsked.slice(-1));
      const inventory = aggregatorInventory(read).inventory;
      const expected = rows.filter((r) => r.awsRegion === 'us-east-1' || r.awsRegion === 'global');
      const key = (type: unknown, id: unknown, accountId: unknown) => `${String(type)}|${String(id)}|${String(accountId)}`;
      expect(inventory.resources.filter((r) => r.type !== 'AWS::::Account').map((r) => key(r.type, r.id, r.accountId)).sort()).toEqual([...new Set(expected.map((r) => key(r.resourceType, r.resourceId, r.accountId)))].sort());
      // --region us-east-1: nothing from eu-west-1, and no account resource there.
      expect(inventory.resources.some((r) => r.region === 'eu-west-1')).toBe(false);
      const kms = inventory.coverage.find((c) => c.accountId === DEMO && c.region === 'us-east-1' && c.resourceType === 'AWS::KMS::Key');
      expect(kms).toMatchObject({ status: 'failed', reason: expect.stringContaining('does not record AWS::KMS::Key') });
      expect(inventory.resources.some((r) => r.id === 'nr-key')).toBe(false);
      // BatchGet items carry no tags: unknown, not "none".
      expect(inventory.resources.find((r) => r.type === 'AWS::S3::Bucket')?.tags).toBeNull();
      const findings = await evaluate(inventory);
      const rotation = findings.filter((f) => f.resource.type === 'AWS::KMS::Key' && f.resource.accountId === DEMO);
      expect(rotation.length).toBeGreaterThan(0);
      // Account-level controls on facts Config does not record: unknown with the reason, never a pass on a guess.
      for (const id of ['CAFAI-SA-92', 'CAFAI-IAM-90', 'CAFAI-SA-03', 'CAFAI-SG-90']) {
        const finding = findings.find((f) => f.controlId === id && f.resource.accountId === DEMO && f.resource.region === 'us-east-1');
        expect(finding, id).toMatchObject({ status: 'not_evaluated', reason: expect.stringContaining(NOT_RECORDED_REASON) });
      }
    } finally {
      await server.close();
    }
  }, 120_000);

  it('a listing that is denied fails its types everywhere with the call that was denied', async () => {
    const server = await fakeAggregatorEndpoint(CALLER, (operation) => {
      if (operation === 'DescribeConfigurationAggregators') return { body: { ConfigurationAggregators: [ACCOUNT_AGGREGATOR] } };
      if (operation === 'SelectAggregateResourceConfig' || operation === 'ListAggregateDiscoveredResources') return { status: 400, type: 'AccessDeniedException', body: { message: 'not authorized' } };
      return undefined;
    });
    try {
      useEndpoint(server);
      const read = await readAggregator({ name: 'acct-agg', maxAttempts: 1 });
      const inventory = aggregatorInventory(read).inventory;
      const bucket = inventory.coverage.find((c) => c.accountId === CUSTODIAN && c.region === 'eu-west-1' && c.resourceType === 'AWS::S3::Bucket');
      expect(bucket).toMatchObject({ status: 'failed', reason: 'config:ListAggregateDiscoveredResources was denied (AccessDeniedException)' });
      // Select's refusal only switched to the fallback (a warning, not a gap); the denied listing is the gap.
      expect(aggregatorInventory(read).aggregatorCalls.failedCalls.map((f) => f.action)).toEqual(['config:ListAggregateDiscoveredResources']);
      // The aggregator account's own reads are not member-account collection: scan.collection stays empty.
      expect(aggregatorInventory(read).collection).toEqual({ apiCalls: 0, failedCalls: [] });
      expect(read.warnings).toEqual([expect.stringContaining('SelectAggregateResourceConfig is not available (config:SelectAggregateResourceConfig was denied (AccessDeniedException))')]);
      const findings = await evaluate(inventory);
      expect(findings.filter((f) => f.status === 'pass')).toEqual([]);
      expect(findings.find((f) => f.controlId === 'CAFAI-TD-02' && f.resource.accountId === CUSTODIAN)?.reason).toContain('was denied (AccessDeniedException)');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('without the organisation\'s account list, an organisation aggregator covers the accounts in its data, and says so', async () => {
    const server = await fakeAggregatorEndpoint(CALLER, (operation, body) => {
      if (operation === 'DescribeConfigurationAggregators') return { body: { ConfigurationAggregators: [ORG_AGGREGATOR] } };
      if (operation === 'ListAccounts') return { status: 400, type: 'AccessDeniedException', body: { message: 'You don\'t have permissions to access this resource.' } };
      if (operation === 'SelectAggregateResourceConfig') return select(body, ROWS.filter((r) => r.accountId === RDK));
      return undefined;
    });
    try {
      useEndpoint(server);
      const read = await readAggregator({ name: 'org-agg', maxAttempts: 1 });
      expect(read.placed.accounts).toEqual([{ accountId: RDK, name: null, status: 'scanned' }]);
      expect(read.warnings).toEqual([expect.stringContaining('organizations:ListAccounts was denied (AccessDeniedException)')]);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('cafscan scan / collect --aggregator (recorded real-shaped responses)', () => {
  /** The real executable, asynchronously: the endpoint answering it runs in this process. */
  function cli(args: string[], endpoint: string): Promise<{ status: number | null; stderr: string }> {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: endpoint, AWS_EC2_METADATA_DISABLED: 'true', CI: 'true', AWS_CONFIG_FILE: '/nonexistent/cafscan-test', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cafscan-test' };
    return new Promise((resolve) => {
      execFile(process.execPath, [cafscanBin, ...args], { cwd: repoRoot, encoding: 'utf8', env }, (error, _stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }));
    });
  }

  it('scans the organisation, names the account it could not scan, and a collected inventory scans to the same verdicts', async () => {
    const server = await fakeAggregatorEndpoint(CALLER, recordedOrganization);
    try {
      const dir = tempDir();
      const scan = await cli(['scan', '--aggregator', 'org-agg', '--output-dir', join(dir, 'direct'), '--format', 'none'], server.endpoint);
      expect(scan.status).toBe(0);
      expect(scan.stderr).toBe(`cafscan: account ${SUSPENDED} is SUSPENDED; its controls are not_evaluated\n`);
      const collect = await cli(['collect', '--aggregator', 'org-agg', '--output', join(dir, 'inventory.json')], server.endpoint);
      expect(collect.status).toBe(0);
      const rescan = await cli(['scan', '--input', join(dir, 'inventory.json'), '--output-dir', join(dir, 'rescan'), '--format', 'none'], server.endpoint);
      expect(rescan.status).toBe(0);
      type Results = { scan: { sources: string[]; accounts: string[]; organization?: unknown }; findings: Array<{ controlId: string; status: string; reason?: string; resource: { arn: string } }> };
      const direct = JSON.parse(readFileSync(join(dir, 'direct', 'results.json'), 'utf8')) as Results;
      const again = JSON.parse(readFileSync(join(dir, 'rescan', 'results.json'), 'utf8')) as Results;
      expect(direct.scan.sources).toEqual(['aggregator:org-agg']);
      expect(direct.scan.organization).toEqual({
        managementAccountId: CALLER,
        aggregator: 'org-agg',
        accounts: [
          { accountId: DEMO, name: 'ml-prod', status: 'scanned' },
          { accountId: RDK, name: 'identity', status: 'scanned' },
          { accountId: SUSPENDED, name: 'retired', status: 'failed', reason: `account ${SUSPENDED} is SUSPENDED` },
          { accountId: CUSTODIAN, name: 'data-lake', status: 'scanned' },
          { accountId: EMPTY, name: 'sandbox', status: 'scanned' },
        ],
      });
      expect(direct.scan.accounts).toEqual([DEMO, RDK, SUSPENDED, CUSTODIAN, EMPTY]);
      const verdicts = (r: Results) => r.findings.map((f) => [f.controlId, f.resource.arn, f.status, f.reason ?? null]);
      expect(verdicts(again)).toEqual(verdicts(direct));
      expect(direct.findings.filter((f) => f.status === 'not_evaluated' && f.reason?.includes(NOT_RECORDED_REASON)).length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 180_000);
});
