import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { renderHtml } from '../../src/reporters/html.js';
import type { ScanResults } from '../../src/model/results.js';
import { computeScores } from '../../src/scores/compute-scores.js';

function finding(i: number, status: Finding['status']): Finding {
  const id = `bucket-${i}`;
  return {
    controlId: 'CAFAI-DP-01', title: 't', capability: 'data-protection', component: 'input', severity: 'high', status, message: `${id} m`,
    resource: { arn: `arn:aws:s3:::${id}`, type: 'AWS::S3::Bucket', id, region: 'us-east-1', accountId: '111122223333' },
    ...(status === 'not_evaluated' ? { reason: 'r' } : {}),
  };
}

describe('report.html on a large account', () => {
  it('keeps every failure and not-evaluated check, fills up with passes to the limit, and says so', () => {
    const findings = [...Array.from({ length: 30 }, (_, i) => finding(i, 'pass')), ...Array.from({ length: 8 }, (_, i) => finding(100 + i, 'fail')), finding(200, 'not_evaluated')];
    const results: ScanResults = {
      schemaVersion: '1', tool: { name: 'cafscan', version: '0' },
      scan: { startedAt: '2026-11-22T00:00:00Z', finishedAt: '2026-11-22T00:00:01Z', sources: ['test'], accounts: ['111122223333'], regions: ['us-east-1'] },
      findings, scores: computeScores(findings),
    };
    const html = renderHtml(results, 20);
    const rows = html.match(/<tr class="finding"/g) ?? html.match(/<tr [^>]*data-status=/g) ?? [];
    expect(rows).toHaveLength(20);
    for (let i = 100; i < 108; i++) expect(html).toContain(`bucket-${i} m`);
    expect(html).toContain('bucket-200 m');
    expect(html).toContain('This page lists 20 of 39 findings');
    expect(renderHtml(results)).not.toContain('findings-limited');
  });
});
