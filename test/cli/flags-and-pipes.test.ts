import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cafscanBin, repoRoot, runCli, tempDir } from '../helpers/cli.js';

describe('scan flags a reviewer found loose', () => {
  it('--framework given twice is one line and exit 2, not the second silently replacing the first', () => {
    const out = tempDir();
    const run = runCli(['scan', '--demo', '-o', out, '--framework', 'owasp-llm-2025', '--framework', 'caf-ai-security']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give one framework (got "owasp-llm-2025" and "caf-ai-security")');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    expect(runCli(['controls', '--framework', 'owasp-llm-2025', '--framework', 'caf-ai-security']).status).toBe(2);
  });

  it('--format with an empty value is exit 2 (it used to print nothing and exit 0)', () => {
    const run = runCli(['scan', '--demo', '-o', tempDir(), '--format', '']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no format given \(choose from table, .*none\)/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('the report set is replaced as a whole', () => {
  it('a format file an earlier scan wrote leaves when the next scan does not write it; a directory of that name is left alone', () => {
    const out = tempDir();
    expect(runCli(['scan', '--demo', '-o', out, '--format', 'csv', 'junit', 'markdown']).status).toBe(0);
    for (const name of ['results.csv', 'results.junit.xml', 'summary.md']) expect(existsSync(join(out, name)), name).toBe(true);
    const next = runCli(['scan', '--demo', '-o', out, '--controls', 'CAFAI-DP-02', '--format', 'junit']);
    expect(next.status, next.stderr).toBe(0);
    // results.csv and summary.md described the first scan; only what this scan wrote remains.
    expect(existsSync(join(out, 'results.csv'))).toBe(false);
    expect(existsSync(join(out, 'summary.md'))).toBe(false);
    const findings = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { findings: unknown[] }).findings.length;
    expect(readFileSync(join(out, 'results.junit.xml'), 'utf8')).toContain(`tests="${findings}"`);
    mkdirSync(join(out, 'report.html'));
    expect(runCli(['scan', '--demo', '-o', out, '--format', 'none']).status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });
});

describe('stdout closed early', () => {
  it('`cafscan scan | head -c1` keeps the scan\'s exit code and prints no stack trace', () => {
    const out = tempDir();
    const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${cafscanBin}" scan --demo -o "${out}" --framework owasp-llm-2025 | head -c1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(shell.stderr).toMatch(/exit=0\n$/);
    expect(shell.stderr).not.toMatch(/EPIPE|at \S+ \(/);
  });
});
