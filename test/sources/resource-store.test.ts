import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownJson } from '../../src/inventory/resource-json.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { ResourceStore, type ResourceStoreOptions } from '../../src/sources/resource-store.js';
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

// Multi-byte text every 97th resource; at 194 one of ~27 KB, over a quarter of the 64 KiB blocks
// below (a block of its own); at 485 one of ~3.6 MB, bigger than a write batch and than the
// 1 MiB budget below (so on disk while later, smaller ones still fit the last block).
const notes = (i: number) => (i % 97 === 0 ? 'ü€😀'.repeat(i === 485 ? 400_000 : i === 194 ? 3000 : 30) : `plain ${i}`);
const bytesOf = (i: number) => Buffer.byteLength(JSON.stringify(resource(i, notes(i))));

const KEEPINGS: Array<{ name: string; options: ResourceStoreOptions; files: number }> = [
  { name: 'on disk (no memory budget)', options: { memoryBytes: 0 }, files: 1 },
  { name: 'in memory (the default budget)', options: {}, files: 0 },
  // 64 KiB blocks: dozens of them, with resources that do not fit a block's tail, then the disk.
  { name: 'in 64 KiB memory blocks up to 1 MiB, then on disk', options: { memoryBytes: 1 << 20, blockBytes: 64 << 10 }, files: 1 },
];

// Whatever the read order (a pass is sorted; the store is in input order), and wherever a
// resource is kept, the store gives back exactly what was put, and the text it was read from.
describe('ResourceStore', () => {
  for (const { name, options, files } of KEEPINGS) {
    it(`returns every resource in written order, in reverse and scattered: ${name}`, () => {
      const dir = tempDir();
      const store = new ResourceStore(dir, options);
      store.spill();
      const count = 3000;
      const slots = Array.from({ length: count }, (_, i) => store.put(resource(i, notes(i))));
      store.flush();
      expect(readdirSync(dir).length).toBe(files);
      const orders = [slots, [...slots].reverse(), slots.map((_, i) => slots[(i * 1237) % count]!)];
      for (const order of orders) {
        for (const slot of order) {
          const got = store.get(slot);
          expect(got).toEqual(resource(slot, notes(slot)));
          expect(knownJson(got)).toBe(JSON.stringify(resource(slot, notes(slot))));
        }
      }
      // Written after reads began: the appended resource is read, not a stale block.
      const late = store.put(resource(count, 'late'));
      store.flush();
      expect(store.get(late)).toEqual(resource(count, 'late'));
      expect(store.get(slots[count - 1]!)).toEqual(resource(count - 1, notes(count - 1)));
      store.close();
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('keeps in memory exactly what fits the budget, and the rest on disk', () => {
    // Budget for the first 40 resources exactly, in one block: the 41st goes to disk, and so does
    // every later one (no block is allocated past the budget).
    const budget = Array.from({ length: 40 }, (_, i) => bytesOf(i)).reduce((a, b) => a + b, 0);
    const dir = tempDir();
    const store = new ResourceStore(dir, { memoryBytes: budget, blockBytes: 1 << 20 });
    store.spill();
    for (let i = 0; i < 40; i++) store.put(resource(i, notes(i)));
    expect(store.onDisk).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    store.put(resource(40, notes(40)));
    expect(store.onDisk).toBe(true);
    store.flush();
    for (let i = 0; i <= 40; i++) expect(store.get(i)).toEqual(resource(i, notes(i)));
    store.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('moves its memory blocks to disk once the disk holds more than the budget, and reads every resource back', () => {
    // Small resources only: none gets a block of its own.
    const plain = (i: number) => `plain ${i}`;
    const size = (i: number) => Buffer.byteLength(JSON.stringify(resource(i, plain(i))));
    const budget = 64 << 10;
    const dir = tempDir();
    const store = new ResourceStore(dir, { memoryBytes: budget, blockBytes: 16 << 10 });
    store.spill();
    let slot = 0;
    while (!store.onDisk) store.put(resource(slot, plain(slot++)));
    // The budget is full and the first resource overflowed to disk.
    expect(store.bytesInMemory).toBe(budget);
    const dropped = 3;
    store.drop(dropped);
    // Past twice the budget in all, the blocks go too: after more than the budget went to disk
    // (and at most a block's tail more, which later small resources may still have filled). Each
    // line on disk ends with a newline.
    let sinceFull = size(slot - 1) + 1;
    while (store.bytesInMemory > 0 && slot < 10_000) {
      store.put(resource(slot, plain(slot)));
      sinceFull += size(slot++) + 1;
    }
    expect(store.bytesInMemory).toBe(0);
    expect(sinceFull).toBeGreaterThan(budget);
    expect(sinceFull).toBeLessThanOrEqual(budget + (16 << 10) + size(slot));
    const late = store.put(resource(slot, 'late'));
    expect(store.bytesInMemory).toBe(0);
    store.flush();
    for (let i = 0; i < slot; i++) if (i !== dropped) expect(store.get(i)).toEqual(resource(i, plain(i)));
    expect(store.get(late)).toEqual(resource(slot, 'late'));
    expect(() => store.get(dropped)).toThrow(/slot 3 was dropped/);
    store.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('hands out the same objects before spill(), and none once dropped', () => {
    const store = new ResourceStore(tempDir());
    const held = resource(1, 'held');
    const slot = store.put(held);
    expect(store.get(slot)).toBe(held);
    // An object held in memory has no remembered text: it may be changed by its owner.
    expect(knownJson(held)).toBeUndefined();
    store.drop(slot);
    expect(() => store.get(slot)).toThrow(/slot 0 was dropped/);
    // Those held are kept as JSON from spill() on, dropped ones not.
    const kept = store.put(resource(2, 'kept'));
    store.spill();
    expect(store.get(kept)).toEqual(resource(2, 'kept'));
    expect(store.get(kept)).not.toBe(store.get(kept));
    store.drop(kept);
    expect(() => store.get(kept)).toThrow(/slot 1 was dropped/);
    store.close();
  });
});

// itemPreparer sends knownJson's text to the engine in place of JSON.stringify(resource): the two
// must be the same string for any resource, wherever the store kept it.
describe('the text a stored resource is read from is its JSON.stringify', () => {
  // Objects with the keys that change property order or meaning (integer-like, "__proto__",
  // "constructor"), -0 and numbers at the edges of their notation, any unicode (lone surrogates too).
  const key = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', '0', '1', '10', '4294967295', '4294967294', '-1', '01', '1.5', ''));
  const leaf = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.constantFrom(-0, 0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER + 2, '\uD800', 'a\uDFFFb', '😀\u2028\u0000"\\'), fc.integer(), fc.boolean(), fc.constant(null));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(key, tie('value'), { maxKeys: 6 })),
  }));
  const configuration = fc.dictionary(key, value, { maxKeys: 8 });

  it('for JSON.parse of any JSON.stringify output', () => {
    fc.assert(
      fc.property(value, (v) => {
        const s = JSON.stringify(v);
        expect(JSON.stringify(JSON.parse(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  for (const { name, options } of KEEPINGS) {
    it(`for resources read back from the store: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(configuration, { minLength: 1, maxLength: 20 }), (configurations) => {
          const store = new ResourceStore(tempDir(), options);
          store.spill();
          const slots = configurations.map((c, i) => store.put({ ...resource(i, ''), configuration: c } as InventoryResource));
          store.flush();
          for (const slot of slots) {
            const got = store.get(slot);
            expect(knownJson(got)).toBe(JSON.stringify(got));
            expect(got.configuration).toEqual(JSON.parse(JSON.stringify(configurations[slot])));
          }
          store.close();
        }),
        { numRuns: 200 },
      );
    });
  }
});
