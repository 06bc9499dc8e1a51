// `node scripts/opa.mjs <args>`: run the pinned opa CLI, installing it first when needed.
import { spawnSync } from 'node:child_process';
import { ensureOpa, repoRoot } from './opa-cli.mjs';

const run = spawnSync(ensureOpa(), process.argv.slice(2), { stdio: 'inherit', cwd: repoRoot });
process.exit(run.status ?? 1);
