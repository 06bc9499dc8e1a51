import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { JsonValue } from '../../src/json.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { ANCHOR_INPUTS, HOSTILE_KEYS, OTHER_ACCOUNT, anchorVerdicts, baselineVerdicts, demoItem, runPipeline, snapshotFile } from './harness.js';

type Item = Record<string, JsonValue>;

/**
 * Every place an outside string becomes a key or a lookup: each builds hostile items (in another
 * account, or as the account id itself) that are scanned beside the demo account (the anchor).
 */
const POSITIONS: Record<string, (k: string) => Item[]> = {
  'account id': (k) => [{ ...demoItem('AWS::S3::Bucket'), awsAccountId: k, ARN: `arn:aws:s3:::bucket-of-${k}` }, { ...demoItem('AWS::IAM::Role'), awsAccountId: k }, { ...demoItem('AWS::CloudTrail::Trail'), awsAccountId: k }],
  region: (k) => [{ ...demoItem('AWS::S3::Bucket'), awsRegion: k }, { ...demoItem('AWS::GuardDuty::Detector'), awsRegion: k }],
  ARN: (k) => [{ ...demoItem('AWS::S3::Bucket'), ARN: k }, { ...demoItem('AWS::KMS::Key'), ARN: k, resourceId: `key-${k}` }, { ...demoItem('AWS::SageMaker::TrainingJob'), ARN: k }],
  'resource id': (k) => [withoutArn({ ...demoItem('AWS::S3::Bucket'), resourceId: k, resourceName: k }), withoutArn({ ...demoItem('AWS::SageMaker::NotebookInstance'), resourceId: k })],
  'resource type': (k) => [{ ...demoItem('AWS::S3::Bucket'), resourceType: k }, { ...demoItem('AWS::SageMaker::Model'), resourceType: `AWS::${k}::${k}` }],
  'tag key': (k) => [{ ...demoItem('AWS::S3::Bucket'), tags: { [k]: 'x', owner: 'ml' } }, { ...demoItem('AWS::SageMaker::TrainingJob'), tags: [{ key: k, value: 'v' }] }],
  'tag value': (k) => [{ ...demoItem('AWS::S3::Bucket'), tags: { 'data-classification': k } }],
  'configuration keys': (k) => [{ ...demoItem('AWS::SageMaker::NotebookInstance'), configuration: hostileObject(k, demoItem('AWS::SageMaker::NotebookInstance').configuration) }, { ...demoItem('AWS::S3::Bucket'), configuration: JSON.stringify(hostileObject(k, demoItem('AWS::S3::Bucket').configuration)) }],
  'supplementary keys': (k) => [{ ...demoItem('AWS::S3::Bucket'), supplementaryConfiguration: { [k]: '{"a":1}', ServerSideEncryptionConfiguration: { [k]: [] } } }],
  'policy fields': (k) => [{ ...demoItem('AWS::IAM::Role'), configuration: { ...(demoItem('AWS::IAM::Role').configuration as Item), assumeRolePolicyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', [k]: k, Statement: [{ Effect: 'Allow', Principal: { [k]: '*', AWS: k }, Action: k, [k]: { [k]: k } }] })) } }, { ...demoItem('AWS::KMS::Key'), supplementaryConfiguration: { Policy: JSON.stringify({ Statement: [{ Effect: k, Principal: { [k]: '*' }, Action: 'kms:*', Condition: { [k]: { [k]: k } } }] }) } }],
  'relationship names': (k) => [{ ...demoItem('AWS::IAM::Role'), relationships: [{ relationshipName: k, resourceType: k, resourceId: k, resourceName: k }] }],
};

function withoutArn(item: Item): Item {
  const { ARN: _ignored, ...rest } = item;
  return rest;
}

/** The object with `k` added as an own key at its top level and one level down (JSON.parse keeps "__proto__" as a key). */
function hostileObject(k: string, base: JsonValue | undefined): JsonValue {
  const text = JSON.stringify(base ?? {});
  return JSON.parse(`{${JSON.stringify(k)}:{${JSON.stringify(k)}:"x"},${text.slice(1)}`) as JsonValue;
}

/** A JSON text with `k` as a literal key (an object literal `{ [k]: … }` with "__proto__" would set a prototype instead). */
function keyed(items: Item[]): string {
  return JSON.stringify({ fileVersion: '1.0', configSnapshotId: 'hostile', configurationItems: items });
}

describe('an outside string that names an Object.prototype member changes nothing else', () => {
  for (const [position, build] of Object.entries(POSITIONS)) {
    it(`${position}: __proto__, constructor, toString, hasOwnProperty, valueOf`, async () => {
      const expected = await baselineVerdicts();
      for (const k of HOSTILE_KEYS) {
        const file = join(tempDir(), 'hostile.json');
        writeFileSync(file, keyed(build(k)));
        const run = await runPipeline([...ANCHOR_INPUTS, file]);
        expect(run.error, `${position} = ${k}`).toBeUndefined();
        expect([0, 1], `${position} = ${k}`).toContain(run.code);
        expect(anchorVerdicts(run.findings), `${position} = ${k}`).toEqual(expected);
      }
    });
  }

  it('the hostile key survives into inventory.json as an ordinary key', async () => {
    const file = join(tempDir(), 'hostile.json');
    writeFileSync(file, keyed([{ ...demoItem('AWS::S3::Bucket'), awsAccountId: '__proto__', ARN: '__proto__', tags: JSON.parse('{"__proto__":"x"}') as JsonValue }]));
    const run = await runPipeline([...ANCHOR_INPUTS, file]);
    const written = JSON.parse(readFileSync(join(run.outputDir, 'inventory.json'), 'utf8')) as { accounts: string[]; resources: Array<{ arn: string; tags: Record<string, string> }> };
    expect(written.accounts).toContain('__proto__');
    const bucket = written.resources.find((r) => r.arn === '__proto__');
    expect(Object.hasOwn(bucket?.tags ?? {}, '__proto__')).toBe(true);
  });

  it('a credential under a hostile environment key is still redacted in inventory.json', async () => {
    for (const k of HOSTILE_KEYS) {
      const model = demoItem('AWS::SageMaker::Model');
      const text = JSON.stringify(model).replace('"SAGEMAKER_CONTAINER_LOG_LEVEL":"20"', `${JSON.stringify(k)}:"AKIAIOSFODNN7EXAMPLE"`);
      expect(text, 'the demo model has the environment this test edits').toContain('AKIAIOSFODNN7EXAMPLE');
      const file = join(tempDir(), 'hostile.json');
      writeFileSync(file, keyed([JSON.parse(text) as Item]));
      const run = await runPipeline([...ANCHOR_INPUTS, file]);
      expect(run.error, k).toBeUndefined();
      const written = readFileSync(join(run.outputDir, 'inventory.json'), 'utf8');
      expect(written, k).not.toContain('AKIAIOSFODNN7EXAMPLE');
      expect(written, k).toContain(`${JSON.stringify(k)}: "[redacted by cafscan: looked like a credential]"`);
    }
  });

  it('a saved inventory with hostile account, type, coverage and collectionErrors keys', async () => {
    for (const k of HOSTILE_KEYS) {
      const file = join(tempDir(), 'inventory.json');
      const resource = `{"type":${JSON.stringify(k)},"id":${JSON.stringify(k)},"arn":${JSON.stringify(k)},"name":null,"accountId":${JSON.stringify(k)},"region":${JSON.stringify(k)},"capturedAt":${JSON.stringify(k)},"configuration":{${JSON.stringify(k)}:1},"supplementaryConfiguration":{},"tags":{${JSON.stringify(k)}:"v"},"relationships":[],"collectionErrors":{${JSON.stringify(k)}:"denied"}}`;
      const coverage = `[{"accountId":${JSON.stringify(k)},"region":"us-east-1","resourceType":${JSON.stringify(k)},"status":"failed","reason":"x"},{"accountId":"${OTHER_ACCOUNT}","region":${JSON.stringify(k)},"resourceType":"AWS::S3::Bucket","status":"failed"}]`;
      writeFileSync(file, `{"kind":"cafscan-inventory","schemaVersion":"1","sources":[],"accounts":[],"regions":[],"coverage":${coverage},"resources":[${resource}]}`);
      const run = await runPipeline([...ANCHOR_INPUTS, file]);
      expect(run.error, k).toBeUndefined();
      expect(anchorVerdicts(run.findings), k).toEqual(await baselineVerdicts());
    }
  });

  it('suppressions and asset rules keyed by hostile tag keys match nothing of the anchor', async () => {
    for (const k of HOSTILE_KEYS) {
      const config = parseConfig(JSON.parse(`{"assets":[{"component":"input","tags":{${JSON.stringify(k)}:"*"}}],"suppressions":[{"reason":"test","tags":{${JSON.stringify(k)}:"*"}},{"reason":"test","accountId":"${OTHER_ACCOUNT}","region":${JSON.stringify(k)}}]}`), 'cafscan.config.json');
      const run = await runPipeline([...ANCHOR_INPUTS, snapshotFile([])], { assets: config.assets, suppressions: config.suppressions });
      expect(run.error, k).toBeUndefined();
      expect(anchorVerdicts(run.findings), k).toEqual(await baselineVerdicts());
      expect(run.findings.filter((f) => f.suppression), k).toEqual([]);
    }
  });

  it('through the real CLI: hostile account id and resource types exit 0/1, never "internal error"', () => {
    const file = join(tempDir(), 'hostile.json');
    writeFileSync(file, keyed([...POSITIONS['account id']!('__proto__'), ...POSITIONS['resource type']!('constructor'), ...POSITIONS['resource type']!('toString')]));
    const out = tempDir();
    const run = runCli(['scan', '--input', ...ANCHOR_INPUTS, file, '--output-dir', out, '--format', 'none']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(run.status);
  });
});
