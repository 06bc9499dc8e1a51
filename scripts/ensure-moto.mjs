// Makes sure moto's server (the AWS emulator the integration tests run the collectors against)
// is installed: `pip install 'moto[server]'` at the pinned version when it is missing.
import { spawnSync } from 'node:child_process';

export const MOTO_VERSION = '5.2.1';
const python = process.env.PYTHON ?? 'python3';

function installedVersion() {
  const run = spawnSync(python, ['-c', 'import moto, moto.server, flask; print(moto.__version__)'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

if (installedVersion() !== MOTO_VERSION) {
  process.stderr.write(`installing moto[server]==${MOTO_VERSION} with pip (one time)…\n`);
  const pip = spawnSync(python, ['-m', 'pip', 'install', '--quiet', `moto[server]==${MOTO_VERSION}`], { stdio: 'inherit' });
  if (pip.status !== 0 || installedVersion() !== MOTO_VERSION) {
    console.error(`cafscan: could not install moto[server]==${MOTO_VERSION} (needed by the integration tests)`);
    process.exit(1);
  }
}
