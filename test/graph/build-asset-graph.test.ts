import { describe, expect, it } from 'vitest';
import { buildAssetGraph } from '../../src/graph/build-asset-graph.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import type { JsonObject } from '../../src/json.js';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

function resource(type: string, id: string, arn: string, configuration: JsonObject, extra: Partial<InventoryResource> = {}): InventoryResource {
  return { type, id, arn, name: id, accountId: ACCOUNT, region: REGION, capturedAt: null, configuration, supplementaryConfiguration: {}, tags: {}, relationships: [], ...extra };
}

const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111-2222`;
const bucket = (name: string, extra: Partial<InventoryResource> = {}) => resource('AWS::S3::Bucket', name, `arn:aws:s3:::${name}`, { name }, extra);
const trainingData = bucket('training-data', {
  supplementaryConfiguration: { ServerSideEncryptionConfiguration: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: '1111-2222' } }] } },
});
const resources: InventoryResource[] = [
  trainingData,
  bucket('artifacts'),
  bucket('capture'),
  bucket('web-logs', { tags: { team: 'web' } }),
  bucket('partner-feed', { tags: { 'AI:Component': 'input' } }),
  resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222', keyManager: 'CUSTOMER' }),
  resource('AWS::IAM::Role', 'AROA1', `arn:aws:iam::${ACCOUNT}:role/ml/train`, { roleName: 'train' }, { region: 'global' }),
  resource('AWS::ECR::Repository', 'fraud', `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fraud`, { RepositoryName: 'fraud' }),
  resource('AWS::Logs::LogGroup', '/aws/sagemaker/Endpoints/scorer', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/scorer`, { LogGroupName: '/aws/sagemaker/Endpoints/scorer' }),
  resource('AWS::Logs::LogGroup', 'bedrock-invocations', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:bedrock-invocations`, { LogGroupName: 'bedrock-invocations' }),
  resource('AWS::SageMaker::TrainingJob', 'train-1', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/train-1`, {
    TrainingJobName: 'train-1',
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/ml/train`,
    AlgorithmSpecification: { TrainingImage: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/fraud:1.2` },
    InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3Uri: 's3://training-data/2026/' } } }],
    OutputDataConfig: { S3OutputPath: 's3://artifacts/out/' },
  }),
  resource('AWS::SageMaker::Endpoint', 'scorer', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/scorer`, {
    EndpointName: 'scorer',
    DataCaptureConfig: { EnableCapture: true, DestinationS3Uri: 's3://capture/scorer' },
  }),
  resource('AWS::ApiGateway::RestApi', 'abc123', `arn:aws:apigateway:${REGION}::/restapis/abc123`, { RestApiId: 'abc123' }, { tags: { 'ai:component': 'output' } }),
  resource('AWS::ApiGateway::Stage', 'abc123/prod', `arn:aws:apigateway:${REGION}::/restapis/abc123/stages/prod`, { RestApiId: 'abc123', StageName: 'prod' }),
];

describe('the AI asset graph', () => {
  const inventory = buildInventory([{ source: 'test', resources, coverage: [] }]);
  const account = inventory.resources.find((r) => r.type === 'AWS::::Account')!;
  account.configuration.bedrockInvocationLogging = { s3Config: { bucketName: 'capture' }, cloudWatchConfig: { logGroupName: 'bedrock-invocations' } };
  const graph = buildAssetGraph(inventory, [{ component: 'input', tags: { 'ai:component': 'input' }, source: 'cafscan.config.json#assets[0]' }, { component: 'output', tags: { 'ai:component': 'output' }, resourceTypes: ['AWS::ApiGateway::RestApi'], source: 'cafscan.config.json#assets[1]' }]);
  const components = (arn: string) => [...new Set((graph.get(arn) ?? []).map((l) => l.component))].sort();

  it('links a training job\'s data, artifacts, role and image to input and model', () => {
    expect(graph.get('arn:aws:s3:::training-data')).toEqual([
      { component: 'input', workload: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/train-1`, workloadType: 'AWS::SageMaker::TrainingJob', workloadName: 'train-1', via: 'training channel "train" (InputDataConfig S3Uri)' },
    ]);
    expect(components('arn:aws:s3:::artifacts')).toEqual(['model']);
    expect(components(`arn:aws:iam::${ACCOUNT}:role/ml/train`)).toEqual(['model']);
    expect(components(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fraud`)).toEqual(['model']);
  });

  it('carries a bucket\'s links to the KMS key that encrypts it (recorded as a bare key id)', () => {
    const links = graph.get(keyArn) ?? [];
    expect(links.map((l) => l.component)).toEqual(['input']);
    expect(links[0]?.via).toBe('key of training-data, which holds training channel "train" (InputDataConfig S3Uri)');
  });

  it('links captured inferences, endpoint logs and Bedrock invocation logs to output', () => {
    expect(components('arn:aws:s3:::capture')).toEqual(['output']);
    expect((graph.get('arn:aws:s3:::capture') ?? []).map((l) => l.workloadType).sort()).toEqual(['AWS::::Account', 'AWS::SageMaker::Endpoint']);
    expect(components(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/scorer`)).toEqual(['output']);
    expect(components(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:bedrock-invocations`)).toEqual(['output']);
  });

  it('applies user rules by tag (keys case-insensitive) and passes a REST API\'s links to its stages', () => {
    expect(graph.get('arn:aws:s3:::partner-feed')).toEqual([
      { component: 'input', workload: 'cafscan.config.json#assets[0]', workloadType: 'cafscan:UserRule', workloadName: 'cafscan.config.json#assets[0]', via: 'tag ai:component=input (cafscan.config.json#assets[0])' },
    ]);
    expect(components(`arn:aws:apigateway:${REGION}::/restapis/abc123/stages/prod`)).toEqual(['output']);
  });

  it('links a processing job\'s inputs, outputs, keys, role, image and logs to input', () => {
    const jobArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:processing-job/prep-1`;
    const prep = resource('AWS::SageMaker::ProcessingJob', 'prep-1', jobArn, {
      ProcessingInputs: [{ InputName: 'raw', S3Input: { S3Uri: 's3://raw-data/2026/' } }],
      ProcessingOutputConfig: { KmsKeyId: keyArn, Outputs: [{ OutputName: 'features', S3Output: { S3Uri: 's3://features/train' } }, { OutputName: 'fs', FeatureStoreOutput: { FeatureGroupName: 'customers' } }] },
      ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeKmsKeyId: keyArn } },
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/ml/train`,
      AppSpecification: { ImageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/fraud:prep` },
    });
    const logs = resource('AWS::Logs::LogGroup', '/aws/sagemaker/ProcessingJobs', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/ProcessingJobs`, { LogGroupName: '/aws/sagemaker/ProcessingJobs' });
    const g = buildAssetGraph(buildInventory([{ source: 'test', resources: [bucket('raw-data'), bucket('features'), resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }), resource('AWS::IAM::Role', 'AROA1', `arn:aws:iam::${ACCOUNT}:role/ml/train`, { roleName: 'train' }, { region: 'global' }), resource('AWS::ECR::Repository', 'fraud', `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fraud`, { RepositoryName: 'fraud' }), logs, prep], coverage: [] }]));
    const via = (arn: string) => (g.get(arn) ?? []).filter((l) => l.workload === jobArn).map((l) => `${l.component}: ${l.via}`).sort();
    expect(via('arn:aws:s3:::raw-data')).toEqual(['input: processing input "raw" (ProcessingInputs S3Uri)']);
    expect(via('arn:aws:s3:::features')).toEqual(['input: processing output "features" (ProcessingOutputConfig S3Uri)']);
    expect(via(keyArn)).toEqual(['input: processing output key (ProcessingOutputConfig KmsKeyId)', 'input: processing volume key (ClusterConfig VolumeKmsKeyId)']);
    expect(via(`arn:aws:iam::${ACCOUNT}:role/ml/train`)).toEqual(['input: execution role (RoleArn)']);
    expect(via(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fraud`)).toEqual(['input: processing image (AppSpecification ImageUri)']);
    expect(via(logs.arn)).toEqual(['input: processing logs (/aws/sagemaker/ProcessingJobs)']);
  });

  it('links a batch transform job\'s results, captured data and keys to output', () => {
    const jobArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:transform-job/score-1`;
    const score = resource('AWS::SageMaker::TransformJob', 'score-1', jobArn, {
      ModelName: 'scorer',
      TransformInput: { DataSource: { S3DataSource: { S3Uri: 's3://batch-in/x/' } } },
      TransformOutput: { S3OutputPath: 's3://scores/out/', KmsKeyId: keyArn },
      TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeKmsKeyId: keyArn },
      DataCaptureConfig: { DestinationS3Uri: 's3://batch-capture/score-1/' },
    });
    const g = buildAssetGraph(buildInventory([{ source: 'test', resources: [bucket('scores'), bucket('batch-capture'), resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }), score], coverage: [] }]));
    const via = (arn: string) => (g.get(arn) ?? []).filter((l) => l.workload === jobArn).map((l) => `${l.component}: ${l.via}`).sort();
    expect(via('arn:aws:s3:::scores')).toEqual(['output: batch inference results (TransformOutput S3OutputPath)']);
    expect(via('arn:aws:s3:::batch-capture')).toEqual(['output: captured batch inference data (DataCaptureConfig DestinationS3Uri)']);
    expect(via(keyArn)).toEqual(['output: batch inference results key (TransformOutput KmsKeyId)', 'output: transform volume key (TransformResources VolumeKmsKeyId)']);
  });

  it('links a Bedrock customization job\'s training and validation data and role to input, its output and model key to model', () => {
    const jobArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:model-customization-job/ft-1`;
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/service-role/bedrock-ft`;
    const job = resource('AWS::Bedrock::ModelCustomizationJob', jobArn, jobArn, {
      jobName: 'ft-1',
      roleArn,
      trainingDataConfig: { s3Uri: 's3://raw-data/train.jsonl' },
      validationDataConfig: { validators: [{ s3Uri: 's3://features/validate.jsonl' }] },
      outputDataConfig: { s3Uri: 's3://scores/ft-1/' },
      outputModelKmsKeyArn: keyArn,
    });
    const g = buildAssetGraph(buildInventory([{ source: 'test', resources: [bucket('raw-data'), bucket('features'), bucket('scores'), resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }), resource('AWS::IAM::Role', 'AROA2', roleArn, { roleName: 'bedrock-ft' }, { region: 'global' }), job], coverage: [] }]));
    const via = (arn: string) => (g.get(arn) ?? []).filter((l) => l.workload === jobArn).map((l) => `${l.component}: ${l.via}`).sort();
    expect(via('arn:aws:s3:::raw-data')).toEqual(['input: customization training data (trainingDataConfig s3Uri)']);
    expect(via('arn:aws:s3:::features')).toEqual(['input: customization validation data (validationDataConfig s3Uri)']);
    expect(via(roleArn)).toEqual(['input: service role that reads the training data (roleArn)']);
    expect(via('arn:aws:s3:::scores')).toEqual(['model: customization output (outputDataConfig s3Uri)']);
    expect(via(keyArn)).toEqual(['model: custom model key (outputModelKmsKeyArn)']);
  });

  it('links an imported model\'s files and key to model, a prompt\'s key to input and a flow\'s role and key to output', () => {
    const importedArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:imported-model/im1`;
    const promptArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:prompt/P1`;
    const flowArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:flow/F1`;
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/service-role/flow`;
    const g = buildAssetGraph(
      buildInventory([
        {
          source: 'test',
          resources: [
            bucket('raw-data'),
            resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }),
            resource('AWS::IAM::Role', 'AROA3', roleArn, { roleName: 'flow' }, { region: 'global' }),
            resource('AWS::Bedrock::ImportedModel', importedArn, importedArn, { modelDataSource: { s3DataSource: { s3Uri: 's3://raw-data/llama/' } }, modelKmsKeyArn: keyArn }),
            resource('AWS::Bedrock::Prompt', 'P1', promptArn, { customerEncryptionKeyArn: keyArn }),
            resource('AWS::Bedrock::Flow', 'F1', flowArn, { executionRoleArn: roleArn, customerEncryptionKeyArn: keyArn }),
          ],
          coverage: [],
        },
      ]),
    );
    const via = (arn: string, workload: string) => (g.get(arn) ?? []).filter((l) => l.workload === workload).map((l) => `${l.component}: ${l.via}`).sort();
    expect(via('arn:aws:s3:::raw-data', importedArn)).toEqual(['model: imported model files (modelDataSource s3Uri)']);
    expect(via(keyArn, importedArn)).toEqual(['model: imported model key (modelKmsKeyArn)']);
    expect(via(keyArn, promptArn)).toEqual(['input: prompt key (customerEncryptionKeyArn)']);
    expect(via(keyArn, flowArn)).toEqual(['output: flow key (customerEncryptionKeyArn)']);
    expect(via(roleArn, flowArn)).toEqual(['output: flow service role (executionRoleArn)']);
  });

  it('links a monitoring job definition\'s reports, keys, role, baseline and monitored batch data to output, its ground truth to input', () => {
    const defArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-bias-job-definition/churn-bias`;
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/monitor`;
    const bias = resource('AWS::SageMaker::ModelBiasJobDefinition', 'churn-bias', defArn, {
      JobDefinitionName: 'churn-bias',
      ModelBiasAppSpecification: { ImageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/clarify:1`, ConfigUri: 's3://reports/bias/config.json' },
      ModelBiasBaselineConfig: { ConstraintsResource: { S3Uri: 's3://reports/baseline/constraints.json' } },
      ModelBiasJobInput: { BatchTransformInput: { DataCapturedDestinationS3Uri: 's3://batch-capture/score/' }, GroundTruthS3Input: { S3Uri: 's3://labels/churn/' } },
      ModelBiasJobOutputConfig: { MonitoringOutputs: [{ S3Output: { S3Uri: 's3://reports/bias/', LocalPath: '/opt/ml/processing/output' } }], KmsKeyId: keyArn },
      JobResources: { ClusterConfig: { InstanceCount: 2, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20, VolumeKmsKeyId: keyArn } },
      RoleArn: roleArn,
    });
    const scheduleArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:monitoring-schedule/churn-dq`;
    const schedule = resource('AWS::SageMaker::MonitoringSchedule', 'churn-dq', scheduleArn, {
      MonitoringScheduleConfig: {
        MonitoringJobDefinition: {
          MonitoringInputs: [{ BatchTransformInput: { DataCapturedDestinationS3Uri: 's3://batch-capture/dq/' } }],
          MonitoringOutputConfig: { MonitoringOutputs: [{ S3Output: { S3Uri: 's3://reports/dq/' } }] },
          MonitoringResources: { ClusterConfig: { InstanceCount: 1, VolumeKmsKeyId: keyArn } },
          RoleArn: roleArn,
        },
      },
    });
    const resources = [bucket('reports'), bucket('batch-capture'), bucket('labels'), resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }), resource('AWS::IAM::Role', 'monitor', roleArn, {}), resource('AWS::ECR::Repository', 'clarify', `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/clarify`, { RepositoryName: 'clarify' }), bias, schedule];
    const g = buildAssetGraph(buildInventory([{ source: 'test', resources, coverage: [] }]));
    const via = (arn: string, workload: string) => (g.get(arn) ?? []).filter((l) => l.workload === workload).map((l) => `${l.component}: ${l.via}`).sort();
    expect(via('arn:aws:s3:::reports', defArn)).toEqual(['output: monitoring baseline constraints (ConstraintsResource S3Uri)', 'output: monitoring reports (ModelBiasJobOutputConfig S3Uri)']);
    expect(via('arn:aws:s3:::batch-capture', defArn)).toEqual(['output: monitored batch inference data (BatchTransformInput DataCapturedDestinationS3Uri)']);
    expect(via('arn:aws:s3:::labels', defArn)).toEqual(['input: ground-truth labels (ModelBiasJobInput GroundTruthS3Input S3Uri)']);
    expect(via(keyArn, defArn)).toEqual(['output: monitoring reports key (ModelBiasJobOutputConfig KmsKeyId)', 'output: monitoring volume key (ClusterConfig VolumeKmsKeyId)']);
    expect(via(roleArn, defArn)).toEqual(['output: monitoring job role (RoleArn)']);
    expect(via(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/clarify`, defArn)).toEqual(['output: monitoring image (ImageUri)']);
    // A schedule's inline job: the same uses, named by the schedule's keys.
    expect(via('arn:aws:s3:::reports', scheduleArn)).toEqual(['output: monitoring reports (MonitoringOutputConfig S3Uri)']);
    expect(via('arn:aws:s3:::batch-capture', scheduleArn)).toEqual(['output: monitored batch inference data (BatchTransformInput DataCapturedDestinationS3Uri)']);
    expect(via(keyArn, scheduleArn)).toEqual(['output: monitoring volume key (ClusterConfig VolumeKmsKeyId)']);
    expect(via(roleArn, scheduleArn)).toEqual(['output: monitoring job role (RoleArn)']);
  });

  it('links Bedrock AgentCore runtimes and gateways to model, memories to input, browsers and code interpreters to output', () => {
    const ac = (kind: string, id: string) => `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:${kind}/${id}`;
    const role = (name: string) => resource('AWS::IAM::Role', name, `arn:aws:iam::${ACCOUNT}:role/${name}`, { roleName: name }, { region: 'global' });
    const workloads = [
      resource('AWS::BedrockAgentCore::Runtime', 'rt1', ac('runtime', 'rt1'), {
        agentRuntimeArn: ac('runtime', 'rt1'),
        roleArn: `arn:aws:iam::${ACCOUNT}:role/runtime`,
        agentRuntimeArtifact: { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/fraud:3` } },
      }),
      resource('AWS::BedrockAgentCore::Gateway', 'gw1', ac('gateway', 'gw1'), { gatewayArn: ac('gateway', 'gw1'), roleArn: `arn:aws:iam::${ACCOUNT}:role/gateway`, kmsKeyArn: keyArn }),
      resource('AWS::BedrockAgentCore::Memory', 'mem1', ac('memory', 'mem1'), { arn: ac('memory', 'mem1'), memoryExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/memory`, encryptionKeyArn: keyArn }),
      resource('AWS::BedrockAgentCore::BrowserCustom', 'br1', ac('browser-custom', 'br1'), {
        browserArn: ac('browser-custom', 'br1'),
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/browser`,
        recording: { enabled: true, s3Location: { bucket: 'recordings', prefix: 'agents/' } },
      }),
      resource('AWS::BedrockAgentCore::CodeInterpreterCustom', 'ci1', ac('code-interpreter-custom', 'ci1'), { codeInterpreterArn: ac('code-interpreter-custom', 'ci1'), executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/interpreter` }),
    ];
    const others = [
      bucket('recordings'),
      resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }),
      resource('AWS::ECR::Repository', 'fraud', `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fraud`, { RepositoryName: 'fraud' }),
      ...['runtime', 'gateway', 'memory', 'browser', 'interpreter'].map(role),
    ];
    const g = buildAssetGraph(buildInventory([{ source: 'test', resources: [...others, ...workloads], coverage: [] }]));
    const via = (arn: string) => (g.get(arn) ?? []).map((l) => `${l.component}: ${l.workloadType} ${l.via}`).sort();
    const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
    expect(via(roleArn('runtime'))).toEqual(['model: AWS::BedrockAgentCore::Runtime agent runtime execution role (roleArn)']);
    expect(via(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fraud`)).toEqual(['model: AWS::BedrockAgentCore::Runtime agent runtime container (agentRuntimeArtifact containerUri)']);
    expect(via(roleArn('gateway'))).toEqual(['model: AWS::BedrockAgentCore::Gateway gateway service role (roleArn)']);
    expect(via(keyArn)).toEqual(['input: AWS::BedrockAgentCore::Memory memory key (encryptionKeyArn)', 'model: AWS::BedrockAgentCore::Gateway gateway key (kmsKeyArn)']);
    expect(via(roleArn('memory'))).toEqual(['input: AWS::BedrockAgentCore::Memory memory execution role (memoryExecutionRoleArn)']);
    expect(via('arn:aws:s3:::recordings')).toEqual(['output: AWS::BedrockAgentCore::BrowserCustom browser session recordings (recording s3Location bucket)']);
    expect(via(roleArn('browser'))).toEqual(['output: AWS::BedrockAgentCore::BrowserCustom browser execution role (executionRoleArn)']);
    expect(via(roleArn('interpreter'))).toEqual(['output: AWS::BedrockAgentCore::CodeInterpreterCustom code interpreter execution role (executionRoleArn)']);
  });

  it('links a feature group\'s offline-store bucket, both store keys and its role to input', () => {
    const groupArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:feature-group/customers`;
    const onlineKey = `arn:aws:kms:${REGION}:${ACCOUNT}:key/3333-4444`;
    const group = resource('AWS::SageMaker::FeatureGroup', 'customers', groupArn, {
      FeatureGroupName: 'customers',
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/ml/train`,
      OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://feature-store/offline', KmsKeyId: keyArn, ResolvedOutputS3Uri: 's3://feature-store/offline/111122223333/sagemaker/us-east-1/offline-store/customers/data' } },
      OnlineStoreConfig: { EnableOnlineStore: true, SecurityConfig: { KmsKeyId: onlineKey } },
    });
    const keys = [resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }), resource('AWS::KMS::Key', '3333-4444', onlineKey, { keyId: '3333-4444' })];
    const role = resource('AWS::IAM::Role', 'AROA1', `arn:aws:iam::${ACCOUNT}:role/ml/train`, { roleName: 'train' }, { region: 'global' });
    const g = buildAssetGraph(buildInventory([{ source: 'test', resources: [bucket('feature-store'), ...keys, role, group], coverage: [] }]));
    const via = (arn: string) => (g.get(arn) ?? []).filter((l) => l.workload === groupArn).map((l) => `${l.component}: ${l.via}`).sort();
    expect(via('arn:aws:s3:::feature-store')).toEqual(['input: feature store offline store (OfflineStoreConfig S3Uri)']);
    expect(via(keyArn)).toEqual(['input: offline store key (OfflineStoreConfig KmsKeyId)']);
    expect(via(onlineKey)).toEqual(['input: online store key (OnlineStoreConfig SecurityConfig KmsKeyId)']);
    expect(via(`arn:aws:iam::${ACCOUNT}:role/ml/train`)).toEqual(['input: offline store role (RoleArn)']);
  });

  it('links an inference experiment\'s captured data to output and its hosting key to model', () => {
    const experimentArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:inference-experiment/shadow-1`;
    const experiment = resource('AWS::SageMaker::InferenceExperiment', 'shadow-1', experimentArn, {
      Name: 'shadow-1',
      KmsKey: keyArn,
      DataStorageConfig: { Destination: 's3://shadow-capture/shadow-1/', KmsKey: keyArn },
    });
    const g = buildAssetGraph(buildInventory([{ source: 'test', resources: [bucket('shadow-capture'), resource('AWS::KMS::Key', '1111-2222', keyArn, { keyId: '1111-2222' }), experiment], coverage: [] }]));
    const via = (arn: string) => (g.get(arn) ?? []).filter((l) => l.workload === experimentArn).map((l) => `${l.component}: ${l.via}`).sort();
    expect(via('arn:aws:s3:::shadow-capture')).toEqual(['output: captured shadow-test requests and responses (DataStorageConfig Destination)']);
    expect(via(keyArn)).toEqual(['model: hosting volume key (KmsKey)', 'output: captured data key (DataStorageConfig KmsKey)']);
  });

  it('leaves resources no AI workload uses out of the graph', () => {
    expect(graph.has('arn:aws:s3:::web-logs')).toBe(false);
  });

  it('resolves https S3 URIs (virtual-hosted and path-style) and reports what it cannot resolve', () => {
    const job = (name: string, uri: string) => resource('AWS::SageMaker::TrainingJob', name, `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/${name}`, { InputDataConfig: [{ ChannelName: 'c', DataSource: { S3DataSource: { S3Uri: uri } } }] });
    const extra = buildInventory([{ source: 'test', resources: [bucket('vhost.data'), bucket('pathstyle'), job('j1', 'https://vhost.data.s3.us-east-1.amazonaws.com/train/'), job('j2', 'https://s3.eu-west-1.amazonaws.com/pathstyle/x'), job('j3', 's3://someone-elses-bucket/x')], coverage: [] }]);
    const report = { unresolved: [] as Array<{ workload: string; via: string; value: string }>, ruleMatches: [] as number[] };
    const g = buildAssetGraph(extra, [{ component: 'input', tags: { nothing: 'matches' }, source: 'r0' }], report);
    expect(g.get('arn:aws:s3:::vhost.data')?.map((l) => l.component)).toEqual(['input']);
    expect(g.get('arn:aws:s3:::pathstyle')?.map((l) => l.component)).toEqual(['input']);
    expect(report.unresolved).toEqual([{ workload: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/j3`, via: 'training channel "c" (InputDataConfig S3Uri)', value: 's3://someone-elses-bucket/x' }]);
    expect(report.ruleMatches).toEqual([0]);
  });
});
