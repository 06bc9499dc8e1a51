import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { formatChoices, NO_HUMAN_FORMAT } from '../../src/reporters/registry.js';
import { repoRoot, runCli } from '../helpers/cli.js';

const DEMO_ACCOUNT = '123456789012';
/** The demo's REST API ids: their ARNs carry no account, so each copy needs its own. */
const ACCOUNTLESS_IDS = ['23q6bdq2l0', 'gvxbd7sbky'];

/** Every human format the registry has: both sides write all of them. */
export const ALL_FORMATS = formatChoices().filter((f) => f !== NO_HUMAN_FORMAT);

/**
 * The demo account's Config snapshot and account facts re-accounted as `account`: every id,
 * bucket name and ARN moved into that account, the account-less API ids made its own. Returns
 * the two input files, in the order a scan takes them.
 */
export function demoAccount(dir: string, account: string): string[] {
  const out = join(dir, account);
  mkdirSync(out, { recursive: true });
  return ['config-snapshot.json', 'account-facts.json'].map((name) => {
    let text = readFileSync(join(repoRoot, 'fixtures', 'demo', name), 'utf8').split(DEMO_ACCOUNT).join(account);
    for (const id of ACCOUNTLESS_IDS) text = text.split(id).join(`${id.slice(0, 4)}${account.slice(-6)}`);
    const path = join(out, name);
    writeFileSync(path, text);
    return path;
  });
}

/** n distinct 12-digit account ids. */
export function accountIds(n: number, seed = 1): string[] {
  return Array.from({ length: n }, (_, i) => String(100000000000 + (seed * 1000 + i) * 7919).padStart(12, '0'));
}

export function scan(args: string[], outputDir: string): void {
  const run = runCli(['scan', ...args, '--output-dir', outputDir, '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

/**
 * Each file of the set, with this run's startedAt/finishedAt (ISO, as the human reports print
 * them, as epoch milliseconds) and what follows from them alone (JUnit's suite duration)
 * replaced, so two runs compare byte for byte otherwise. The baseline's time is replaced too:
 * both sides print the same one, but when a scan starts within the second the baseline was
 * taken, the human form of the scan's time is the baseline's as well, and replacing it on one
 * side only made the sets differ (seen on CI).
 */
export function reportSet(dir: string): Map<string, string> {
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { scan: { startedAt: string; finishedAt: string; baseline?: { startedAt?: string | null } } };
  const baselineTime = results.scan.baseline?.startedAt;
  const times = [results.scan.startedAt, results.scan.finishedAt, ...(baselineTime ? [baselineTime] : [])];
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    let text = readFileSync(join(dir, name), 'utf8');
    for (const time of times) {
      const human = `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
      text = text.split(time).join('<time>').split(human).join('<time>').split(String(Date.parse(time))).join('<ms>');
    }
    if (name.endsWith('.junit.xml')) text = text.replace(/(<testsuites?\b[^>]*?) time="[\d.]+"/g, '$1 time="<duration>"');
    files.set(name, text);
  }
  return files;
}

/** The two sets hold the same files with the same bytes (apart from the scan's timestamps). */
export function expectSameSet(merged: string, single: string): void {
  const a = reportSet(merged);
  const b = reportSet(single);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, text] of b) {
    // One file at a time, so a failure names the file that differs.
    expect({ name, text: a.get(name) }).toEqual({ name, text });
  }
}
