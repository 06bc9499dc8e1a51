import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credentialShaped, mayHoldCredentialShape, SECRET_VALUE_PATTERNS } from '../../src/inventory/credential-shapes.js';
import { credentialShapedValues } from '../../src/engine/chunk-evaluator.js';
import { REDACTION_MARKER } from '../../src/inventory/redact.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeInventoryFile } from '../../src/scan/write-inventory-file.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { InventoryResource } from '../../src/model/inventory.js';

// Fake keys in the shapes providers issue, assembled at run time so that no secret scanner takes
// this file for a leak.
const GITHUB = ['ghp', '_', 'abcdefghijklmnopqrstuvwxyz0123456789'].join('');
const ACCESS_KEY_ID = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const SECRET_KEY = ['wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY'].join('');
const OPENAI = ['sk-', 'proj-', 'Ab3dEf6hIj9lMn2pQr5tAb3dEf6hIj9lMn2pQr5t'].join('');

/** Every way a credential can be written that credentialShaped recognises, inside other text. */
const shaped = fc.oneof(
  ...SECRET_VALUE_PATTERNS.map((pattern) => fc.stringMatching(new RegExp(pattern))),
  fc.stringMatching(/^["' ]{0,12}[A-Za-z0-9/+]{40}["' ]{0,12}$/),
  // fast-check takes no case-insensitive regex: the name's letters in either case, spelt out.
  fc.stringMatching(/[Aa][Ww][Ss]_?[Ss][Ee][Cc][Rr][Ee][Tt]_?[Aa][Cc][Cc][Ee][Ss][Ss]_?[Kk][Ee][Yy]["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}([^A-Za-z0-9/+]|$)/),
);

describe('mayHoldCredentialShape, the test a resource passes before its values are walked', () => {
  it('passes every resource holding a value credentialShaped recognises, wherever it sits and however it is escaped', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(fc.string({ unit: 'binary', maxLength: 6 }), shaped, fc.string({ unit: 'binary', maxLength: 6 })).map((parts) => parts.join('')), shaped, fc.string({ unit: 'binary' })), fc.array(fc.constantFrom('tags', 'configuration', 'Nested', 'List'), { maxLength: 4 }), (value, path) => {
        fc.pre(credentialShaped(value));
        const resource: Record<string, unknown> = { arn: 'arn:aws:s3:::b', configuration: {} };
        let node: Record<string, unknown> = resource;
        for (const key of path) node = (node[key] = {}) as Record<string, unknown>;
        node.value = value;
        expect(mayHoldCredentialShape(JSON.stringify(resource))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads string tokens whole: an escaped quote or backslash inside one does not end it', () => {
    const token = ['ghp', '_', 'abcdefghijklmnopqrstuvwxyz0123456789'].join('');
    expect(mayHoldCredentialShape(JSON.stringify({ a: `say "hi" \\ then ${token}` }))).toBe(true);
    expect(mayHoldCredentialShape(JSON.stringify({ a: `"${SECRET_KEY}"` }))).toBe(true);
    expect(mayHoldCredentialShape(JSON.stringify({ a: `\\${SECRET_KEY}` }))).toBe(false);
    expect(mayHoldCredentialShape(JSON.stringify({ a: 'short "x" \\' }))).toBe(false);
  });

  it('lets ordinary resources through without a walk', () => {
    const ordinary = { type: 'AWS::S3::Bucket', arn: 'arn:aws:s3:::training-data', configuration: { Name: 'training-data', Path: 's3://training-data/prefix/2026/12/05/part-00001.parquet', Role: 'arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20200101T000000' }, tags: { team: 'ml' } };
    expect(mayHoldCredentialShape(JSON.stringify(ordinary))).toBe(false);
    // A 40-character hash passes (it has the length of an AWS secret key) and is walked; the walk keeps nothing of it.
    const hashed = { ...ordinary, configuration: { Commit: '3f786850e387550fdab836ed7e6dc881de23001b' } };
    expect(mayHoldCredentialShape(JSON.stringify(hashed))).toBe(true);
    expect(credentialShapedValues(hashed)).toEqual([]);
  });
});

describe('credentialShapedValues, the values the redaction check judges by shape', () => {
  it('finds them in tags, configuration and supplementaryConfiguration, nested in objects and lists, and nothing in identity fields', () => {
    const found = credentialShapedValues({
      tags: { deploy: GITHUB, team: 'ml' },
      configuration: { Notes: [`key ${ACCESS_KEY_ID}`, 'plain'], Deep: { Url: `https://x:${OPENAI}@example.com` }, Count: 40 },
      supplementaryConfiguration: { Key: SECRET_KEY },
    });
    expect(found.map((f) => f.path)).toEqual([['tags', 'deploy'], ['configuration', 'Notes', 0], ['configuration', 'Deep', 'Url'], ['supplementaryConfiguration', 'Key']]);
  });
});

describe('inventory.json never carries a value shaped like a credential (the wasm engine, through the CLI)', () => {
  const resource = (name: string, extra: Record<string, unknown>): Record<string, unknown> => ({
    type: 'AWS::SageMaker::NotebookInstance',
    id: name,
    arn: `arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/${name}`,
    name,
    accountId: '123456789012',
    region: 'us-east-1',
    capturedAt: null,
    relationships: [],
    supplementaryConfiguration: {},
    tags: {},
    ...extra,
  });
  const inventory = {
    kind: 'cafscan-inventory',
    schemaVersion: '1',
    sources: ['live'],
    accounts: ['123456789012'],
    regions: ['us-east-1'],
    coverage: [],
    resources: [
      resource('leaky', {
        tags: { 'deploy-token': GITHUB, 'secret-rotation': 'enabled', owner: ACCESS_KEY_ID },
        configuration: { NotebookInstanceName: 'leaky', DirectInternetAccess: 'Disabled', RootAccess: 'Disabled', DefaultCodeRepository: `https://user:${GITHUB}@github.com/org/repo.git`, Notes: [SECRET_KEY, 'keep me'] },
        supplementaryConfiguration: { LifecycleNote: `export OPENAI_API_KEY=${OPENAI}` },
      }),
      resource('clean', { configuration: { NotebookInstanceName: 'clean', DirectInternetAccess: 'Disabled', RootAccess: 'Disabled', TokenizerConfig: 'sk-short', Commit: '3f786850e387550fdab836ed7e6dc881de23001b' } }),
    ],
  };

  function scan(extra: string[]): { text: string; resources: Array<Record<string, any>> } {
    const dir = tempDir();
    const input = join(dir, 'inventory-in.json');
    writeFileSync(input, JSON.stringify(inventory));
    const run = runCli(['scan', '--input', input, '-o', join(dir, 'out'), '--quiet', ...extra]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'out', 'inventory.json'), 'utf8');
    return { text, resources: (JSON.parse(text) as { resources: Array<Record<string, any>> }).resources };
  }

  it('redacts them by default, in tags and in any field, and keeps everything else as it was', () => {
    const { text, resources } = scan([]);
    for (const secret of [GITHUB, ACCESS_KEY_ID, SECRET_KEY, OPENAI]) expect(text).not.toContain(secret);
    const leaky = resources.find((r) => r.name === 'leaky')!;
    expect(leaky.tags).toEqual({ 'deploy-token': REDACTION_MARKER, 'secret-rotation': 'enabled', owner: REDACTION_MARKER });
    expect(leaky.configuration.DefaultCodeRepository).toBe(REDACTION_MARKER);
    expect(leaky.configuration.Notes).toEqual([REDACTION_MARKER, 'keep me']);
    expect(leaky.supplementaryConfiguration.LifecycleNote).toBe(REDACTION_MARKER);
    expect(leaky.arn).toBe(inventory.resources[0]!.arn);
    // Near misses stay: a short "sk-" setting, a commit hash (no upper case).
    expect(resources.find((r) => r.name === 'clean')!.configuration).toEqual(inventory.resources[1]!.configuration);
  });

  it('redacts them the same when two evaluation workers take the resources in several chunks (6,000 resources)', () => {
    const many = Array.from({ length: 6000 }, (_, i) =>
      resource(`b${i}`, { type: 'AWS::S3::Bucket', arn: `arn:aws:s3:::b${i}`, configuration: { name: `b${i}`, note: i === 4321 ? `deploy with ${GITHUB}` : 'plain' }, tags: i === 17 ? { key: ACCESS_KEY_ID } : {} }),
    );
    const big = { ...inventory, resources: [...inventory.resources, ...many] };
    // One input file: inventory.json names it.
    const input = join(tempDir(), 'inventory-in.json');
    writeFileSync(input, JSON.stringify(big));
    const outputs = ['2', '1'].map((workers) => {
      const dir = tempDir();
      const run = runCli(['scan', '--input', input, '-o', join(dir, 'out'), '--quiet', '--format', 'none', '--workers', workers]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return readFileSync(join(dir, 'out', 'inventory.json'), 'utf8');
    });
    for (const secret of [GITHUB, ACCESS_KEY_ID, SECRET_KEY, OPENAI]) expect(outputs[0]).not.toContain(secret);
    const written = (JSON.parse(outputs[0]!) as { resources: Array<Record<string, any>> }).resources;
    expect(written.find((r) => r.name === 'b4321')!.configuration.note).toBe(REDACTION_MARKER);
    expect(written.find((r) => r.name === 'b17')!.tags).toEqual({ key: REDACTION_MARKER });
    expect(outputs[0]).toBe(outputs[1]);
  }, 120_000);

  it('redacts them in the inventory `cafscan collect --output` writes (no control evaluated)', async () => {
    const file = join(tempDir(), 'collected.json');
    const resources = inventory.resources as unknown as InventoryResource[];
    expect(await writeInventoryFile(file, buildInventory([{ source: 'live', resources, coverage: [] }]), true)).toEqual([]);
    const text = readFileSync(file, 'utf8');
    for (const secret of [GITHUB, ACCESS_KEY_ID, SECRET_KEY, OPENAI]) expect(text).not.toContain(secret);
    expect(text).toContain(REDACTION_MARKER);
  });

  it('keeps them with --no-redact', () => {
    const { text } = scan(['--no-redact']);
    for (const secret of [GITHUB, ACCESS_KEY_ID, SECRET_KEY, OPENAI]) expect(text).toContain(secret);
  });
});
