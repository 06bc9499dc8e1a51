import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import { RETIRED_CONTROLS } from '../../src/controls/retired.js';
import { loadFrameworks } from '../../src/frameworks/load-frameworks.js';
import type { ScanResults } from '../../src/model/results.js';
import { cafscanBin, repoRoot, runCli, tempDir, type CliRun } from '../helpers/cli.js';

/**
 * Reports people act on (issue 12, item 5): the remediation where people look (results.json
 * `controls`, summary.md fix lines, `cafscan explain`), and gates that say why they failed.
 */

const catalog = new Map(loadCatalog().controls.map((c) => [c.id, c]));
const frameworks = loadFrameworks(new Set(catalog.keys()));
/** The requirements of rules/ that list a control, read straight from the files. */
const mappedBy = (id: string) =>
  frameworks.flatMap((f) => f.requirements.filter((r) => r.kind === 'automated' && r.controls.includes(id)).map((r) => ({ framework: f.id, requirement: r.id })));
let dir: string;
let demo: ScanResults;
let summaryMd: string;

beforeAll(() => {
  dir = tempDir();
  const run = runCli(['scan', '--demo', '-o', join(dir, 'base'), '--format', 'markdown', 'none']);
  expect(run.status, run.stderr).toBe(0);
  demo = JSON.parse(readFileSync(join(dir, 'base', 'results.json'), 'utf8')) as ScanResults;
  summaryMd = readFileSync(join(dir, 'base', 'summary.md'), 'utf8');
});

const ESC = '\u001b[';
const openFailures = (r: ScanResults, atOrAbove: string[]) => r.findings.filter((f) => f.status === 'fail' && !('suppression' in f && f.suppression) && atOrAbove.includes(f.severity));

describe('results.json controls', () => {
  it('follows scores and holds, for every control with a finding and only those, its catalog details', () => {
    expect(Object.keys(demo)).toEqual(['schemaVersion', 'tool', 'scan', 'findings', 'scores', 'controls', 'frameworks']);
    const ids = [...new Set(demo.findings.map((f) => f.controlId))].sort();
    expect(Object.keys(demo.controls!)).toEqual(ids);
    for (const id of ids) {
      const c = catalog.get(id)!;
      const { frameworks: mapped, ...details } = demo.controls![id]!;
      expect(details).toEqual({ title: c.title, severity: c.severity, capability: c.capability, component: c.component, rationale: c.rationale, remediation: c.remediation, references: c.references });
      // The crosswalk comes from rules/, CAF-AI's requirement (capability/component) included.
      expect(mapped.map((r) => ({ framework: r.framework, requirement: r.requirement }))).toEqual(mappedBy(id));
      expect(mapped).toContainEqual(expect.objectContaining({ framework: 'caf-ai-security', requirement: `${c.capability}/${c.component}` }));
    }
    expect(demo.controls!['CAFAI-DP-02']!.frameworks).toContainEqual({ framework: 'owasp-llm-2025', requirement: 'LLM02', title: 'Sensitive Information Disclosure', partial: true });
    // Every failing control has a console step to show.
    for (const f of demo.findings.filter((x) => x.status === 'fail')) expect(demo.controls![f.controlId]!.remediation.console.length).toBeGreaterThan(0);
  });
});

describe('summary.md fix lines', () => {
  it('gives each control among the listed failures its console step and CLI command', () => {
    const section = summaryMd.split('### How to fix\n\n')[1]!.split('\n\n')[0]!.split('\n');
    const top = demo.findings.filter((f) => f.status === 'fail' && !f.suppression);
    expect(section.length).toBeGreaterThan(3);
    const dp02 = section.find((line) => line.startsWith('- **CAFAI-DP-02**'))!;
    expect(dp02).toBeDefined();
    expect(dp02).toContain(`(${top.filter((f) => f.controlId === 'CAFAI-DP-02').length} failures above)`);
    expect(dp02).toContain('Console: S3 console &gt; Block Public Access settings for this account');
    expect(dp02).toContain(`CLI: \`${catalog.get('CAFAI-DP-02')!.remediation.cli!.split('\n')[0]}\``);
    // A control whose console text starts with what cannot be done goes on to what to do.
    const ip04 = section.find((line) => line.startsWith('- **CAFAI-IP-04**'));
    if (ip04) expect(ip04).toMatch(/cannot be changed\. SageMaker console/);
    expect(summaryMd).toContain('`cafscan explain <control-id>`');
  });
});

describe('cafscan explain', () => {
  it('prints a control\'s description, rationale and remediation (any letter case)', () => {
    const run = runCli(['explain', 'cafai-as-01']);
    const c = catalog.get('CAFAI-AS-01')!;
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe(`CAFAI-AS-01  ${c.title}`);
    for (const text of [c.description, c.rationale, `Console: ${c.remediation.console}`, c.remediation.cli!]) expect(run.stdout).toContain(text);
    expect(run.stdout).toContain(`    ${c.remediation.terraform!.split('\n')[1]}`);
    expect(run.stdout).toContain(c.references[0]!.url!);
    // The framework requirements that map it, from rules/ (METADATA holds no crosswalk ids).
    expect(run.stdout).toContain('Frameworks (rules/)\n');
    expect(run.stdout).toContain('  - owasp-llm-2025 LLM04: Data and Model Poisoning (in part)\n');
    expect(run.stdout).not.toContain('caf-ai-security');
  });

  it('says which control replaced a retired id', () => {
    const retired = RETIRED_CONTROLS[0]!;
    const run = runCli(['explain', retired.id]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${retired.id} is retired`);
    expect(run.stdout).toContain(`now reported by ${retired.replacedBy}`);
  });

  it('rejects an unknown id with one line and exit 2', () => {
    const run = runCli(['explain', 'CAFAI-XX-99']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('cafscan: unknown control id "CAFAI-XX-99" (`cafscan controls` lists them)\n');
  });
});

describe('gates that say why', () => {
  it('--fail-on: one stderr line with the count; --quiet prints nothing else', () => {
    const run = runCli(['scan', '--demo', '-o', join(dir, 'quiet'), '--fail-on', 'high', '--quiet']);
    const n = openFailures(demo, ['critical', 'high']).length;
    expect(n).toBeGreaterThan(1);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`cafscan: --fail-on high: ${n} failures at or above high\n`);
  });

  it('passes silently when nothing reaches the threshold', () => {
    const run = runCli(['scan', '--demo', '-o', join(dir, 'pass'), '--fail-on', 'critical', '--quiet', '--ignore-file', writeIgnoreAll()]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('--fail-on-new names the new failures since the baseline; the table names them too', () => {
    // The baseline lacks the public-bucket failures: today they are new.
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, JSON.stringify({ ...demo, findings: demo.findings.filter((f) => f.controlId !== 'CAFAI-DP-02') }));
    const fresh = openFailures(demo, ['critical', 'high']).filter((f) => f.controlId === 'CAFAI-DP-02');
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    const n = fresh.length;
    const run = runCli(['scan', '--demo', '-o', join(dir, 'new'), '--baseline', baseline, '--fail-on', 'high', '--fail-on-new']);
    expect(run.status).toBe(1);
    const gate = run.stderr.split('\n').filter((line) => line.includes('--fail-on'));
    expect(gate).toEqual([`cafscan: --fail-on high: ${n} new failures at or above high since ${baseline}: ${fresh.map((f) => `CAFAI-DP-02 on ${f.resource.arn}`).sort().join(', ')}`]);
    expect(run.stdout).toContain(`Since the baseline: ${n} new failures`);
    for (const f of fresh) expect(run.stdout).toMatch(new RegExp(`  NEW CRITICAL +CAFAI-DP-02 +${f.resource.arn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('colour', () => {
  it('is off when stdout is not a terminal', () => {
    const run = runCli(['scan', '--demo', '-o', join(dir, 'pipe')]);
    expect(run.stdout).toContain('Capability');
    expect(run.stdout).not.toContain(ESC);
  });

  // On a terminal (a pseudo-terminal from util-linux `script`): coloured, unless NO_COLOR or --no-color.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript)('is on at a terminal, and off with NO_COLOR or --no-color', () => {
    const atTerminal = (args: string[], env: Record<string, string> = {}): CliRun => {
      const command = ['node', cafscanBin, 'scan', '--demo', '-o', join(dir, 'tty'), ...args].map((a) => `'${a}'`).join(' ');
      const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, encoding: 'utf8', env: { ...withoutNoColor(), ...env } });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    const coloured = atTerminal([]);
    expect(coloured.stdout).toContain('Capability');
    expect(coloured.stdout).toContain(`${ESC}31mCRITICAL`);
    for (const plain of [atTerminal([], { NO_COLOR: '1' }), atTerminal(['--no-color'])]) {
      expect(plain.stdout).toContain('CRITICAL');
      expect(plain.stdout).not.toMatch(/\u001b\[\d+m/);
    }
  });
});

/**
 * The environment of a person at a terminal: no colour settings, and no CI marker — Node's
 * util.styleText asks the terminal's colour depth, which is 2 colours when CI is set (as .ci/run
 * sets it), and then writes no colour even on a terminal.
 */
function withoutNoColor(): NodeJS.ProcessEnv {
  const { NO_COLOR: _noColor, FORCE_COLOR: _force, CI: _ci, ...env } = process.env;
  return env;
}

/** An ignore file accepting every critical failure of the demo, so --fail-on critical passes. */
function writeIgnoreAll(): string {
  const file = join(dir, 'ignore.yaml');
  const ids = [...new Set(demo.findings.filter((f) => f.status === 'fail' && f.severity === 'critical').map((f) => f.controlId))];
  writeFileSync(file, ids.map((id) => `- controlId: ${id}\n  reason: accepted for this test\n  expires: 2099-12-31\n`).join(''));
  return file;
}
