// Makes sure Debian's Chromium is installed at /usr/bin/chromium: the HTML report test drives it
// headless through playwright-core (which downloads no browser of its own). When it is missing,
// installs the distribution package with apt-get — as root, or through sudo when not root — and
// fails with a clear message when that is not possible (not Debian/Ubuntu, no root, no sudo).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const PACKAGE = 'chromium';

function fail(message) {
  console.error(`cafscan: ${message}`);
  console.error(`cafscan: the HTML report test needs Chromium at ${CHROMIUM_PATH}; install Debian's "${PACKAGE}" package (apt-get install ${PACKAGE}) and run again.`);
  process.exit(1);
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** The prefix that runs apt-get with root rights: nothing as root, `sudo -n` otherwise (never prompts). */
function privilegePrefix() {
  if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
  if (!commandExists('sudo')) fail(`not running as root and sudo is not available, so apt-get cannot install ${PACKAGE}.`);
  // -n: a pipeline must not hang on a password prompt; say so instead.
  if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) fail('sudo needs a password here (sudo -n true failed), so apt-get cannot run unattended.');
  return ['sudo', '-n'];
}

function run(prefix, args) {
  // DEBIAN_FRONTEND passes through sudo as an argument of env, not as inherited environment
  // (sudo's env_reset would drop it).
  const argv = prefix.length ? [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', ...args] : args;
  process.stderr.write(`+ ${argv.join(' ')}\n`);
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) fail(`could not run ${args[0]}: ${result.error.message}`);
  if (result.status !== 0) fail(`"${args.join(' ')}" exited with status ${result.status}.`);
}

if (!existsSync(CHROMIUM_PATH)) {
  if (!commandExists('apt-get')) fail(`${CHROMIUM_PATH} is missing and apt-get is not available (this script installs Debian's package only).`);
  const prefix = privilegePrefix();
  process.stderr.write(`${CHROMIUM_PATH} is missing: installing Debian's ${PACKAGE} package with apt-get (one time)…\n`);
  run(prefix, ['apt-get', 'update']);
  // No recommends: headless rendering needs only the package and its dependencies.
  run(prefix, ['apt-get', 'install', '-y', '--no-install-recommends', PACKAGE]);
  if (!existsSync(CHROMIUM_PATH)) fail(`apt-get finished but ${CHROMIUM_PATH} still does not exist.`);
  process.stderr.write(`installed ${CHROMIUM_PATH}\n`);
}
