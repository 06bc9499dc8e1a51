import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityhubCollector } from '../../src/collect/services/securityhub.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { endpointOnly, fakeAws } from '../helpers/fake-aws.js';

const HUB = 'arn:aws:securityhub:us-east-1:123456789012:hub/default';
const FSBP = 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0';
const CIS = 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0';

describe('Security Hub collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  it('a region that never enabled Security Hub is an answer (enabled false), not a failed call', async () => {
    const part = await runCollectorAgainst(moto, securityhubCollector, 'eu-west-1');
    expect(part.facts.get('eu-west-1')?.facts.securityHub).toEqual({ enabled: false });
    expect(part.log.failures()).toEqual([]);
    expect(part.log.records).toEqual([expect.objectContaining({ action: 'securityhub:DescribeHub', ok: true, absent: 'InvalidAccessException' })]);
  });

  it('an enabled hub whose standards cannot be read leaves the fact unknown with the reason (moto 5.2 lacks GetEnabledStandards)', async () => {
    await new SecurityHubClient(moto.clientConfig('us-east-1')).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
    const part = await runCollectorAgainst(moto, securityhubCollector, 'us-east-1');
    const slot = part.facts.get('us-east-1')!;
    expect(slot.facts).not.toHaveProperty('securityHub');
    expect(slot.factErrors.securityHub).toContain('securityhub:GetEnabledStandards');
    expect(part.log.records.map((r) => `${r.action}:${r.ok}`)).toEqual(['securityhub:DescribeHub:true', 'securityhub:GetEnabledStandards:false']);
  });

  it('a refused DescribeHub leaves the fact unknown with the reason', async () => {
    const part = await runCollectorAgainst(moto, { ...securityhubCollector, operations: [] }, 'us-east-1');
    expect(part.facts.get('us-east-1')?.factErrors.securityHub).toContain('securityhub:DescribeHub');
  });
});

describe('Security Hub standards (recorded real-shaped responses; moto 5.2 lacks GetEnabledStandards)', () => {
  it('reads the hub and every page of its standards subscriptions', async () => {
    const pages: Record<string, unknown> = {
      '': { StandardsSubscriptions: [{ StandardsSubscriptionArn: `${HUB}/x`, StandardsArn: FSBP, StandardsInput: {}, StandardsStatus: 'READY' }], NextToken: 'page-2' },
      'page-2': { StandardsSubscriptions: [{ StandardsSubscriptionArn: `${HUB}/y`, StandardsArn: CIS, StandardsInput: {}, StandardsStatus: 'INCOMPLETE', StandardsStatusReason: { StatusReasonCode: 'NO_AVAILABLE_CONFIGURATION_RECORDER' } }] },
    };
    const server = await fakeAws(({ method }, path, _query, body) => {
      if (method === 'GET' && path === '/accounts') return { body: { HubArn: HUB, SubscribedAt: '2025-01-14T10:02:11.000Z', AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' } };
      if (method === 'POST' && path === '/standards/get') return { body: pages[String((JSON.parse(body || '{}') as { NextToken?: string }).NextToken ?? '')] };
      return undefined;
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), securityhubCollector, 'us-east-1');
      expect(server.unknown).toEqual([]);
      expect(part.facts.get('us-east-1')?.facts.securityHub).toEqual({
        enabled: true,
        hubArn: HUB,
        standards: [
          { standardsArn: FSBP, status: 'READY' },
          { standardsArn: CIS, status: 'INCOMPLETE' },
        ],
      });
      expect(server.requests.filter((r) => r === 'POST /standards/get')).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('a denied DescribeHub is a failure, not "not enabled"', async () => {
    const server = await fakeAws(() => ({ status: 403, type: 'AccessDeniedException', body: { Message: 'User is not authorized to perform: securityhub:DescribeHub' } }));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), securityhubCollector, 'us-east-1');
      expect(part.facts.get('us-east-1')?.factErrors.securityHub).toBe('securityhub:DescribeHub was denied (AccessDeniedException)');
    } finally {
      await server.close();
    }
  });
});
