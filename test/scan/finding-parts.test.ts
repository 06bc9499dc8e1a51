import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FindingLine } from '../../src/reporters/write-report-set.js';
import { finding as anyFinding } from '../helpers/finding-arbitrary.js';
import type { Finding } from '../../src/model/finding.js';
import { compareFindings, compareText } from '../../src/order.js';
import { FindingParts } from '../../src/scan/finding-parts.js';
import { tempDir } from '../helpers/cli.js';

const f = (controlId: string, type: string, arn: string, message = ''): Finding => ({
  controlId, title: 't', capability: 'data-protection', component: 'input', severity: 'high', status: 'fail', message,
  resource: { arn, type, id: arn, region: 'us-east-1', accountId: '111122223333' },
});

describe('FindingParts', () => {
  it('merges findings produced in inventory order (type, then ARN) into results.json order (control, then ARN), coverage first on a tie', () => {
    // Inventory order: all of type A, then all of type B; each resource's outcomes by control.
    const produced = [f('C2', 'A', 'arn:3'), f('C1', 'A', 'arn:5'), f('C2', 'A', 'arn:5'), f('C1', 'B', 'arn:1'), f('C2', 'B', 'arn:4'), f('C1', 'B', 'arn:9')];
    const coverage = [f('C1', 'AWS::::Account', 'arn:5', 'coverage'), f('C3', 'AWS::::Account', 'arn:0', 'coverage')];
    const parts = new FindingParts(tempDir());
    for (const finding of produced) parts.add(finding);
    const merged = [...parts.merged(coverage)];
    const expected = [...coverage, ...produced].sort(compareFindings);
    expect(merged.map((m) => m.finding)).toEqual(expected);
    expect(merged.map((m) => m.line)).toEqual(expected.map((e) => JSON.stringify(e)));
    expect(merged[1]!.finding.message).toBe('coverage');
  });

  it('an inventory not in ARN order (built by hand) is still merged in order', () => {
    const produced = [f('C1', 'A', 'arn:9'), f('C1', 'A', 'arn:2'), f('C1', 'B', 'arn:5'), f('C1', 'A', 'arn:4')];
    const parts = new FindingParts(tempDir());
    for (const finding of produced) parts.add(finding);
    expect([...parts.merged([])].map((m) => m.finding.resource.arn)).toEqual(['arn:2', 'arn:4', 'arn:5', 'arn:9']);
  });

  it('reads every line back as its bytes, with the finding, its ARN and (for a pass or a not_evaluated finding) its facts', () => {
    // Few controls, types and ARNs, so parts hold several lines and controls several types to merge.
    const small = fc.constantFrom('a', 'b', 'arn:"q"', 'é', '\\', 'z😀');
    const produced = fc.array(
      // A control's own fields are the same on each of its findings, as the catalog gives them.
      fc.tuple(anyFinding, fc.constantFrom('C1', 'C2'), fc.constantFrom('T1', 'T2'), small, fc.nat(3)).map(([f, controlId, type, arn, variant]) => ({ ...f, controlId, title: `"${controlId}" \\ é${variant === 0 ? ' (retitled)' : ''}`, capability: `cap ${controlId}`, component: `comp ${controlId}`, severity: controlId === 'C1' ? 'high' : 'low', resource: { ...f.resource, type, arn } }) as unknown as Finding),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(produced, fc.boolean(), (findings, plainAccounts) => {
        const list = findings.map((f) => (plainAccounts ? ({ ...f, resource: { ...f.resource, accountId: '111122223333' } } as Finding) : f));
        // Inventory order: by type, then ARN (stable).
        const ordered = [...list].sort((a, b) => compareText(a.resource.type, b.resource.type) || compareText(a.resource.arn, b.resource.arn));
        const parts = new FindingParts(tempDir());
        for (const f of ordered) parts.add(f);
        const merged = [...parts.merged([])];
        // A control whose fields change within a part has lines stored whole (read by parsing).
        const retitled = list.some((f) => f.title.endsWith('(retitled)'));
        const expected = [...ordered].sort(compareFindings);
        expect(merged.map((m) => bytesOf(m))).toEqual(expected.map((e) => JSON.stringify(e)));
        expect(merged.map((m) => m.finding)).toEqual(expected.map((e) => JSON.parse(JSON.stringify(e)) as Finding));
        merged.forEach((m, i) => {
          const e = expected[i]!;
          expect((m as FindingLine & { arn: string }).arn).toBe(e.resource.arn);
          const facts = m.facts?.();
          const parsed = m.finding;
          if (e.status === 'fail') expect(facts).toBeUndefined();
          else if (facts) {
            expect(facts).toEqual(
              e.status === 'pass'
                ? { status: 'pass', accountId: parsed.resource.accountId, baselineState: parsed.baselineState }
                : { status: 'not_evaluated', accountId: parsed.resource.accountId, controlId: parsed.controlId, arn: parsed.resource.arn, reason: parsed.reason, baselineState: parsed.baselineState },
            );
          }
          // With a plain account and ARN the facts are always read without parsing (the fast path is taken, not only allowed).
          if (e.status !== 'fail' && plainAccounts && /^[a-zé😀]+$/.test(e.resource.arn) && hasFindingKeys(e) && !retitled) expect(facts).toBeDefined();
        });
      }),
      { numRuns: 300 },
    );
  });
});

function bytesOf(entry: FindingLine): string {
  expect(entry.bytes).toBeDefined();
  const text = Buffer.concat([entry.prefix ?? new Uint8Array(), entry.bytes!()]).toString('utf8');
  expect(entry.line).toBe(text);
  return text;
}

/** The findings the arbitrary makes with only the keys makeFindings gives (a key kept with undefined is not one of them). */
function hasFindingKeys(f: Finding): boolean {
  return !Object.entries(f).some(([, v]) => v === undefined);
}
