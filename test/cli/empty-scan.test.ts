import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResults } from '../../src/model/results.js';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';

/**
 * A scan that evaluated nothing must not look clean: a pipeline pointed at the wrong file would
 * otherwise go green. results.json, the table, summary.md and stderr say so, and --fail-on
 * exits 1 unless --allow-empty accepts it.
 */

const item = (resourceType: string, resourceId: string, configuration: Record<string, unknown>) => ({
  resourceType, resourceId, ARN: `arn:aws:x:us-east-1:123456789012:${resourceId}`, awsAccountId: '123456789012', awsRegion: 'us-east-1', configuration,
});
const inputs: Record<string, unknown> = {
  'an empty list ([])': [],
  'a Config snapshot with no items': { fileVersion: '1.0', configSnapshotId: 'x', configurationItems: [] },
  'a snapshot of resource types no control checks': { configurationItems: [item('AWS::EC2::VPC', 'vpc-1', {}), item('AWS::EC2::Subnet', 'subnet-1', {})] },
};
const NO_RESOURCES = 'the input has no resources (is it the right file?)';
const expectedReason: Record<string, RegExp> = {
  'an empty list ([])': new RegExp(`^${NO_RESOURCES.replace(/[()?]/g, '\\$&')}$`),
  'a Config snapshot with no items': new RegExp(`^${NO_RESOURCES.replace(/[()?]/g, '\\$&')}$`),
  // Account-level controls still run for the account and region, but without their data.
  'a snapshot of resource types no control checks':
    /^no control applies to any of the 2 resources in the input \(no AI workload or resource type cafscan checks; without --all-resources, .+\), and the \d+ account-level checks were not evaluated \(results\.json gives each reason\)$/,
};

function scan(input: unknown, extra: string[]): { run: CliRun; out: string } {
  const dir = tempDir();
  const file = join(dir, 'input.json');
  writeFileSync(file, JSON.stringify(input));
  const out = join(dir, 'out');
  return { run: runCli(['scan', '--input', file, '-o', out, ...extra]), out };
}
const results = (out: string) => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults;

for (const [name, input] of Object.entries(inputs)) {
  describe(`${name} with --fail-on low`, () => {
    let run: CliRun;
    let out: string;
    beforeAll(() => {
      ({ run, out } = scan(input, ['--fail-on', 'low', '--format', 'table', 'markdown', 'html']));
    });

    it('exits 1 with one line saying nothing was evaluated and how to accept it', () => {
      expect(run.status).toBe(1);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^cafscan: nothing was evaluated: .+; --fail-on does not pass a scan that checked nothing \(exit 1; --allow-empty accepts it\)$/);
    });

    it('results.json says the scan is empty, and why', () => {
      const r = results(out);
      expect(r.scan.empty).toBe(true);
      expect(r.scan.emptyReason).toMatch(expectedReason[name]!);
      expect(r.findings.filter((f) => f.status !== 'not_evaluated')).toEqual([]);
      expect(r.scores.overall.score).toBeNull();
    });

    it('the table, summary.md and report.html say it plainly', () => {
      expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<dt>NOTHING WAS EVALUATED<\/dt><dd>[^<]+\. This is not a clean result\.<\/dd>/);
      expect(run.stdout).toMatch(/\nNOTHING WAS EVALUATED: .+\.\nThis is not a clean result: no control passed or failed\.\n/);
      const summary = readFileSync(join(out, 'summary.md'), 'utf8');
      expect(summary).toMatch(/\n> \[!WARNING\]\n> \*\*Nothing was evaluated:\*\* .+\. This is not a clean result: no control passed or failed\.\n/);
      // The notice comes before the table of n/a scores.
      expect(summary.indexOf('Nothing was evaluated')).toBeLessThan(summary.indexOf('### Capability scores'));
    });
  });
}

describe('accepting an empty scan', () => {
  it('--allow-empty lets --fail-on pass (exit 0) and still warns', () => {
    const { run, out } = scan([], ['--fail-on', 'low', '--allow-empty', '--format', 'none']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`cafscan: nothing was evaluated: ${NO_RESOURCES}\n`);
    expect(results(out).scan.empty).toBe(true);
  });

  it('without --fail-on there is no gate to fail: exit 0, with the warning', () => {
    const { run } = scan([], ['--format', 'none']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`cafscan: nothing was evaluated: ${NO_RESOURCES}\n`);
  });
});

describe('a scan that evaluated something', () => {
  it('is not marked empty and prints no such warning', () => {
    const notebook = item('AWS::SageMaker::NotebookInstance', 'nb', { NotebookInstanceName: 'nb', DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' });
    const { run, out } = scan({ configurationItems: [notebook] }, ['--fail-on', 'critical']);
    const r = results(out);
    expect(r.findings.some((f) => f.status === 'fail')).toBe(true);
    expect(r.scan.empty).toBeUndefined();
    expect(r.scan.emptyReason).toBeUndefined();
    expect(run.stderr).not.toMatch(/nothing was evaluated/);
    expect(run.stdout).not.toMatch(/NOTHING WAS EVALUATED/);
  });
});
