import { describe, expect, it } from 'vitest';
import { accessAnalyzerCollector } from '../../src/collect/services/accessanalyzer.js';
import { readOnlyPolicy } from '../../src/collect/iam-actions.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { endpointOnly, fakeAws } from '../helpers/fake-aws.js';

const analyzer = (name: string, type: string, status: string) => ({
  arn: `arn:aws:access-analyzer:us-east-1:123456789012:analyzer/${name}`,
  name,
  type,
  createdAt: '2024-11-02T08:15:41Z',
  status,
  tags: {},
});

describe('IAM Access Analyzer collector (recorded real-shaped responses; moto 5.2 lacks Access Analyzer)', () => {
  it('lists every analyzer of the region across pages, every type kept', async () => {
    const pages: Record<string, unknown> = {
      '': { analyzers: [analyzer('external', 'ACCOUNT', 'ACTIVE')], nextToken: 'page-2' },
      'page-2': { analyzers: [analyzer('unused', 'ACCOUNT_UNUSED_ACCESS', 'ACTIVE'), { ...analyzer('org', 'ORGANIZATION', 'FAILED'), statusReason: { code: 'AWS_SERVICE_ACCESS_DISABLED' } }] },
    };
    const server = await fakeAws(({ method }, path, query) => (method === 'GET' && path === '/analyzer' ? { body: pages[query.get('nextToken') ?? ''] } : undefined));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), accessAnalyzerCollector, 'us-east-1');
      expect(server.unknown).toEqual([]);
      expect(part.facts.get('us-east-1')?.facts.accessAnalyzer).toEqual({
        analyzers: [
          { name: 'external', arn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/external', type: 'ACCOUNT', status: 'ACTIVE' },
          { name: 'org', arn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/org', type: 'ORGANIZATION', status: 'FAILED' },
          { name: 'unused', arn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' },
        ],
      });
      expect(part.log.records.map((r) => r.action)).toEqual(['access-analyzer:ListAnalyzers', 'access-analyzer:ListAnalyzers']);
    } finally {
      await server.close();
    }
  });

  it('a region without analyzers answers an empty list', async () => {
    const server = await fakeAws(({ method }, path) => (method === 'GET' && path === '/analyzer' ? { body: { analyzers: [] } } : undefined));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), accessAnalyzerCollector, 'eu-west-1');
      expect(part.facts.get('eu-west-1')?.facts.accessAnalyzer).toEqual({ analyzers: [] });
    } finally {
      await server.close();
    }
  });

  it('a denied call leaves the fact unknown with the reason', async () => {
    const server = await fakeAws(() => ({ status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: access-analyzer:ListAnalyzers' } }));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), accessAnalyzerCollector, 'us-east-1');
      expect(part.facts.get('us-east-1')?.facts).not.toHaveProperty('accessAnalyzer');
      expect(part.facts.get('us-east-1')?.factErrors.accessAnalyzer).toBe('access-analyzer:ListAnalyzers was denied (AccessDeniedException)');
    } finally {
      await server.close();
    }
  });

  it('is declared under the IAM prefix access-analyzer in the read-only policy', () => {
    expect(readOnlyPolicy([accessAnalyzerCollector]).Statement[0]?.Action).toContain('access-analyzer:ListAnalyzers');
  });
});
