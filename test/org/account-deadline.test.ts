import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOrganization } from '../../src/org/collect-organization.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { collectorHangingIn } from '../helpers/hanging-collector.js';
import { MOTO_ACCOUNT, motoEnv, startMoto, type Moto } from '../helpers/moto.js';

describe('per-account deadline and the caller’s own account (collectOrganization against moto)', () => {
  let moto: Moto;
  let member: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    Object.assign(process.env, motoEnv(moto));
    const org = new OrganizationsClient(moto.clientConfig());
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    member = (await org.send(new CreateAccountCommand({ AccountName: 'slow', Email: 'slow@example.com' }))).CreateAccountStatus!.AccountId!;
    org.destroy();
  });
  afterAll(async () => {
    process.env = saved;
    await moto?.stop();
  });

  it('an account past --account-timeout is failed with that reason and nothing collected from it is kept; the others are unaffected', async () => {
    const { resources, organization } = await collectOrganization({ roleName: 'cafscan-audit', regions: ['us-east-1'], endpoint: moto.endpoint, collectors: [collectorHangingIn(member)], accountTimeoutMs: 1500 });
    try {
      const reason = `account ${member} did not finish within 2 s (--account-timeout)`;
      expect(organization.accounts).toEqual(
        [
          { accountId: MOTO_ACCOUNT, name: 'master', status: 'scanned' },
          { accountId: member, name: 'slow', status: 'failed', reason },
        ].sort((a, b) => a.accountId.localeCompare(b.accountId)),
      );
      const all: InventoryResource[] = [];
      for await (const r of resources.resources()) all.push(r);
      // The slow account emitted its thing before hanging: it is not kept.
      expect(all.filter((r) => r.type === 'Test::Slow::Thing').map((r) => r.accountId)).toEqual([MOTO_ACCOUNT]);
      expect(resources.header.coverage.filter((c) => c.resourceType === 'Test::Slow::Thing')).toEqual([
        { accountId: MOTO_ACCOUNT, region: 'us-east-1', resourceType: 'Test::Slow::Thing', status: 'complete' },
        { accountId: member, region: 'us-east-1', resourceType: 'Test::Slow::Thing', status: 'failed', reason },
      ].sort((a, b) => a.accountId.localeCompare(b.accountId)));
      const account = all.find((r) => r.type === 'AWS::::Account' && r.accountId === member);
      expect((account?.configuration.factErrors as Record<string, string>).guardDuty).toBe(reason);
    } finally {
      await resources.close();
    }
  });

  it('a --shard picks the accounts by their id alone and is reported', async () => {
    const { organization, resources } = await collectOrganization({ roleName: 'cafscan-audit', regions: ['us-east-1'], endpoint: moto.endpoint, collectors: [], shard: { index: 1, count: 1 }, accounts: [member] });
    await resources.close();
    expect(organization.shard).toEqual({ index: 1, count: 1 });
    expect(organization.accounts.map((a) => a.accountId)).toEqual([member]);
  });
});
