import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResults } from '../../src/model/results.js';
import { limitText } from '../../src/reporters/sarif.js';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'informational'];

/** A notebook that fails every notebook control (internet, root, no VPC, no KMS, no owner…). */
function looseNotebook(account: string, i: number) {
  const name = `nb-${i}`;
  return {
    type: 'AWS::SageMaker::NotebookInstance', id: name, name, accountId: account, region: 'us-east-1', capturedAt: null,
    arn: `arn:aws:sagemaker:us-east-1:${account}:notebook-instance/${name}`,
    configuration: { NotebookInstanceName: name, DirectInternetAccess: 'Enabled', RootAccess: 'Enabled', PlatformIdentifier: 'notebook-al2-v1' },
    supplementaryConfiguration: {}, tags: {}, relationships: [],
  };
}

describe('SARIF within GitHub code scanning limits', () => {
  let out: string;
  let run: CliRun;
  beforeAll(() => {
    // One account with ~6,000 failures (over the 5,000 results GitHub keeps per run) and 21 more
    // accounts (22 runs: over the 20 runs GitHub takes per upload).
    const big = '100000000000';
    const small = Array.from({ length: 21 }, (_, i) => String(200000000000 + i));
    const resources = [...Array.from({ length: 1000 }, (_, i) => looseNotebook(big, i)), ...small.map((a) => looseNotebook(a, 0))];
    const file = join(tempDir(), 'inventory.json');
    writeFileSync(file, JSON.stringify({ kind: 'cafscan-inventory', schemaVersion: '1', sources: ['test'], accounts: [big, ...small], regions: ['us-east-1'], coverage: [], resources }));
    out = tempDir();
    run = runCli(['scan', '--input', file, '--output-dir', out, '--format', 'none']);
  }, 120_000);

  it('keeps the 5,000 most severe failures of a run, says so in the run and on stderr, and results.json keeps all', () => {
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults;
    const failures = results.findings.filter((f) => f.status === 'fail' && f.resource.accountId === '100000000000');
    expect(failures.length).toBeGreaterThan(5000);
    const log = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as Sarif.Log;
    const run0 = log.runs.find((r) => r.automationDetails?.id === 'cafscan/100000000000/')!;
    expect(run0.results).toHaveLength(5000);
    expect(run0.properties?.truncated).toMatchObject({ total: failures.length, kept: 5000 });
    expect(run.stderr).toContain(`account 100000000000 has ${failures.length} failures; GitHub code scanning keeps 5000 per run`);
    // Highest severity first: nothing dropped is more severe than anything kept.
    const severityOf = new Map(run0.tool.driver.rules!.map((r) => [r.id, String(r.properties?.severity)]));
    const kept = new Set(run0.results!.map((r) => `${r.ruleId} ${String(r.properties?.resourceArn)}`));
    const worstDropped = Math.min(...failures.filter((f) => !kept.has(`${f.controlId} ${f.resource.arn}`)).map((f) => SEVERITY_ORDER.indexOf(f.severity)));
    const mildestKept = Math.max(...run0.results!.map((r) => SEVERITY_ORDER.indexOf(severityOf.get(r.ruleId!)!)));
    expect(mildestKept).toBeLessThanOrEqual(worstDropped);
  });

  it('splits 22 account runs into files of at most 20 runs, each valid for GitHub', () => {
    const first = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as Sarif.Log;
    const second = JSON.parse(readFileSync(join(out, 'results-2.sarif'), 'utf8')) as Sarif.Log;
    expect(first.runs).toHaveLength(20);
    expect(second.runs).toHaveLength(2);
    expect(new Set([...first.runs, ...second.runs].map((r) => r.automationDetails?.id)).size).toBe(22);
    expect(run.stderr).toContain('22 accounts: SARIF split into results.sarif, results-2.sarif');
    expect(validateSarif(join(out, 'results.sarif'))).toEqual([]);
    expect(validateSarif(join(out, 'results-2.sarif'))).toEqual([]);
  });

  it('a later scan of fewer accounts into the same directory removes the SARIF parts it did not write', () => {
    const file = join(tempDir(), 'one-account.json');
    writeFileSync(file, JSON.stringify({ kind: 'cafscan-inventory', schemaVersion: '1', sources: ['test'], accounts: ['300000000000'], regions: ['us-east-1'], coverage: [], resources: [looseNotebook('300000000000', 0)] }));
    const again = tempDir();
    writeFileSync(join(again, 'results-2.sarif'), '{}');
    writeFileSync(join(again, 'results-2.sarif.bak'), 'not ours');
    expect(runCli(['scan', '--input', file, '--output-dir', again, '--format', 'none']).status).toBe(0);
    expect(() => readFileSync(join(again, 'results-2.sarif'))).toThrow();
    expect(readFileSync(join(again, 'results-2.sarif.bak'), 'utf8')).toBe('not ours');
  });

  it('keeps rule descriptions within 1,024 characters', () => {
    const log = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as Sarif.Log;
    for (const rule of log.runs[0]!.tool.driver.rules!) {
      expect(rule.shortDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
    }
    expect(limitText('x'.repeat(2000))).toHaveLength(1024);
    expect(limitText('short')).toBe('short');
  });
});
