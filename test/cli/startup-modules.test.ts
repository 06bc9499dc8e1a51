import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';

/**
 * The AWS SDK clients are loaded only by commands that call AWS: before, every run of the CLI
 * imported the collectors and with them every client (~0.8 s of a demo scan's 1.4 s, and of
 * `cafscan --version`). The SDK's packages are CommonJS (their `main`), so what the CLI loaded
 * shows in require's module cache, which a preloaded script writes out at exit.
 */
let preload: string;
let dir: string;

beforeAll(() => {
  dir = tempDir();
  preload = join(dir, 'list-modules.cjs');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(process.env.CAFSCAN_TEST_MODULES, Object.keys(require('module')._cache).join('\\n')));\n`);
});

function loadedModules(args: string[], name: string): { status: number | null; stdout: string; stderr: string; modules: string[] } {
  const list = join(dir, `${name}.txt`);
  const run = spawnSync(process.execPath, ['-r', preload, cafscanBin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', CAFSCAN_TEST_MODULES: list, AWS_EC2_METADATA_DISABLED: 'true' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, modules: readFileSync(list, 'utf8').split('\n') };
}

const sdk = (modules: string[]) => modules.filter((path) => /[\\/]node_modules[\\/]@(aws-sdk|smithy)[\\/]/.test(path));

describe('start-up: the AWS SDK is loaded only for what calls AWS', () => {
  it('a scan of input files loads no AWS SDK module', () => {
    const run = loadedModules(['scan', '--demo', '-o', join(dir, 'out'), '--format', 'none'], 'demo');
    expect(run.status, run.stderr).toBe(0);
    // The scan did load modules (the preload works): the policy engine, for one.
    expect(run.modules.some((path) => path.includes('opa-wasm'))).toBe(true);
    expect(sdk(run.modules)).toEqual([]);
  });

  it('--version and --help load none either', () => {
    for (const args of [['--version'], ['scan', '--help']]) {
      const run = loadedModules(args, args.join('_'));
      expect(run.status, run.stderr).toBe(0);
      expect(sdk(run.modules)).toEqual([]);
    }
  });

  it('iam-policy, generated from the collectors, loads them (the check above can see SDK modules)', () => {
    const run = loadedModules(['iam-policy'], 'iam-policy');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('Statement');
    expect(sdk(run.modules).length).toBeGreaterThan(0);
  });
});
