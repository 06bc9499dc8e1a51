// Compiles Rego to a wasm module with the pinned opa CLI: `opa build -t wasm` writes a bundle
// tarball; the scanner and the tests need only the policy.wasm inside it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from './opa-cli.mjs';

/**
 * @param {string} opa the opa binary
 * @param {string[]} entrypoints rule paths such as "cafscan/main/findings"
 * @param {string[]} paths Rego files and directories (data.json files in directories are bundle data, not compiled in)
 * @param {{ ignore?: string[], quiet?: boolean }} options
 * @returns {Buffer} policy.wasm
 */
export function buildWasm(opa, entrypoints, paths, { ignore = [], quiet = false } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'cafscan-wasm-'));
  try {
    const tarball = join(work, 'bundle.tar.gz');
    const args = ['build', '-t', 'wasm', ...entrypoints.flatMap((e) => ['-e', e]), ...ignore.flatMap((i) => ['--ignore', i]), '-o', tarball, ...paths];
    execFileSync(opa, args, { cwd: repoRoot, stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit', maxBuffer: 64 << 20 });
    return extractFromTar(gunzipSync(readFileSync(tarball)), '/policy.wasm');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Minimal ustar reader: opa's bundle is a plain tar of a few files. */
export function extractFromTar(tar, wanted) {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar.subarray(offset, offset + 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.subarray(offset + 124, offset + 136).toString('utf8').replace(/\0.*$/s, '').trim(), 8);
    if (name === wanted || `/${name}` === wanted) return Buffer.from(tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} not found in the opa bundle`);
}
