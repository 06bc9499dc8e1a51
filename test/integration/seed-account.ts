import { BedrockAgentCoreControlClient, CreateAgentRuntimeCommand, CreateGatewayCommand, CreateMemoryCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { CreateTrailCommand, CloudTrailClient, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { AttachRolePolicyCommand, AttachUserPolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AttachPolicyCommand, CreateOrganizationCommand, CreatePolicyCommand, EnablePolicyTypeCommand, ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketOwnershipControlsCommand, PutBucketPolicyCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateDataQualityJobDefinitionCommand,
  CreateDomainCommand,
  CreateEndpointConfigCommand,
  CreateEndpointCommand,
  CreateModelBiasJobDefinitionCommand,
  CreateModelCommand,
  CreateModelExplainabilityJobDefinitionCommand,
  CreateModelQualityJobDefinitionCommand,
  CreateNotebookInstanceCommand,
  CreateNotebookInstanceLifecycleConfigCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { Moto } from '../helpers/moto.js';

const ACCOUNT = '123456789012';
const sagemakerTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
export const ROLE_GOOD = `arn:aws:iam::${ACCOUNT}:role/ml-exec-good`;
/** The credential the loose notebook's lifecycle script exports: it must not reach inventory.json. */
export const SEEDED_SCRIPT_SECRET = 'moto-seeded-db-passw0rd';
const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/fraud:1`;

/**
 * Test-only writes: an ML account in moto with a well and a badly configured twin of each
 * kind of resource the live-collection acceptance names. cafscan itself only reads.
 */
export async function seedAccount(moto: Moto): Promise<{ goodKeyArn: string }> {
  const config = moto.clientConfig('us-east-1');
  const iam = new IAMClient(config);
  const kms = new KMSClient(config);
  const s3 = new S3Client(config);
  const trail = new CloudTrailClient(config);
  const sm = new SageMakerClient(config);

  // The good twin's trust policy pins the calling account (confused-deputy protection, CAFAI-IAM-81).
  const pinnedTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:*` } } }] });
  await iam.send(new CreateRoleCommand({ RoleName: 'ml-exec-good', AssumeRolePolicyDocument: pinnedTrust }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'ml-exec-good', PolicyName: 'read-training-data', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ml-training-data-good/*' }] }) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'ml-exec-admin', AssumeRolePolicyDocument: sagemakerTrust }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ml-exec-admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  await iam.send(new CreateUserCommand({ UserName: 'alice-full-access' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'alice-full-access', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess' }));
  await iam.send(new CreateUserCommand({ UserName: 'bob-reader' }));

  const goodKey = await kms.send(new CreateKeyCommand({ Description: 'ml data key' }));
  const goodKeyArn = goodKey.KeyMetadata!.Arn!;
  await kms.send(new EnableKeyRotationCommand({ KeyId: goodKey.KeyMetadata!.KeyId! }));
  const forgotten = await kms.send(new CreateKeyCommand({ Description: 'forgotten key' }));
  // The forgotten key is also shared with another account (CAFAI-DP-20 fails it under
  // --all-resources); the data key keeps the default policy (its own account only).
  await kms.send(new PutKeyPolicyCommand({
    KeyId: forgotten.KeyMetadata!.KeyId!, PolicyName: 'default',
    Policy: JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'PartnerDecrypt', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:Decrypt', Resource: '*' },
    ] }),
  }));

  await s3.send(new CreateBucketCommand({ Bucket: 'ml-training-data-good' }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: 'ml-training-data-good', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: goodKeyArn }, BucketKeyEnabled: true }] } }));
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'ml-training-data-good', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: 'ml-training-data-good', VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: 'ml-training-data-good', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: 'ml-training-data-good', Tagging: { TagSet: [{ Key: 'data-classification', Value: 'confidential' }] } }));
  await s3.send(new PutBucketPolicyCommand({
    Bucket: 'ml-training-data-good',
    Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::ml-training-data-good', 'arn:aws:s3:::ml-training-data-good/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }),
  }));
  await s3.send(new CreateBucketCommand({ Bucket: 'ml-scratch-bad' }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: 'ml-scratch-bad', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
  // A Sid-named public statement: its name is quoted in CAFAI-DP-09's message (opa-wasm's
  // sprintf throws on %q, which once crashed the scan here).
  await s3.send(new PutBucketPolicyCommand({
    Bucket: 'ml-scratch-bad',
    Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'PublicReadForPartners', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ml-scratch-bad/*' }] }),
  }));
  await s3.send(new CreateBucketCommand({ Bucket: 'ml-audit-logs' }));

  await trail.send(new CreateTrailCommand({ Name: 'org-trail-good', S3BucketName: 'ml-audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true, KmsKeyId: goodKeyArn, CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail:*`, CloudWatchLogsRoleArn: ROLE_GOOD }));
  // CreateTrail does not start logging (the console does): a stopped trail records nothing (CAFAI-SA-01).
  await trail.send(new StartLoggingCommand({ Name: 'org-trail-good' }));
  await trail.send(new CreateTrailCommand({ Name: 'local-trail-bad', S3BucketName: 'ml-audit-logs', IsMultiRegionTrail: false, EnableLogFileValidation: false }));

  // The account manages an organization that opts out of every AI service, locked (CAFAI-SG-90).
  const org = new OrganizationsClient(config);
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  await org.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'AISERVICES_OPT_OUT_POLICY' }));
  const optOut = await org.send(new CreatePolicyCommand({
    Name: 'opt-out-all', Description: 'Opt out of all AI services', Type: 'AISERVICES_OPT_OUT_POLICY',
    Content: JSON.stringify({ services: { default: { opt_out_policy: { '@@operators_allowed_for_child_policies': ['@@none'], '@@assign': 'optOut' } } } }),
  }));
  await org.send(new AttachPolicyCommand({ PolicyId: optOut.Policy!.PolicySummary!.Id!, TargetId: rootId }));

  // Lifecycle scripts: the loose notebook's exports a database password (CAFAI-AS-50 fails; inventory.json redacts it).
  const script = (text: string) => [{ Content: Buffer.from(text).toString('base64') }];
  await sm.send(new CreateNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: 'nb-setup-clean', OnStart: script('#!/bin/bash\nexport DB_PASSWORD_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:ml/db\n') }));
  await sm.send(new CreateNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: 'nb-setup-leaky', OnStart: script(`#!/bin/bash\nexport DB_PASSWORD=${SEEDED_SCRIPT_SECRET}\n`) }));
  await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb-hardened', LifecycleConfigName: 'nb-setup-clean', InstanceType: 'ml.t3.medium', RoleArn: ROLE_GOOD, KmsKeyId: goodKeyArn, SubnetId: 'subnet-0abc', SecurityGroupIds: ['sg-0abc'], DirectInternetAccess: 'Disabled', RootAccess: 'Disabled', Tags: [{ Key: 'owner', Value: 'ml-platform' }] }));
  await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb-loose', LifecycleConfigName: 'nb-setup-leaky', InstanceType: 'ml.t3.medium', RoleArn: ROLE_GOOD, DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' }));
  await sm.send(new CreateModelCommand({ ModelName: 'model-clean', ExecutionRoleArn: ROLE_GOOD, PrimaryContainer: { Image: IMAGE, ImageConfig: { RepositoryAccessMode: 'Vpc' }, ModelDataUrl: 's3://ml-training-data-good/model.tar.gz', Environment: { SAGEMAKER_PROGRAM: 'inference.py' } }, Tags: [{ Key: 'owner', Value: 'ml-platform' }] }));
  await sm.send(new CreateModelCommand({ ModelName: 'model-leaky', ExecutionRoleArn: ROLE_GOOD, PrimaryContainer: { Image: IMAGE, ModelDataUrl: 's3://ml-scratch-bad/model.tar.gz', Environment: { OPENAI_API_KEY: 'not-a-real-key-0000', DB_PASSWORD: 'hunter2' } } }));
  await sm.send(new CreateEndpointConfigCommand({
    EndpointConfigName: 'ec-good', KmsKeyId: goodKeyArn,
    ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'model-clean', InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }],
    DataCaptureConfig: { EnableCapture: true, InitialSamplingPercentage: 100, DestinationS3Uri: 's3://ml-audit-logs/capture', KmsKeyId: goodKeyArn, CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }] },
    Tags: [{ Key: 'owner', Value: 'ml-platform' }],
  }));
  await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'ec-bad', ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'model-leaky', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
  await sm.send(new CreateEndpointCommand({ EndpointName: 'ep-good', EndpointConfigName: 'ec-good' }));
  await sm.send(new CreateEndpointCommand({ EndpointName: 'ep-bad', EndpointConfigName: 'ec-bad' }));
  // The plain job also reads its training data from the scratch bucket (SSE-S3 only): the asset
  // graph makes that bucket an input of an AI workload, which is what puts it in scope.
  for (const [name, key, data] of [['train-encrypted', goodKeyArn, 'ml-training-data-good'], ['train-plain', undefined, 'ml-scratch-bad']] as const) {
    await sm.send(new CreateTrainingJobCommand({
      TrainingJobName: name, RoleArn: ROLE_GOOD,
      AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
      InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${data}/train/` } } }],
      OutputDataConfig: { S3OutputPath: 's3://ml-training-data-good/output/', ...(key ? { KmsKeyId: key } : {}) },
      ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, ...(key ? { VolumeKmsKeyId: key } : {}) },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    }));
  }
  // Processing jobs: one isolated with encrypted inter-instance traffic, one with neither.
  for (const [name, hardened] of [['prep-isolated', true], ['prep-open', false]] as const) {
    await sm.send(new CreateProcessingJobCommand({
      ProcessingJobName: name, RoleArn: ROLE_GOOD,
      AppSpecification: { ImageUri: IMAGE },
      ProcessingResources: { ClusterConfig: { InstanceCount: 2, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30, ...(hardened ? { VolumeKmsKeyId: goodKeyArn } : {}) } },
      ProcessingInputs: [{ InputName: 'raw', S3Input: { S3Uri: 's3://ml-training-data-good/raw/', LocalPath: '/opt/ml/processing/input', S3DataType: 'S3Prefix', S3InputMode: 'File' } }],
      ProcessingOutputConfig: { Outputs: [{ OutputName: 'features', S3Output: { S3Uri: 's3://ml-training-data-good/features/', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }], ...(hardened ? { KmsKeyId: goodKeyArn } : {}) },
      ...(hardened ? { NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true } } : {}),
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    }));
  }
  // Batch transform jobs: one with volume and output keys, one with neither.
  for (const [name, key] of [['score-keyed', goodKeyArn], ['score-plain', undefined]] as const) {
    await sm.send(new CreateTransformJobCommand({
      TransformJobName: name, ModelName: 'model-clean',
      TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://ml-training-data-good/batch/' } } },
      TransformOutput: { S3OutputPath: 's3://ml-training-data-good/scores/', ...(key ? { KmsKeyId: key } : {}) },
      TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1, ...(key ? { VolumeKmsKeyId: key } : {}) },
    }));
  }
  // Model Monitor job definitions on two instances: hardened (isolated, encrypted between
  // instances, keyed) and open (no NetworkConfig). Every one carries a tag: moto's ListTags
  // fails on an explainability definition created without one.
  const monitorOutput = (key?: string) => ({ MonitoringOutputs: [{ S3Output: { S3Uri: 's3://ml-audit-logs/monitoring/', LocalPath: '/opt/ml/processing/output' } }], ...(key ? { KmsKeyId: key } : {}) });
  const monitorCluster = (key?: string) => ({ ClusterConfig: { InstanceCount: 2, InstanceType: 'ml.m5.xlarge' as const, VolumeSizeInGB: 20, ...(key ? { VolumeKmsKeyId: key } : {}) } });
  const watched = { EndpointInput: { EndpointName: 'ep-good', LocalPath: '/opt/ml/processing/input' } };
  const Tags = [{ Key: 'owner', Value: 'ml-platform' }];
  for (const [name, hardened] of [['dq-hardened', true], ['dq-open', false]] as const) {
    await sm.send(new CreateDataQualityJobDefinitionCommand({
      JobDefinitionName: name, RoleArn: ROLE_GOOD, Tags,
      DataQualityAppSpecification: { ImageUri: IMAGE }, DataQualityJobInput: watched,
      DataQualityJobOutputConfig: monitorOutput(hardened ? goodKeyArn : undefined), JobResources: monitorCluster(hardened ? goodKeyArn : undefined),
      ...(hardened ? { NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true } } : {}),
    }));
  }
  await sm.send(new CreateModelQualityJobDefinitionCommand({ JobDefinitionName: 'mq-open', RoleArn: ROLE_GOOD, Tags, ModelQualityAppSpecification: { ImageUri: IMAGE, ProblemType: 'BinaryClassification' }, ModelQualityJobInput: { ...watched, GroundTruthS3Input: { S3Uri: 's3://ml-training-data-good/labels/' } }, ModelQualityJobOutputConfig: monitorOutput(), JobResources: monitorCluster() }));
  await sm.send(new CreateModelBiasJobDefinitionCommand({ JobDefinitionName: 'bias-hardened', RoleArn: ROLE_GOOD, Tags, ModelBiasAppSpecification: { ImageUri: IMAGE, ConfigUri: 's3://ml-audit-logs/bias.json' }, ModelBiasJobInput: { ...watched, GroundTruthS3Input: { S3Uri: 's3://ml-training-data-good/labels/' } }, ModelBiasJobOutputConfig: monitorOutput(goodKeyArn), JobResources: monitorCluster(goodKeyArn), NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true } }));
  await sm.send(new CreateModelExplainabilityJobDefinitionCommand({ JobDefinitionName: 'explain-open', RoleArn: ROLE_GOOD, Tags, ModelExplainabilityAppSpecification: { ImageUri: IMAGE, ConfigUri: 's3://ml-audit-logs/shap.json' }, ModelExplainabilityJobInput: watched, ModelExplainabilityJobOutputConfig: monitorOutput(), JobResources: monitorCluster() }));
  // Bedrock AgentCore (moto 5.2 has runtimes, gateways and memories, not browsers or code
  // interpreters): a runtime in a VPC and one on the public network with a password in its environment, a gateway with JWT inbound
  // auth and its own key and one open to anyone without, a memory with a customer managed key and one without.
  const agentcore = new BedrockAgentCoreControlClient(config);
  const agentRole = `arn:aws:iam::${ACCOUNT}:role/agentcore-exec`;
  const artifact = { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents:1` } };
  await agentcore.send(new CreateAgentRuntimeCommand({ agentRuntimeName: 'agent_vpc', agentRuntimeArtifact: artifact, roleArn: agentRole, environmentVariables: { LOG_LEVEL: 'info' }, networkConfiguration: { networkMode: 'VPC', networkModeConfig: { subnets: ['subnet-0abc'], securityGroups: ['sg-0abc'] } } }));
  await agentcore.send(new CreateAgentRuntimeCommand({ agentRuntimeName: 'agent_public', agentRuntimeArtifact: artifact, roleArn: agentRole, networkConfiguration: { networkMode: 'PUBLIC' }, environmentVariables: { LOG_LEVEL: 'info', DB_PASSWORD: 'hunter2' } }));
  await agentcore.send(new CreateGatewayCommand({
    name: 'tools-jwt', roleArn: agentRole, protocolType: 'MCP', authorizerType: 'CUSTOM_JWT', kmsKeyArn: goodKeyArn,
    authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration', allowedAudience: ['tools'] } },
  }));
  await agentcore.send(new CreateGatewayCommand({ name: 'tools-open', roleArn: agentRole, protocolType: 'MCP', authorizerType: 'NONE' }));
  await agentcore.send(new CreateMemoryCommand({ name: 'memory_keyed', eventExpiryDuration: 30, encryptionKeyArn: goodKeyArn }));
  await agentcore.send(new CreateMemoryCommand({ name: 'memory_plain', eventExpiryDuration: 30 }));
  // Studio domains: IAM Identity Center and a customer managed key, and IAM mode with AWS's key.
  for (const [name, auth, key] of [['studio-sso', 'SSO', goodKeyArn], ['studio-iam', 'IAM', undefined]] as const) {
    await sm.send(new CreateDomainCommand({
      DomainName: name, AuthMode: auth, VpcId: 'vpc-0abc', SubnetIds: ['subnet-0abc'], AppNetworkAccessType: 'VpcOnly',
      DefaultUserSettings: { ExecutionRole: ROLE_GOOD }, ...(key ? { KmsKeyId: key } : {}),
    }));
  }
  return { goodKeyArn };
}
