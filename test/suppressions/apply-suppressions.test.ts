import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { Finding } from '../../src/model/finding.js';
import { applySuppressions } from '../../src/suppressions/apply-suppressions.js';
import type { SuppressionRule } from '../../src/model/suppression.js';

function finding(id: string, status: Finding['status'], region = 'us-east-1'): Finding {
  return {
    controlId: 'CAFAI-IP-01', title: 't', capability: 'infrastructure-protection', component: 'input', severity: 'high', status, message: 'm',
    resource: { arn: `arn:aws:sagemaker:${region}:111122223333:notebook-instance/${id}`, type: 'AWS::SageMaker::NotebookInstance', id, region, accountId: '111122223333' },
  };
}
const rule = (extra: Partial<SuppressionRule>): SuppressionRule => ({ reason: 'accepted', source: 'test', ...extra });
const scanned = { accounts: ['111122223333'], regions: ['us-east-1'] };
const noTags = () => null;

describe('applySuppressions', () => {
  it('holds through the expiry day (UTC) and stops the day after', () => {
    const onTheDay = [finding('a', 'fail')];
    applySuppressions(onTheDay, [rule({ controlId: 'CAFAI-IP-01', expires: '2026-11-22' })], noTags, new Date('2026-11-22T23:59:00Z'), scanned);
    expect(onTheDay[0]?.suppression).toBeDefined();
    const dayAfter = [finding('a', 'fail')];
    const report = applySuppressions(dayAfter, [rule({ controlId: 'CAFAI-IP-01', expires: '2026-11-22' })], noTags, new Date('2026-11-23T00:00:01Z'), scanned);
    expect(dayAfter[0]?.suppression).toBeUndefined();
    expect(report.expired).toHaveLength(1);
  });

  it('calls a rule unused only when it matches nothing this scan covered, and never one whose check is not_evaluated now', () => {
    const findings = [finding('a', 'pass'), finding('b', 'not_evaluated')];
    const report = applySuppressions(findings, [
      rule({ source: 'fixed', resource: '*/a' }),
      rule({ source: 'dormant', resource: '*/b' }),
      rule({ source: 'other-region', controlId: 'CAFAI-IP-01', region: 'eu-west-1' }),
      rule({ source: 'other-account', accountId: '999999999999' }),
    ], noTags, new Date('2026-11-22T00:00:00Z'), scanned);
    expect(report.unused.map((u) => u.source)).toEqual(['fixed']);
  });

  it('never lets a "__proto__" tag key turn into a rule that matches everything', () => {
    const config = parseConfig(JSON.parse('{"suppressions": [{"tags": {"__proto__": "x"}, "reason": "r"}]}'), 'cafscan.config.json');
    const findings = [finding('a', 'fail')];
    applySuppressions(findings, config.suppressions, () => ({ team: 'ml' }), new Date(), scanned);
    expect(findings[0]?.suppression).toBeUndefined();
    expect(Object.keys(config.suppressions[0]!.tags!)).toEqual(['__proto__']);
  });

  it('a rule naming exactly a retired id accepts the gap its replacement reports now; a glob is not widened', () => {
    const bucket = (id: string): Finding => ({ ...finding(id, 'fail'), controlId: 'CAFAI-AS-01', capability: 'application-security', resource: { arn: `arn:aws:s3:::${id}`, type: 'AWS::S3::Bucket', id, region: 'us-east-1', accountId: '111122223333' } });
    const findings = [bucket('train'), bucket('logs')];
    // CAFAI-IR-04 (retired) checked training-data versioning; CAFAI-AS-01 does now.
    applySuppressions(findings, [rule({ controlId: 'CAFAI-IR-04', resource: 'arn:aws:s3:::train' }), rule({ controlId: 'CAFAI-IR-*' })], noTags, new Date('2026-11-22T00:00:00Z'), scanned);
    expect(findings.map((f) => f.suppression !== undefined)).toEqual([true, false]);
  });
});

