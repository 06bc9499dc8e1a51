import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cafscanBin, repoRoot, runCli, tempDir, type CliRun } from '../helpers/cli.js';

/**
 * The report set is replaced all together or not at all: a full disk, a file-size limit or a
 * failing rename leaves the previous reports byte for byte, exits 3 with one line, and leaves no
 * scratch file behind. Each case uses a real OS failure (no test hooks in the CLI).
 */

const DEMO_FILES = ['inventory.json', 'results.json', 'results.sarif', 'summary.md', 'report.html'];
const newScan = (out: string, extra: string[] = []) => ['scan', '--demo', '-o', out, '--format', 'none', 'markdown', 'html', ...extra];
const PAGE = 4096;
const pages = (bytes: number) => Math.ceil(bytes / PAGE);

/** Every file of a directory with its bytes (subdirectories by name only). */
function contents(dir: string): Record<string, Buffer | 'dir'> {
  const out: Record<string, Buffer | 'dir'> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) out[entry.name] = entry.isDirectory() ? 'dir' : readFileSync(join(dir, entry.name));
  return out;
}

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) copyFileSync(join(from, name), join(to, name));
}

function expectOneLineFailure(run: CliRun, pattern: RegExp): void {
  expect(run.status).toBe(3);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^cafscan: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).toMatch(pattern);
}

let previous: string;
let demoSizes: Record<string, number>;
beforeAll(() => {
  // The "previous" reports: a small scan, with every report kind and a SARIF part a larger scan left.
  const work = tempDir();
  const snapshot = join(work, 'small.json');
  writeFileSync(snapshot, JSON.stringify({
    configurationItems: [{
      resourceType: 'AWS::SageMaker::NotebookInstance', resourceId: 'nb', ARN: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/nb',
      awsAccountId: '123456789012', awsRegion: 'us-east-1', configuration: { NotebookInstanceName: 'nb', DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' },
    }],
  }));
  previous = join(work, 'previous');
  expect(runCli(['scan', '--input', snapshot, '-o', previous, '--format', 'none', 'markdown', 'html']).status).toBe(0);
  copyFileSync(join(previous, 'results.sarif'), join(previous, 'results-2.sarif'));
  // What the new scan writes, measured on a normal disk, so the tmpfs sizes below put the
  // failure inside a chosen file whatever the demo grows into.
  const reference = join(work, 'reference');
  expect(runCli(newScan(reference)).status).toBe(0);
  demoSizes = Object.fromEntries(DEMO_FILES.map((name) => [name, statSync(join(reference, name)).size]));
});

/** root can mount a tmpfs in this sandbox; where it cannot, RLIMIT_FSIZE gives a real kernel failure instead. */
function canMountTmpfs(): boolean {
  const probe = tempDir('cafscan-mount-probe-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return mounted;
}

const tmpfsAvailable = canMountTmpfs();

// Where mount is refused, the full-disk cases cannot run; the RLIMIT_FSIZE case below then stands in (and says so).
if (tmpfsAvailable) describe('a full disk (a small tmpfs, real ENOSPC)', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const mount of mounts) {
      spawnSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });

  /** A tmpfs holding the previous reports, with room for the new files before `failIn` and half of `failIn`. */
  function diskFullIn(failIn: string | undefined): string {
    const previousPages = readdirSync(previous).reduce((n, name) => n + pages(statSync(join(previous, name)).size), 0);
    const index = failIn ? DEMO_FILES.indexOf(failIn) : DEMO_FILES.length;
    const before = DEMO_FILES.slice(0, index).reduce((n, name) => n + pages(demoSizes[name]!), 0);
    const room = failIn ? Math.floor(pages(demoSizes[failIn]!) / 2) : 16;
    const mount = tempDir('cafscan-tmpfs-');
    const kib = ((previousPages + before + room) * PAGE) / 1024;
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', mount]);
    expect(mounted.status, mounted.stderr.toString()).toBe(0);
    mounts.push(mount);
    copyDir(previous, join(mount, 'out'));
    return join(mount, 'out');
  }

  for (const name of DEMO_FILES) {
    it(`the disk fills while writing ${name}: exit 3, one line naming it, the previous reports byte for byte, no scratch left`, () => {
      const out = diskFullIn(name);
      const before = contents(out);
      const run = runCli(newScan(out));
      expectOneLineFailure(run, new RegExp(`^cafscan: cannot write ${name.replace('.', '\\.')} in \\S+: no space left on device; the output directory was left as it was\\n$`));
      expect(contents(out)).toEqual(before);
    });
  }

  it('with room for both sets, the same tmpfs takes the new reports (the harness itself works)', () => {
    const out = diskFullIn(undefined);
    const run = runCli(newScan(out));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The stale results-2.sarif of the larger previous scan went with the old set.
    expect(readdirSync(out).sort()).toEqual([...DEMO_FILES].sort());
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).scan.sources).toEqual(['demo']);
  });
});

describe(`${tmpfsAvailable ? '' : 'mount is not permitted here, so instead of a full disk: '}a file-size limit (RLIMIT_FSIZE) cuts a write short, and the short write is seen`, () => {
  it('exit 3 naming the file; the previous reports byte for byte; no scratch left', () => {
    // A limit between the sizes of the files written before results.sarif and results.sarif itself:
    // the kernel accepts part of a write (a short write), then refuses the rest with EFBIG.
    const earlier = Math.max(demoSizes['inventory.json']!, demoSizes['results.json']!);
    expect(demoSizes['results.sarif']!).toBeGreaterThan(earlier + 2 * PAGE);
    const limit = Math.floor((earlier + demoSizes['results.sarif']!) / 2);
    const out = join(tempDir(), 'out');
    copyDir(previous, out);
    const before = contents(out);
    const run = spawnSync('prlimit', [`--fsize=${limit}`, process.execPath, cafscanBin, ...newScan(out)], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expectOneLineFailure(run, /^cafscan: cannot write results\.sarif in \S+: file too large for this file system or the process file-size limit; the output directory was left as it was\n$/);
    expect(contents(out)).toEqual(before);
  });
});

describe('a rename fails in the middle of the swap', () => {
  function chattr(flag: '+i' | '-i', path: string): boolean {
    return spawnSync('chattr', [flag, path]).status === 0;
  }

  it('an immutable results.sarif (chattr +i, EPERM): inventory.json and results.json are put back, exit 3, nothing left over', () => {
    const out = join(tempDir(), 'out');
    copyDir(previous, out);
    const before = contents(out);
    const locked = join(out, 'results.sarif');
    // chattr needs CAP_LINUX_IMMUTABLE and a filesystem with inode flags; the test says so if it lacks them.
    expect(chattr('+i', locked), 'chattr +i must work here (root on ext4/xfs/btrfs)').toBe(true);
    try {
      const run = runCli(newScan(out));
      expectOneLineFailure(run, /^cafscan: cannot replace results\.sarif in \S+: operation not permitted; the previous reports were put back unchanged\n$/);
    } finally {
      chattr('-i', locked);
    }
    expect(contents(out)).toEqual(before);
  });

  it('a report name taken by a non-empty directory is refused before anything moves', () => {
    const out = join(tempDir(), 'out');
    copyDir(previous, out);
    rmSync(join(out, 'report.html'));
    mkdirSync(join(out, 'report.html'));
    writeFileSync(join(out, 'report.html', 'keep.txt'), 'the user\'s');
    const before = contents(out);
    const run = runCli(newScan(out));
    expectOneLineFailure(run, /^cafscan: cannot write to \S+: \S+report\.html is a directory, which cafscan does not replace; the output directory was left as it was\n$/);
    expect(contents(out)).toEqual(before);
    expect(readFileSync(join(out, 'report.html', 'keep.txt'), 'utf8')).toBe('the user\'s');
  });
});

describe('writing into a new output directory on a full disk', () => {
  it('leaves no empty directory behind', () => {
    const parent = tempDir();
    const run = spawnSync('prlimit', ['--fsize=1000', process.execPath, cafscanBin, ...newScan(join(parent, 'a', 'b'))], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expectOneLineFailure(run, /^cafscan: cannot write inventory\.json in \S+: file too large/);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('a stop signal while the reports are written', () => {
  it('SIGTERM as the staging directory appears: the set is whole (all old or all new), nothing left over, and the process still dies of SIGTERM', async () => {
    const out = join(tempDir(), 'out');
    copyDir(previous, out);
    const before = contents(out);
    const child = spawn(process.execPath, [cafscanBin, ...newScan(out)], { cwd: repoRoot, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    let signalled = false;
    // The staging directory is the first thing the write makes: signal then, in the middle of it.
    const watcher = watch(out, (_event, name) => {
      if (!signalled && name?.startsWith('.cafscan-new-')) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    watcher.close();
    expect(signalled).toBe(true);
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    const after = contents(out);
    expect(Object.keys(after).filter((name) => name.startsWith('.'))).toEqual([]);
    const unchanged = Object.keys(before).filter((name) => after[name] !== undefined && Buffer.compare(after[name] as Buffer, before[name] as Buffer) === 0);
    if (unchanged.length === Object.keys(before).length) return; // the signal came before the swap: the old set, untouched
    expect(Object.keys(after).sort()).toEqual([...DEMO_FILES].sort());
    expect(unchanged).toEqual([]);
  });
});
