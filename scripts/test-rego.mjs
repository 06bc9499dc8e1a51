// Runs the Rego unit tests (opa test) with the routing derived from control metadata.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureOpa, repoRoot } from './opa-cli.mjs';
import { readCatalog, writeCatalogData } from './policy-catalog.mjs';

const opa = ensureOpa();
const dataDir = mkdtempSync(join(tmpdir(), 'cafscan-rego-test-'));
let status = 1;
try {
  writeCatalogData(readCatalog(opa), dataDir);
  const run = spawnSync(opa, ['test', 'policies', dataDir, ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
  status = run.status ?? 1;
} catch (error) {
  console.error(error.message);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
