import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { isJsonObject } from '../../src/json.js';
import { openInputs } from '../../src/sources/open-inputs.js';
import { FILE_SOURCES } from '../../src/sources/registry.js';
import type { FileSource } from '../../src/sources/source.js';
import { tempDir } from '../helpers/cli.js';

/** The next source as a module would add it (say, infrastructure as code): one FileSource, here passed where a registry line would put it. */
const toyIac: FileSource = {
  id: 'toy-iac',
  noun: 'a toy template',
  containers: ['buckets'],
  declaredBy: (doc) => (doc.root === 'object' && doc.header.get('format') === 'toy-iac' && Array.isArray(doc.header.get('buckets')) ? 'buckets' : undefined),
  item(_container, value, index, name) {
    if (!isJsonObject(value) || typeof value.name !== 'string') throw new InputError(`${name}: buckets[${index}] has no name`);
    return value;
  },
  read(item) {
    const name = (item as { name: string }).name;
    const resource: InventoryResource = {
      type: 'AWS::S3::Bucket', id: name, arn: `arn:aws:s3:::${name}`, name, accountId: '111122223333', region: 'us-east-1', capturedAt: null,
      configuration: { name }, supplementaryConfiguration: {}, tags: {}, relationships: [],
    };
    return { resource, removal: null };
  },
  coverage: () => [],
};

function file(name: string, content: unknown): string {
  const path = join(tempDir(), name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

async function arnsOf(files: string[], sources: readonly FileSource[]): Promise<string[]> {
  const set = await openInputs(files, { sources });
  try {
    const arns: string[] = [];
    for await (const resource of set.resources()) arns.push(resource.arn);
    return arns;
  } finally {
    await set.close();
  }
}

describe('source registry', () => {
  it('each container belongs to one source, and the registry holds Config data and cafscan inventories', () => {
    const containers = FILE_SOURCES.flatMap((s) => s.containers);
    expect(new Set(containers).size).toBe(containers.length);
    expect(FILE_SOURCES.map((s) => s.id)).toEqual(['config-items', 'inventory']);
  });

  it('a new file source is asked what a file is, and its resources merge with the others', async () => {
    const template = file('t.json', { format: 'toy-iac', buckets: [{ name: 'from-template' }] });
    const snapshot = file('s.json', { configurationItems: [{ resourceType: 'AWS::S3::Bucket', resourceId: 'from-config', resourceName: 'from-config', ARN: 'arn:aws:s3:::from-config', awsAccountId: '111122223333', awsRegion: 'us-east-1', configuration: {} }] });
    const arns = await arnsOf([template, snapshot], [...FILE_SOURCES, toyIac]);
    expect(arns).toContain('arn:aws:s3:::from-template');
    expect(arns).toContain('arn:aws:s3:::from-config');
    await expect(arnsOf([file('bad.json', { format: 'toy-iac', buckets: [{}] })], [...FILE_SOURCES, toyIac])).rejects.toThrow(/bad\.json: buckets\[0\] has no name/);
  });

  it('a file no source claims names every source in the error', async () => {
    const template = file('t.json', { format: 'toy-iac', buckets: [{ name: 'x' }] });
    await expect(arnsOf([template], FILE_SOURCES)).rejects.toThrow(/^t\.json is neither an AWS Config snapshot, a list of configuration items \(.*\), nor a cafscan inventory$/);
    await expect(arnsOf([file('u.json', { hello: 1 })], [...FILE_SOURCES, toyIac])).rejects.toThrow(/, a cafscan inventory, nor a toy template$/);
  });
});
