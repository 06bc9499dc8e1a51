import type { Component } from '../model/control.js';
import { ACCOUNT_RESOURCE_TYPE, type InventoryResource } from '../model/inventory.js';
import { isJsonObject, type JsonValue } from '../json.js';

/** What a reference points at, in the form the workload records it. */
export type ReferenceKind = 'bucket' | 'key' | 'role' | 'image' | 'logGroup';

/** One use of a generic resource by an AI workload. */
export interface WorkloadReference {
  kind: ReferenceKind;
  /** As recorded: s3://bucket/prefix, bucket ARN or name, key ARN or id, role ARN, image URI, log group name or ARN. */
  value: string;
  component: Component;
  via: string;
  /** Derived from a naming convention (SageMaker's log groups), not recorded by the workload. */
  implicit?: boolean;
}

type Extractor = (resource: InventoryResource) => WorkloadReference[];

/**
 * Where each AI workload type records the generic resources it uses (the keys are those of the
 * collectors and AWS Config: PascalCase for SageMaker, the API's camelCase for Bedrock), and
 * which component each use serves — the outline of CAF-AI's input / model / output:
 * data a model learns or retrieves from is input; artifacts, images, execution roles and the
 * keys of the machines that run models are model; captured inferences and invocation logs are
 * output.
 */
const EXTRACTORS: Record<string, Extractor> = {
  'AWS::SageMaker::TrainingJob': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    list(c.InputDataConfig).forEach((channel, i) => {
      const name = str(get(channel, 'ChannelName')) ?? String(i);
      add(refs, 'bucket', get(channel, 'DataSource', 'S3DataSource', 'S3Uri'), 'input', `training channel "${name}" (InputDataConfig S3Uri)`);
    });
    add(refs, 'bucket', get(c, 'OutputDataConfig', 'S3OutputPath'), 'model', 'model artifacts (OutputDataConfig S3OutputPath)');
    add(refs, 'key', get(c, 'OutputDataConfig', 'KmsKeyId'), 'model', 'output encryption key (OutputDataConfig KmsKeyId)');
    add(refs, 'key', get(c, 'ResourceConfig', 'VolumeKmsKeyId'), 'model', 'training volume key (ResourceConfig VolumeKmsKeyId)');
    add(refs, 'bucket', get(c, 'CheckpointConfig', 'S3Uri'), 'model', 'checkpoints (CheckpointConfig S3Uri)');
    // Debugger, TensorBoard and Profiler outputs hold tensors and samples of the training data.
    add(refs, 'bucket', get(c, 'DebugHookConfig', 'S3OutputPath'), 'model', 'debugger tensors (DebugHookConfig S3OutputPath)');
    add(refs, 'bucket', get(c, 'TensorBoardOutputConfig', 'S3OutputPath'), 'model', 'TensorBoard output (TensorBoardOutputConfig S3OutputPath)');
    add(refs, 'bucket', get(c, 'ProfilerConfig', 'S3OutputPath'), 'model', 'profiler output (ProfilerConfig S3OutputPath)');
    add(refs, 'role', c.RoleArn, 'model', 'execution role (RoleArn)');
    add(refs, 'image', get(c, 'AlgorithmSpecification', 'TrainingImage'), 'model', 'training image (AlgorithmSpecification TrainingImage)');
    add(refs, 'logGroup', '/aws/sagemaker/TrainingJobs', 'model', 'training logs (/aws/sagemaker/TrainingJobs)', true);
    return refs;
  },
  // A processing job prepares data: what it reads and what it writes (feature sets, splits that
  // training then reads) are both input, and so are the keys, role and image it does that with.
  'AWS::SageMaker::ProcessingJob': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    list(c.ProcessingInputs).forEach((input, i) => {
      const name = str(get(input, 'InputName')) ?? String(i);
      add(refs, 'bucket', get(input, 'S3Input', 'S3Uri'), 'input', `processing input "${name}" (ProcessingInputs S3Uri)`);
    });
    list(get(c, 'ProcessingOutputConfig', 'Outputs')).forEach((output, i) => {
      const name = str(get(output, 'OutputName')) ?? String(i);
      add(refs, 'bucket', get(output, 'S3Output', 'S3Uri'), 'input', `processing output "${name}" (ProcessingOutputConfig S3Uri)`);
    });
    add(refs, 'key', get(c, 'ProcessingOutputConfig', 'KmsKeyId'), 'input', 'processing output key (ProcessingOutputConfig KmsKeyId)');
    add(refs, 'key', get(c, 'ProcessingResources', 'ClusterConfig', 'VolumeKmsKeyId'), 'input', 'processing volume key (ClusterConfig VolumeKmsKeyId)');
    add(refs, 'role', c.RoleArn, 'input', 'execution role (RoleArn)');
    add(refs, 'image', get(c, 'AppSpecification', 'ImageUri'), 'input', 'processing image (AppSpecification ImageUri)');
    add(refs, 'logGroup', '/aws/sagemaker/ProcessingJobs', 'input', 'processing logs (/aws/sagemaker/ProcessingJobs)', true);
    return refs;
  },
  // A batch transform job is inference: the predictions it writes, and the keys that protect them
  // and its instances, are output.
  'AWS::SageMaker::TransformJob': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'bucket', get(c, 'TransformOutput', 'S3OutputPath'), 'output', 'batch inference results (TransformOutput S3OutputPath)');
    add(refs, 'key', get(c, 'TransformOutput', 'KmsKeyId'), 'output', 'batch inference results key (TransformOutput KmsKeyId)');
    add(refs, 'key', get(c, 'TransformResources', 'VolumeKmsKeyId'), 'output', 'transform volume key (TransformResources VolumeKmsKeyId)');
    add(refs, 'bucket', get(c, 'DataCaptureConfig', 'DestinationS3Uri'), 'output', 'captured batch inference data (DataCaptureConfig DestinationS3Uri)');
    return refs;
  },
  // A feature group is curated training and inference data: the offline store's bucket (what
  // training reads back), the keys of both stores and the role that writes the offline store are
  // all input.
  'AWS::SageMaker::FeatureGroup': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    const s3 = get(c, 'OfflineStoreConfig', 'S3StorageConfig');
    add(refs, 'bucket', get(s3, 'S3Uri'), 'input', 'feature store offline store (OfflineStoreConfig S3Uri)');
    add(refs, 'key', get(s3, 'KmsKeyId'), 'input', 'offline store key (OfflineStoreConfig KmsKeyId)');
    add(refs, 'key', get(c, 'OnlineStoreConfig', 'SecurityConfig', 'KmsKeyId'), 'input', 'online store key (OnlineStoreConfig SecurityConfig KmsKeyId)');
    add(refs, 'role', c.RoleArn, 'input', 'offline store role (RoleArn)');
    return refs;
  },
  // A shadow test of a model against production traffic: the requests and responses it captures
  // are output, the key of the instances that host its variants and its role are model.
  'AWS::SageMaker::InferenceExperiment': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'bucket', get(c, 'DataStorageConfig', 'Destination'), 'output', 'captured shadow-test requests and responses (DataStorageConfig Destination)');
    add(refs, 'key', get(c, 'DataStorageConfig', 'KmsKey'), 'output', 'captured data key (DataStorageConfig KmsKey)');
    add(refs, 'key', c.KmsKey, 'model', 'hosting volume key (KmsKey)');
    add(refs, 'role', c.RoleArn, 'model', 'experiment role (RoleArn)');
    return refs;
  },
  'AWS::SageMaker::Model': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    const containers = [get(c, 'PrimaryContainer'), ...list(c.Containers)].filter(isJsonObject);
    for (const container of containers) {
      add(refs, 'bucket', container.ModelDataUrl, 'model', 'model artifacts (ModelDataUrl)');
      add(refs, 'bucket', get(container, 'ModelDataSource', 'S3DataSource', 'S3Uri'), 'model', 'model artifacts (ModelDataSource S3Uri)');
      add(refs, 'image', container.Image, 'model', 'inference image (Image)');
    }
    add(refs, 'role', c.ExecutionRoleArn, 'model', 'execution role (ExecutionRoleArn)');
    return refs;
  },
  'AWS::SageMaker::EndpointConfig': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'key', c.KmsKeyId, 'model', 'hosting volume key (KmsKeyId)');
    add(refs, 'bucket', get(c, 'DataCaptureConfig', 'DestinationS3Uri'), 'output', 'captured requests and responses (DataCaptureConfig DestinationS3Uri)');
    add(refs, 'key', get(c, 'DataCaptureConfig', 'KmsKeyId'), 'output', 'captured data key (DataCaptureConfig KmsKeyId)');
    add(refs, 'bucket', get(c, 'AsyncInferenceConfig', 'OutputConfig', 'S3OutputPath'), 'output', 'asynchronous inference results (AsyncInferenceConfig S3OutputPath)');
    add(refs, 'bucket', get(c, 'AsyncInferenceConfig', 'OutputConfig', 'S3FailurePath'), 'output', 'asynchronous inference failures (AsyncInferenceConfig S3FailurePath)');
    add(refs, 'key', get(c, 'AsyncInferenceConfig', 'OutputConfig', 'KmsKeyId'), 'output', 'asynchronous inference results key (AsyncInferenceConfig KmsKeyId)');
    return refs;
  },
  'AWS::SageMaker::Endpoint': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'bucket', get(c, 'DataCaptureConfig', 'DestinationS3Uri'), 'output', 'captured requests and responses (DataCaptureConfig DestinationS3Uri)');
    add(refs, 'key', get(c, 'DataCaptureConfig', 'KmsKeyId'), 'output', 'captured data key (DataCaptureConfig KmsKeyId)');
    const name = str(c.EndpointName) ?? r.name;
    if (name) add(refs, 'logGroup', `/aws/sagemaker/Endpoints/${name}`, 'output', `endpoint logs (/aws/sagemaker/Endpoints/${name})`, true);
    return refs;
  },
  'AWS::SageMaker::NotebookInstance': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.RoleArn, 'model', 'execution role (RoleArn)');
    add(refs, 'key', r.configuration.KmsKeyId, 'model', 'storage volume key (KmsKeyId)');
    return refs;
  },
  'AWS::SageMaker::Domain': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'role', get(c, 'DefaultUserSettings', 'ExecutionRole'), 'model', 'default execution role (DefaultUserSettings ExecutionRole)');
    add(refs, 'key', c.KmsKeyId, 'model', 'storage key (KmsKeyId)');
    return refs;
  },
  'AWS::SageMaker::ModelPackage': (r) => {
    const refs: WorkloadReference[] = [];
    for (const container of list(get(r.configuration, 'InferenceSpecification', 'Containers')).filter(isJsonObject)) {
      add(refs, 'bucket', container.ModelDataUrl, 'model', 'registered model artifacts (ModelDataUrl)');
      add(refs, 'image', container.Image, 'model', 'registered inference image (Image)');
    }
    return refs;
  },
  'AWS::SageMaker::MonitoringSchedule': (r) => {
    const refs: WorkloadReference[] = [];
    const job = get(r.configuration, 'MonitoringScheduleConfig', 'MonitoringJobDefinition');
    for (const output of list(get(job, 'MonitoringOutputConfig', 'MonitoringOutputs'))) {
      add(refs, 'bucket', get(output, 'S3Output', 'S3Uri'), 'output', 'monitoring reports (MonitoringOutputs S3Uri)');
    }
    add(refs, 'key', get(job, 'MonitoringOutputConfig', 'KmsKeyId'), 'output', 'monitoring reports key (MonitoringOutputConfig KmsKeyId)');
    return refs;
  },
  'AWS::Bedrock::KnowledgeBase': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.roleArn, 'input', 'service role that reads the data sources (roleArn)');
    list(r.supplementaryConfiguration.DataSources).forEach((source, i) => {
      const name = str(get(source, 'name')) ?? String(i);
      add(refs, 'bucket', get(source, 'dataSourceConfiguration', 's3Configuration', 'bucketArn'), 'input', `data source "${name}" (s3Configuration bucketArn)`);
      add(refs, 'key', get(source, 'serverSideEncryptionConfiguration', 'kmsKeyArn'), 'input', `data source "${name}" key (serverSideEncryptionConfiguration kmsKeyArn)`);
    });
    return refs;
  },
  'AWS::Bedrock::CustomModel': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'bucket', get(c, 'trainingDataConfig', 's3Uri'), 'input', 'customization training data (trainingDataConfig s3Uri)');
    for (const validator of list(get(c, 'validationDataConfig', 'validators'))) {
      add(refs, 'bucket', get(validator, 's3Uri'), 'input', 'customization validation data (validationDataConfig s3Uri)');
    }
    add(refs, 'bucket', get(c, 'outputDataConfig', 's3Uri'), 'model', 'customization output (outputDataConfig s3Uri)');
    add(refs, 'key', c.modelKmsKeyArn, 'model', 'custom model key (modelKmsKeyArn)');
    return refs;
  },
  'AWS::Bedrock::Agent': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.agentResourceRoleArn, 'model', 'agent service role (agentResourceRoleArn)');
    add(refs, 'key', r.configuration.customerEncryptionKeyArn, 'model', 'agent session key (customerEncryptionKeyArn)');
    return refs;
  },
  [ACCOUNT_RESOURCE_TYPE]: (r) => {
    const logging = r.configuration.bedrockInvocationLogging;
    const refs: WorkloadReference[] = [];
    add(refs, 'bucket', get(logging, 's3Config', 'bucketName'), 'output', 'Bedrock model invocation logs (s3Config bucketName)');
    add(refs, 'logGroup', get(logging, 'cloudWatchConfig', 'logGroupName'), 'output', 'Bedrock model invocation logs (cloudWatchConfig logGroupName)');
    add(refs, 'role', get(logging, 'cloudWatchConfig', 'roleArn'), 'output', 'role that delivers Bedrock invocation logs (cloudWatchConfig roleArn)');
    add(refs, 'bucket', get(logging, 'cloudWatchConfig', 'largeDataDeliveryS3Config', 'bucketName'), 'output', 'large Bedrock invocation payloads (largeDataDeliveryS3Config bucketName)');
    return refs;
  },
};

/** Types whose resources are AI workloads (they use generic resources). */
export const WORKLOAD_TYPES = Object.keys(EXTRACTORS);

export function workloadReferences(resource: InventoryResource): WorkloadReference[] {
  // Own properties only: a resource type of "constructor" or "toString" is no workload.
  return Object.hasOwn(EXTRACTORS, resource.type) ? EXTRACTORS[resource.type]!(resource) : [];
}

function add(refs: WorkloadReference[], kind: ReferenceKind, value: JsonValue | undefined, component: Component, via: string, implicit = false): void {
  if (typeof value === 'string' && value.trim() !== '') refs.push({ kind, value: value.trim(), component, via, ...(implicit ? { implicit } : {}) });
}

function get(value: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let at = value;
  for (const key of path) {
    if (!isJsonObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

function list(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
