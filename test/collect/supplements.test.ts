import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import { applySupplements, createContext, type CollectedPart } from '../../src/collect/collector.js';
import { createLimiter } from '../../src/collect/limiter.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { TEST_CREDENTIALS } from '../helpers/moto.js';

const ROLE = 'AWS::IAM::Role';
const arn = 'arn:aws:iam::123456789012:role/ml';

function context(claimed: Set<string>): { part: CollectedPart; ctx: ReturnType<typeof createContext> } {
  const factory = new ClientFactory({ credentials: async () => TEST_CREDENTIALS, endpoint: 'http://127.0.0.1:1', maxAttempts: 1, requestTimeoutMs: 1000, log: new CallLog(), declaredOperations: new Set() });
  const part: CollectedPart = { resources: [], coverage: [], facts: new Map() };
  const ctx = createContext({ factory, accountId: '123456789012', partition: 'aws', region: 'us-east-1', resourceRegion: 'global', part, limit: createLimiter(1), claimed });
  return { part, ctx };
}

function configRole(extra: Partial<InventoryResource> = {}): InventoryResource {
  return { type: ROLE, id: 'AROA1', arn, name: 'ml', accountId: '123456789012', region: 'global', capturedAt: '2026-12-01T00:00:00Z', configuration: { roleName: 'ml' }, supplementaryConfiguration: {}, tags: {}, relationships: [], ...extra };
}

const usage = [{ serviceNamespace: 'sagemaker', serviceName: 'Amazon SageMaker', lastAuthenticated: '2026-01-01T00:00:00.000Z', lastAuthenticatedRegion: 'us-east-1' }];

describe('supplements: what a service adds to a resource AWS Config collected', () => {
  it('keeps a supplement only where another source claimed the type', () => {
    const claimed = context(new Set([`${ROLE}|global`]));
    claimed.ctx.supplement(ROLE, { arn, supplementaryConfiguration: { ServiceLastAccessed: usage }, collectionErrors: {} });
    expect(claimed.part.supplements).toEqual([{ arn, supplementaryConfiguration: { ServiceLastAccessed: usage }, collectionErrors: {} }]);

    const own = context(new Set());
    own.ctx.supplement(ROLE, { arn, supplementaryConfiguration: { ServiceLastAccessed: usage }, collectionErrors: {} });
    expect(own.part.supplements).toBeUndefined();
  });

  it('adds the last-accessed data or its error to the Config item, never overriding what Config recorded', () => {
    const withData = configRole({ supplementaryConfiguration: { RolePolicy: 'from Config' } });
    const denied = configRole({ arn: `${arn}-2`, collectionErrors: { configuration: 'unreadable' } });
    const other = configRole({ arn: `${arn}-3` });
    applySupplements(
      [withData, denied, other],
      [
        { arn, supplementaryConfiguration: { ServiceLastAccessed: usage, RolePolicy: 'live' }, collectionErrors: {} },
        { arn: `${arn}-2`, supplementaryConfiguration: {}, collectionErrors: { ServiceLastAccessed: 'denied', configuration: 'live' } },
        { arn: 'arn:aws:iam::123456789012:role/gone', supplementaryConfiguration: { ServiceLastAccessed: [] }, collectionErrors: {} },
      ],
    );
    expect(withData.supplementaryConfiguration).toEqual({ ServiceLastAccessed: usage, RolePolicy: 'from Config' });
    expect(withData.collectionErrors).toBeUndefined();
    expect(denied.collectionErrors).toEqual({ ServiceLastAccessed: 'denied', configuration: 'unreadable' });
    expect(other).toEqual(configRole({ arn: `${arn}-3` }));
  });
});
