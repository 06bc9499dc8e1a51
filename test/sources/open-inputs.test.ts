import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, ScanError } from '../../src/errors.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { resourceSetOf, type ResourceSet } from '../../src/inventory/resource-set.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { openInputs } from '../../src/sources/open-inputs.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

// ../shared beside the main checkout; a worktree sits one level deeper (/work/wt/<name>).
const REAL_WORLD = [join(repoRoot, '..', 'shared', 'real-world'), join(repoRoot, '..', '..', 'shared', 'real-world')].find((dir) => existsSync(dir))!;
const realWorld = readdirSync(REAL_WORLD).filter((name) => name !== 'README.md').map((name) => join(REAL_WORLD, name));
const demo = join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json');

async function all(set: ResourceSet): Promise<InventoryResource[]> {
  const out: InventoryResource[] = [];
  for await (const resource of set.resources()) out.push(resource);
  return out;
}

/**
 * Where openInputs keeps the resources: as objects (below spillAboveBytes), as JSON in memory, on
 * disk (a memory budget of 0), or the first few kilobytes in memory and the rest on disk.
 */
interface Keeping {
  spillAboveBytes: number;
  memoryBytes?: number;
}
const MODES: Array<{ name: string; keeping: Keeping }> = [
  { name: 'on disk', keeping: { spillAboveBytes: 0, memoryBytes: 0 } },
  { name: 'as JSON in memory', keeping: { spillAboveBytes: 0 } },
  { name: 'in memory up to 4 KiB, then on disk', keeping: { spillAboveBytes: 0, memoryBytes: 4096 } },
  { name: 'as objects', keeping: { spillAboveBytes: 64 << 20 } },
];

/** openInputs against the whole-inventory reference (loadInputs → buildInventory), resource for resource. */
async function expectSameAsLoadInputs(files: string[], keeping: Keeping): Promise<number> {
  const spillDir = tempDir();
  const reference = await loadInputs(files).then(resourceSetOf, (error: unknown) => error as Error);
  const streamed = await openInputs(files, { ...keeping, tempDir: spillDir }).catch((error: unknown) => error as Error);
  if (reference instanceof Error) {
    expect(streamed).toBeInstanceOf(InputError);
    expect((streamed as Error).message).toBe(reference.message);
    expect(readdirSync(spillDir)).toEqual([]);
    return 0;
  }
  if (streamed instanceof Error) throw streamed;
  try {
    expect(streamed.header).toEqual(reference.header);
    expect(streamed.count).toBe(reference.count);
    const expected = await all(reference);
    // Twice: each pass reads the set anew, in the same order.
    for (let pass = 0; pass < 2; pass++) {
      const got = await all(streamed);
      expect(got.length).toBe(expected.length);
      for (let i = 0; i < expected.length; i++) expect(got[i], `${files.join(' ')} #${i}`).toEqual(expected[i]);
    }
    // A temp file only when the memory budget is spent (with 4 KiB, on all but the smallest inputs).
    const kept = readdirSync(spillDir).length;
    if (keeping.memoryBytes === 0) expect(kept).toBe(1);
    else if (keeping.memoryBytes === undefined) expect(kept).toBe(0);
    else expect(kept).toBe(expected.reduce((bytes, r) => bytes + Buffer.byteLength(JSON.stringify(r)), 0) > keeping.memoryBytes ? 1 : 0);
  } finally {
    await streamed.close();
    await streamed.close();
  }
  expect(readdirSync(spillDir)).toEqual([]);
  return reference.count;
}

describe('openInputs merges exactly like loadInputs', () => {
  for (const { name: mode, keeping } of MODES) {
    it(`the demo snapshot (${mode})`, async () => {
      expect(await expectSameAsLoadInputs([demo], keeping)).toBeGreaterThan(90);
    });

    it(`every real-world input on its own (${mode})`, async () => {
      let resources = 0;
      for (const file of realWorld) resources += await expectSameAsLoadInputs([file], keeping);
      expect(resources).toBeGreaterThan(100);
    });

    it(`all real-world inputs and the demo together, in two orders (${mode})`, async () => {
      // Some real-world files are meant to be refused; together, only the readable ones.
      const readable: string[] = [];
      for (const file of realWorld) if (await loadInputs([file]).then(() => true, () => false)) readable.push(file);
      expect(readable.length).toBeGreaterThan(20);
      expect(await expectSameAsLoadInputs([demo, ...readable], keeping)).toBeGreaterThan(100);
      expect(await expectSameAsLoadInputs([...readable].reverse(), keeping)).toBeGreaterThan(10);
    });
  }

  it('newest capture, deletions and a saved inventory with account facts, across files', async () => {
    const dir = tempDir();
    const arn = 'arn:aws:s3:::m';
    const bucket = (at: string, marker: string, status = 'OK') => ({ resourceType: 'AWS::S3::Bucket', resourceId: 'm', ARN: arn, awsAccountId: '123456789012', awsRegion: 'us-east-1', configurationItemCaptureTime: at, configurationItemStatus: status, configuration: { marker } });
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const gone = join(dir, 'gone.json');
    writeFileSync(a, JSON.stringify({ configurationItems: [bucket('2026-10-01T10:00:00Z', 'old')] }));
    writeFileSync(b, JSON.stringify([bucket('2026-10-01T08:00:00-04:00', 'new')]));
    writeFileSync(gone, JSON.stringify({ configurationItems: [{ ...bucket('2026-10-02T00:00:00Z', 'x', 'ResourceDeleted'), ARN: undefined, awsAccountId: undefined }] }));
    const saved = join(dir, 'inventory.json');
    const inventory = await loadInputs([a, b]);
    const account = inventory.resources.find((r) => r.type === 'AWS::::Account')!;
    account.configuration.recorded = 'kept';
    writeFileSync(saved, JSON.stringify(inventory));
    for (const { keeping } of MODES) {
      await expectSameAsLoadInputs([a, b], keeping);
      await expectSameAsLoadInputs([b, a, gone], keeping);
      await expectSameAsLoadInputs([saved, a], keeping);
      const set = await openInputs([saved, b], keeping);
      const resources = await all(set);
      await set.close();
      expect(resources.find((r) => r.arn === arn)?.configuration.marker).toBe('new');
      expect(resources.find((r) => r.type === 'AWS::::Account')?.configuration.recorded).toBe('kept');
    }
  });

  it('a bad input among several: the same one-line error, and no spill file left', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"configurationItems": [{"resourceType": "AWS::S3::Bucket"}]}');
    for (const { keeping } of MODES) await expectSameAsLoadInputs([demo, bad], keeping);
    expect(existsSync(bad)).toBe(true);
  });

  it('a spill file not closed is removed when the process exits', () => {
    const spillDir = tempDir();
    const script = `
      const { openInputs } = await import(${JSON.stringify(join(repoRoot, 'dist', 'sources', 'open-inputs.js'))});
      const set = await openInputs([${JSON.stringify(demo)}], { spillAboveBytes: 0, memoryBytes: 0, tempDir: ${JSON.stringify(spillDir)} });
      let n = 0;
      for await (const r of set.resources()) n++;
      const { readdirSync } = await import('node:fs');
      console.log(n, readdirSync(${JSON.stringify(spillDir)}).length);
      process.exit(0);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d{2,} 1$/);
    expect(readdirSync(spillDir)).toEqual([]);
  });

  it('a spill file is removed when a stop signal ends the process while inputs are read (review finding)', () => {
    const spillDir = tempDir();
    // The signal arrives with the spill open and nothing else listening: the process must still
    // end by that signal (not hang, not exit 0) and leave no spill behind.
    const script = `
      const { openInputs } = await import(${JSON.stringify(join(repoRoot, 'dist', 'sources', 'open-inputs.js'))});
      const set = await openInputs([${JSON.stringify(demo)}], { spillAboveBytes: 0, memoryBytes: 0, tempDir: ${JSON.stringify(spillDir)} });
      const { readdirSync } = await import('node:fs');
      console.log(readdirSync(${JSON.stringify(spillDir)}).length);
      process.kill(process.pid, 'SIGTERM');
      setTimeout(() => console.log('still running'), 2000);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('1');
    expect(run.signal).toBe('SIGTERM');
    expect(readdirSync(spillDir)).toEqual([]);
  });

  it('a temp directory that cannot hold the spill is one clear line, not an internal error (review finding)', async () => {
    const missing = join(tempDir(), 'no-such-dir');
    const failure = await openInputs([demo], { spillAboveBytes: 0, memoryBytes: 0, tempDir: missing }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ScanError);
    expect((failure as Error).message).toMatch(/^cannot keep the input's resources in a temporary file under .*no-such-dir \(ENOENT: .*\); set TMPDIR to a directory with room$/);
    expect((failure as Error).message).not.toContain('\n');
  });
});
