import { describe, expect, it } from 'vitest';
import { loadCatalog, loadPolicyBundle } from '../../src/controls/catalog.js';
import { selectedCatalog } from '../../src/controls/select.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import type { Inventory, InventoryResource } from '../../src/model/inventory.js';

const ACCOUNT = '123456789012';
const bucket = {
  type: 'AWS::S3::Bucket', id: 'training-data', name: 'training-data', accountId: ACCOUNT, region: 'us-east-1', capturedAt: null,
  arn: 'arn:aws:s3:::training-data', configuration: { name: 'training-data' }, supplementaryConfiguration: {}, tags: {}, relationships: [],
} as unknown as InventoryResource;
const inventory: Inventory = { kind: 'cafscan-inventory', schemaVersion: '1', sources: ['test'], accounts: [ACCOUNT], regions: ['us-east-1'], coverage: [], resources: [bucket] };

describe('a selected catalog in the engine', () => {
  it('evaluates only the selected controls (the routing in the data document), not all of them filtered afterwards', async () => {
    const all = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z'), allResources: true });
    const allIds = all.flatMap((r) => r.outcomes.map((o) => o.controlId));
    expect(allIds.length).toBeGreaterThan(1);
    expect(allIds).toContain('CAFAI-DP-01');

    const catalog = selectedCatalog(loadCatalog(), ['CAFAI-DP-01']);
    const selected = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z'), allResources: true, catalog });
    expect(selected.flatMap((r) => r.outcomes.map((o) => o.controlId))).toEqual(['CAFAI-DP-01']);
  });

  it('sends a resource no selected control applies to nowhere', async () => {
    const catalog = selectedCatalog(loadCatalog(), ['CAFAI-IAM-01']);
    expect(catalog.routing['AWS::S3::Bucket']).toBeUndefined();
    const selected = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z'), allResources: true, catalog });
    expect(selected).toEqual([]);
  });
});
