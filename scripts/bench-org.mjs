// `npm run bench:org`: scanning a whole organisation (issue 14), measured on an emulated one.
//
// A moto server on 127.0.0.1 holds an organisation of BENCH_ORG_ACCOUNTS member accounts (default
// 100), each seeded through its own credentials with a small AI workload: an S3 bucket, an IAM
// role for SageMaker, a KMS key and a SageMaker notebook instance. cafscan then scans it as users
// do — `node bin/cafscan.js scan --org --org-role-name … --endpoint-url …` in a child process —
// and the benchmark records, per run: wall time, API calls (results.json scan.collection),
// accounts scanned and peak RSS / CPU (scripts/bench-rss.mjs, preloaded).
//
// Rows: the whole organisation with 1, 4 and 16 accounts collected at once
// (`--account-concurrency`), then how wall time grows with the organisation's size at 4: 10, 25,
// 50 and all accounts (`--accounts` lists the first N). moto answers from one Python process, so
// past a few concurrent accounts the emulator, not cafscan, bounds the speed-up: read the
// concurrency rows as cafscan's overhead and scaling shape, not as AWS's throughput.
//
// A short table on stderr; the JSON report on stdout and in bench-output/org-report.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrganizationsClient, CreateOrganizationCommand, CreateAccountCommand, ListAccountsCommand } from '@aws-sdk/client-organizations';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
import { IAMClient, CreateRoleCommand, GenerateCredentialReportCommand } from '@aws-sdk/client-iam';
import { KMSClient, CreateKeyCommand } from '@aws-sdk/client-kms';
import { SageMakerClient, CreateNotebookInstanceCommand } from '@aws-sdk/client-sagemaker';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'bench-output');
const accountCount = Number(process.env.BENCH_ORG_ACCOUNTS ?? 100);
const REGION = 'us-east-1';
const ROLE_NAME = 'cafscan-audit';
const MANAGEMENT = { accessKeyId: 'testing', secretAccessKey: 'testing', sessionToken: 'testing' };

mkdirSync(outDir, { recursive: true });
const moto = await startMoto();
try {
  const accounts = await seedOrganization(moto.endpoint, accountCount);
  const rows = [];
  // `accounts` is every account of the run: a whole-organisation run also scans the management
  // account (with the caller's credentials), so it is one more than the members.
  for (const concurrency of [1, 4, 16]) rows.push({ kind: 'concurrency', concurrency, ...scan(moto.endpoint, concurrency, undefined) });
  const growth = [];
  for (const size of [10, 25, 50].filter((n) => n < accounts.length)) growth.push({ kind: 'growth', concurrency: 4, ...scan(moto.endpoint, 4, accounts.slice(0, size)) });
  const whole = rows.find((r) => r.concurrency === 4);
  growth.push({ ...whole, kind: 'growth' });
  const report = {
    machine: { cores: availableParallelism(), node: process.version },
    organization: { memberAccounts: accounts.length, region: REGION, seededPerAccount: ['AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::SageMaker::NotebookInstance'] },
    concurrency: rows,
    growth: growth.map((row) => ({ ...row, msPerAccount: Math.round(row.wallMs / row.accounts) })),
  };
  writeFileSync(join(outDir, 'org-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const line = (r) => `${r.kind.padEnd(12)} ${String(r.accounts).padStart(4)} accounts  ${String(r.concurrency).padStart(2)} at once  wall ${(r.wallMs / 1000).toFixed(1).padStart(6)} s  ${String(r.apiCalls).padStart(6)} API calls  peak RSS ${String(r.peakRssMb).padStart(5)} MB  CPU ${(r.cpuMs / 1000).toFixed(1)} s`;
  process.stderr.write(`${[...rows, ...growth].map(line).join('\n')}\n`);
} finally {
  moto.stop();
}

/** One `cafscan scan --org` run; `only` limits it to those accounts (--accounts). */
function scan(endpoint, concurrency, only) {
  const reportDir = mkdtempSync(join(outDir, 'org-scan-'));
  const args = ['scan', '--org', '--org-role-name', ROLE_NAME, '--region', REGION, '--endpoint-url', endpoint, '--account-concurrency', String(concurrency), '--output-dir', reportDir, '--format', 'none', '--quiet'];
  if (only) args.push('--accounts', only.join(','));
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', join(repoRoot, 'scripts', 'bench-rss.mjs'), join(repoRoot, 'bin', 'cafscan.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ...credentialsEnv(MANAGEMENT), AWS_REGION: REGION, CI: 'true' },
  });
  const wallMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
  if (run.status !== 0 && run.status !== 1) {
    rmSync(reportDir, { recursive: true, force: true });
    throw new Error(`cafscan scan --org exited ${run.status}: ${run.stderr.slice(-2000)}`);
  }
  const usage = JSON.parse(run.stderr.split('\n').find((l) => l.startsWith('{"benchMaxRssKB"')) ?? '{}');
  const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8'));
  rmSync(reportDir, { recursive: true, force: true });
  const organization = results.scan.organization ?? { accounts: [] };
  return {
    accounts: organization.accounts.length,
    wallMs,
    apiCalls: results.scan.collection?.apiCalls ?? null,
    scanned: organization.accounts.filter((a) => a.status === 'scanned').length,
    findings: results.findings.length,
    peakRssMb: Math.round((usage.benchMaxRssKB ?? 0) / 1024),
    cpuMs: Math.round(usage.benchCpuMs ?? 0),
  };
}

function credentialsEnv(c) {
  return { AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey, AWS_SESSION_TOKEN: c.sessionToken };
}

/** The organisation and its member accounts' workloads; returns the member account ids. */
async function seedOrganization(endpoint, count) {
  const config = (credentials = MANAGEMENT) => ({ endpoint, region: REGION, credentials, forcePathStyle: true });
  const org = new OrganizationsClient(config());
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  for (let i = 0; i < count; i++) await org.send(new CreateAccountCommand({ AccountName: `member-${i}`, Email: `member-${i}@example.com` }));
  const ids = [];
  let NextToken;
  do {
    const page = await org.send(new ListAccountsCommand({ NextToken }));
    for (const a of page.Accounts ?? []) if (a.Id !== '123456789012') ids.push(a.Id);
    NextToken = page.NextToken;
  } while (NextToken);
  // moto creates an account's IAM credential report on the first request (answering STARTED, so
  // cafscan waits and asks again): generated here, every row is a warm run and the rows compare
  // call for call (otherwise the first row makes one call, and a pause, more per account).
  await new IAMClient(config()).send(new GenerateCredentialReportCommand({}));
  const sts = new STSClient(config());
  for (const [i, id] of ids.entries()) {
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${id}:role/${ROLE_NAME}`, RoleSessionName: 'bench-seed' }));
    const c = assumed.Credentials;
    const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await new IAMClient(config(credentials)).send(new GenerateCredentialReportCommand({}));
    const role = await new IAMClient(config(credentials)).send(new CreateRoleCommand({ RoleName: `ml-exec-${i}`, AssumeRolePolicyDocument: trust }));
    await new S3Client(config(credentials)).send(new CreateBucketCommand({ Bucket: `bench-org-data-${id}` }));
    await new KMSClient(config(credentials)).send(new CreateKeyCommand({ Description: `bench key ${i}` }));
    await new SageMakerClient(config(credentials)).send(
      new CreateNotebookInstanceCommand({ NotebookInstanceName: `nb-${i}`, InstanceType: 'ml.t3.medium', RoleArn: role.Role.Arn, DirectInternetAccess: i % 2 === 0 ? 'Enabled' : 'Disabled' }),
    );
  }
  return ids.sort();
}

async function startMoto() {
  const port = await new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: p } = server.address();
      server.close(() => resolve(p));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  // moto logs every request: to a file, never a pipe nobody drains (its threads would block).
  const logFile = join(mkdtempSync(join(tmpdir(), 'cafscan-bench-moto-')), 'moto.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.env.PYTHON ?? 'python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', log], env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' } });
  closeSync(log);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto server exited: ${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/data.json`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('moto server did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { endpoint, stop: () => child.kill() };
}
