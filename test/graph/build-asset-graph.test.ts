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
