import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { severityRank } from '../../src/controls/catalog.js';
import { CAPABILITIES, CAPABILITY_TITLES, COMPONENTS, type Severity } from '../../src/model/control.js';
import type { Finding } from '../../src/model/finding.js';
import { formatScore, type ReportFinding, type ReportResults } from '../../src/reporters/html-template/report-view.js';
import { cell, MAX_LISTED_FAILURES, renderMarkdown } from '../../src/reporters/markdown.js';
import type { ScanResults } from '../../src/model/results.js';
import { computeScores } from '../../src/scores/compute-scores.js';
import { runCli, tempDir } from '../helpers/cli.js';

let demo: ScanResults;

beforeAll(() => {
  const dir = tempDir();
  const run = runCli(['scan', '--demo', '--output-dir', dir, '--format', 'none']);
  expect(run.status, run.stderr).toBe(0);
  demo = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ScanResults;
});

/** Results as the scanner would produce them from these findings (scores recomputed). */
function withFindings(findings: ReportFinding[]): ReportResults {
  return { ...demo, findings, scores: computeScores(findings as Finding[]) };
}

function finding(overrides: Partial<ReportFinding> & { resourceId?: string }): ReportFinding {
  const { resourceId = 'extra-bucket', ...rest } = overrides;
  return {
    controlId: 'CAFAI-DP-01',
    title: 'A test control',
    capability: 'data-protection',
    component: 'input',
    severity: 'high',
    status: 'fail',
    resource: { arn: `arn:aws:s3:::${resourceId}`, type: 'AWS::S3::Bucket', id: resourceId, region: 'us-east-1', accountId: '123456789012' },
    message: `Bucket ${resourceId} is not encrypted.`,
    ...rest,
  };
}

/** The cells of a markdown table row, split on the pipes that are not escaped. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function section(markdown: string, heading: string | RegExp): string {
  const start = typeof heading === 'string' ? markdown.indexOf(heading) : markdown.search(heading);
  expect(start, `no "${heading}" section`).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n### ', start + 4);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('renderMarkdown', () => {
  it('summarises the demo scan: facts, overall score and one row per capability with component scores', () => {
    const md = renderMarkdown(demo);
    expect(md).toMatch(/^## cafscan — CAF-AI Security perspective\n/);
    const overall = demo.scores.overall;
    expect(md).toContain(`**Overall score: ${formatScore(overall.score)} / 100** — ${overall.passed} passed, ${overall.failed} failed, ${overall.notEvaluated} not evaluated`);
    expect(md).toContain(`- **Accounts:** ${demo.scan.accounts.join(', ')}\n`);
    expect(md).toContain(`- **Regions:** ${demo.scan.regions.join(', ')}\n`);
    expect(md).toContain(`- **Sources:** ${demo.scan.sources.join(', ')}\n`);
    expect(md).toContain(`, cafscan ${demo.tool.version}`);

    const table = section(md, '### Capability scores');
    expect(table).toContain('| Capability | Score | Passed | Failed | Not evaluated | Input | Model | Output |');
    const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Capability'));
    expect(rows).toHaveLength(CAPABILITIES.length + 1);
    CAPABILITIES.forEach((id, i) => {
      const c = demo.scores.capabilities[id];
      expect(cells(rows[i]!)).toEqual([
        CAPABILITY_TITLES[id],
        formatScore(c.score),
        String(c.passed),
        String(c.failed),
        String(c.notEvaluated),
        ...COMPONENTS.map((component) => formatScore(c.components[component].score)),
      ]);
    });
    expect(cells(rows[CAPABILITIES.length]!).slice(0, 5)).toEqual(['**Overall**', `**${formatScore(overall.score)}**`, `**${overall.passed}**`, `**${overall.failed}**`, `**${overall.notEvaluated}**`]);
  });

  it('writes n/a, never 100, where nothing was evaluated', () => {
    // No incident-response findings at all, and only a not_evaluated one for threat detection.
    const findings: ReportFinding[] = demo.findings.filter((f) => f.capability !== 'incident-response' && f.capability !== 'threat-detection');
    findings.push(finding({ capability: 'threat-detection', component: 'model', status: 'not_evaluated', reason: 'AccessDenied on guardduty:ListDetectors' }));
    const md = renderMarkdown(withFindings(findings));
    const table = section(md, '### Capability scores');
    expect(table).toContain('| Incident Response | n/a | 0 | 0 | 0 | n/a | n/a | n/a |');
    expect(table).toContain('| Threat Detection | n/a | 0 | 0 | 1 | n/a | n/a | n/a |');
    expect(table).not.toMatch(/\| (Incident Response|Threat Detection) \| 100/);

    const empty = renderMarkdown(withFindings([]));
    expect(empty).toContain('**Overall score: n/a (nothing evaluated)**');
    expect(empty).toContain('No open failures.');
  });

  it('lists at most 20 open failures, most severe first, with control, resource and message', () => {
    const extra = Array.from({ length: 25 }, (_, i) => finding({ resourceId: `bulk-${String(i).padStart(2, '0')}`, severity: (['low', 'medium', 'critical'] as Severity[])[i % 3]! }));
    const results = withFindings([...demo.findings, ...extra]);
    const open = results.findings.filter((f) => f.status === 'fail' && !f.suppression);
    const md = renderMarkdown(results);
    const failures = section(md, '### Top failures');
    expect(failures).toContain(`### Top failures (${MAX_LISTED_FAILURES} of ${open.length})`);
    const rows = failures.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Severity'));
    expect(rows).toHaveLength(MAX_LISTED_FAILURES);
    const severities = rows.map((r) => cells(r)[0] as Severity);
    expect(severities.map(severityRank)).toEqual([...severities.map(severityRank)].sort((a, b) => a - b));
    expect(severities[0]).toBe('critical');
    const first = open.filter((f) => f.severity === 'critical').sort((a, b) => a.controlId.localeCompare(b.controlId) || a.resource.arn.localeCompare(b.resource.arn))[0]!;
    const [, control, resource, message] = cells(rows[0]!);
    expect(control).toBe(cell(first.controlId));
    expect(resource).toContain(cell(first.resource.id));
    expect(resource).toContain(first.resource.type);
    expect(message).toBeTruthy();
  });

  it('escapes pipes, HTML, markdown and newlines in table cells', () => {
    const nasty = finding({
      severity: 'critical',
      resourceId: 'evil|bucket<script>alert(1)</script>',
      message: 'Line one | with a pipe\nline two <img src=x onerror=alert(1)> **bold** [link](http://x)',
    });
    const md = renderMarkdown(withFindings([...demo.findings, nasty]));
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    const row = md.split('\n').find((line) => line.includes('evil\\|bucket'))!;
    const [severity, control, resource, message] = cells(row);
    expect(cells(row)).toHaveLength(4);
    expect(severity).toBe('critical');
    expect(control).toBe('CAFAI-DP-01');
    expect(resource).toContain('evil\\|bucket&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message).toBe('Line one \\| with a pipe line two &lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](http:\u200B//x)');
  });

  it('keeps names from the scanned account from becoming links in the job summary', () => {
    const lure = finding({ severity: 'critical', resourceId: 'www.attacker.example', message: 'Bucket www.attacker.example, owner ops@attacker.example, see https://attacker.example' });
    const row = renderMarkdown(withFindings([lure])).split('\n').find((line) => line.includes('attacker'))!;
    expect(row).not.toMatch(/www\.attacker|https:\/\/attacker|@attacker/);
    expect(row.replace(/\u200B/g, '')).toContain('Bucket www.attacker.example, owner ops@attacker.example, see https://attacker.example');
  });

  it('counts not_evaluated findings with a hint and their most common reasons', () => {
    const md = renderMarkdown(demo);
    const notEvaluated = demo.findings.filter((f) => f.status === 'not_evaluated');
    expect(notEvaluated.length).toBeGreaterThan(0);
    const text = section(md, '### Not evaluated');
    expect(text).toContain(`### Not evaluated (${notEvaluated.length})`);
    expect(text).toContain('docs/iam-policy.json');
    expect(text).toContain('count in no score');
    // The five most frequent reasons, with their counts, and how many more there are.
    const counts = new Map<string, number>();
    for (const f of notEvaluated) counts.set(f.reason!, (counts.get(f.reason!) ?? 0) + 1);
    const reasons = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Reason'));
    expect(rows).toEqual(reasons.slice(0, 5).map(([reason, n]) => `| ${cell(reason)} | ${n} |`));
    if (reasons.length > 5) expect(text).toContain(`… and ${reasons.length - 5} other reason${reasons.length === 6 ? '' : 's'}.`);
  });

  it('leaves suppressed failures out of the failure list and counts them', () => {
    const suppressed = finding({ resourceId: 'accepted-risk', severity: 'critical', suppression: { reason: 'accepted risk', expires: '2027-01-01', source: 'cafscan.config.json' } });
    const already = demo.findings.filter((f) => f.status === 'fail' && f.suppression).length;
    const md = renderMarkdown(withFindings([...demo.findings, suppressed]));
    expect(md).toContain(`${already + 1} failure${already ? 's' : ''} suppressed`);
    expect(md).not.toContain('accepted-risk');
  });

  it('shows changes since the baseline when findings carry baselineState', () => {
    expect(renderMarkdown(demo)).not.toContain('Changes since the baseline');
    const fails = demo.findings.filter((f) => f.status === 'fail' && !f.suppression);
    const findings: ReportFinding[] = demo.findings.map((f) => ({ ...f, baselineState: 'unchanged' }));
    const newOnes = [fails[0]!, fails[fails.length - 1]!];
    for (const f of findings) if (newOnes.some((n) => n.controlId === f.controlId && n.resource.arn === f.resource.arn)) f.baselineState = 'new';
    // Fixed as src/baseline marks it (passes now), and as SARIF would (gone from this scan).
    findings.push(finding({ resourceId: 'now-private', status: 'pass', baselineState: 'fixed' }));
    findings.push(finding({ resourceId: 'was-public', baselineState: 'absent' }));
    findings.push(finding({ resourceId: 'now-unknown', status: 'not_evaluated', reason: 'AccessDenied', baselineState: 'updated' }));
    const md = renderMarkdown(withFindings(findings), { baseline: { source: 'baseline/results.json', createdAt: '2026-10-01T00:00:00Z' } });
    const text = section(md, '### Changes since the baseline');
    expect(text).toContain('Baseline: baseline/results.json, taken 2026-10-01 00:00:00 UTC');
    expect(text).toContain(`**2 new** failures · **2 fixed** · ${fails.length - 2} still failing · 1 changed status otherwise`);
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Severity'));
    expect(rows).toHaveLength(2);
    for (const n of newOnes) expect(rows.some((r) => r.includes(cell(n.message)))).toBe(true);
    // A finding gone since the baseline is not an open failure.
    expect(section(md, /### (Top failures|Failures) \(/)).not.toContain('was-public');
  });

  it('takes the baseline facts from scan.baseline, and the fixed count from the options over both', () => {
    const findings: ReportFinding[] = demo.findings.map((f) => ({ ...f, baselineState: 'unchanged' }));
    const fromScan = renderMarkdown({ ...withFindings(findings), scan: { ...demo.scan, baseline: { source: 'previous/results.json', startedAt: '2026-09-30T12:00:00Z', fixed: 3 } } });
    const text = section(fromScan, '### Changes since the baseline');
    expect(text).toContain('Baseline: previous/results.json, taken 2026-09-30 12:00:00 UTC');
    expect(text).toContain('**0 new** failures · **3 fixed**');
    expect(text).not.toContain('New failures');

    expect(renderMarkdown(demo, { baseline: { fixed: 4 } })).toContain('**0 new** failures · **4 fixed**');
  });
});
