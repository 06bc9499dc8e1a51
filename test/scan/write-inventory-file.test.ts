import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { writeInventoryFile } from '../../src/scan/write-inventory-file.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

/** `cafscan collect --output` writes through the same all-or-nothing path as the scan's reports. */
const inventory = await loadInputs([join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json')]);

describe('writeInventoryFile', () => {

  it('writes the inventory, and nothing else is left in the directory', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    expect(await writeInventoryFile(join(dir, 'inventory.json'), inventory, true)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['inventory.json', 'notes.txt']);
    expect(JSON.parse(readFileSync(join(dir, 'inventory.json'), 'utf8')).resources).toHaveLength(inventory.resources.length);
  });

  it('a previous inventory that cannot be replaced (immutable, EPERM) stays byte for byte: exit 3, no scratch left', async () => {
    const dir = tempDir();
    const file = join(dir, 'inventory.json');
    writeFileSync(file, 'the previous inventory');
    expect(spawnSync('chattr', ['+i', file]).status, 'chattr +i must work here (root on ext4/xfs/btrfs)').toBe(0);
    try {
      const failure = await writeInventoryFile(file, inventory, true).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(OutputError);
      expect((failure as OutputError).exitCode).toBe(3);
      expect((failure as OutputError).message).toMatch(/^cannot replace inventory\.json in \S+: operation not permitted; the previous reports were put back unchanged$/);
    } finally {
      spawnSync('chattr', ['-i', file]);
    }
    expect(readdirSync(dir)).toEqual(['inventory.json']);
    expect(readFileSync(file, 'utf8')).toBe('the previous inventory');
  });
});
