import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../src/engine/chunk-evaluator.js';

describe('ChunkBuilder (resources JSON as byte ranges of one transferable buffer)', () => {
  it('gives each item the UTF-8 bytes of its JSON, across buffer growth and multi-byte text', () => {
    const builder = new ChunkBuilder();
    const jsons = Array.from({ length: 300 }, (_, i) => JSON.stringify({ arn: `arn:aws:s3:::b${i}`, name: `ü€😀-${'x'.repeat(i * 7)}` }));
    jsons.forEach((json, i) => builder.add({ json, routedType: i % 2 ? 'AWS::S3::Bucket' : null, links: '["inference"]', secrets: i % 3 === 0, shapes: i % 5 === 0 }));
    expect(builder.count).toBe(300);
    const { bytes, items } = builder.build();
    const decoder = new TextDecoder();
    expect(items.map((item) => decoder.decode(new Uint8Array(bytes, item.start, item.end - item.start)))).toEqual(jsons);
    expect(items[1]).toMatchObject({ routedType: 'AWS::S3::Bucket', links: '["inference"]', secrets: false });
    expect(items[3]).toMatchObject({ routedType: 'AWS::S3::Bucket', secrets: true, shapes: false });
    expect(items[5]).toMatchObject({ shapes: true });
    expect(builder.byteLength).toBe(jsons.reduce((n, json) => n + Buffer.byteLength(json), 0));
    // Its own buffer, transferable: not a slice of Buffer's shared pool.
    expect(bytes.byteLength).toBeGreaterThanOrEqual(builder.byteLength);
    expect(() => structuredClone(bytes, { transfer: [bytes] })).not.toThrow();
  });
});
