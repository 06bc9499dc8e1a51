import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { Inventory, InventoryResource } from '../../src/model/inventory.js';
import { AccountSink } from '../../src/org/account-sink.js';

function resource(accountId: string, type: string, name: string, capturedAt: string | null = null, arn = `arn:aws:svc:us-east-1:${accountId}:${name}`): InventoryResource {
  return { type, id: name, arn, name, accountId, region: 'us-east-1', capturedAt, configuration: { owner: accountId }, supplementaryConfiguration: {}, tags: {}, relationships: [] };
}

function account(accountId: string, extra: InventoryResource[] = []): Inventory {
  return buildInventory(
    [{ source: 'live', resources: [resource(accountId, 'AWS::S3::Bucket', `b-${accountId}`), resource(accountId, 'AWS::IAM::Role', `r-${accountId}`), ...extra], coverage: [{ accountId, region: 'us-east-1', resourceType: 'AWS::S3::Bucket', status: 'complete' }] }],
    [{ accountId, region: 'us-east-1' }, { accountId, region: 'eu-west-1' }],
  );
}

async function drain(inventories: Inventory[], spillAboveResources?: number) {
  const sink = new AccountSink(spillAboveResources === undefined ? {} : { spillAboveResources });
  for (const inventory of inventories) sink.add(inventory);
  const set = sink.finish(['live']);
  const resources: InventoryResource[] = [];
  for await (const r of set.resources()) resources.push(r);
  await set.close();
  return { header: set.header, count: set.count, resources };
}

describe('AccountSink: accounts into one resource set as they finish', () => {
  const accounts = ['333333333333', '111111111111', '222222222222'].map((id) => account(id));

  it('comes out the same whatever order the accounts finished in, sorted by type then ARN', async () => {
    const one = await drain(accounts);
    const other = await drain([...accounts].reverse());
    expect(other).toEqual(one);
    expect(one.count).toBe(12);
    expect(one.header.accounts).toEqual(['111111111111', '222222222222', '333333333333']);
    expect(one.header.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(one.header.coverage.map((c) => c.accountId)).toEqual(['111111111111', '222222222222', '333333333333']);
    const keys = one.resources.map((r) => `${r.type} ${r.arn}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('writes the same set when the bodies go to a temp file (a large organisation)', async () => {
    expect(await drain(accounts, 2)).toEqual(await drain(accounts));
  });

  it('an ARN two accounts hold goes to the newer capture, then to the lower account id — never to whichever finished first', async () => {
    const shared = (id: string, at: string | null) => account(id, [resource(id, 'AWS::S3::Bucket', 'same', at, 'arn:aws:s3:::same')]);
    for (const order of [[0, 1], [1, 0]]) {
      const tie = [shared('222222222222', null), shared('111111111111', null)];
      const { resources } = await drain(order.map((i) => tie[i]!));
      expect(resources.find((r) => r.arn === 'arn:aws:s3:::same')?.accountId).toBe('111111111111');
      const dated = [shared('222222222222', '2026-01-02T00:00:00Z'), shared('111111111111', '2026-01-01T00:00:00Z')];
      const newer = await drain(order.map((i) => dated[i]!));
      expect(newer.resources.find((r) => r.arn === 'arn:aws:s3:::same')?.accountId).toBe('222222222222');
    }
  });
});
