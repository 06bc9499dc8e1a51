import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { accountIds, demoAccount, scan } from './merge-helpers.js';

/**
 * Inputs whose union is not one scan's output are refused: exit 2, one line on stderr, no stack
 * trace, and the output directory's previous reports left byte for byte.
 */
let work: string;
let shardA: string;
let shardB: string;
let accountB: string;
let inputsB: string[];

beforeAll(() => {
  work = tempDir();
  const [a, b] = accountIds(2, 5) as [string, string];
  accountB = b;
  shardA = join(work, 'a');
  shardB = join(work, 'b');
  scan(['--input', ...demoAccount(join(work, 'in'), a)], shardA);
  inputsB = demoAccount(join(work, 'in'), b);
  scan(['--input', ...inputsB], shardB);
}, 120_000);

/** A copy of a shard's directory whose results.json is edited by `edit` (text in, text out). */
function edited(from: string, name: string, edit: (text: string) => string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(from, 'inventory.json'), join(dir, 'inventory.json'));
  writeFileSync(join(dir, 'results.json'), edit(readFileSync(join(from, 'results.json'), 'utf8')));
  return join(dir, 'results.json');
}

/** Runs a merge into a directory holding a previous set, and checks the refusal left it alone. */
function refused(args: string[], message: RegExp): void {
  const out = join(work, `out-${Math.random().toString(36).slice(2)}`);
  mkdirSync(out);
  writeFileSync(join(out, 'results.json'), 'previous results');
  const run = runCli(['merge', ...args, '--output-dir', out]);
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('previous results');
  rmSync(out, { recursive: true });
}

describe('cafscan merge refuses inputs that are not one scan', () => {
  it('merges the two shards it is given (the refusals below differ from this by one thing)', () => {
    const out = join(work, 'ok');
    const run = runCli(['merge', join(shardA, 'results.json'), join(shardB, 'results.json'), '--output-dir', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scan: { accounts: string[] } }).scan.accounts).toHaveLength(2);
  });

  it('another cafscan version', () => {
    const other = edited(shardB, 'version', (t) => t.replace(/"version": "[^"]+"/, '"version": "0.0.1"'));
    refused([join(shardA, 'results.json'), other], /cafscan versions differ/);
  });

  it('another control catalog', () => {
    const other = edited(shardB, 'catalog', (t) => t.replace(/"catalog": "[^"]+"/, '"catalog": "0000"'));
    refused([join(shardA, 'results.json'), other], /control catalogs \(tool\.catalog\) differ/);
  });

  it('results of another cafscan and catalog than this one, even when they agree', () => {
    const a = edited(shardA, 'old-a', (t) => t.replace(/"version": "[^"]+"/, '"version": "0.0.1"'));
    const b = edited(shardB, 'old-b', (t) => t.replace(/"version": "[^"]+"/, '"version": "0.0.1"'));
    refused([a, b], /merge with the cafscan that scanned/);
  });

  it('a file that is not a cafscan results.json, or of another schemaVersion', () => {
    refused([join(shardA, 'results.json'), join(shardB, 'inventory.json')], /is not a cafscan results\.json/);
    const v2 = edited(shardB, 'schema', (t) => t.replace('"schemaVersion": "1"', '"schemaVersion": "2"'));
    refused([join(shardA, 'results.json'), v2], /schemaVersion "2"/);
  });

  it('a truncated results.json', () => {
    const cut = edited(shardB, 'truncated', (t) => t.slice(0, Math.floor(t.length / 2)));
    refused([join(shardA, 'results.json'), cut], /is not a cafscan results\.json: .*truncated/);
    const inFindings = edited(shardB, 'truncated-findings', (t) => t.slice(0, t.indexOf('"findings": [') + 2000));
    refused([join(shardA, 'results.json'), inFindings], /is not a cafscan results\.json: (it ends inside the findings|line \d+ is not a finding)/);
  });

  it('findings out of results.json order (the k-way merge depends on it)', () => {
    const swapped = edited(shardB, 'unordered', (t) => {
      const lines = t.split('\n');
      const at = lines.indexOf('  "findings": [') + 1;
      // The first finding moved last (its comma moved with the separators).
      const first = lines[at]!.replace(/,$/, '');
      const end = lines.indexOf('  ],', at);
      lines.splice(end, 0, first);
      lines.splice(at, 1);
      lines[end - 2] = `${lines[end - 2]},`;
      return lines.join('\n');
    });
    refused([join(shardA, 'results.json'), swapped], /findings are not in results\.json order at line \d+/);
  });

  it('no inventory.json beside an input', () => {
    const dir = join(work, 'lonely');
    mkdirSync(dir);
    copyFileSync(join(shardB, 'results.json'), join(dir, 'results.json'));
    refused([join(shardA, 'results.json'), join(dir, 'results.json')], /inventory\.json.*no such file/);
  });

  it('a truncated inventory.json beside an input', () => {
    const dir = join(work, 'cut-inventory');
    mkdirSync(dir);
    copyFileSync(join(shardB, 'results.json'), join(dir, 'results.json'));
    const inventory = readFileSync(join(shardB, 'inventory.json'), 'utf8');
    writeFileSync(join(dir, 'inventory.json'), inventory.slice(0, Math.floor(inventory.length * 0.7)));
    refused([join(shardA, 'results.json'), join(dir, 'results.json')], /inventory\.json is not the inventory\.json a cafscan scan writes: .*truncated/);
  });

  it('a missing input', () => {
    refused([join(shardA, 'results.json'), join(work, 'nowhere', 'results.json')], /cannot read .*nowhere.*no such file/);
  });

  it('the same account in two inputs', () => {
    const copy = edited(shardB, 'copy', (t) => t);
    refused([join(shardB, 'results.json'), copy], new RegExp(`both cover account ${accountB}`));
  });

  it('a different control selection', () => {
    const dir = join(work, 'selected');
    scan(['--input', ...inputsB, '--controls', 'CAFAI-IP-*'], dir);
    refused([join(shardA, 'results.json'), join(dir, 'results.json')], /control selections \(scan\.selection\) differ/);
  }, 60_000);

  it('a different --all-resources setting', () => {
    const dir = join(work, 'all');
    scan(['--input', ...inputsB, '--all-resources'], dir);
    refused([join(shardA, 'results.json'), join(dir, 'results.json')], /--all-resources settings differ/);
  }, 60_000);

  it('a baseline that is gone (until given with --baseline), or is not the one the shards used', () => {
    const base = join(work, 'base');
    mkdirSync(base);
    copyFileSync(join(shardA, 'results.json'), join(base, 'results.json'));
    const compared = join(work, 'compared');
    scan(['--input', ...inputsB, '--baseline', join(base, 'results.json')], compared);
    const kept = join(work, 'baseline-kept.json');
    copyFileSync(join(base, 'results.json'), kept);
    rmSync(join(base, 'results.json'));
    refused([join(compared, 'results.json')], /compared with the baseline .*base\/results\.json, which merge must read again: .*pass its path with --baseline/);
    refused([join(compared, 'results.json'), '--baseline', join(shardB, 'results.json')], /is not the baseline the shards were compared with/);
    const run = runCli(['merge', join(compared, 'results.json'), '--baseline', kept, '--output-dir', join(work, 'rebased'), '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The summary names the baseline as the shards recorded it, as one scan would have.
    const summary = (JSON.parse(readFileSync(join(work, 'rebased', 'results.json'), 'utf8')) as { scan: { baseline: { source: string } } }).scan.baseline;
    expect(summary.source).toBe(join(base, 'results.json'));
  }, 60_000);

  it('no input at all', () => {
    const run = runCli(['merge', '--output-dir', join(work, 'none')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing required argument/);
  });
});

describe('cafscan merge --fail-on', () => {
  it('exits 1 with the gate line when a failure at or above the severity remains, 0 below it', () => {
    const inputs = [join(shardA, 'results.json'), join(shardB, 'results.json')];
    const failing = runCli(['merge', ...inputs, '--output-dir', join(work, 'gate'), '--fail-on', 'high', '--quiet']);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/^cafscan: --fail-on high: \d+ failures at or above high\n$/);
    const results = JSON.parse(readFileSync(join(work, 'gate', 'results.json'), 'utf8')) as { findings: Array<{ status: string; severity: string; suppression?: unknown }> };
    const counted = results.findings.filter((f) => f.status === 'fail' && !f.suppression && (f.severity === 'high' || f.severity === 'critical')).length;
    expect(failing.stderr).toContain(`${counted} failures`);
  });
});

/** results.json with its head (everything but the findings) changed by `change`, findings kept line for line. */
function withHead(from: string, name: string, change: (head: { scan: Record<string, unknown> }) => void): string {
  return edited(from, name, (text) => {
    const at = text.indexOf('\n  "findings": ');
    const end = text.indexOf('\n  ]', at);
    const findings = text.slice(at, end + 4);
    const doc = JSON.parse(text) as { scan: Record<string, unknown>; findings?: unknown };
    change(doc);
    const head = JSON.stringify({ ...doc, findings: '@@FINDINGS@@' }, null, 2);
    return head.replace(/\n {2}"findings": "@@FINDINGS@@"/, findings);
  });
}

/** results.json with its n-th finding line changed by `change`. */
function withFinding(from: string, name: string, change: (finding: Record<string, unknown>) => void): string {
  return edited(from, name, (text) => {
    const lines = text.split('\n');
    const index = lines.findIndex((line) => line.startsWith('    {"controlId"'));
    const line = lines[index]!;
    const comma = line.endsWith(',');
    const finding = JSON.parse(comma ? line.slice(0, -1) : line) as Record<string, unknown>;
    change(finding);
    lines[index] = `    ${JSON.stringify(finding)}${comma ? ',' : ''}`;
    return lines.join('\n');
  });
}

describe('cafscan merge refuses damaged or crafted inputs by type, before writing anything (review of issue 14)', () => {
  const b = () => join(shardB, 'results.json');
  it.each([
    ['a count that is text', (h: { scan: Record<string, unknown> }) => (h.scan.collection = { apiCalls: 'x', failedCalls: [] }), /scan\.collection\.apiCalls must be integer/],
    ['failed calls that are a string', (h: { scan: Record<string, unknown> }) => (h.scan.collection = { apiCalls: 1, failedCalls: 'zz' }), /scan\.collection\.failedCalls must be array/],
    ['sources that are objects', (h: { scan: Record<string, unknown> }) => (h.scan.sources = [{ a: 1 }]), /scan\.sources\.0 must be string/],
    ['a start that is no time', (h: { scan: Record<string, unknown> }) => (h.scan.startedAt = 'not a date'), /scan\.startedAt must match pattern/],
    ['an error sample that is a number', (h: { scan: Record<string, unknown> }) => (h.scan.evaluationErrors = { count: 1, sample: 5 }), /scan\.evaluationErrors\.sample must be array/],
    ['an asset graph that is null', (h: { scan: Record<string, unknown> }) => (h.scan.assetGraph = null), /scan\.assetGraph must be object/],
    ['an organisation account with a status cafscan never writes', (h: { scan: Record<string, unknown> }) => (h.scan.organization = { managementAccountId: '111111111111', accounts: [{ accountId: '111111111111', name: null, status: 'ok' }] }), /status must be equal to one of the allowed values \(scanned, failed\)/],
  ])('%s', (name, change, message) => {
    refused([join(shardA, 'results.json'), withHead(shardB, `head-${name.replaceAll(' ', '-')}`, change)], message);
  });

  it.each([
    ['no severity', (f: Record<string, unknown>) => delete f.severity, /line \d+ is not a finding cafscan writes \(the document must have required property 'severity'\)/],
    ['a status cafscan never writes', (f: Record<string, unknown>) => (f.status = 'boguspass'), /status must be equal to one of the allowed values \(pass, fail, not_evaluated\)/],
    ['a resource type that is a number', (f: Record<string, unknown>) => ((f.resource as Record<string, unknown>).type = 5), /resource\.type must be string/],
  ])('a finding with %s', (name, change, message) => {
    refused([join(shardA, 'results.json'), withFinding(shardB, `finding-${name.replaceAll(' ', '-')}`, change)], message);
  });

  it('an inventory.json whose coverage holds a number', () => {
    const dir = join(work, 'bad-coverage');
    mkdirSync(dir, { recursive: true });
    copyFileSync(b(), join(dir, 'results.json'));
    writeFileSync(join(dir, 'inventory.json'), readFileSync(join(shardB, 'inventory.json'), 'utf8').replace('"coverage": [', '"coverage": [5, '));
    refused([join(shardA, 'results.json'), join(dir, 'results.json')], /coverage/);
  });

  it('a results.json beside another scan’s inventory.json: its failures could not be located', () => {
    const dir = join(work, 'wrong-inventory');
    mkdirSync(dir, { recursive: true });
    copyFileSync(b(), join(dir, 'results.json'));
    // An inventory of no account at all: nothing it holds contradicts results.json, but B's failures are not in it.
    const text = readFileSync(join(shardB, 'inventory.json'), 'utf8');
    writeFileSync(join(dir, 'inventory.json'), text.replace(new RegExp(`"accounts": \\[\\s*"${accountB}"\\s*\\]`), '"accounts": []'));
    refused([join(shardA, 'results.json'), join(dir, 'results.json')], new RegExp(`is of account ${accountB}, which .*inventory\\.json does not hold`));
  });
});
