import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { ScanResults } from '../../src/model/results.js';
import { inShard } from '../../src/org/shard.js';
import { ensureBuiltDist } from '../helpers/built-dist.js';
import { cafscanBin, repoRoot, tempDir } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { motoEnv, startMoto, type Moto } from '../helpers/moto.js';
import { ALL_FORMATS, expectSameSet } from '../merge/merge-helpers.js';
import { seedOrganization, type SeededOrganization } from './seed-organization.js';

const ROLE = 'cafscan-audit';
/** The verdict each seeded member resource must get: control → [passing resource, failing resource] (ARN tails). */
const EXPECTED: Record<string, [string, string]> = {
  'CAFAI-DP-01': ['s3:::good-', 's3:::bad-'],
  'CAFAI-DP-02': ['s3:::good-', 's3:::bad-'],
  'CAFAI-DP-03': ['s3:::good-', 's3:::bad-'],
  'CAFAI-IP-01': ['notebook-instance/nb-closed', 'notebook-instance/nb-open'],
  'CAFAI-IP-02': ['notebook-instance/nb-closed', 'notebook-instance/nb-open'],
  'CAFAI-IAM-01': ['role/ml-exec-scoped', 'role/ml-exec-admin'],
};

interface Run {
  out: string;
  status: number | null;
  stderr: string;
  results: () => ScanResults;
}

describe('cafscan scan --org against an organisation of 21 accounts in moto', () => {
  let moto: Moto;
  let proxy: FaultProxy;
  let org: SeededOrganization;
  /** The whole organisation in one run, and in four shards (--shard i/4); every format written. */
  let full: Run;
  const shards: Run[] = [];
  /** When set, the proxy denies organizations:ListAccounts (a caller that is not the management account). */
  let denyListing = false;

  /** The real CLI as a child process — asynchronously: the fault proxy lives in this process and must keep answering. */
  const cafscan = async (args: string[], env: Record<string, string> = {}): Promise<Run> => {
    const out = tempDir();
    const child = spawn(process.execPath, [cafscanBin, ...args.map((a) => a.replace('<out>', out))], {
      cwd: repoRoot,
      // stdout is not read (the table format prints there): a pipe nobody drains would block the child.
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...motoEnv(moto), AWS_ENDPOINT_URL: proxy.endpoint, CI: 'true', AWS_CONFIG_FILE: '/nonexistent/cafscan-test', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cafscan-test', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { out, status, stderr, results: () => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults };
  };
  const scanOrg = (extra: string[], env?: Record<string, string>, formats = ['none']) =>
    cafscan(['scan', '--org', '--org-role-name', ROLE, '--region', 'us-east-1', '--all-resources', '--output-dir', '<out>', '--format', ...formats, ...extra], env);

  beforeAll(async () => {
    ensureBuiltDist();
    moto = await startMoto();
    org = await seedOrganization(moto);
    // moto's AssumeRole does not check that the role exists: the proxy answers AccessDenied, as
    // AWS does, for the member role of the accounts where it "is missing".
    const missing = org.roleMissing.map((id) => encodeURIComponent(`arn:aws:iam::${id}:role/${ROLE}`));
    proxy = await startFaultProxy(moto, ({ operation, identity }) => {
      if (operation === 'AssumeRole' && missing.some((arn) => identity.includes(arn))) return 'deny';
      if (denyListing && operation.endsWith('.ListAccounts')) return 'deny';
      return undefined;
    });
    // Every scan here is warm: seedOrganization generated each account's credential report, which
    // moto creates on the first request (a cold scan of an account makes one call more), so the
    // single run and the shards compare call for call, apiCalls included.
    full = await scanOrg(['--account-concurrency', '8'], {}, ALL_FORMATS);
    // One after the other, as the runners would on their own machines: four at once would load
    // moto enough to time calls out, and a listing cut short makes fewer calls.
    for (const i of [1, 2, 3, 4]) shards.push(await scanOrg(['--shard', `${i}/4`, '--account-concurrency', '8'], {}, ALL_FORMATS));
  }, 600_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  const accountOf = (f: Finding) => f.resource.accountId;

  it('lists every account of the organisation with its status, and the reason for those not entered', () => {
    expect(full.status, full.stderr).toBe(0);
    const { organization, accounts } = full.results().scan;
    const all = [org.managementAccountId, ...org.byName.values()].sort();
    expect(organization?.managementAccountId).toBe(org.managementAccountId);
    expect(organization?.accounts.map((a) => a.accountId)).toEqual(all);
    expect(accounts).toEqual(all);
    expect(organization?.shard).toBeUndefined();
    const byId = new Map(organization!.accounts.map((a) => [a.accountId, a]));
    for (const id of org.roleMissing) {
      expect(byId.get(id)).toEqual({ accountId: id, name: expect.stringMatching(/^acct0[345]$/), status: 'failed', reason: `cannot enter account ${id}: sts:AssumeRole on arn:aws:iam::${id}:role/${ROLE} was denied (AccessDenied)` });
    }
    expect(byId.get(org.suspended)).toEqual({ accountId: org.suspended, name: 'acct06', status: 'failed', reason: `account ${org.suspended} is SUSPENDED` });
    const scanned = all.filter((id) => !org.roleMissing.includes(id) && id !== org.suspended);
    expect(scanned.every((id) => byId.get(id)?.status === 'scanned' && byId.get(id)?.reason === undefined)).toBe(true);
    // The management account is scanned with the caller's own credentials (no AssumeRole into itself).
    expect(byId.get(org.managementAccountId)?.status).toBe('scanned');
  });

  it('prints the accounts not scanned with their reasons on stderr', () => {
    expect(full.stderr).toMatch(/4 accounts were not scanned/);
    for (const id of [...org.roleMissing, org.suspended]) expect(full.stderr).toContain(id);
    expect(full.stderr).toContain(`${org.suspended} (acct06): account ${org.suspended} is SUSPENDED`);
  });

  it("judges each seeded member's own resources, in that account", () => {
    const findings = full.results().findings;
    for (const accountId of org.seeded) {
      for (const [control, [good, bad]] of Object.entries(EXPECTED)) {
        const of = (tail: string) => findings.filter((f) => f.controlId === control && accountOf(f) === accountId && f.resource.arn.includes(tail.endsWith('-') ? `${tail}${accountId}` : tail));
        expect(of(good).map((f) => f.status), `${control} ${good} in ${accountId}`).toEqual(['pass']);
        expect(of(bad).map((f) => f.status), `${control} ${bad} in ${accountId}`).toEqual(['fail']);
      }
    }
  });

  it('has no pass or fail for an account it did not enter, and its account- and type-level controls are not_evaluated with the reason', () => {
    const { findings, scan } = full.results();
    const reasons = new Map(scan.organization!.accounts.map((a) => [a.accountId, a.reason]));
    for (const id of [...org.roleMissing, org.suspended]) {
      const here = findings.filter((f) => accountOf(f) === id);
      expect(here.length, id).toBeGreaterThan(10);
      expect(here.filter((f) => f.status !== 'not_evaluated')).toEqual([]);
      expect(here.every((f) => f.reason?.includes(reasons.get(id)!)), `${id}: ${here.find((f) => !f.reason?.includes(reasons.get(id)!))?.reason}`).toBe(true);
      // Account-level controls (GuardDuty, CloudTrail, Security Hub…) report on the account resource.
      expect(here.filter((f) => f.resource.type === 'AWS::::Account').length).toBeGreaterThan(5);
    }
    // The same controls decide on the accounts that were entered.
    const entered = findings.filter((f) => accountOf(f) === org.seeded[0] && f.resource.type === 'AWS::::Account');
    expect(entered.some((f) => f.status !== 'not_evaluated')).toBe(true);
  });

  it('counts only the member accounts’ collection calls, each failed call naming its account', () => {
    const { collection } = full.results().scan;
    expect(collection!.apiCalls).toBeGreaterThan(100);
    expect(collection!.failedCalls.every((f) => typeof f.accountId === 'string')).toBe(true);
    const keys = collection!.failedCalls.map((f) => [f.accountId, f.region, f.action, f.errorCode].join('|'));
    expect(keys).toEqual([...keys].sort());
    // Nothing from accounts that were not entered, nor the management account's listing.
    const notEntered = new Set([...org.roleMissing, org.suspended]);
    expect(collection!.failedCalls.filter((f) => notEntered.has(f.accountId!) || f.action.startsWith('organizations:List'))).toEqual([]);
  });

  it('--shard i/4: each shard scans its accounts (by sha256), together every account once, each account judged as in the single run', () => {
    const fullFindings = full.results().findings;
    const key = (f: Finding) => JSON.stringify(f);
    let apiCalls = 0;
    const seen: string[] = [];
    const failedCalls: unknown[] = [];
    shards.forEach((run, n) => {
      expect(run.status, run.stderr).toBe(0);
      const { scan, findings } = run.results();
      expect(scan.organization?.shard).toEqual({ index: n + 1, count: 4 });
      const ids = scan.organization!.accounts.map((a) => a.accountId);
      expect(ids.every((id) => inShard(id, { index: n + 1, count: 4 }))).toBe(true);
      seen.push(...ids);
      apiCalls += scan.collection!.apiCalls;
      failedCalls.push(...scan.collection!.failedCalls);
      const mine = new Set(ids);
      expect(findings.map(key).sort()).toEqual(fullFindings.filter((f) => mine.has(accountOf(f))).map(key).sort());
    });
    expect(seen.sort()).toEqual(full.results().scan.organization!.accounts.map((a) => a.accountId));
    const { collection } = full.results().scan;
    expect(failedCalls.map((f) => JSON.stringify(f)).sort()).toEqual(collection!.failedCalls.map((f) => JSON.stringify(f)).sort());
    // The shards' counts add up to the single run's: no management-account or AssumeRole call is
    // counted twice (both sides are warm, see beforeAll).
    expect(apiCalls).toBe(collection!.apiCalls);
  });

  it('cafscan merge of the four shards writes the same files, byte for byte, as the single run (apart from timestamps)', async () => {
    const merged = await cafscan(['merge', ...shards.map((run) => join(run.out, 'results.json')), '--output-dir', '<out>', '--format', ...ALL_FORMATS]);
    expect(merged.status, merged.stderr).toBe(0);
    // Only scan.startedAt/finishedAt and what follows from them alone (the times the human
    // reports print, JUnit's durations) are blanked: see reportSet in merge-helpers.ts.
    expectSameSet(merged.out, full.out);
    expect(merged.results().scan.organization?.shard).toBeUndefined();
  }, 120_000);

  it('the runner’s index picks the shard when there is no --shard (Kubernetes Indexed Job)', async () => {
    const run = await scanOrg(['--accounts', [...org.roleMissing, org.suspended].join(',')], { JOB_COMPLETION_INDEX: '2', CAFSCAN_SHARD_COUNT: '4' });
    expect(run.status, run.stderr).toBe(0);
    const { organization } = run.results().scan;
    expect(organization?.shard).toEqual({ index: 3, count: 4 });
    expect(organization?.accounts.map((a) => a.accountId)).toEqual([...org.roleMissing, org.suspended].filter((id) => inShard(id, { index: 3, count: 4 })).sort());
  });

  it('--accounts, --exclude-accounts and --ou (recursive) select the accounts; collect --org writes their inventory', async () => {
    const named = await scanOrg(['--accounts', `${org.suspended},${org.roleMissing[0]},${org.roleMissing[1]}`, '--exclude-accounts', org.roleMissing[1]!]);
    expect(named.status, named.stderr).toBe(0);
    expect(named.results().scan.organization?.accounts.map((a) => a.accountId)).toEqual([org.suspended, org.roleMissing[0]].sort());

    const collect = await cafscan(['collect', '--org', '--org-role-name', ROLE, '--region', 'us-east-1', '--ou', org.mlOu, '--exclude-accounts', org.byName.get('acct03')!, '--output', '<out>/inventory.json']);
    expect(collect.status, collect.stderr).toBe(0);
    const inventory = JSON.parse(readFileSync(join(collect.out, 'inventory.json'), 'utf8')) as Inventory;
    // ml holds acct00, acct03 (excluded) and acct06 (suspended); ml-prod, inside it, acct01.
    expect(inventory.accounts).toEqual(['acct00', 'acct01', 'acct06'].map((n) => org.byName.get(n)!).sort());
    expect(inventory.resources.some((r) => r.accountId === org.byName.get('acct01') && r.arn.endsWith('notebook-instance/nb-open'))).toBe(true);
    expect(inventory.coverage.filter((c) => c.accountId === org.suspended).every((c) => c.status === 'failed')).toBe(true);
  }, 180_000);

  it('gives the same results.json with 1 and with 8 accounts collected at once (apart from timestamps)', async () => {
    const selection = ['--accounts', [org.managementAccountId, ...org.seeded.slice(0, 2), org.roleMissing[0], org.suspended].join(',')];
    const [one, eight] = [await scanOrg([...selection, '--account-concurrency', '1']), await scanOrg([...selection, '--account-concurrency', '8'])];
    const comparable = (run: Run) => {
      const results = run.results();
      return JSON.stringify({ ...results, scan: { ...results.scan, startedAt: null, finishedAt: null } });
    };
    expect(one.status, one.stderr).toBe(0);
    expect(eight.status, eight.stderr).toBe(0);
    expect(one.results().scan.organization?.accounts).toHaveLength(5);
    expect(comparable(one)).toBe(comparable(eight));
  }, 240_000);

  it('ends with one line and exit 3 when the organisation cannot be listed (not the management account)', async () => {
    denyListing = true;
    try {
      const run = await scanOrg([]);
      expect(run.status).toBe(3);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^cafscan: cannot list the organisation's accounts: organizations:ListAccounts was denied \(AccessDeniedException\) \(run --org from the management account or a delegated administrator/)]);
    } finally {
      denyListing = false;
    }
  });

  it('refuses bad organisation flags with one line and exit 2, before any call', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['scan', '--org'], /--org needs --org-role-name/],
      [['scan', '--org', '--org-role-name', ROLE, '--role-arn', 'arn:aws:iam::111111111111:role/x'], /--org and --role-arn do not go together/],
      [['scan', '--org', '--org-role-name', ROLE, '--demo'], /--org scans live accounts/],
      [['scan', '--demo', '--shard', '1/4'], /--shard needs --org/],
      [['scan', '--org', '--org-role-name', ROLE, '--shard', '5/4'], /--shard must be/],
      [['scan', '--org', '--org-role-name', ROLE, '--accounts', '1234'], /--accounts: "1234" is not a 12-digit AWS account id/],
      [['scan', '--org', '--org-role-name', ROLE, '--accounts', '999999999999'], /--accounts: 999999999999 is not an account of the organisation/],
      [['scan', '--org', '--org-role-name', ROLE, '--ou', 'ou-zzzz-zzzzzzzz'], /--ou: ou-zzzz-zzzzzzzz is not an OU or root of this organisation/],
      [['collect', '--org', '--org-role-name', ROLE, '--output', '<out>/i.json'], /^$/],
    ];
    for (const [args, message] of cases.slice(0, -1)) {
      const run = await cafscan(args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toEqual([expect.stringMatching(message)]);
    }
    const env = await cafscan(['scan', '--org', '--org-role-name', ROLE], { JOB_COMPLETION_INDEX: '1' });
    expect(env.status).toBe(2);
    expect(env.stderr).toMatch(/set CAFSCAN_SHARD_COUNT/);
  });
});
