import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiCandidates } from '../../src/collect/services/iam-last-accessed.js';
import { iamCollector } from '../../src/collect/services/iam.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { MOTO_ACCOUNT, startMoto, type Moto } from '../helpers/moto.js';
import { startMotoProxy, type ProxyReply } from '../helpers/moto-proxy.js';

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
    expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(['AWS::IAM::Group:complete', 'AWS::IAM::Policy:complete', 'AWS::IAM::Role:complete', 'AWS::IAM::ServiceSpecificCredential:failed', 'AWS::IAM::User:complete']);
    // moto 5.2 implements neither Bedrock API keys nor access advisor: both are reported, never
    // taken as "none" (no password policy is an answer, absent, not a failure).
    expect(part.log.failures().map((f) => f.action).sort()).toEqual(['iam:GenerateServiceLastAccessedDetails', 'iam:ListServiceSpecificCredentials']);
    expect(part.coverage.find((c) => c.resourceType === 'AWS::IAM::ServiceSpecificCredential')?.reason).toMatch(/^iam:ListServiceSpecificCredentials failed/);
    // Only sm-exec (its admin-ish policy may grant Bedrock and SageMaker) is asked for last-accessed data.
    expect(role.collectionErrors).toEqual({ ServiceLastAccessed: expect.stringMatching(/^iam:GenerateServiceLastAccessedDetails failed/) });
    for (const user of part.resources.filter((r) => r.type === 'AWS::IAM::User')) {
      expect(user.collectionErrors).toBeUndefined();
      expect(user.supplementaryConfiguration.ServiceLastAccessed).toBeUndefined();
    }
    const passwordPolicyCall = part.log.records.find((r) => r.action === 'iam:GetAccountPasswordPolicy');
    expect(passwordPolicyCall, JSON.stringify(passwordPolicyCall)).toMatchObject({ ok: true, absent: expect.stringMatching(/^NoSuchEntity/) });
  });
});

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** An IAM (query protocol) XML reply, as the service sends it. */
function iamXml(action: string, result: string): ProxyReply {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<${action}Response xmlns="${IAM_NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function iamError(code: string, status = 403): ProxyReply {
  return { status, headers: { 'content-type': 'text/xml' }, body: `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>denied by the test proxy</Message></Error><RequestId>7a62c49f-0000</RequestId></ErrorResponse>` };
}

/** ListServiceSpecificCredentials members, shaped as in the IAM API reference (ServiceSpecificCredentialMetadata). */
function recordedCredential(user: string, id: string, created: string, expires?: string): string {
  return `<member><UserName>${user}</UserName><Status>Active</Status><ServiceUserName>${user}-at-${MOTO_ACCOUNT}</ServiceUserName><ServiceCredentialAlias>BedrockAPIKey-${id.slice(-4)}</ServiceCredentialAlias><CreateDate>${created}</CreateDate>${expires ? `<ExpirationDate>${expires}</ExpirationDate>` : ''}<ServiceSpecificCredentialId>${id}</ServiceSpecificCredentialId><ServiceName>bedrock.amazonaws.com</ServiceName></member>`;
}

/** GetServiceLastAccessedDetails ServicesLastAccessed members (IAM API reference). */
function recordedService(namespace: string, name: string, last?: string): string {
  return `<member>${last ? `<LastAuthenticated>${last}</LastAuthenticated><LastAuthenticatedEntity>arn:aws:iam::${MOTO_ACCOUNT}:role/agent-role</LastAuthenticatedEntity><LastAuthenticatedRegion>us-east-1</LastAuthenticatedRegion>` : ''}<ServiceName>${name}</ServiceName><ServiceNamespace>${namespace}</ServiceNamespace><TotalAuthenticatedEntities>${last ? 1 : 0}</TotalAuthenticatedEntities></member>`;
}

describe('IAM Bedrock API keys and service last-accessed data (recorded real-shaped responses; moto lacks ListServiceSpecificCredentials and access advisor)', () => {
  let moto: Moto;
  let proxy: Moto;
  const requests: Array<Record<string, string>> = [];
  const polls = new Map<string, number>();

  beforeAll(async () => {
    moto = await startMoto();
    const iam = new IAMClient(moto.clientConfig());
    const invoke = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }] };
    const bedrockTrust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const lambdaTrust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await iam.send(new CreateRoleCommand({ RoleName: 'agent-role', AssumeRolePolicyDocument: JSON.stringify(bedrockTrust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'agent-role', PolicyName: 'invoke', PolicyDocument: JSON.stringify(invoke) }));
    await iam.send(new CreateRoleCommand({ RoleName: 'denied-role', AssumeRolePolicyDocument: JSON.stringify(bedrockTrust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'denied-role', PolicyName: 'sm', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }] }) }));
    await iam.send(new CreateRoleCommand({ RoleName: 'lambda-role', AssumeRolePolicyDocument: JSON.stringify(lambdaTrust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'lambda-role', PolicyName: 'read', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) }));
    await iam.send(new CreateUserCommand({ UserName: 'analyst' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'analyst' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    await iam.send(new CreateUserCommand({ UserName: 'reader' }));

    proxy = await startMotoProxy(moto, (req) => {
      const form = Object.fromEntries(new URLSearchParams(req.body));
      const action = form.Action ?? '';
      if (!['ListServiceSpecificCredentials', 'GenerateServiceLastAccessedDetails', 'GetServiceLastAccessedDetails'].includes(action)) return undefined;
      requests.push(form);
      if (action === 'ListServiceSpecificCredentials') {
        if (form.AllUsers !== 'true' || form.ServiceName !== 'bedrock.amazonaws.com') return iamError('ValidationError', 400);
        if (!form.Marker) return iamXml(action, `<ServiceSpecificCredentials>${recordedCredential('analyst', 'ACCAQEXAMPLE1NEVER', '2026-01-10T09:00:00Z')}</ServiceSpecificCredentials><IsTruncated>true</IsTruncated><Marker>page-2</Marker>`);
        return iamXml(action, `<ServiceSpecificCredentials>${recordedCredential('reader', 'ACCAQEXAMPLE2SHORT', '2026-11-01T09:00:00Z', '2026-11-08T09:00:00Z')}</ServiceSpecificCredentials><IsTruncated>false</IsTruncated>`);
      }
      if (action === 'GenerateServiceLastAccessedDetails') {
        if (form.Arn?.endsWith(':role/denied-role')) return iamError('AccessDenied');
        return iamXml(action, `<JobId>job-${form.Arn?.split('/').pop()}</JobId>`);
      }
      const job = form.JobId ?? '';
      const poll = (polls.get(job) ?? 0) + 1;
      polls.set(job, poll);
      if (poll === 1) return iamXml(action, `<JobStatus>IN_PROGRESS</JobStatus><JobType>SERVICE_LEVEL</JobType><JobCreationDate>2026-12-01T10:00:00Z</JobCreationDate><ServicesLastAccessed/><IsTruncated>false</IsTruncated>`);
      const done = '<JobStatus>COMPLETED</JobStatus><JobType>SERVICE_LEVEL</JobType><JobCreationDate>2026-12-01T10:00:00Z</JobCreationDate><JobCompletionDate>2026-12-01T10:00:03Z</JobCompletionDate>';
      if (form.MaxItems === '1') return iamXml(action, `${done}<ServicesLastAccessed>${recordedService('a4b', 'Alexa for Business')}</ServicesLastAccessed><IsTruncated>true</IsTruncated><Marker>m1</Marker>`);
      // The report read in two pages; only bedrock* and sagemaker* entries are kept.
      if (!form.Marker) return iamXml(action, `${done}<ServicesLastAccessed>${recordedService('bedrock', 'Amazon Bedrock', '2026-11-20T08:30:00Z')}${recordedService('s3', 'Amazon S3', '2026-11-30T08:30:00Z')}</ServicesLastAccessed><IsTruncated>true</IsTruncated><Marker>services-2</Marker>`);
      return iamXml(action, `${done}<ServicesLastAccessed>${recordedService('sagemaker', 'Amazon SageMaker')}${recordedService('bedrock-agentcore', 'Amazon Bedrock AgentCore')}</ServicesLastAccessed><IsTruncated>false</IsTruncated>`);
    });
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('lists every Bedrock API key across pages as AWS::IAM::ServiceSpecificCredential, and reads last-accessed data only for principals that may use Bedrock or SageMaker', async () => {
    const part = await runCollectorAgainst(proxy, iamCollector);
    const keys = part.resources.filter((r) => r.type === 'AWS::IAM::ServiceSpecificCredential');
    expect(keys).toEqual([
      expect.objectContaining({
        id: 'ACCAQEXAMPLE1NEVER',
        arn: `arn:aws:iam::${MOTO_ACCOUNT}:service-specific-credential/ACCAQEXAMPLE1NEVER`,
        name: 'BedrockAPIKey-EVER',
        region: 'global',
        configuration: {
          serviceSpecificCredentialId: 'ACCAQEXAMPLE1NEVER',
          userName: 'analyst',
          serviceName: 'bedrock.amazonaws.com',
          serviceUserName: `analyst-at-${MOTO_ACCOUNT}`,
          serviceCredentialAlias: 'BedrockAPIKey-EVER',
          status: 'Active',
          createDate: '2026-01-10T09:00:00.000Z',
          expirationDate: null,
        },
        relationships: [{ name: 'Is attached to User', resourceType: 'AWS::IAM::User', resourceId: null, resourceName: 'analyst' }],
      }),
      expect.objectContaining({ id: 'ACCAQEXAMPLE2SHORT', configuration: expect.objectContaining({ userName: 'reader', expirationDate: '2026-11-08T09:00:00.000Z' }) }),
    ]);
    expect(part.coverage.find((c) => c.resourceType === 'AWS::IAM::ServiceSpecificCredential')).toMatchObject({ status: 'complete' });
    expect(requests.filter((r) => r.Action === 'ListServiceSpecificCredentials')).toHaveLength(2);

    const named = (type: string, name: string) => part.resources.find((r) => r.type === type && r.name === name)!;
    const expected = [
      { serviceNamespace: 'bedrock', serviceName: 'Amazon Bedrock', lastAuthenticated: '2026-11-20T08:30:00.000Z', lastAuthenticatedRegion: 'us-east-1' },
      { serviceNamespace: 'sagemaker', serviceName: 'Amazon SageMaker', lastAuthenticated: null, lastAuthenticatedRegion: null },
      { serviceNamespace: 'bedrock-agentcore', serviceName: 'Amazon Bedrock AgentCore', lastAuthenticated: null, lastAuthenticatedRegion: null },
    ];
    expect(named('AWS::IAM::Role', 'agent-role').supplementaryConfiguration.ServiceLastAccessed).toEqual(expected);
    // Through its group's AdministratorAccess.
    expect(named('AWS::IAM::User', 'analyst').supplementaryConfiguration.ServiceLastAccessed).toEqual(expected);
    expect(named('AWS::IAM::Role', 'denied-role').collectionErrors).toEqual({ ServiceLastAccessed: 'iam:GenerateServiceLastAccessedDetails was denied (AccessDenied)' });
    for (const [type, name] of [['AWS::IAM::Role', 'lambda-role'], ['AWS::IAM::User', 'reader']] as const) {
      expect(named(type, name).supplementaryConfiguration.ServiceLastAccessed, name).toBeUndefined();
      expect(named(type, name).collectionErrors, name).toBeUndefined();
    }
    const generated = requests.filter((r) => r.Action === 'GenerateServiceLastAccessedDetails').map((r) => `${r.Arn}:${r.Granularity}`).sort();
    expect(generated).toEqual(['agent-role', 'denied-role'].map((n) => `arn:aws:iam::${MOTO_ACCOUNT}:role/${n}:SERVICE_LEVEL`).concat([`arn:aws:iam::${MOTO_ACCOUNT}:user/analyst:SERVICE_LEVEL`]).sort());
    for (const record of part.log.records) expect(iamCollector.operations).toContain(record.action);
  });

  it('selects the principals whose policies may grant Bedrock or SageMaker, groups included', () => {
    const doc = (Action: unknown, key = 'Action') => encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', [key]: Action, Resource: '*' }] }));
    const role = (name: string, document: string) => ({ Arn: `arn:aws:iam::1:role/${name}`, RolePolicyList: [{ PolicyName: 'p', PolicyDocument: document }] });
    const arns = aiCandidates([
      {
        RoleDetailList: [
          role('star', doc('*')),
          role('wild-service', doc(['s3:GetObject', 'bed*:Invoke*'])),
          role('sagemaker', doc('SageMaker:CreateTrainingJob')),
          role('not-action', doc('s3:*', 'NotAction')),
          role('s3-only', doc(['s3:GetObject', 'logs:PutLogEvents'])),
          { Arn: 'arn:aws:iam::1:role/deny-only', RolePolicyList: [{ PolicyName: 'p', PolicyDocument: encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*' }] })) }] },
          { Arn: 'arn:aws:iam::1:role/managed', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly' }] },
          { Arn: 'arn:aws:iam::1:role/lambda-basic', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }] },
          { Arn: 'arn:aws:iam::1:role/customer', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::1:policy/ml' }] },
        ],
        UserDetailList: [{ Arn: 'arn:aws:iam::1:user/in-ml-group', GroupList: ['ml'] }, { Arn: 'arn:aws:iam::1:user/alone', GroupList: [] }],
        GroupDetailList: [{ GroupName: 'ml', GroupPolicyList: [{ PolicyName: 'g', PolicyDocument: doc('bedrock:InvokeModel') }] }],
        Policies: [{ Arn: 'arn:aws:iam::1:policy/ml', PolicyVersionList: [{ IsDefaultVersion: false, Document: doc('s3:*') }, { IsDefaultVersion: true, Document: doc('sagemaker:*') }] }],
        $metadata: {},
      },
    ]);
    expect(arns.map((a) => a.split(':').pop())).toEqual(['role/star', 'role/wild-service', 'role/sagemaker', 'role/not-action', 'role/managed', 'role/customer', 'user/in-ml-group']);
  });

  // AWS managed policies not named for the service that grant it all the same.
  it('selects principals with AWS managed policies that grant SageMaker or Bedrock without naming them', () => {
    const arns = aiCandidates([
      {
        RoleDetailList: [
          { Arn: 'arn:aws:iam::1:role/data-scientist', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/job-function/DataScientist' }] },
          { Arn: 'arn:aws:iam::1:role/auditor', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' }] },
          { Arn: 'arn:aws:iam::1:role/lambda-basic', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }] },
        ],
        $metadata: {},
      },
    ]);
    expect(arns).toEqual(['arn:aws:iam::1:role/data-scientist', 'arn:aws:iam::1:role/auditor']);
  });
});
