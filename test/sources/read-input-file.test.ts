import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { readInputFile } from '../../src/sources/read-input-file.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

const item = { resourceType: 'AWS::S3::Bucket', resourceId: 'b', ARN: 'arn:aws:s3:::b', awsAccountId: '123456789012', awsRegion: 'us-east-1', configuration: { name: 'b' } };
const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readInputFile recognises each input format', () => {
  it('a Config snapshot, plain and gzipped (by content, not by name)', async () => {
    const snapshot = JSON.stringify({ fileVersion: '1.0', configSnapshotId: 'x', configurationItems: [item] });
    expect(await readInputFile(file('s.json', snapshot))).toMatchObject({ format: 'config-items', items: [item] });
    expect(await readInputFile(file('s.json.gz', gzipSync(snapshot)))).toMatchObject({ format: 'config-items', items: [item] });
    expect(await readInputFile(file('s-gz-without-suffix', gzipSync(snapshot)))).toMatchObject({ format: 'config-items' });
  });

  it('batch-get-resource-config and select-resource-config output, and a bare list', async () => {
    expect(await readInputFile(file('b.json', JSON.stringify({ baseConfigurationItems: [item], unprocessedResourceKeys: [] })))).toMatchObject({ items: [item] });
    expect(await readInputFile(file('q.json', JSON.stringify({ Results: [JSON.stringify(item)], QueryInfo: {} })))).toMatchObject({ items: [item] });
    expect(await readInputFile(file('l.json', JSON.stringify([item])))).toMatchObject({ items: [item] });
  });

  it('a cafscan inventory round-trips through loadInputs', async () => {
    const inventory = await loadInputs([file('snap.json', JSON.stringify({ configurationItems: [item] }))]);
    const again = await loadInputs([file('inventory.json', JSON.stringify(inventory))]);
    expect(again.resources).toEqual(inventory.resources);
    expect(again.coverage).toEqual(inventory.coverage);
  });
});

describe('bad input is an InputError with one clear line', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['missing file', () => join(dir, 'nope.json'), /^cannot read input .*nope\.json: no such file$/],
    ['a directory', () => dir, /it is a directory$/],
    ['invalid JSON', () => file('bad.json', '{"configurationItems": ['), /bad\.json is not valid JSON/],
    // Several read chunks of nothing but newlines before the root: their lines count too.
    ['a stray character after many blank lines', () => file('blank-lines.json', `${'\n'.repeat(200_000)}{"configurationItems": #}`), /blank-lines\.json is not valid JSON \(unexpected "#" at line 200001, column 24\)$/],
    ['neither format', () => file('other.json', '{"hello": "world"}'), /is neither an AWS Config snapshot, a list of configuration items .* nor a cafscan inventory$/],
    ['truncated gzip', () => file('t.json.gz', gzipSync(JSON.stringify({ configurationItems: [item] })).subarray(0, 20)), /is not a readable gzip file \(truncated or corrupt\)$/],
    ['a future inventory schema', () => file('inv.json', JSON.stringify({ kind: 'cafscan-inventory', schemaVersion: '9', resources: [] })), /schemaVersion "9"; this cafscan reads "1"$/],
  ];
  for (const [name, path, message] of cases) {
    it(name, async () => {
      const target = path();
      await expect(readInputFile(target)).rejects.toThrow(InputError);
      await expect(readInputFile(target)).rejects.toThrow(message);
    });
  }
});

describe('the streamed reader reads what JSON.parse of the whole file reads', () => {
  // ../shared beside the main checkout; a worktree sits one level deeper (/work/wt/<name>).
  const REAL_WORLD = [join(repoRoot, '..', 'shared', 'real-world'), join(repoRoot, '..', '..', 'shared', 'real-world')].find((dir) => existsSync(dir))!;
  const files = [join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json'), ...readdirSync(REAL_WORLD).filter((n) => n !== 'README.md').map((n) => join(REAL_WORLD, n))];

  it('the demo and every real-world input: the same items (or inventory) as a whole-document parse', async () => {
    for (const path of files) {
      const raw = readFileSync(path);
      const whole = JSON.parse((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8')) as Record<string, unknown> | unknown[];
      const read = await readInputFile(path);
      if (read.format === 'inventory') {
        expect(read.inventory, path).toEqual(whole);
        continue;
      }
      const doc = whole as Record<string, unknown>;
      const expected = Array.isArray(whole) ? whole : (doc.configurationItems ?? doc.baseConfigurationItems ?? (doc.Results as string[]).map((row) => JSON.parse(row) as unknown));
      expect(read.items, path).toEqual(expected);
    }
  });
});

describe('errors come in the order a whole-document read gives them', () => {
  it('invalid JSON after a bad item is reported as invalid JSON; a bad item alone is named', async () => {
    const bad = { resourceType: 'AWS::S3::Bucket' };
    const named = file('item.json', JSON.stringify({ configurationItems: [item, bad] }));
    const { loadInputs: load } = await import('../../src/sources/load-inputs.js');
    await expect(load([named])).rejects.toThrow(/item\.json item 1: a configuration item has no resourceType or resourceId$/);
    await expect(load([file('both.json', `{"configurationItems": [${JSON.stringify(bad)}, `)])).rejects.toThrow(/both\.json is not valid JSON/);
  });

  it('a broken item is reported as invalid JSON even when a byte that is not UTF-8 comes later', async () => {
    // The broken item leaves a bracket open; the later byte must not be what the user is told.
    const many = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ ...item, resourceId: `b${i}`, ARN: `arn:aws:s3:::b${i}` })).join(',');
    const text = Buffer.concat([Buffer.from(`{"configurationItems": [{"resourceType":"AWS::S3::Bucket","configuration":{"x":[1,2}},${many},"caf`), Buffer.from([0xe9]), Buffer.from('"]}')]);
    await expect(readInputFile(file('broken-then-latin1.json', text))).rejects.toThrow(/broken-then-latin1\.json is not valid JSON/);
  });

  it('an inventory written with schemaVersion after its resources is still checked for it first', async () => {
    const doc = `{"kind": "cafscan-inventory", "resources": [{"type": 7}], "schemaVersion": "9"}`;
    await expect(readInputFile(file('late-version.json', doc))).rejects.toThrow(/schemaVersion "9"; this cafscan reads "1"$/);
  });

  it('a list the file does not use is not reported: configurationItems wins over an empty-looking Results', async () => {
    const doc = JSON.stringify({ configurationItems: [item], Results: ['{not json'] });
    expect(await readInputFile(file('two-lists.json', doc))).toMatchObject({ format: 'config-items', items: [item] });
    expect(await readInputFile(file('empty-first.json', JSON.stringify({ configurationItems: [], baseConfigurationItems: [item] })))).toMatchObject({ items: [] });
  });
});
