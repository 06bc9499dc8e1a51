import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryResource } from '../../src/model/inventory.js';
import { collectAggregatorWithMembers } from '../../src/org/aggregator-members.js';
import { repoRoot } from '../helpers/cli.js';
import { recordedSelectRows } from '../helpers/fake-aggregator.js';
import { collectorHangingIn } from '../helpers/hanging-collector.js';
import { MOTO_ACCOUNT, motoEnv, startMoto, type Moto } from '../helpers/moto.js';
import { startMotoProxy } from '../helpers/moto-proxy.js';

/**
 * In process, against moto (Organizations, AssumeRole) behind a proxy that answers the aggregator
 * calls as AWS does (moto's own answer only from the caller's data), with a recorded real AWS
 * Config S3 bucket item placed in the member account.
 */
describe('--aggregator with --org-role-name: an account past its deadline (collectAggregatorWithMembers)', () => {
  let moto: Moto;
  let proxy: Moto;
  let member: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    Object.assign(process.env, motoEnv(moto), { AWS_REGION: 'us-east-1' });
    const org = new OrganizationsClient(moto.clientConfig());
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    member = (await org.send(new CreateAccountCommand({ AccountName: 'slow', Email: 'slow@example.com' }))).CreateAccountStatus!.AccountId!;
    org.destroy();
    const bucket = { ...recordedSelectRows(repoRoot, ['AWS::S3::Bucket'])[0]!, resourceId: 'agg-bucket', resourceName: 'agg-bucket', arn: 'arn:aws:s3:::agg-bucket', accountId: member, awsRegion: 'us-east-1', configurationItemStatus: 'OK' };
    const aggregator = { ConfigurationAggregatorName: 'agg', ConfigurationAggregatorArn: `arn:aws:config:us-east-1:${MOTO_ACCOUNT}:config-aggregator/config-aggregator-abcd1234`, AccountAggregationSources: [{ AccountIds: [MOTO_ACCOUNT, member], AwsRegions: ['us-east-1'], AllAwsRegions: false }] };
    const json = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
    proxy = await startMotoProxy(moto, (req) => {
      if (req.target === 'StarlingDoveService.DescribeConfigurationAggregators') return json({ ConfigurationAggregators: [aggregator] });
      if (req.target === 'StarlingDoveService.SelectAggregateResourceConfig') {
        const wantsBuckets = String((JSON.parse(req.body) as { Expression: string }).Expression).includes("'AWS::S3::Bucket'");
        return json({ Results: wantsBuckets ? [JSON.stringify(bucket)] : [], QueryInfo: { SelectFields: [{ Name: 'resourceId' }] } });
      }
      return undefined;
    });
  });
  afterAll(async () => {
    process.env = saved;
    await proxy?.stop();
    await moto?.stop();
  });

  it('is failed with that reason: what the aggregator delivered for it stays and is untouched, nothing it collected is kept, the rest is unknown with the reason', async () => {
    const { resources, organization, collection } = await collectAggregatorWithMembers(
      { name: 'agg', endpoint: proxy.endpoint, maxAttempts: 1 },
      { roleName: 'cafscan-audit', regions: ['us-east-1'], endpoint: proxy.endpoint, collectors: [collectorHangingIn(member)], accountTimeoutMs: 1500 },
    );
    try {
      const reason = `account ${member} did not finish within 2 s (--account-timeout)`;
      expect(organization.aggregator).toBe('agg');
      expect(organization.accounts).toEqual(
        [
          { accountId: MOTO_ACCOUNT, name: null, status: 'scanned' },
          { accountId: member, name: null, status: 'failed', reason },
        ].sort((a, b) => a.accountId.localeCompare(b.accountId)),
      );
      const all: InventoryResource[] = [];
      for await (const r of resources.resources()) all.push(r);
      expect(all.filter((r) => r.type === 'Test::Slow::Thing').map((r) => r.accountId)).toEqual([MOTO_ACCOUNT]);
      const bucket = all.find((r) => r.arn === 'arn:aws:s3:::agg-bucket');
      expect(bucket?.accountId).toBe(member);
      expect(bucket?.collectionErrors).toBeUndefined();
      const at = (type: string) => resources.header.coverage.find((c) => c.accountId === member && c.region === 'us-east-1' && c.resourceType === type);
      expect(at('AWS::S3::Bucket')?.status).toBe('complete');
      expect(at('Test::Slow::Thing')).toEqual({ accountId: member, region: 'us-east-1', resourceType: 'Test::Slow::Thing', status: 'failed', reason });
      const account = all.find((r) => r.type === 'AWS::::Account' && r.accountId === member);
      expect((account?.configuration.factErrors as Record<string, string>).guardDuty).toBe(reason);
      // The member account's calls are counted (AssumeRole is not); the aggregator's reads never are.
      expect(collection.failedCalls).toEqual([]);
      expect(resources.header.sources).toEqual(['aggregator:agg', 'live']);
    } finally {
      await resources.close();
    }
  });
});
