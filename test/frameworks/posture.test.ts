import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/control.js';
import type { Finding, FindingStatus } from '../../src/model/finding.js';
import type { Framework } from '../../src/model/frameworks.js';
import { FrameworkPostureAccumulator } from '../../src/frameworks/posture.js';
import { REQUIREMENT_STATUSES, type FrameworksPosture } from '../../src/model/framework-posture.js';
import { computeScores } from '../../src/scores/compute-scores.js';

const base = { name: 'F', version: '1', source: 'https://example.com', sections: [], file: 'rules/f.yaml' };

function finding(controlId: string, status: FindingStatus, severity: Severity = 'high', extra: Partial<Finding> = {}): Finding {
  return {
    controlId,
    title: 't',
    capability: 'data-protection',
    component: 'input',
    severity,
    status,
    resource: { arn: `arn:${controlId}:${status}`, type: 'AWS::S3::Bucket', id: 'i', region: 'us-east-1', accountId: '123456789012' },
    message: 'm',
    ...(status === 'not_evaluated' ? { reason: 'AccessDenied' } : {}),
    ...extra,
  };
}

function posture(framework: Framework, findings: Finding[], ran: string[] = ['A-1', 'A-2', 'B-1', 'C-1', 'D-1', 'E-1', 'G-1']): FrameworksPosture {
  const accumulator = new FrameworkPostureAccumulator([framework], new Set(ran));
  for (const f of findings) accumulator.add(f);
  return accumulator.posture();
}

const automated = (id: string, controls: string[], partial?: string) => ({ id, title: id.toLowerCase(), kind: 'automated' as const, controls, ...(partial ? { partial } : {}) });

describe('FrameworkPostureAccumulator', () => {
  it('fails a requirement on any failing control, passes it only when every control that ran passed', () => {
    const framework: Framework = { ...base, id: 'f', requirements: [automated('R1', ['A-1', 'A-2']), automated('R2', ['B-1'])] };
    const result = posture(framework, [finding('A-1', 'pass'), finding('A-1', 'pass'), finding('A-2', 'fail'), finding('B-1', 'pass')]).f!;
    expect(result.requirements.map((r) => [r.id, r.status, r.coverage])).toEqual([
      ['R1', 'fail', 'automated'],
      ['R2', 'pass', 'automated'],
    ]);
    expect(result.requirements[0]!.controls).toEqual([
      { id: 'A-1', status: 'pass', passed: 2, failed: 0, notEvaluated: 0, suppressed: 0 },
      { id: 'A-2', status: 'fail', passed: 0, failed: 1, notEvaluated: 0, suppressed: 0 },
    ]);
    expect(result.requirementCounts).toEqual({ fail: 1, not_evaluated: 0, excluded: 0, manual: 0, not_covered: 0, pass: 1 });
  });

  it('never passes an unknown: a not_evaluated check, or no check decided at all, is not_evaluated', () => {
    const framework: Framework = { ...base, id: 'f', requirements: [automated('R1', ['A-1', 'A-2']), automated('R2', ['B-1']), automated('R3', ['C-1'])] };
    const result = posture(framework, [finding('A-1', 'pass'), finding('A-2', 'not_evaluated'), finding('B-1', 'fail'), finding('B-1', 'not_evaluated')]).f!;
    const [r1, r2, r3] = result.requirements;
    expect(r1).toMatchObject({ status: 'not_evaluated', reason: 'not every check could be decided: A-2' });
    // A failure is known even when another check was not decided.
    expect(r2!.status).toBe('fail');
    // C-1 ran and found nothing it applies to: nothing decided, so not a pass (a score would be null).
    expect(r3).toMatchObject({ status: 'not_evaluated', reason: 'no resource any of its controls checks was scanned' });
    expect(r3!.controls).toEqual([{ id: 'C-1', status: 'not_applicable', passed: 0, failed: 0, notEvaluated: 0, suppressed: 0 }]);
  });

  it('leaves a control with no resource out, as the scores do, when another control decided', () => {
    const framework: Framework = { ...base, id: 'f', requirements: [automated('R1', ['A-1', 'C-1'])] };
    expect(posture(framework, [finding('A-1', 'pass')]).f!.requirements[0]!.status).toBe('pass');
  });

  it('says excluded, not pass, when the selection left one of the controls out', () => {
    const framework: Framework = { ...base, id: 'f', requirements: [automated('R1', ['A-1', 'Z-9']), automated('R2', ['Z-9']), automated('R3', ['A-2', 'Z-9'])] };
    const result = posture(framework, [finding('A-1', 'pass'), finding('A-2', 'fail')]).f!;
    expect(result.requirements.map((r) => r.status)).toEqual(['excluded', 'excluded', 'fail']);
    expect(result.requirements[0]).toMatchObject({ reason: 'left out by the control selection: Z-9' });
    expect(result.requirements[0]!.controls![1]).toMatchObject({ id: 'Z-9', status: 'excluded' });
  });

  it('never passes a partly automated requirement: manual when its controls pass, fail or not_evaluated otherwise', () => {
    const framework: Framework = {
      ...base,
      id: 'f',
      requirements: [automated('P1', ['A-1'], 'the rest'), automated('P2', ['A-2'], 'the rest'), automated('P3', ['B-1'], 'the rest')],
    };
    const result = posture(framework, [finding('A-1', 'pass'), finding('A-2', 'fail'), finding('B-1', 'not_evaluated')]).f!;
    expect(result.requirements.map((r) => [r.status, r.coverage])).toEqual([
      ['manual', 'partial'],
      ['fail', 'partial'],
      ['not_evaluated', 'partial'],
    ]);
    expect(result.requirements[0]).toMatchObject({ check: 'the rest', reason: 'its controls passed; the rest is checked by hand' });
    expect(result.requirementCounts.pass).toBe(0);
  });

  it('reports manual and not-covered requirements as such, with what to check', () => {
    const framework: Framework = {
      ...base,
      id: 'f',
      requirements: [
        { id: 'M', title: 'm', kind: 'manual', check: 'ask the team' },
        { id: 'N', title: 'n', kind: 'not-covered', notCovered: 'not collected yet (issue 13)', check: 'console' },
      ],
    };
    const result = posture(framework, [finding('A-1', 'pass')]).f!;
    expect(result.requirements).toEqual([
      { id: 'M', title: 'm', coverage: 'manual', status: 'manual', reason: 'checked by hand', check: 'ask the team' },
      { id: 'N', title: 'n', coverage: 'not_covered', status: 'not_covered', reason: 'not collected yet (issue 13)', check: 'console' },
    ]);
    // No control of the framework decided anything: the score says nothing, not 100.
    expect(result).toMatchObject({ score: null, passed: 0, failed: 0, notEvaluated: 0 });
  });

  it('keeps an accepted risk a failure of the requirement, counted apart as suppressed', () => {
    const framework: Framework = { ...base, id: 'f', requirements: [automated('R1', ['A-1'])] };
    const suppressed = finding('A-1', 'fail', 'high', { suppression: { reason: 'migration', source: 'cafscan.config.json' } });
    const result = posture(framework, [finding('A-1', 'pass'), suppressed]).f!;
    expect(result.requirements[0]).toMatchObject({ status: 'fail', reason: 'only suppressed failures (accepted risks): A-1' });
    expect(result.requirements[0]!.controls![0]).toMatchObject({ status: 'fail', failed: 0, suppressed: 1 });
    // The score leaves the suppressed failure out, as the capability scores do.
    expect(result).toMatchObject({ score: 100, passed: 1, failed: 0, suppressed: 1 });
  });

  it('scores the framework as computeScores scores its controls\' findings, each control once', () => {
    const framework: Framework = { ...base, id: 'f', requirements: [automated('R1', ['A-1', 'A-2']), automated('R2', ['A-1'], 'rest'), automated('R3', ['B-1'])] };
    const findings = [finding('A-1', 'fail', 'critical'), finding('A-1', 'pass', 'low'), finding('A-2', 'pass', 'medium'), finding('B-1', 'not_evaluated'), finding('E-1', 'fail', 'critical')];
    const result = posture(framework, findings).f!;
    const expected = computeScores(findings.filter((f) => f.controlId !== 'E-1')).overall;
    expect({ score: result.score, passed: result.passed, failed: result.failed, notEvaluated: result.notEvaluated, suppressed: result.suppressed }).toEqual(expected);
    // 100 × (1 + 3) ÷ (10 + 1 + 3)
    expect(result.score).toBe(28.6);
  });

  it('lists every framework by id with counts that add up to its requirements', () => {
    const a: Framework = { ...base, id: 'b-framework', requirements: [automated('R1', ['A-1'])] };
    const b: Framework = { ...base, id: 'a-framework', requirements: [automated('R1', ['A-1']), { id: 'M', title: 'm', kind: 'manual', check: 'x' }] };
    const accumulator = new FrameworkPostureAccumulator([a, b], new Set(['A-1']));
    accumulator.add(finding('A-1', 'pass'));
    const all = accumulator.posture();
    expect(Object.keys(all)).toEqual(['a-framework', 'b-framework']);
    for (const p of Object.values(all)) {
      expect(REQUIREMENT_STATUSES.reduce((n, s) => n + p.requirementCounts[s], 0)).toBe(p.requirements.length);
    }
  });
});
