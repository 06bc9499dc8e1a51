import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureInstant } from '../../src/inventory/capture-time.js';
import { MAX_JSON_DEPTH, jsonLimitViolation, type JsonValue } from '../../src/json.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { ANCHOR_INPUTS, OTHER_ACCOUNT, anchorVerdicts, baselineVerdicts, demoItem, runPipeline, snapshotFile } from './harness.js';

const REAL_WORLD = join(import.meta.dirname, '..', '..', '..', 'shared', 'real-world');
const ARN = `arn:aws:s3:::merge-test`;

function bucketAt(capturedAt: string, marker: string, status = 'OK'): Record<string, JsonValue> {
  return { resourceType: 'AWS::S3::Bucket', resourceId: 'merge-test', resourceName: 'merge-test', ARN, awsAccountId: OTHER_ACCOUNT, awsRegion: 'us-east-1', configurationItemCaptureTime: capturedAt, configurationItemStatus: status, configuration: { marker }, supplementaryConfiguration: {}, tags: {} };
}

async function resourceOf(files: string[]) {
  return (await loadInputs(files)).resources.find((r) => r.arn === ARN);
}

describe('capture times are instants', () => {
  it('parses offsets, fractions and zone-less times (UTC, never the local zone); anything else is unknown and oldest', () => {
    expect(captureInstant('2026-10-01T06:00:00-04:00')).toBe(Date.UTC(2026, 9, 1, 10));
    expect(captureInstant('2026-10-01T09:00:00Z')).toBe(Date.UTC(2026, 9, 1, 9));
    expect(captureInstant('2017-01-19T03:37:01.401000+00:00')).toBe(Date.UTC(2017, 0, 19, 3, 37, 1, 401));
    expect(captureInstant('2026-10-01T10:00:00')).toBe(Date.UTC(2026, 9, 1, 10));
    expect(captureInstant('2026-10-01T10:00:00+0530')).toBe(Date.UTC(2026, 9, 1, 4, 30));
    expect(captureInstant('2026-10-01')).toBe(Date.UTC(2026, 9, 1));
    for (const bad of ['yesterday', 'Tue Dec 01 2026', '2026-13-45T99:00:00Z', '', null, undefined]) expect(captureInstant(bad)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('a newer capture written with a -04:00 offset beats an older one written in UTC, whatever the input order', async () => {
    const older = snapshotFile([bucketAt('2026-10-01T09:00:00Z', 'older')], 'a.json');
    const newer = snapshotFile([bucketAt('2026-10-01T06:00:00-04:00', 'newer')], 'b.json');
    expect((await resourceOf([older, newer]))?.configuration.marker).toBe('newer');
    expect((await resourceOf([newer, older]))?.configuration.marker).toBe('newer');
  });

  it('an unparseable time loses to any real one; equal instants keep the first input', async () => {
    const garbage = snapshotFile([bucketAt('not a time', 'garbage')], 'a.json');
    const real = snapshotFile([bucketAt('2001-01-01T00:00:00Z', 'real')], 'b.json');
    expect((await resourceOf([garbage, real]))?.configuration.marker).toBe('real');
    expect((await resourceOf([real, garbage]))?.configuration.marker).toBe('real');
    const first = snapshotFile([bucketAt('2026-10-01T10:00:00Z', 'first')], 'c.json');
    const same = snapshotFile([bucketAt('2026-10-01T06:00:00-04:00', 'second')], 'd.json');
    expect((await resourceOf([first, same]))?.configuration.marker).toBe('first');
  });
});

describe('configuration history: the newest item decides', () => {
  it('the real-world history whose newest item is ResourceDeleted leaves the volume out', async () => {
    const inventory = await loadInputs([join(REAL_WORLD, 'A2-test_ebs_health_events_filter-history.json')]);
    expect(inventory.resources.filter((r) => r.id === 'vol-12345')).toEqual([]);
  });

  it('the real-world history of two recorded versions keeps the newer', async () => {
    const file = join(REAL_WORLD, 'A2-test_sg_config_diff-history.json');
    const items = (JSON.parse(readFileSync(file, 'utf8')) as { configurationItems: Array<{ configurationItemCaptureTime: string }> }).configurationItems;
    const newest = items.map((i) => i.configurationItemCaptureTime).sort((a, b) => captureInstant(b) - captureInstant(a))[0];
    const groups = (await loadInputs([file])).resources.filter((r) => r.type === 'AWS::EC2::SecurityGroup');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.capturedAt).toBe(newest);
  });

  it('mixed offsets: a deletion later as an instant removes, an earlier one (then re-created) does not', async () => {
    const deletedLater = [bucketAt('2026-10-01T07:00:00-04:00', 'gone', 'ResourceDeleted'), bucketAt('2026-10-01T10:30:00Z', 'recorded')];
    expect(await resourceOf([snapshotFile(deletedLater)])).toBeUndefined();
    const recreated = [bucketAt('2026-10-01T10:30:00Z', 'recreated'), bucketAt('2026-10-01T06:00:00-04:00', 'gone', 'ResourceDeletedNotRecorded')];
    expect((await resourceOf([snapshotFile(recreated)]))?.configuration.marker).toBe('recreated');
  });

  it('a deletion in one input removes the resource another input recorded earlier, even without ARN or account', async () => {
    const { ARN: _arn, awsAccountId: _account, ...anonymous } = bucketAt('2026-10-02T00:00:00+02:00', 'gone', 'ResourceDeleted');
    expect(await resourceOf([snapshotFile([bucketAt('2026-10-01T12:00:00Z', 'recorded')], 'a.json'), snapshotFile([anonymous], 'b.json')])).toBeUndefined();
  });

  it('ResourceNotRecorded and deletions at the same instant remove nothing', async () => {
    expect((await resourceOf([snapshotFile([bucketAt('2026-10-02T00:00:00Z', 'x', 'ResourceNotRecorded'), bucketAt('2026-10-01T00:00:00Z', 'kept')])]))?.configuration.marker).toBe('kept');
    expect((await resourceOf([snapshotFile([bucketAt('2026-10-01T00:00:00Z', 'x', 'ResourceDeleted'), bucketAt('2026-10-01T02:00:00+02:00', 'kept')])]))?.configuration.marker).toBe('kept');
  });
});

describe('an unusable configuration makes the resource not_evaluated, with the reason', () => {
  const cases: Array<[string, JsonValue, RegExp]> = [
    ['a corrupt JSON string', '{"NotebookInstanceName": "nb", "DirectInternetAccess": "Dis', /not valid JSON/],
    ['null', null, /is null, not a JSON object/],
    ['a list', [1, 2], /is a list, not a JSON object/],
    ['a number', 42, /is number, not a JSON object/],
  ];
  for (const [name, configuration, reason] of cases) {
    it(name, async () => {
      const item = { ...demoItem('AWS::SageMaker::NotebookInstance'), configuration };
      const run = await runPipeline([...ANCHOR_INPUTS, snapshotFile([item])]);
      expect(run.error).toBeUndefined();
      const mine = run.findings.filter((f) => f.resource.accountId === OTHER_ACCOUNT && f.resource.type === 'AWS::SageMaker::NotebookInstance');
      expect(mine.length).toBeGreaterThan(0);
      for (const finding of mine) {
        expect(finding.status).toBe('not_evaluated');
        expect(finding.reason).toMatch(reason);
      }
      expect(anchorVerdicts(run.findings)).toEqual(await baselineVerdicts());
      // Written with the marker, so a re-scan of inventory.json decides nothing either.
      const again = await runPipeline([join(run.outputDir, 'inventory.json')]);
      const rescanned = again.findings.filter((f) => f.resource.accountId === OTHER_ACCOUNT && f.resource.type === 'AWS::SageMaker::NotebookInstance');
      expect(rescanned.map((f) => f.status)).toEqual(mine.map((f) => f.status));
    });
  }
});

describe('a lone surrogate (JSON can write one; it is not text) is refused with its path', () => {
  it('in a value, in a key, in a decoded configuration string: exit 2, one printable line', async () => {
    const base = demoItem('AWS::S3::Bucket');
    for (const item of [{ ...base, resourceType: '\uD800' }, { ...base, tags: { ['a\nb\uDC00']: 'x' } }, { ...base, configuration: '{"name":"\\ud800"}' }]) {
      const run = await runPipeline([...ANCHOR_INPUTS, snapshotFile([item])]);
      expect(run.code).toBe(2);
      expect(run.error).toMatch(/lone UTF-16 surrogate, which is not text \(no AWS API writes one\)$/);
      expect(run.error).not.toMatch(/[\n\uD800-\uDFFF]/);
    }
  });
});

describe(`nesting deeper than ${MAX_JSON_DEPTH} levels is refused, with the limit named`, () => {
  function nested(levels: number): JsonValue {
    let value: JsonValue = 'leaf';
    for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { Environment: value };
    return value;
  }

  it('measures depth without recursion, even at a million levels', () => {
    expect(jsonLimitViolation(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonLimitViolation(nested(MAX_JSON_DEPTH + 1))?.path).toHaveLength(MAX_JSON_DEPTH);
    expect(jsonLimitViolation(JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`) as JsonValue)?.problem).toBe(`nests deeper than ${MAX_JSON_DEPTH} levels, the most cafscan reads`);
  });

  it('a configuration just within the limit is scanned; one past it, in the file or in a decoded JSON string, is exit 2', async () => {
    const within = { ...demoItem('AWS::SageMaker::NotebookInstance'), configuration: { Deep: nested(MAX_JSON_DEPTH - 4) } };
    expect((await runPipeline([snapshotFile([within])])).code).not.toBeGreaterThan(1);
    for (const configuration of [{ Deep: nested(MAX_JSON_DEPTH) }, JSON.stringify({ Deep: nested(MAX_JSON_DEPTH) })]) {
      const run = await runPipeline([snapshotFile([{ ...demoItem('AWS::SageMaker::NotebookInstance'), configuration }])]);
      expect(run.code).toBe(2);
      expect(run.error).toMatch(new RegExp(`nests deeper than ${MAX_JSON_DEPTH} levels, the most cafscan reads$`));
    }
  });

  it('through the CLI: 100,000 levels is one line on stderr, exit 2, previous outputs untouched', () => {
    const file = join(tempDir(), 'deep.json');
    writeFileSync(file, `{"configurationItems":[{"resourceType":"AWS::S3::Bucket","resourceId":"b","configuration":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}]}`);
    const out = tempDir();
    writeFileSync(join(out, 'results.json'), 'previous');
    const run = runCli(['scan', '--input', file, '--output-dir', out, '--format', 'none']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cafscan: .*deep\.json: \/configurationItems\/0\/configuration\/a\/a\/.*nests deeper than 256 levels, the most cafscan reads\n$/);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('previous');
  });
});

describe('a corrupt supplementary value is not recorded, and the reason says why', () => {
  it('a truncated S3 encryption setting: the encryption controls do not pass and name it', async () => {
    const snapshot = JSON.parse(readFileSync(ANCHOR_INPUTS[0]!, 'utf8')) as { configurationItems: Array<Record<string, JsonValue>> };
    const bucket = snapshot.configurationItems.find((i) => i.resourceType === 'AWS::S3::Bucket' && String(i.resourceName).startsWith('fraud-detection-training-data'))!;
    const before = await runPipeline(ANCHOR_INPUTS);
    const arn = String(bucket.ARN);
    const encryptionControls = before.findings.filter((f) => f.resource.arn === arn && f.status === 'pass' && /encrypt/i.test(f.title)).map((f) => f.controlId);
    expect(encryptionControls.length, 'the demo training bucket passes an encryption control').toBeGreaterThan(0);
    (bucket.supplementaryConfiguration as Record<string, JsonValue>).ServerSideEncryptionConfiguration = '{"rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:k';
    const file = join(tempDir(), 'config-snapshot.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const after = await runPipeline([file, ANCHOR_INPUTS[1]!]);
    for (const id of encryptionControls) {
      const finding = after.findings.find((f) => f.resource.arn === arn && f.controlId === id)!;
      expect(finding.status, id).toBe('not_evaluated');
      expect(finding.reason, id).toMatch(/supplementaryConfiguration\.ServerSideEncryptionConfiguration is not valid JSON/);
    }
  });
});
