import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../src/baseline/compare-baseline.js';
import type { BaselineFinding } from '../../src/model/baseline.js';
import type { Finding } from '../../src/model/finding.js';

function finding(id: string, status: Finding['status'], extra: Partial<Finding> = {}, region = 'us-east-1'): Finding {
  return {
    controlId: 'CAFAI-DP-01', title: 't', capability: 'data-protection', component: 'input', severity: 'high', status, message: 'm',
    resource: { arn: `arn:aws:s3:::${id}`, type: 'AWS::S3::Bucket', id, region, accountId: '111122223333' },
    ...extra,
  };
}
const scanned = { accounts: ['111122223333'], regions: ['us-east-1'] };
const accepted = { reason: 'accepted', source: 'cafscan.ignore.yaml#suppressions[0]' };

describe('compareWithBaseline', () => {
  it('marks new, unchanged, fixed and updated by control and resource', () => {
    const baseline: BaselineFinding[] = [finding('a', 'fail'), finding('b', 'fail'), finding('c', 'fail'), finding('d', 'pass'), finding('e', 'pass')];
    const now = [finding('a', 'fail'), finding('b', 'pass'), finding('c', 'not_evaluated'), finding('d', 'fail'), finding('e', 'not_evaluated'), finding('f', 'pass')];
    const summary = compareWithBaseline(now, { findings: baseline, startedAt: null }, 'old.json', scanned);
    expect(now.map((f) => `${f.resource.id}:${f.baselineState}`)).toEqual(['a:unchanged', 'b:fixed', 'c:updated', 'd:new', 'e:updated', 'f:unchanged']);
    expect(summary).toMatchObject({ new: 1, fixed: 1, updated: 2, unchanged: 2, removed: [], notScanned: 0 });
  });

  it('treats a failure suppressed in the baseline as not failing, so it is new when the suppression expires', () => {
    const now = [finding('a', 'fail')];
    compareWithBaseline(now, { findings: [finding('a', 'fail', { suppression: accepted })], startedAt: null }, 'old.json', scanned);
    expect(now[0]?.baselineState).toBe('new');
  });

  it('counts a vanished failure as fixed only where this scan looked', () => {
    const baseline = [finding('deleted', 'fail'), finding('elsewhere', 'fail', {}, 'eu-west-1')];
    const summary = compareWithBaseline([], { findings: baseline, startedAt: null }, 'old.json', scanned);
    expect(summary.removed.map((f) => f.resource.id)).toEqual(['deleted']);
    expect(summary).toMatchObject({ fixed: 1, notScanned: 1 });
  });

  it('compares a baseline naming a retired control as its replacement: the same gap stays unchanged, not fixed plus new', () => {
    // CAFAI-DP-12 (retired) reported the output bucket's encryption; CAFAI-DP-01 reports it now.
    const baseline = [finding('out', 'fail', { controlId: 'CAFAI-DP-12' }), finding('other', 'fail', { controlId: 'CAFAI-DP-12' })];
    const now = [finding('out', 'fail'), finding('other', 'pass')];
    const summary = compareWithBaseline(now, { findings: baseline, startedAt: null }, 'old.json', scanned);
    expect(now.map((f) => `${f.resource.id}:${f.baselineState}`)).toEqual(['out:unchanged', 'other:fixed']);
    expect(summary).toMatchObject({ new: 0, fixed: 1, unchanged: 1, removed: [] });
  });
});
