// The mutation tool (npm run mutation, docs/mutation.md): what it mutates, what it leaves alone,
// which tests it runs, and that it scores a real control end to end.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMutant, mutantsOf } from '../../scripts/mutation-operators.mjs';
import { describeFiles, sourcesFor, testsFor } from '../../scripts/mutation-deps.mjs';
import { regoSources } from '../../scripts/policy-catalog.mjs';
import { repoRoot, tempDir } from '../helpers/cli.js';

const control = `# METADATA
# title: x == y "not code"
package cafscan.controls.sample

import data.cafscan.lib

# a comment with != and 42
threshold := 90

missing contains "retention is not in the inventory" if not is_number(days)

violations contains sprintf("Group %s keeps logs too briefly.", [lib.label]) if {
	days < threshold
	not lib.configuration.exempt == true
	some tag in lib.as_array(lib.configuration.tags)
	tag == "ai"
}
`;

describe('mutantsOf', () => {
  const mutants = mutantsOf(control);
  const described = mutants.map((m) => `${m.line} ${m.rule} ${m.operator} ${m.category}: ${m.description}`);

  it('never touches comments, METADATA, package or import lines', () => {
    const codeStart = control.indexOf('threshold :=');
    for (const m of mutants) for (const e of m.edits) expect(e.start).toBeGreaterThanOrEqual(codeStart);
    expect(described.some((d) => d.includes('42'))).toBe(false);
  });

  it('flips comparisons, shifts boundaries, drops and negates statements, changes constants', () => {
    expect(described).toContain('13 violations comparison logic: < -> >= in "days < threshold"');
    expect(described).toContain('13 violations boundary logic: < -> <= in "days < threshold"');
    expect(described).toContain('13 violations drop logic: drop "days < threshold"');
    expect(described).toContain('13 violations negate logic: add not to "days < threshold"');
    expect(described).toContain('14 violations negate logic: remove not in "not lib.configuration.exempt == true"');
    expect(described).toContain('14 violations constant logic: true -> false in "not lib.configuration.exempt == true"');
    expect(described).toContain('8 threshold constant logic: 90 -> 91 in "threshold := 90"');
    expect(described).toContain('16 violations constant logic: "ai" -> "mutant:ai" in "tag == "ai""');
    expect(described).toContain('10 missing negate logic: remove not in "not is_number(days)" in "missing contains "retention is not in the inventory" if not is_number(days)"');
  });

  it('tags strings that only shape a message', () => {
    const messages = mutants.filter((m) => m.category === 'message').map((m) => m.description);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^"retention is not in the inventory" -> "mutant:retention/);
    expect(messages[1]).toMatch(/^"Group %s keeps logs too briefly\." -> /);
  });

  it('swaps some for every over the rest of the body, producing valid structure', () => {
    const swap = mutants.find((m) => m.operator === 'quantifier');
    expect(swap).toBeDefined();
    const mutated = applyMutant(control, swap!);
    expect(mutated).toContain('every tag in lib.as_array(lib.configuration.tags) {\n\ttag == "ai"\n}\n}');
  });

  it('gives the same mutants in the same order every time, none identical to the source', () => {
    expect(mutantsOf(control)).toEqual(mutants);
    const texts = mutants.map((m) => applyMutant(control, m));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).not.toContain(control);
  });
});

describe('test selection', () => {
  const files = describeFiles(regoSources({ includeTests: true }), repoRoot);
  const file = (rel: string) => files.find((f) => f.rel === rel)!;

  it("runs a control's own tests, and only the sources they need", () => {
    const target = file('policies/controls/security-assurance/cloudtrail_log_file_validation.rego');
    const tests = testsFor(target, files, 'violations').map((f) => f.rel);
    expect(tests).toEqual(['policies/controls/security-assurance/cloudtrail_log_file_validation_test.rego', 'policies/lib/testing_test.rego']);
    const sources = sourcesFor(target, testsFor(target, files, 'violations'), files).map((f) => f.rel);
    expect(sources).toContain('policies/main.rego');
    expect(sources).toContain(target.rel);
    expect(sources.filter((s) => s.includes('/controls/'))).toEqual([target.rel]);
  });

  it('runs every routed test for main.rego, and the callers of a library rule', () => {
    const routed = files.filter((f) => f.isTest && f.text.includes('data.cafscan.testing'));
    expect(testsFor(file('policies/main.rego'), files, 'in_scope').length).toBeGreaterThanOrEqual(routed.length);
    const forWords = testsFor(file('policies/lib/lib.rego'), files, 'secret_name_words').map((f) => f.rel);
    expect(forWords).toContain('policies/lib/lib_test.rego');
    expect(forWords.some((f) => f.endsWith('no_secrets_in_environment_test.rego'))).toBe(true);
    expect(forWords.some((f) => f.includes('cloudtrail'))).toBe(false);
  });
});

describe('npm run mutation', () => {
  it('scores a control end to end and lists its survivors', () => {
    const out = join(tempDir('cafscan-mutation-'), 'mutation.json');
    const run = spawnSync(process.execPath, ['scripts/mutation.mjs', '--only', 'cloudtrail_log_file_validation.rego', '--out', out, '--jobs', '1'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.totals.mutants).toBe(report.totals.valid + report.totals.invalid);
    expect(report.totals.killed).toBeGreaterThan(0);
    const byDescription = new Map<string, string>(report.mutants.map((m: { description: string; status: string }) => [m.description, m.status]));
    expect(byDescription.get('== -> != in "validation == false"')).toBe('killed');
    expect(byDescription.get('remove not in "not is_boolean_setting"')).toBe('killed');
    expect(run.stdout).toMatch(/^score [\d.]+% \(killed \/ \(valid − equivalent\)\)/m);
  });

  it('rejects a bad option with one line on stderr and exit 2', () => {
    const run = spawnSync(process.execPath, ['scripts/mutation.mjs', '--jobs', 'many'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['mutation: --jobs must be a positive integer (got many)']);
  });

  it('keeps audited equivalents well-formed: a key naming a Rego file and a reason', () => {
    const list = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'mutation-equivalent.json'), 'utf8')).equivalent as Array<{ key: string; reason: string }>;
    for (const e of list) {
      expect(e.key).toMatch(/^policies\/.+\.rego::[\w()]+::(comparison|boundary|drop|negate|constant|quantifier): /);
      expect(e.reason.length).toBeGreaterThan(20);
    }
  });
});
