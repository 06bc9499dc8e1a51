import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFrameworks } from '../../src/cli/frameworks-command.js';
import { loadCatalog } from '../../src/controls/catalog.js';
import { frameworkCoverage } from '../../src/frameworks/coverage.js';
import { loadFrameworks } from '../../src/frameworks/load-frameworks.js';
import type { FrameworkCoverage } from '../../src/model/frameworks.js';
import { repoRoot, runCli } from '../helpers/cli.js';

describe('cafscan frameworks', () => {
  it('lists every shipped framework with its coverage as JSON', () => {
    const run = runCli(['frameworks', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const coverage = JSON.parse(run.stdout) as FrameworkCoverage[];
    expect(coverage.map((c) => c.id)).toEqual(['aws-genai-lens-security', 'aws-securityhub-ai-security', 'caf-ai-security', 'owasp-llm-2025', 'prowler-aws-ai-checks', 'prowler-aws-ai-security']);
    const hub = coverage.find((c) => c.id === 'aws-securityhub-ai-security')!;
    expect(hub).toMatchObject({ requirements: 31, automated: 30, partial: 1, manual: 0, notCovered: 0 });
    expect(hub.controls).toEqual(['CAFAI-DP-04', 'CAFAI-DP-10', 'CAFAI-DP-50', 'CAFAI-DP-51', 'CAFAI-DP-53', 'CAFAI-DP-54', 'CAFAI-DP-60', 'CAFAI-DP-61', 'CAFAI-IAM-60', 'CAFAI-IP-01', 'CAFAI-IP-02', 'CAFAI-IP-03', 'CAFAI-IP-04', 'CAFAI-IP-05', 'CAFAI-IP-40', 'CAFAI-IP-41', 'CAFAI-IP-42', 'CAFAI-IP-43', 'CAFAI-IP-44', 'CAFAI-IP-45', 'CAFAI-IP-46', 'CAFAI-IP-47', 'CAFAI-IP-48', 'CAFAI-IP-49', 'CAFAI-IP-50', 'CAFAI-IP-51', 'CAFAI-IP-60', 'CAFAI-IP-61', 'CAFAI-IP-62', 'CAFAI-SA-60', 'CAFAI-VM-01']);
  });

  it('prints a table by default', () => {
    const run = runCli(['frameworks']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +Version +Requirements +Automated +Partly +Manual +Not covered +Controls +Name$/);
    expect(lines.find((l) => l.startsWith('owasp-llm-2025 '))).toMatch(/^owasp-llm-2025 +2025 +10 +0 +8 +2 +0 +33 +OWASP Top 10 for LLM Applications 2025$/);
  });

  it('rejects an unknown format with exit 2', () => {
    const run = runCli(['frameworks', '--format', 'xml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/argument 'xml' is invalid/);
  });

  it('renders the counts in columns under their headers', () => {
    const coverage: FrameworkCoverage[] = [
      { id: 'a', name: 'A', version: '1', source: 'https://example.com', requirements: 4, automated: 1, partial: 1, manual: 1, notCovered: 1, controls: ['CAFAI-DP-01'] },
    ];
    const [header, row] = renderFrameworks(coverage, 'text').split('\n');
    const cell = (name: string) => row!.slice(header!.indexOf(name)).split(/ {2,}/)[0];
    expect([cell('Requirements'), cell('Automated'), cell('Partly'), cell('Manual'), cell('Not covered'), cell('Controls'), cell('Name')]).toEqual(['4', '1', '1', '1', '1', '1', 'A']);
  });
});

describe('docs/frameworks.md', () => {
  it('shows the table `cafscan frameworks` prints today', () => {
    const docs = readFileSync(join(repoRoot, 'docs', 'frameworks.md'), 'utf8');
    const shown = /```\n\$ cafscan frameworks\n([\s\S]*?)```/.exec(docs)?.[1];
    const catalogIds = new Set(loadCatalog().controls.map((c) => c.id));
    const table = renderFrameworks(loadFrameworks(catalogIds).map(frameworkCoverage), 'text').split('\n\n')[0];
    expect(shown).toBe(`${table}\n`);
  });
});
