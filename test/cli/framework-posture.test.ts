import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import { loadFrameworks } from '../../src/frameworks/load-frameworks.js';
import { REQUIREMENT_STATUSES } from '../../src/model/framework-posture.js';
import type { ScanResults } from '../../src/model/results.js';
import { runCli, tempDir } from '../helpers/cli.js';

const catalog = loadCatalog().controls;
const frameworks = loadFrameworks(new Set(catalog.map((c) => c.id)));
const owasp = frameworks.find((f) => f.id === 'owasp-llm-2025')!;
const owaspControls = new Set(owasp.requirements.flatMap((r) => (r.kind === 'automated' ? r.controls : [])));

function demo(extra: string[], out = tempDir()) {
  const run = runCli(['scan', '--demo', '--output-dir', out, ...extra]);
  return { run, out, results: () => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults, file: (name: string) => readFileSync(join(out, name), 'utf8') };
}

let full: ReturnType<typeof demo>;
let focused: ReturnType<typeof demo>;
beforeAll(() => {
  full = demo(['--format', 'table', 'markdown']);
  expect(full.run.status, full.run.stderr).toBe(0);
  focused = demo(['--framework', 'owasp-llm-2025', '--format', 'table', 'markdown']);
  expect(focused.run.status, focused.run.stderr).toBe(0);
});

describe('results.json frameworks', () => {
  it('has every rules/ framework and every requirement, with counts that add up', () => {
    const posture = full.results().frameworks!;
    expect(Object.keys(posture)).toEqual(frameworks.map((f) => f.id));
    for (const framework of frameworks) {
      const p = posture[framework.id]!;
      expect(p.requirements.map((r) => r.id)).toEqual(framework.requirements.map((r) => r.id));
      expect(REQUIREMENT_STATUSES.reduce((n, s) => n + p.requirementCounts[s], 0)).toBe(framework.requirements.length);
    }
  });

  it('decides each requirement from its controls\' findings: a pass only when every decided check passed', () => {
    const results = full.results();
    const byControl = new Map<string, ScanResults['findings']>();
    for (const f of results.findings) byControl.set(f.controlId, [...(byControl.get(f.controlId) ?? []), f]);
    let decided = 0;
    for (const framework of frameworks) {
      for (const requirement of results.frameworks![framework.id]!.requirements) {
        const source = framework.requirements.find((r) => r.id === requirement.id)!;
        if (source.kind !== 'automated') {
          expect(requirement.status).toBe(source.kind === 'manual' ? 'manual' : 'not_covered');
          continue;
        }
        const findings = source.controls.flatMap((id) => byControl.get(id) ?? []);
        const statuses = new Set(findings.map((f) => f.status));
        if (statuses.has('fail')) expect(requirement.status, requirement.id).toBe('fail');
        else if (statuses.has('not_evaluated') || !statuses.has('pass')) expect(requirement.status, requirement.id).toBe('not_evaluated');
        else expect(requirement.status, requirement.id).toBe(source.partial === undefined ? 'pass' : 'manual');
        decided++;
      }
    }
    expect(decided).toBeGreaterThan(100);
    // The demo account is a bad one: requirements fail, and partly automated ones whose controls all pass are manual.
    const all = Object.values(results.frameworks!).flatMap((p) => p.requirements.map((r) => `${r.coverage} ${r.status}`));
    expect(all).toContain('automated fail');
    expect(all).toContain('partial manual');
  });
});

describe('cafscan scan --framework', () => {
  it('runs only the framework\'s controls and records it in scan.selection', () => {
    const results = focused.results();
    expect(results.scan.selection?.criteria).toEqual({ framework: 'owasp-llm-2025' });
    expect(results.scan.selection?.selected).toBe(owaspControls.size);
    expect(new Set(results.findings.map((f) => f.controlId))).toEqual(owaspControls);
    // Its requirements are decided exactly as in the full scan: every control they list ran.
    const statuses = (r: ScanResults) => r.frameworks!['owasp-llm-2025']!.requirements.map((q) => [q.id, q.status]);
    expect(statuses(results)).toEqual(statuses(full.results()));
    // Other frameworks' requirements that need a control it left out are excluded, never passes.
    const lens = results.frameworks!['aws-genai-lens-security']!;
    expect(lens.requirementCounts.excluded + lens.requirementCounts.fail).toBeGreaterThan(0);
    for (const r of lens.requirements) if (r.controls?.every((c) => c.status === 'excluded')) expect(r.status).toBe('excluded');
  });

  it('puts the framework\'s requirement table first in the terminal and in summary.md', () => {
    const stdout = focused.run.stdout;
    expect(stdout.split('\n')[0]).toMatch(/^OWASP Top 10 for LLM Applications 2025 \(owasp-llm-2025, 2025\) — score \d+\.\d: \d+ pass, \d+ fail/);
    for (const requirement of owasp.requirements) expect(stdout).toMatch(new RegExp(`^${requirement.id} +(fail|pass|not evaluated|manual|excluded|not covered) `, 'm'));
    expect(stdout.indexOf('LLM10')).toBeLessThan(stdout.indexOf('Capability'));
    const md = focused.file('summary.md');
    const table = md.indexOf('### OWASP Top 10 for LLM Applications 2025 — requirements');
    expect(table).toBeGreaterThan(0);
    expect(table).toBeLessThan(md.indexOf('### Capability scores'));
    expect(md).toContain('| LLM05 | Improper Output Handling | **manual** | manual | — |');
    expect(md).not.toContain('### Frameworks');
  });

  it('without --framework, ends the terminal summary and follows summary.md\'s capability table with one line per framework', () => {
    const md = full.file('summary.md');
    const overview = md.indexOf('### Frameworks');
    expect(overview).toBeGreaterThan(md.indexOf('### Capability scores'));
    const results = full.results();
    for (const [id, p] of Object.entries(results.frameworks!)) {
      const c = p.requirementCounts;
      expect(md).toContain(`<br><sub>${id.replace(/[-_]/g, (m) => (m === '_' ? '\\_' : m))}</sub> | ${p.score === null ? 'n/a' : p.score.toFixed(1)} | ${c.pass} | ${c.fail} | ${c.not_evaluated} | ${c.manual} | ${c.not_covered + c.excluded} |`);
      expect(full.run.stdout).toMatch(new RegExp(`^${id} +${p.score === null ? 'n/a' : p.score.toFixed(1)} +${c.pass} +${c.fail} +${c.not_evaluated} +${c.manual} +${c.not_covered}$`, 'm'));
    }
  });

  it('combines with the other selection flags', () => {
    const scan = demo(['--framework', 'OWASP-LLM-2025', '--severity', 'critical', '--format', 'none']);
    expect(scan.run.status, scan.run.stderr).toBe(0);
    const ran = new Set(scan.results().findings.map((f) => f.controlId));
    const expected = catalog.filter((c) => owaspControls.has(c.id) && c.severity === 'critical').map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect([...ran].sort()).toEqual(expected.sort());
  });

  it('an unknown id is one line on stderr listing the valid ones, exit 2, previous outputs untouched', () => {
    const before = full.file('results.json');
    const run = runCli(['scan', '--demo', '--output-dir', full.out, '--framework', 'owasp-llm-2023']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`cafscan: --framework: unknown framework "owasp-llm-2023" (choose from ${frameworks.map((f) => f.id).join(', ')})`]);
    expect(full.file('results.json')).toBe(before);
  });

  it('cafscan controls --framework lists the controls a scan with it would run', () => {
    const run = runCli(['controls', '--framework', 'owasp-llm-2025', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const listed = (JSON.parse(run.stdout) as Array<{ id: string }>).map((c) => c.id);
    expect(listed).toEqual(catalog.filter((c) => owaspControls.has(c.id)).map((c) => c.id));
  });
});
