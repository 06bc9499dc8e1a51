import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/control.js';
import type { Finding, FindingStatus } from '../../src/model/finding.js';
import { CAPABILITIES } from '../../src/model/control.js';
import { computeScores } from '../../src/scores/compute-scores.js';

function finding(status: FindingStatus, severity: Severity, capability: Finding['capability'] = 'data-protection', component: Finding['component'] = 'input'): Finding {
  return { controlId: 'X', title: 't', capability, component, severity, status, resource: { arn: 'a', type: 't', id: 'i', region: 'r', accountId: '1' }, message: 'm' };
}

describe('computeScores', () => {
  it('is null, not 100, where nothing was evaluated, and lists every capability', () => {
    const scores = computeScores([finding('not_evaluated', 'high')]);
    expect(Object.keys(scores.capabilities)).toEqual([...CAPABILITIES]);
    expect(scores.overall).toEqual({ score: null, passed: 0, failed: 0, notEvaluated: 1, suppressed: 0 });
    expect(scores.capabilities['threat-detection']).toMatchObject({ score: null, passed: 0, failed: 0, notEvaluated: 0 });
    expect(scores.capabilities['data-protection'].components.input.score).toBeNull();
  });

  it('weights by severity: one critical failure outweighs many passing lows', () => {
    const scores = computeScores([finding('fail', 'critical'), finding('pass', 'low'), finding('pass', 'low'), finding('pass', 'low')]);
    // 100 × 3·1 ÷ (3·1 + 10) = 23.1
    expect(scores.capabilities['data-protection'].score).toBe(23.1);
  });

  it('never counts not_evaluated as passed', () => {
    const scores = computeScores([finding('pass', 'high'), finding('not_evaluated', 'critical'), finding('fail', 'high', 'threat-detection', 'output')]);
    expect(scores.capabilities['data-protection']).toMatchObject({ score: 100, passed: 1, notEvaluated: 1 });
    expect(scores.overall).toMatchObject({ score: 50, passed: 1, failed: 1, notEvaluated: 1 });
    expect(scores.capabilities['threat-detection'].components.output).toEqual({ score: 0, passed: 0, failed: 1, notEvaluated: 0, suppressed: 0 });
  });

  it('counts a suppressed failure (accepted risk) apart: neither failed nor in the score', () => {
    const accepted = { ...finding('fail', 'critical'), suppression: { reason: 'accepted', source: 'cafscan.config.json#suppressions[0]' } };
    const scores = computeScores([finding('pass', 'low'), accepted]);
    expect(scores.capabilities['data-protection']).toMatchObject({ score: 100, passed: 1, failed: 0, suppressed: 1 });
  });
});
