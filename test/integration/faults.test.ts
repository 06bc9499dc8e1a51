import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResults } from '../../src/model/results.js';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../helpers/fault-proxy.js';
import { motoEnv, startMoto, type Moto } from '../helpers/moto.js';
import { seedAccount } from './seed-account.js';

/**
 * The same seeded account behind a loopback proxy that answers a share of calls with
 * ThrottlingException and some with AccessDenied, in each protocol's own wire format.
 */
const MOTO_LACKS = new Set(['SageMaker.ListMonitoringSchedules', 'SageMaker.DescribeMonitoringSchedule', 'SageMaker.GetModelPackageGroupPolicy', 'SageMaker.ListFeatureGroups', 'SageMaker.ListInferenceExperiments']);

describe('throttling and denied calls (fault-injecting proxy in front of moto)', () => {
  let moto: Moto;
  let proxy: FaultProxy;
  const attempts = new Map<string, number>();
  // Requests already throttled once: their retry always passes, however many other calls ran in
  // between (a count alone let a retry land on another throttled slot when calls overlap).
  const throttled = new Set<string>();
  const decide = (operation: string, identity: string): Fault => {
    if (operation === 'SageMaker.ListModels') return 'deny';
    if (/^GET \/ml-scratch-bad\/?\?(.*&)?encryption/.test(operation)) return 'deny';
    // Every fourth SageMaker or KMS request is throttled; its retry is a new request that passes.
    // Not the APIs moto lacks: they fail anyway (HTML 404s the SDK retries), and a retry that
    // happened to land on a throttled slot would end as "throttled" instead of "unsupported".
    // ListTags is left alone for the same reason: moto answers it with an HTML 404 for transform-job
    // ARNs, and a retry of that landing on a throttled slot would end as "throttled".
    if (/^(SageMaker|TrentService)\./.test(operation) && !MOTO_LACKS.has(operation) && operation !== 'SageMaker.ListTags') {
      if (throttled.has(identity)) return undefined;
      const n = (attempts.get('all') ?? 0) + 1;
      attempts.set('all', n);
      if (n % 4 === 1) {
        throttled.add(identity);
        return 'throttle';
      }
    }
    return undefined;
  };
  /** Runs cafscan as a child process — asynchronously: the proxy lives in this process and must keep answering. */
  const scan = async (extra: string[]) => {
    const out = tempDir();
    const child = spawn(process.execPath, [cafscanBin, 'scan', '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--output-dir', out, '--format', 'none', ...extra], {
      cwd: repoRoot,
      env: { ...process.env, ...motoEnv(moto), AWS_ENDPOINT_URL: '', CI: 'true' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const started = performance.now();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    console.log(`fault scan ${extra.join(' ') || '(default)'}: ${((performance.now() - started) / 1000).toFixed(1)} s, proxy ${JSON.stringify(proxy.counts)}`);
    return { out, status, stderr, results: () => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults };
  };
  let first: Awaited<ReturnType<typeof scan>>;

  beforeAll(async () => {
    moto = await startMoto();
    await seedAccount(moto);
    proxy = await startFaultProxy(moto, ({ operation, identity }) => decide(operation, identity));
    first = await scan([]);
  }, 180_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('still exits 0 and retries throttled calls to success', () => {
    expect(first.status).toBe(0);
    expect(proxy.counts.throttled).toBeGreaterThanOrEqual(5);
    const byId = (control: string, id: string) => first.results().findings.find((f) => f.controlId === control && f.resource.id === id)?.status;
    // Every notebook call was throttled once, and the notebooks were still collected and judged.
    expect(byId('CAFAI-IP-01', 'nb-hardened')).toBe('pass');
    expect(byId('CAFAI-IP-01', 'nb-loose')).toBe('fail');
    expect(byId('CAFAI-TD-01', 'ec-bad')).toBe('fail');
  });

  it('reports the controls on models, which could not be listed, as not_evaluated with the reason', () => {
    const modelFindings = first.results().findings.filter((f) => ['CAFAI-IP-04', 'CAFAI-AS-02'].includes(f.controlId));
    expect(modelFindings.length).toBeGreaterThan(0);
    for (const f of modelFindings) {
      expect(f).toMatchObject({ status: 'not_evaluated', resource: { type: 'AWS::::Account', region: 'us-east-1' } });
      expect(f.reason).toMatch(/sagemaker:ListModels was denied \(AccessDeniedException\)/);
    }
  });

  it('reports the bucket whose encryption could not be read as not_evaluated, never pass', () => {
    const f = first.results().findings.find((x) => x.controlId === 'CAFAI-DP-01' && x.resource.id === 'ml-scratch-bad');
    expect(f?.status).toBe('not_evaluated');
    expect(f?.reason).toMatch(/s3:GetBucketEncryption was denied \(AccessDenied\)/);
    const good = first.results().findings.find((x) => x.controlId === 'CAFAI-DP-01' && x.resource.id === 'ml-training-data-good');
    expect(good?.status).toBe('pass');
  });

  it('lists every failed call in the coverage summary (results.json and stderr)', () => {
    const failed = first.results().scan.collection!.failedCalls.map((c) => `${c.action} ${c.errorCode}`);
    expect(failed).toEqual(expect.arrayContaining(['sagemaker:ListModels AccessDeniedException', 's3:GetBucketEncryption AccessDenied']));
    expect(failed.filter((line) => /Throttl|SlowDown/.test(line)), JSON.stringify(first.results().scan.collection)).toEqual([]);
    expect(first.stderr).toMatch(/failed \(affected controls are not_evaluated\)/);
    expect(first.stderr).toMatch(/sagemaker:ListModels\s+AccessDeniedException/);
    expect(first.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with --fail-on when failures at that severity remain, and never crashes', async () => {
    const gated = await scan(['--fail-on', 'critical']);
    expect(gated.status).toBe(1);
    expect(gated.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
