import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readInputFile } from '../../src/sources/read-input-file.js';
import { validateInventory } from '../../src/inventory/validate-inventory.js';
import type { JsonValue } from '../../src/json.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { ANCHOR_INPUTS, runPipeline } from './harness.js';

const REAL_WORLD = join(import.meta.dirname, '..', '..', '..', 'shared', 'real-world');
const realWorldFiles = readdirSync(REAL_WORLD).filter((f) => f.endsWith('.json') || f.endsWith('.json.gz')).map((f) => join(REAL_WORLD, f));

function validInventory(): Record<string, JsonValue> {
  return {
    kind: 'cafscan-inventory', schemaVersion: '1', sources: ['t'], accounts: ['111111111111'], regions: ['us-east-1'], coverage: [],
    resources: [{ type: 'AWS::S3::Bucket', id: 'b', arn: 'arn:aws:s3:::b', name: 'b', accountId: '111111111111', region: 'us-east-1', capturedAt: null, configuration: {}, supplementaryConfiguration: {}, tags: {}, relationships: [] }],
  };
}

function inventoryFile(doc: JsonValue): string {
  const file = join(tempDir(), 'inventory.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('docs/inventory.schema.json accepts what cafscan writes', () => {
  it('the demo and every real-world input, converted and written as inventory.json, validate and read back', async () => {
    let written = 0;
    for (const input of [ANCHOR_INPUTS, ...realWorldFiles.map((f) => [f])]) {
      const run = await runPipeline(input);
      // The README's A3 selects that never selected resourceType are not valid input on their own.
      if (/A3-test_.*-select\.json$/.test(input[0]!)) {
        expect(run.error, input[0]).toMatch(/item 0: a configuration item has no resourceType or resourceId$/);
        continue;
      }
      expect(run.error, input.join(' ')).toBeUndefined();
      const doc = JSON.parse(readFileSync(join(run.outputDir, 'inventory.json'), 'utf8')) as JsonValue;
      const checked = validateInventory(doc);
      expect('problem' in checked ? checked.problem : 'valid', input.join(' ')).toBe('valid');
      expect((await readInputFile(join(run.outputDir, 'inventory.json'))).format).toBe('inventory');
      written++;
    }
    expect(written).toBeGreaterThanOrEqual(20);
  });

  it('fills the documented defaults of fields a hand-written inventory leaves out', () => {
    const doc = validInventory();
    const resource = (doc.resources as Array<Record<string, JsonValue>>)[0]!;
    for (const key of ['name', 'capturedAt', 'supplementaryConfiguration', 'tags', 'relationships']) delete resource[key];
    delete doc.coverage;
    const checked = validateInventory(doc);
    expect('inventory' in checked).toBe(true);
    expect(resource).toMatchObject({ name: null, capturedAt: null, supplementaryConfiguration: {}, tags: null, relationships: [] });
    expect(doc.coverage).toEqual([]);
  });
});

describe('a saved inventory that does not match the schema is rejected with its JSON path', () => {
  const cases: Array<[string, (doc: Record<string, JsonValue>) => void, string]> = [
    ['a null resource', (d) => { (d.resources as JsonValue[]).push(null); }, '/resources/1: must be object'],
    ['an ARN that is a number', (d) => { ((d.resources as JsonValue[])[0] as Record<string, JsonValue>).arn = 7; }, '/resources/0/arn: must be string'],
    ['a resource without configuration', (d) => { delete ((d.resources as JsonValue[])[0] as Record<string, JsonValue>).configuration; }, "/resources/0: must have required property 'configuration'"],
    ['a configuration that is a string', (d) => { ((d.resources as JsonValue[])[0] as Record<string, JsonValue>).configuration = '{}'; }, '/resources/0/configuration: must be object'],
    ['a tag value that is not text', (d) => { ((d.resources as JsonValue[])[0] as Record<string, JsonValue>).tags = { a: 1 }; }, '/resources/0/tags/a: must be string'],
    ['garbage coverage', (d) => { d.coverage = [null, 'x']; }, '/coverage/0: must be object'],
    ['a coverage status that is not one', (d) => { d.coverage = [{ accountId: '1', region: 'r', resourceType: 't', status: 'maybe' }]; }, '/coverage/0/status: must be one of "complete", "failed"'],
    ['coverage that is an object', (d) => { d.coverage = { a: 1 }; }, '/coverage: must be array'],
  ];
  for (const [name, spoil, message] of cases) {
    it(name, async () => {
      const doc = validInventory();
      spoil(doc);
      const file = inventoryFile(doc);
      await expect(readInputFile(file)).rejects.toThrow(InputError);
      await expect(readInputFile(file)).rejects.toThrow(`inventory.json is not a valid cafscan inventory: ${message}`);
    });
  }

  it('through the CLI: exit 2, one line, the previous outputs untouched', () => {
    const out = tempDir();
    writeFileSync(join(out, 'results.json'), 'previous');
    const doc = validInventory();
    (doc.resources as JsonValue[]).push(null);
    const run = runCli(['scan', '--input', inventoryFile(doc), '--output-dir', out, '--format', 'none']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cafscan: inventory.json is not a valid cafscan inventory: /resources/1: must be object\n');
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('previous');
  });
});
