import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { InputError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cafscan-config-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('cafscan.config.json', () => {
  it('reads asset rules and allResources', () => {
    const path = file('good.json', JSON.stringify({ allResources: true, assets: [{ component: 'output', arn: 'arn:aws:s3:::*-logs', resourceTypes: ['AWS::S3::Bucket'], description: 'inference logs' }] }));
    expect(loadConfig(path)).toEqual({
      path,
      allResources: true,
      suppressions: [],
      assets: [{ component: 'output', arn: 'arn:aws:s3:::*-logs', resourceTypes: ['AWS::S3::Bucket'], description: 'inference logs', source: 'good.json#assets[0]' }],
    });
  });

  it('is optional: no file and no --config means no rules', () => {
    expect(loadConfig(undefined, join(dir, 'absent.json'))).toEqual({ path: null, assets: [], allResources: false, suppressions: [] });
  });

  it.each([
    ['not JSON', '{', /is not valid JSON/],
    ['an unknown key', '{"asset": []}', /unknown key "asset"/],
    ['a bad component', '{"assets": [{"component": "training", "arn": "*"}]}', /assets\[0\]\.component must be one of input, model, output/],
    ['a rule that matches nothing in particular', '{"assets": [{"component": "input"}]}', /needs "arn" or "tags"/],
    ['a non-string tag value', '{"assets": [{"component": "input", "tags": {"ai": true}}]}', /tags\.ai must be a string/],
  ])('rejects %s with one clear line', (_, text, message) => {
    const path = file(`bad-${Math.random()}.json`, text);
    expect(() => loadConfig(path)).toThrow(InputError);
    expect(() => loadConfig(path)).toThrow(message);
  });

  it('says when an explicit --config file does not exist', () => {
    expect(() => loadConfig(join(dir, 'missing.json'))).toThrow(/cannot read config .*missing\.json: no such file/);
  });
});
