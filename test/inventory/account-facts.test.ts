import { describe, expect, it } from 'vitest';
import { accountResourceArn, buildInventory } from '../../src/inventory/build-inventory.js';

const ACCOUNT = '111122223333';

describe('account facts arrive as inventory parts', () => {
  it('land on the account resource of their region, global ones on every region, with their factErrors', () => {
    const inventory = buildInventory(
      [
        {
          source: 'live', resources: [], coverage: [],
          facts: [
            { accountId: ACCOUNT, region: 'us-east-1', facts: { bedrockInvocationLogging: { enabled: true } }, factErrors: {} },
            { accountId: ACCOUNT, region: 'global', facts: { iamPasswordPolicy: { minimumLength: 14 } }, factErrors: { accessAnalyzer: 'AccessDenied' } },
            { accountId: ACCOUNT, region: 'eu-west-1', facts: {}, factErrors: { bedrockInvocationLogging: 'throttled' } },
          ],
        },
        { source: 'later', resources: [], coverage: [], facts: [{ accountId: ACCOUNT, region: 'eu-west-1', facts: {}, factErrors: { guardduty: 'timeout' } }] },
      ],
      [{ accountId: ACCOUNT, region: 'us-east-1' }, { accountId: ACCOUNT, region: 'eu-west-1' }],
    );
    const config = (region: string) => inventory.resources.find((r) => r.arn === accountResourceArn(ACCOUNT, region))!.configuration;
    expect(config('us-east-1')).toMatchObject({ bedrockInvocationLogging: { enabled: true }, iamPasswordPolicy: { minimumLength: 14 }, factErrors: { accessAnalyzer: 'AccessDenied' } });
    expect(config('eu-west-1')).toMatchObject({ iamPasswordPolicy: { minimumLength: 14 }, factErrors: { accessAnalyzer: 'AccessDenied', bedrockInvocationLogging: 'throttled', guardduty: 'timeout' } });
    expect(config('eu-west-1')).not.toHaveProperty('bedrockInvocationLogging');
  });

  it('facts of another account, or of a place with no account resource, go nowhere', () => {
    const inventory = buildInventory(
      [{ source: 'live', resources: [], coverage: [], facts: [{ accountId: '999999999999', region: 'global', facts: { x: { a: 1 } }, factErrors: {} }, { accountId: ACCOUNT, region: 'ap-south-1', facts: { y: { b: 2 } }, factErrors: {} }] }],
      [{ accountId: ACCOUNT, region: 'us-east-1' }],
    );
    expect(inventory.resources).toHaveLength(1);
    expect(inventory.resources[0]!.configuration).not.toHaveProperty('x');
    expect(inventory.resources[0]!.configuration).not.toHaveProperty('y');
    expect(inventory.resources[0]!.configuration).not.toHaveProperty('factErrors');
  });
});
