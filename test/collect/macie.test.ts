import { AccessDeniedException, DisableMacieCommand, Macie2Client, ResourceNotFoundException } from '@aws-sdk/client-macie2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { macieCollector, macieFact, macieNotEnabled } from '../../src/collect/services/macie.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { endpointOnly, fakeAws } from '../helpers/fake-aws.js';

describe('Macie collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    // moto starts every region with an ENABLED session; disabling it removes the session.
    await new Macie2Client(moto.clientConfig('eu-west-1')).send(new DisableMacieCommand({}));
  });
  afterAll(async () => moto?.stop());

  it('a region without a session is DISABLED, an answer rather than a failed call', async () => {
    const part = await runCollectorAgainst(moto, macieCollector, 'eu-west-1');
    expect(part.facts.get('eu-west-1')?.facts.macie).toEqual({ status: 'DISABLED', findingPublishingFrequency: null });
    expect(part.log.failures()).toEqual([]);
    expect(part.log.records).toEqual([expect.objectContaining({ action: 'macie2:GetMacieSession', ok: true, absent: 'MacieNotEnabled' })]);
  });

  it('an answer the SDK cannot parse leaves the fact unknown with the reason, never throws', async () => {
    // moto's session timestamps have no time zone, which the SDK rejects.
    const part = await runCollectorAgainst(moto, macieCollector, 'us-east-1');
    const slot = part.facts.get('us-east-1')!;
    expect(slot.facts).not.toHaveProperty('macie');
    expect(slot.factErrors.macie).toContain('macie2:GetMacieSession failed');
  });

  it('a call that is refused leaves the fact unknown with the reason', async () => {
    const part = await runCollectorAgainst(moto, { ...macieCollector, operations: [] }, 'us-east-1');
    const slot = part.facts.get('us-east-1')!;
    expect(slot.facts).not.toHaveProperty('macie');
    expect(slot.factErrors.macie).toContain('macie2:GetMacieSession');
  });

  it('AWS’s "Macie is not enabled" AccessDeniedException means DISABLED; any other denial is a failure (recorded real-shaped response; moto lacks AccessDeniedException for a disabled account and an SDK-parseable GetMacieSession)', () => {
    const notEnabled = new AccessDeniedException({ message: 'Macie is not enabled.', $metadata: { httpStatusCode: 401 } });
    expect(macieNotEnabled(notEnabled)).toBe(true);
    const denied = new AccessDeniedException({
      message: 'User: arn:aws:sts::123456789012:assumed-role/audit/x is not authorized to perform: macie2:GetMacieSession because no identity-based policy allows the macie2:GetMacieSession action',
      $metadata: { httpStatusCode: 403 },
    });
    expect(macieNotEnabled(denied)).toBe(false);
    expect(macieNotEnabled(new ResourceNotFoundException({ message: "The request failed because the specified resource doesn't exist.", $metadata: {} }))).toBe(true);

    expect(macieFact({ status: 'ok', output: { status: 'PAUSED', findingPublishingFrequency: 'ONE_HOUR' } })).toEqual({
      value: { status: 'PAUSED', findingPublishingFrequency: 'ONE_HOUR', serviceRole: null, createdAt: null, updatedAt: null },
    });
    expect(macieFact({ status: 'ok', output: { notEnabled: true } })).toEqual({ value: { status: 'DISABLED', findingPublishingFrequency: null } });
    expect(macieFact({ status: 'failed', failure: { kind: 'access-denied', code: 'AccessDeniedException', reason: 'macie2:GetMacieSession was denied (AccessDeniedException)' } })).toEqual({
      failure: 'macie2:GetMacieSession was denied (AccessDeniedException)',
    });
    expect(
      macieFact({
        status: 'ok',
        output: {
          createdAt: new Date('2023-06-01T00:00:00.000Z'),
          findingPublishingFrequency: 'FIFTEEN_MINUTES',
          serviceRole: 'arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie',
          status: 'ENABLED',
          updatedAt: new Date('2024-06-01T00:00:00.000Z'),
        },
      }),
    ).toEqual({
      value: {
        status: 'ENABLED',
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
        serviceRole: 'arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie',
        createdAt: '2023-06-01T00:00:00.000Z',
        updatedAt: '2024-06-01T00:00:00.000Z',
      },
    });
  });
});

describe('Macie automated sensitive data discovery (recorded real-shaped responses; moto 5.2 lacks GetAutomatedDiscoveryConfiguration and GetClassificationScope, and its GetMacieSession timestamps do not parse)', () => {
  const SESSION = { createdAt: '2025-02-11T10:21:33.000Z', findingPublishingFrequency: 'FIFTEEN_MINUTES', serviceRole: 'arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie', status: 'ENABLED', updatedAt: '2025-02-11T10:21:33.000Z' };
  const SCOPE_ID = '117ad7e1d5ba4b6be7e61da2c6b07dfb';

  it('reads the discovery status and the buckets its classification scope excludes', async () => {
    const server = await fakeAws(({ method }, path) => {
      if (method === 'GET' && path === '/macie') return { body: SESSION };
      if (method === 'GET' && path === '/automated-discovery/configuration') {
        return { body: { autoEnableOrganizationMembers: 'NONE', classificationScopeId: SCOPE_ID, firstEnabledAt: '2025-02-11T10:25:00.000Z', lastUpdatedAt: '2025-02-11T10:25:00.000Z', sensitivityInspectionTemplateId: '9b1c2f', status: 'ENABLED' } };
      }
      if (method === 'GET' && path === `/classification-scopes/${SCOPE_ID}`) return { body: { id: SCOPE_ID, name: 'automated-sensitive-data-discovery', s3: { excludes: { bucketNames: ['scratch-b', 'scratch-a'] } } } };
      return undefined;
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), macieCollector, 'us-east-1');
      expect(server.unknown).toEqual([]);
      expect(part.facts.get('us-east-1')?.facts.macieAutomatedDiscovery).toEqual({ status: 'ENABLED', classificationScopeId: SCOPE_ID, excludedBuckets: ['scratch-a', 'scratch-b'] });
      expect(part.log.failures()).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('disabled discovery needs no scope; a disabled Macie is not asked about discovery at all', async () => {
    const server = await fakeAws(({ method }, path) => {
      if (method === 'GET' && path === '/macie') return { body: SESSION };
      if (method === 'GET' && path === '/automated-discovery/configuration') return { body: { classificationScopeId: SCOPE_ID, disabledAt: '2025-03-01T00:00:00.000Z', status: 'DISABLED' } };
      return undefined;
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), macieCollector, 'us-east-1');
      expect(server.unknown).toEqual([]);
      expect(part.facts.get('us-east-1')?.facts.macieAutomatedDiscovery).toEqual({ status: 'DISABLED', classificationScopeId: SCOPE_ID, excludedBuckets: [] });
    } finally {
      await server.close();
    }
    const off = await fakeAws(({ method }, path) => (method === 'GET' && path === '/macie' ? { status: 403, type: 'AccessDeniedException', body: { message: 'Macie is not enabled.' } } : undefined));
    try {
      const part = await runCollectorAgainst(endpointOnly(off.endpoint), macieCollector, 'us-east-1');
      expect(off.requests).toEqual(['GET /macie']);
      expect(part.facts.get('us-east-1')?.facts).not.toHaveProperty('macieAutomatedDiscovery');
    } finally {
      await off.close();
    }
  });

  it('a denied discovery or scope read leaves the fact unknown with the reason; no scope id means unknown exclusions', async () => {
    const denied = await fakeAws(({ method }, path) => {
      if (method === 'GET' && path === '/macie') return { body: SESSION };
      if (method === 'GET' && path === '/automated-discovery/configuration') return { body: { classificationScopeId: SCOPE_ID, status: 'ENABLED' } };
      return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: macie2:GetClassificationScope' } };
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(denied.endpoint), macieCollector, 'us-east-1');
      expect(part.facts.get('us-east-1')?.factErrors.macieAutomatedDiscovery).toBe('macie2:GetClassificationScope was denied (AccessDeniedException)');
    } finally {
      await denied.close();
    }
    const noScope = await fakeAws(({ method }, path) => {
      if (method === 'GET' && path === '/macie') return { body: SESSION };
      if (method === 'GET' && path === '/automated-discovery/configuration') return { body: { status: 'ENABLED' } };
      return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: macie2:GetAutomatedDiscoveryConfiguration' } };
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(noScope.endpoint), macieCollector, 'us-east-1');
      expect(noScope.unknown).toEqual([]);
      expect(part.facts.get('us-east-1')?.facts.macieAutomatedDiscovery).toEqual({ status: 'ENABLED', classificationScopeId: null, excludedBuckets: null });
    } finally {
      await noScope.close();
    }
    const off = await fakeAws(({ method }, path) => (method === 'GET' && path === '/macie' ? { body: SESSION } : { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: macie2:GetAutomatedDiscoveryConfiguration' } }));
    try {
      const part = await runCollectorAgainst(endpointOnly(off.endpoint), macieCollector, 'us-east-1');
      expect(part.facts.get('us-east-1')?.factErrors.macieAutomatedDiscovery).toBe('macie2:GetAutomatedDiscoveryConfiguration was denied (AccessDeniedException)');
    } finally {
      await off.close();
    }
  });
});
