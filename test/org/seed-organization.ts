import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateRoleCommand, GenerateCredentialReportCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { MOTO_ACCOUNT, type Moto } from '../helpers/moto.js';

export interface SeededOrganization {
  managementAccountId: string;
  /** Every member account created, by name (acct00 … acct19). */
  byName: Map<string, string>;
  /** Accounts with resources seeded through their own credentials. */
  seeded: string[];
  /** Accounts whose member role "is missing" (the fault proxy denies AssumeRole into them). */
  roleMissing: string[];
  suspended: string;
  /** OU "ml" (acct00, acct03, acct06) and its child "ml-prod" (acct01). */
  mlOu: string;
  mlProdOu: string;
}

const sagemakerTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/**
 * Test-only writes: an organisation in moto — the management account and 20 member accounts —
 * with a few resources in three members, written with each member's own credentials (moto's
 * AssumeRole hands out credentials that act in the role's account). cafscan itself only reads.
 */
export async function seedOrganization(moto: Moto): Promise<SeededOrganization> {
  const org = new OrganizationsClient(moto.clientConfig());
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const byName = new Map<string, string>();
  for (let i = 0; i < 20; i++) {
    const name = `acct${String(i).padStart(2, '0')}`;
    const created = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
    byName.set(name, created.CreateAccountStatus!.AccountId!);
  }
  const id = (name: string) => byName.get(name)!;
  const root = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const mlOu = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'ml' }))).OrganizationalUnit!.Id!;
  const mlProdOu = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: mlOu, Name: 'ml-prod' }))).OrganizationalUnit!.Id!;
  for (const name of ['acct00', 'acct03', 'acct06']) await org.send(new MoveAccountCommand({ AccountId: id(name), SourceParentId: root, DestinationParentId: mlOu }));
  await org.send(new MoveAccountCommand({ AccountId: id('acct01'), SourceParentId: root, DestinationParentId: mlProdOu }));
  await org.send(new CloseAccountCommand({ AccountId: id('acct06') }));

  org.destroy();
  const seeded = ['acct00', 'acct01', 'acct02'].map(id);
  for (const accountId of seeded) await seedMember(moto, accountId);
  // moto creates an account's IAM credential report on the first GenerateCredentialReport
  // (answering STARTED, so cafscan asks once more) and answers COMPLETE from then on: the first
  // scan over an account makes one call more than every later one. Generating each report here
  // makes every scan of the tests a warm one, so runs compare call for call.
  await generateCredentialReport(moto, MOTO_ACCOUNT);
  for (const accountId of byName.values()) await generateCredentialReport(moto, accountId);
  return { managementAccountId: MOTO_ACCOUNT, byName, seeded, roleMissing: ['acct03', 'acct04', 'acct05'].map(id), suspended: id('acct06'), mlOu, mlProdOu };
}

/** Credentials that act in `accountId` (moto's AssumeRole does not check the role exists). */
async function memberConfig(moto: Moto, accountId: string): Promise<Record<string, unknown>> {
  if (accountId === MOTO_ACCOUNT) return moto.clientConfig();
  const sts = new STSClient(moto.clientConfig());
  const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/seeder`, RoleSessionName: 'seed' }));
  sts.destroy();
  const c = assumed.Credentials!;
  return { ...moto.clientConfig(), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } };
}

async function generateCredentialReport(moto: Moto, accountId: string): Promise<void> {
  const iam = new IAMClient(await memberConfig(moto, accountId));
  await iam.send(new GenerateCredentialReportCommand({}));
  iam.destroy();
}

/** A member's own resources: a well and a badly configured bucket, notebook and SageMaker role. */
async function seedMember(moto: Moto, accountId: string): Promise<void> {
  const config = await memberConfig(moto, accountId);
  const iam = new IAMClient(config);
  await iam.send(new CreateRoleCommand({ RoleName: 'ml-exec-scoped', AssumeRolePolicyDocument: sagemakerTrust }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'ml-exec-scoped', PolicyName: 'read', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::good-${accountId}/*` }] }) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'ml-exec-admin', AssumeRolePolicyDocument: sagemakerTrust }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'ml-exec-admin', PolicyName: 'everything', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));

  iam.destroy();
  const kms = new KMSClient(config);
  const key = (await kms.send(new CreateKeyCommand({ Description: 'ml data' }))).KeyMetadata!.Arn!;
  kms.destroy();
  const s3 = new S3Client(config);
  const good = `good-${accountId}`;
  await s3.send(new CreateBucketCommand({ Bucket: good }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: good, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key }, BucketKeyEnabled: true }] } }));
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: good, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: good, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${good}`, `arn:aws:s3:::${good}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }) }));
  const bad = `bad-${accountId}`;
  await s3.send(new CreateBucketCommand({ Bucket: bad }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: bad, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: bad, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bad}/*` }] }) }));

  s3.destroy();
  const sm = new SageMakerClient(config);
  const role = `arn:aws:iam::${accountId}:role/ml-exec-scoped`;
  await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb-closed', InstanceType: 'ml.t3.medium', RoleArn: role, KmsKeyId: key, SubnetId: 'subnet-0abc', SecurityGroupIds: ['sg-0abc'], DirectInternetAccess: 'Disabled', RootAccess: 'Disabled' }));
  await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb-open', InstanceType: 'ml.t3.medium', RoleArn: role, DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' }));
  sm.destroy();
}
