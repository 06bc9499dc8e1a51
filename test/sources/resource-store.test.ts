import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InventoryResource } from '../../src/model/inventory.js';
import { ResourceStore } from '../../src/sources/resource-store.js';
import { tempDir } from '../helpers/cli.js';

function resource(i: number, note: string): InventoryResource {
  return {
    type: 'AWS::S3::Bucket',
    id: `bucket-${i}`,
    arn: `arn:aws:s3:::bucket-${i}`,
    accountId: '111122223333',
    region: 'us-east-1',
    capturedAt: null,
    tags: null,
    configuration: { note },
  } as unknown as InventoryResource;
}

// Whatever the read order (a pass is sorted; the file is in input order), and for resources bigger
// than a write batch and with multi-byte text, the spill file gives back exactly what was put.
describe('ResourceStore spilled to disk', () => {
  const notes = (i: number) => (i % 97 === 0 ? 'ü€😀'.repeat(i === 485 ? 400_000 : 30) : `plain ${i}`);

  it('returns every resource in written order, in reverse and scattered', () => {
    const dir = tempDir();
    const store = new ResourceStore(dir);
    store.spill();
    const count = 3000;
    const slots = Array.from({ length: count }, (_, i) => store.put(resource(i, notes(i))));
    store.flush();
    const orders = [slots, [...slots].reverse(), slots.map((_, i) => slots[(i * 1237) % count]!)];
    for (const order of orders) {
      for (const slot of order) expect(store.get(slot)).toEqual(resource(slot, notes(slot)));
    }
    // Written after reads began: the appended resource is read, not a stale block.
    const late = store.put(resource(count, 'late'));
    store.flush();
    expect(store.get(late)).toEqual(resource(count, 'late'));
    expect(store.get(slots[count - 1]!)).toEqual(resource(count - 1, notes(count - 1)));
    store.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});
