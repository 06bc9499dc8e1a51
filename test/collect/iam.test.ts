import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, TagRoleCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamCollector } from '../../src/collect/services/iam.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

describe('IAM collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    const iam = new IAMClient(moto.clientConfig());
    await iam.send(new CreateRoleCommand({ RoleName: 'sm-exec', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new TagRoleCommand({ RoleName: 'sm-exec', Tags: [{ Key: 'owner', Value: 'ml' }] }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'sm-exec', PolicyName: 'read', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }] }) }));
    const policy = await iam.send(new CreatePolicyCommand({ PolicyName: 'admin-ish', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'sm-exec', PolicyArn: policy.Policy!.Arn! }));
    // Many users, to make GetAccountAuthorizationDetails paginate (MaxItems 1000 per page).
    for (let i = 0; i < 5; i++) await iam.send(new CreateUserCommand({ UserName: `user-${i}` }));
  });
  afterAll(async () => moto?.stop());

  it('emits roles, users and customer managed policies shaped like AWS Config items', async () => {
    const part = await runCollectorAgainst(moto, iamCollector);
    const role = part.resources.find((r) => r.type === 'AWS::IAM::Role' && r.name === 'sm-exec')!;
    expect(role).toMatchObject({ region: 'global', accountId: '123456789012', tags: { owner: 'ml' } });
    expect(role.configuration.assumeRolePolicyDocument).toEqual(trust);
    expect(role.configuration.rolePolicyList).toEqual([{ policyName: 'read', policyDocument: expect.objectContaining({ Statement: [expect.objectContaining({ Action: 's3:GetObject' })] }) }]);
    expect(role.configuration.attachedManagedPolicies).toEqual([{ policyName: 'admin-ish', policyArn: 'arn:aws:iam::123456789012:policy/admin-ish' }]);
    const policy = part.resources.find((r) => r.type === 'AWS::IAM::Policy' && r.name === 'admin-ish')!;
    expect(policy.configuration.policyVersionList).toEqual([expect.objectContaining({ isDefaultVersion: true, document: expect.objectContaining({ Statement: [expect.objectContaining({ Action: '*' })] }) })]);
    expect(part.resources.filter((r) => r.type === 'AWS::IAM::User')).toHaveLength(5);
    expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(['AWS::IAM::Group:complete', 'AWS::IAM::Policy:complete', 'AWS::IAM::Role:complete', 'AWS::IAM::User:complete']);
    expect(part.log.failures()).toEqual([]); // no password policy is an answer (absent), not a failure
    const passwordPolicyCall = part.log.records.find((r) => r.action === 'iam:GetAccountPasswordPolicy');
    expect(passwordPolicyCall, JSON.stringify(passwordPolicyCall)).toMatchObject({ ok: true, absent: expect.stringMatching(/^NoSuchEntity/) });
  });
});
