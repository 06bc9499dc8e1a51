import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/control.js';
import type { Finding } from '../../src/model/finding.js';
import { FailOnGate, GATE_NAMED } from '../../src/scan/gate.js';

function finding(n: number, severity: Severity, extra: Partial<Finding> = {}): Finding {
  const id = `bucket-${String(n).padStart(2, '0')}`;
  return {
    controlId: 'CAFAI-DP-01', title: 't', capability: 'data-protection', component: 'input', severity, status: 'fail',
    resource: { arn: `arn:aws:s3:::${id}`, type: 'AWS::S3::Bucket', id, region: 'us-east-1', accountId: '123456789012' },
    message: 'm', ...extra,
  };
}

function gate(threshold: Severity | undefined, findings: Finding[]): FailOnGate {
  const g = new FailOnGate(threshold);
  for (const f of findings) g.add(f);
  return g;
}

describe('the --fail-on gate line', () => {
  it('counts open failures at or above the threshold only (not passes, lower severities or accepted risks)', () => {
    const g = gate('high', [
      finding(1, 'critical'),
      finding(2, 'high'),
      finding(3, 'medium'),
      finding(4, 'high', { status: 'pass' }),
      finding(5, 'critical', { suppression: { reason: 'accepted', source: 'cafscan.ignore.yaml' } }),
    ]);
    expect(g.line(undefined, false)).toBe('--fail-on high: 2 failures at or above high');
    expect(gate('high', [finding(1, 'high')]).line(undefined, false)).toBe('--fail-on high: 1 failure at or above high');
  });

  it('says nothing when the gate passes or there is none', () => {
    expect(gate('critical', [finding(1, 'high')]).line(undefined, false)).toBeUndefined();
    expect(gate(undefined, [finding(1, 'critical')]).line(undefined, false)).toBeUndefined();
    // --fail-on-new: old failures do not count.
    expect(gate('high', [finding(1, 'critical', { baselineState: 'unchanged' })]).line('old.json', true)).toBeUndefined();
  });

  it('with a baseline, says how many are new; with --fail-on-new, names the most severe new ones', () => {
    const findings = [
      finding(1, 'high', { baselineState: 'unchanged' }),
      ...Array.from({ length: GATE_NAMED + 2 }, (_, i) => finding(10 + i, i === 3 ? 'critical' : 'high', { baselineState: 'new' })),
    ];
    expect(gate('high', findings).line('old.json', false)).toBe(`--fail-on high: ${GATE_NAMED + 3} failures at or above high (${GATE_NAMED + 2} new since old.json)`);
    const named = ['bucket-13', 'bucket-10', 'bucket-11', 'bucket-12', 'bucket-14'].map((b) => `CAFAI-DP-01 on arn:aws:s3:::${b}`);
    expect(gate('high', findings).line('old.json', true)).toBe(`--fail-on high: ${GATE_NAMED + 2} new failures at or above high since old.json: ${named.join(', ')}, and 2 more`);
  });
});
