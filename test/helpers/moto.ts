import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MOTO_ACCOUNT = '123456789012';

/** Credentials moto accepts; never real ones. */
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing', sessionToken: 'testing' };

export interface Moto {
  endpoint: string;
  /** SDK client config for seeding resources directly (tests only; cafscan itself never writes). */
  clientConfig: (region?: string) => Record<string, unknown>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a moto server on 127.0.0.1 (a free port) and waits until it answers. */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // moto logs every request on stderr. It goes to a file, never a pipe: a test blocked in
  // spawnSync cannot drain a pipe, and once it is full moto's request threads deadlock on
  // Python's logging lock (seen: every thread waiting in Handler.acquire).
  const logFile = join(mkdtempSync(join(tmpdir(), 'cafscan-moto-')), 'moto.log');
  const log = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.env.PYTHON ?? 'python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', log],
    // AWS managed policies (AdministratorAccess…) exist in moto only when loaded.
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true', MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  closeSync(log);
  const stderrTail = () => readFileSync(logFile, 'utf8').slice(-4000);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited: ${stderrTail()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`moto_server did not start: ${stderrTail()}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    clientConfig: (region = 'us-east-1') => ({ region, endpoint, credentials: TEST_CREDENTIALS, forcePathStyle: true }),
    reset: async () => {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Environment for running cafscan against moto as a child process. */
export function motoEnv(moto: Moto): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
