import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, readBaseline } from '../../src/baseline/compare-baseline.js';
import type { BaselineFinding } from '../../src/model/baseline.js';
import { InputError } from '../../src/errors.js';
import type { Finding } from '../../src/model/finding.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const resource = (n: number) => ({ arn: `arn:aws:s3:::b${n}`, type: 'AWS::S3::Bucket', id: `b${n}`, region: 'us-east-1', accountId: '123456789012' });
const finding = (n: number, status: string, extra: Record<string, unknown> = {}) => ({ controlId: 'CAF-AI-DP-01', title: 't', severity: 'high', status, resource: resource(n), message: `m${n}`, reason: 'r', evidence: { big: 'x'.repeat(100) }, ...extra });

describe('readBaseline streams a results.json', () => {
  const findings = [finding(1, 'fail'), finding(2, 'pass'), finding(3, 'fail', { suppression: { reason: 'accepted', expires: null } }), finding(4, 'not_evaluated')];
  const results = JSON.stringify({ schemaVersion: '1', scan: { startedAt: '2026-10-01T00:00:00Z' }, findings, scores: {} });

  it('keeps a failure whole and the rest as identity, status and suppression', async () => {
    const read = await readBaseline(file('results.json', results));
    expect(read.startedAt).toBe('2026-10-01T00:00:00Z');
    expect(read.findings).toEqual([
      findings[0],
      { controlId: 'CAF-AI-DP-01', status: 'pass', resource: resource(2) },
      { controlId: 'CAF-AI-DP-01', status: 'fail', resource: resource(3), suppression: true },
      { controlId: 'CAF-AI-DP-01', status: 'not_evaluated', resource: resource(4) },
    ]);
  });

  it('reads a pretty-printed file (as cafscan writes it) the same as a compact one', async () => {
    const pretty = JSON.stringify({ schemaVersion: '1', scan: { startedAt: '2026-10-01T00:00:00Z' }, findings, scores: {} }, null, 2);
    expect(await readBaseline(file('pretty.json', pretty))).toEqual(await readBaseline(file('results.json', results)));
  });

  it('compares exactly as the whole findings would', async () => {
    const read = await readBaseline(file('results.json', results));
    const whole = { findings: findings as unknown as BaselineFinding[], startedAt: '2026-10-01T00:00:00Z' };
    const now = (): Finding[] => [
      { ...finding(2, 'fail') },
      { ...finding(3, 'pass') },
      { ...finding(4, 'pass') },
    ] as unknown as Finding[];
    const scanned = { accounts: ['123456789012'], regions: ['us-east-1'] };
    const a = now();
    const b = now();
    expect(compareWithBaseline(a, read, 'r', scanned)).toEqual(compareWithBaseline(b, whole, 'r', scanned));
    expect(a.map((f) => f.baselineState)).toEqual(b.map((f) => f.baselineState));
  });

  it('a baseline that is not UTF-8 is refused, not read with U+FFFD in its ARNs', async () => {
    const path = join(dir, 'latin1.json');
    const text = Buffer.from(results);
    const at = text.indexOf('arn:aws:s3:::b1"') + 'arn:aws:s3:::b1'.length;
    writeFileSync(path, Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at)]));
    const error = await readBaseline(path).then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toMatch(/^cannot read baseline \S+latin1\.json: /);
  });

  const bad: Array<[string, () => string, RegExp]> = [
    ['missing', () => join(dir, 'nope.json'), /^cannot read baseline \S+nope\.json: no such file$/],
    ['a directory', () => dir, /: EISDIR$/],
    ['invalid JSON', () => file('bad.json', '{"schemaVersion": "1", "findings": ['), /^cannot read baseline \S+bad\.json: not valid JSON \(it ends in the middle of a value, as a truncated file does\)$/],
    ['a stray character', () => file('stray.json', '{\n  "schemaVersion": "1",\n  "findings": [] ;\n}'), /^cannot read baseline \S+stray\.json: not valid JSON \(unexpected ";" at line 3, column 18\)$/],
    ['not results', () => file('other.json', '{"configurationItems": []}'), /is not a cafscan results\.json \(schemaVersion "1" with findings\)$/],
    ['findings not a list', () => file('obj.json', '{"schemaVersion": "1", "findings": {"a": 1}}'), /is not a cafscan results\.json/],
    ['a list at the root', () => file('list.json', '[1]'), /is not a cafscan results\.json/],
    ['a finding without its arn', () => file('noarn.json', JSON.stringify({ schemaVersion: '1', findings: [{ controlId: 'x', status: 'fail', resource: {} }] })), /has findings without controlId, status or resource\.arn$/],
  ];
  for (const [name, path, message] of bad) {
    it(`${name}: one InputError line`, async () => {
      const error = await readBaseline(path()).then(() => undefined, (e: unknown) => e as Error);
      expect(error).toBeInstanceOf(InputError);
      expect(error?.message).toMatch(message);
    });
  }
});
