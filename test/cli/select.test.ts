import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import { serviceOf } from '../../src/controls/select.js';
import type { Finding } from '../../src/model/finding.js';
import type { ScanResults } from '../../src/model/results.js';
import { computeScores } from '../../src/scores/compute-scores.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';

const controls = loadCatalog().controls;

function demo(extra: string[], out = tempDir()) {
  const run = runCli(['scan', '--demo', '--output-dir', out, '--format', 'none', ...extra]);
  const read = <T>(name: string) => JSON.parse(readFileSync(join(out, name), 'utf8')) as T;
  return { run, out, results: () => read<ScanResults>('results.json'), sarif: () => read<Sarif.Log>('results.sarif') };
}

let full: ScanResults;
/** The full scan's output directory: the baseline of one test, the "previous outputs" of the error tests. */
let fullOut: string;
beforeAll(() => {
  const scan = demo([]);
  expect(scan.run.status).toBe(0);
  expect(scan.run.stderr).not.toContain('matched no failing finding');
  full = scan.results();
  fullOut = scan.out;
  expect(full.scan.selection).toBeUndefined();
});

/** The full scan's findings of the controls `keep` accepts: what a selected scan must report, no more, no less. */
function expectOnly(results: ScanResults, keep: (id: string) => boolean) {
  const expected = full.findings.filter((f) => keep(f.controlId));
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(full.findings.length);
  const strip = (f: Finding) => ({ ...f, suppression: undefined });
  expect(results.findings.map(strip)).toEqual(expected.map(strip));
  // Scores over what ran only: an excluded control counts as neither pass nor fail.
  expect(results.scores.overall).toEqual(computeScores(results.findings).overall);
  expect(results.scores.overall.passed + results.scores.overall.failed).toBeLessThan(full.scores.overall.passed + full.scores.overall.failed);
  const selected = controls.filter((c) => keep(c.id)).map((c) => c.id);
  expect(results.scan.selection?.selected).toBe(selected.length);
  expect(results.scan.selection?.excluded).toEqual(controls.filter((c) => !keep(c.id)).map((c) => c.id));
}

const byId = new Map(controls.map((c) => [c.id, c]));
const CASES: Array<{ flags: string[]; criteria: object; keep: (id: string) => boolean }> = [
  { flags: ['--controls', 'CAFAI-DP-*,CAFAI-IAM-01'], criteria: { controls: ['CAFAI-DP-*', 'CAFAI-IAM-01'] }, keep: (id) => id.startsWith('CAFAI-DP-') || id === 'CAFAI-IAM-01' },
  { flags: ['--exclude-controls', 'CAFAI-DP-*', '--exclude-controls', 'CAFAI-SA-*'], criteria: { excludeControls: ['CAFAI-DP-*', 'CAFAI-SA-*'] }, keep: (id) => !id.startsWith('CAFAI-DP-') && !id.startsWith('CAFAI-SA-') },
  { flags: ['--capability', 'threat-detection'], criteria: { capabilities: ['threat-detection'] }, keep: (id) => byId.get(id)!.capability === 'threat-detection' },
  { flags: ['--component', 'output'], criteria: { components: ['output'] }, keep: (id) => byId.get(id)!.component === 'output' },
  { flags: ['--severity', 'high'], criteria: { severity: 'high' }, keep: (id) => ['critical', 'high'].includes(byId.get(id)!.severity) },
  { flags: ['--service', 'sagemaker'], criteria: { services: ['sagemaker'] }, keep: (id) => byId.get(id)!.resourceTypes.some((t) => serviceOf(t) === 'sagemaker') },
];

describe('cafscan scan with a control selection', () => {
  it.each(CASES)('$flags: only the selected controls run, and scan.selection says so', ({ flags, criteria, keep }) => {
    const scan = demo(flags);
    // The demo's suppressions of controls left out are not "unused" (they had nothing to match).
    expect(scan.run.stderr).not.toContain('matched no failing finding');
    expect(scan.run.status).toBe(0);
    const results = scan.results();
    expect(results.scan.selection?.criteria).toEqual(criteria);
    expectOnly(results, keep);
  });

  it('lists only the selected controls as SARIF rules, and the SARIF stays valid', () => {
    const scan = demo(['--capability', 'data-protection']);
    expect(scan.run.status).toBe(0);
    const rules = scan.sarif().runs.flatMap((run) => run.tool.driver.rules ?? []).map((r) => r.id);
    expect(rules.length).toBeGreaterThan(0);
    for (const id of rules) expect(byId.get(id)!.capability).toBe('data-protection');
    expect(validateSarif(join(scan.out, 'results.sarif'))).toEqual([]);
  });

  it('says in every human report how many controls the selection left out', () => {
    const out = tempDir();
    const table = runCli(['scan', '--demo', '--output-dir', out, '--severity', 'critical', '--format', 'table', 'markdown', 'html']);
    expect(table.status).toBe(0);
    const excluded = controls.filter((c) => c.severity !== 'critical').length;
    const line = `${excluded} controls excluded by selection`;
    expect(table.stdout).toContain(line);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(line);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(line);
    const unselected = demo([], out);
    expect(unselected.run.status).toBe(0);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).not.toContain('"selection"');
  });

  it('does not call a baseline failure of an unselected control fixed', () => {
    const baselineFile = join(tempDir(), 'baseline.json');
    writeFileSync(baselineFile, readFileSync(join(fullOut, 'results.json')));
    const scan = demo(['--baseline', baselineFile, '--controls', 'CAFAI-DP-01']);
    expect(scan.run.status).toBe(0);
    const baseline = scan.results().scan.baseline!;
    expect(baseline.fixed).toBe(0);
    expect(baseline.removed).toEqual([]);
    const otherFailures = full.findings.filter((f) => f.status === 'fail' && !f.suppression && f.controlId !== 'CAFAI-DP-01').length;
    expect(otherFailures).toBeGreaterThan(0);
    expect(baseline.notScanned).toBe(otherFailures);
  });

  it.each([
    [['--controls', 'CAFAI-XX-*'], 'cafscan: --controls: "CAFAI-XX-*" matches no control'],
    [['--exclude-controls', 'CAFAI-DP-99'], 'cafscan: --exclude-controls: "CAFAI-DP-99" matches no control'],
    [['--capability', 'secrets'], 'cafscan: --capability: unknown value "secrets"'],
    [['--service', 'ec3'], 'cafscan: --service: unknown value "ec3"'],
    [['--controls', 'CAFAI-DP-01', '--severity', 'critical'], 'cafscan: the control selection matches no control'],
  ])('%j: one line on stderr, exit 2, previous outputs untouched', (flags, message) => {
    const out = fullOut;
    const before = readFileSync(join(out, 'results.json'), 'utf8');
    const run = runCli(['scan', '--demo', '--output-dir', out, '--format', 'none', ...flags]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(before);
  });
});

describe('cafscan controls with a selection', () => {
  it('lists only the controls a scan with the same flags would run', () => {
    const run = runCli(['controls', '--capability', 'incident-response', '--format', 'json']);
    expect(run.status).toBe(0);
    const listed = (JSON.parse(run.stdout) as Array<{ id: string; capability: string }>).map((c) => c.id);
    expect(listed).toEqual(controls.filter((c) => c.capability === 'incident-response').map((c) => c.id));
    expect(listed.length).toBeGreaterThan(0);
  });

  it('combines filters and maps retired ids', () => {
    const run = runCli(['controls', '--controls', 'CAFAI-DP-12,CAFAI-IAM-*', '--severity', 'high']);
    expect(run.status).toBe(0);
    const expected = controls.filter((c) => (c.id === 'CAFAI-DP-01' || c.id.startsWith('CAFAI-IAM-')) && ['critical', 'high'].includes(c.severity));
    expect(run.stdout).toContain(`${expected.length} controls;`);
    for (const c of expected) expect(run.stdout).toContain(c.id);
  });

  it('rejects an unknown value with exit 2', () => {
    const run = runCli(['controls', '--component', 'training']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cafscan: --component: unknown value "training" (choose from input, model, output)\n');
  });
});
