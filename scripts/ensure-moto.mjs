// Makes sure the Python tools the tests run are installed at their pinned versions: moto's server
// (the AWS emulator the integration tests run the collectors against) and cfn-lint (which checks
// the generated member-role CloudFormation template and the IAM actions it grants). Each missing
// or other-version one is installed with pip, once.
import { spawnSync } from 'node:child_process';

export const MOTO_VERSION = '5.2.1';
export const CFN_LINT_VERSION = '1.51.0';
const python = process.env.PYTHON ?? 'python3';

const TOOLS = [
  { requirement: `moto[server]==${MOTO_VERSION}`, version: MOTO_VERSION, probe: 'import moto, moto.server, flask; print(moto.__version__)', why: 'the integration tests' },
  { requirement: `cfn-lint==${CFN_LINT_VERSION}`, version: CFN_LINT_VERSION, probe: 'from importlib.metadata import version; import cfnlint; print(version("cfn-lint"))', why: 'the permission template tests' },
];

function installedVersion(probe) {
  const run = spawnSync(python, ['-c', probe], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

for (const tool of TOOLS) {
  if (installedVersion(tool.probe) === tool.version) continue;
  process.stderr.write(`installing ${tool.requirement} with pip (one time)…\n`);
  const pip = spawnSync(python, ['-m', 'pip', 'install', '--quiet', tool.requirement], { stdio: 'inherit' });
  if (pip.status !== 0 || installedVersion(tool.probe) !== tool.version) {
    console.error(`cafscan: could not install ${tool.requirement} (needed by ${tool.why})`);
    process.exit(1);
  }
}
