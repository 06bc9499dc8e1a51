// Strict checks on policies/, run by `npm test` (before vitest): each must report nothing.
//   opa check --strict   unused arguments and imports, shadowed names, deprecated builtins…
//   opa fmt --list       files opa fmt would change (run `node scripts/opa.mjs fmt -w policies`)
//   lint-rego            the project's own checks (scripts/lint-rego.mjs)
import { spawnSync } from 'node:child_process';
import { ensureOpa, repoRoot } from './opa-cli.mjs';

const opa = ensureOpa();
let failed = false;
const run = (label, command, args, { outputIsFailure = false } = {}) => {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  const ok = result.status === 0 && !(outputIsFailure && output !== '');
  if (!ok) {
    failed = true;
    console.error(`${label}: failed${outputIsFailure && output ? ' (files to format)' : ''}\n${output}`);
  } else if (output) console.log(output);
  else console.log(`${label}: ok`);
};
run('opa check --strict policies', opa, ['check', '--strict', 'policies']);
run('opa fmt --list policies', opa, ['fmt', '--list', 'policies'], { outputIsFailure: true });
run('lint-rego', process.execPath, ['scripts/lint-rego.mjs']);
process.exit(failed ? 1 : 0);
