import { describe, expect, it } from 'vitest';
import type { InventoryResource } from '../../src/model/inventory.js';
import { InventoryFileWriter, inventoryWriter } from '../../src/reporters/inventory-json.js';

const header = { schemaVersion: '1', generatedAt: 'T', accounts: ['111122223333'], regions: ['us-east-1'], coverage: [] };

function bucket(name: string): InventoryResource {
  return {
    type: 'AWS::S3::Bucket', id: name, arn: `arn:aws:s3:::${name}`, name, accountId: '111122223333', region: 'us-east-1', capturedAt: 'T',
    tags: {}, relationships: [], configuration: { name }, supplementaryConfiguration: {},
  } as unknown as InventoryResource;
}

describe('SARIF locations are the inventory writer\'s result', () => {
  it('finish() returns the line span of every kept resource, matching the text written', () => {
    let text = '';
    const writer = new InventoryFileWriter(header as never, (piece) => (text += piece));
    writer.add(bucket('a'), true);
    writer.add(bucket('b'), false);
    writer.add(bucket('c'), true);
    expect(writer.keepsSpan('arn:aws:s3:::a')).toBe(true);
    expect(writer.keepsSpan('arn:aws:s3:::b')).toBe(false);
    const { lines } = writer.finish();
    expect([...lines.keys()]).toEqual(['arn:aws:s3:::a', 'arn:aws:s3:::c']);
    const fileLines = text.split('\n');
    for (const [arn, span] of lines) {
      // The span starts at the resource's first key ("type") and ends at its closing brace.
      expect(fileLines[span.startLine - 1]).toMatch(/^\s+"type": /);
      const block = fileLines.slice(span.startLine - 1, span.endLine).join('\n');
      expect(block).toContain(`"arn": ${JSON.stringify(arn)}`);
      expect(fileLines[span.endLine - 1]).toMatch(/^\s+}/);
    }
    expect(JSON.parse(text)).toMatchObject({ resources: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
  });

  it('the in-memory writer hands out its spans only once the file is complete', () => {
    const writer = inventoryWriter({ ...header, resources: [bucket('x')] } as never);
    expect(() => writer.written()).toThrow(/not written yet/);
    const text = [...writer.chunks()].join('');
    const span = writer.written().lines.get('arn:aws:s3:::x');
    expect(span).toBeDefined();
    expect(text.split('\n')[span!.startLine - 1]).toMatch(/"type": "AWS::S3::Bucket"/);
  });
});
