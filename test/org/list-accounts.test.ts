import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import { ORGANIZATION_OPERATIONS } from '../../src/org/operations.js';
import { listOrganization } from '../../src/org/list-accounts.js';
import { fakeAws } from '../helpers/fake-aws.js';

const account = (id: string) => ({ Id: id, Name: `acct-${id}`, State: 'ACTIVE', Status: 'ACTIVE' });

/** An Organizations endpoint answering from recorded real-shaped pages (keyed by the request's NextToken). */
async function organizationWith(pages: Record<string, unknown>) {
  return fakeAws((req, _path, _query, body) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target.endsWith('.DescribeOrganization')) return { type: 'application/x-amz-json-1.1', body: { Organization: { Id: 'o-abc', MasterAccountId: '111111111111' } } };
    if (target.endsWith('.ListAccounts')) return { type: 'application/x-amz-json-1.1', body: pages[String((JSON.parse(body || '{}') as { NextToken?: string }).NextToken ?? '')] };
    return undefined;
  });
}

const factoryFor = (endpoint: string) =>
  new ClientFactory({ credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }), endpoint, maxAttempts: 1, requestTimeoutMs: 5000, log: new CallLog(), declaredOperations: new Set(ORGANIZATION_OPERATIONS) });

describe('listing the organisation (recorded real-shaped Organizations responses)', () => {
  it('reads every page and lists an account that moved between pages once', async () => {
    const server = await organizationWith({ '': { Accounts: [account('111111111111'), account('222222222222')], NextToken: 't2' }, t2: { Accounts: [account('222222222222'), account('333333333333')] } });
    const factory = factoryFor(server.endpoint);
    try {
      const listing = await listOrganization(factory, 'us-east-1');
      expect(listing.accounts.map((a) => a.accountId)).toEqual(['111111111111', '222222222222', '333333333333']);
    } finally {
      factory.destroy();
      await server.close();
    }
  });

  it('ends the scan when a page hands back a token it gave before, instead of reporting part of the organisation as the whole', async () => {
    const server = await organizationWith({ '': { Accounts: [account('111111111111')], NextToken: 't2' }, t2: { Accounts: [account('222222222222')], NextToken: 't2' } });
    const factory = factoryFor(server.endpoint);
    try {
      await expect(listOrganization(factory, 'us-east-1')).rejects.toThrow(/ListAccounts returned the same NextToken twice/);
    } finally {
      factory.destroy();
      await server.close();
    }
  });
});
