import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './cli.js';

/**
 * Worker threads and the CLI run the compiled dist/, not the TypeScript vitest runs: a test that
 * reaches them after an edit to src/ would test yesterday's code. Rebuilds when any source is
 * newer than its compiled file (`npm test` builds first, so there this is a no-op).
 */
export function ensureBuiltDist(): void {
  const stale = sources(join(repoRoot, 'src')).some((file) => {
    const built = join(repoRoot, 'dist', relative(join(repoRoot, 'src'), file)).replace(/\.ts$/, '.js');
    return !existsSync(built) || statSync(built).mtimeMs < statSync(file).mtimeMs;
  });
  if (stale) execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], { stdio: 'inherit' });
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
