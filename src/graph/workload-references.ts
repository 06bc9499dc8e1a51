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

/** The four Model Monitor job-definition types, with the prefix of their own keys. */
const MONITORING_DEFINITIONS: Record<string, string> = {
  'AWS::SageMaker::DataQualityJobDefinition': 'DataQuality',
  'AWS::SageMaker::ModelQualityJobDefinition': 'ModelQuality',
  'AWS::SageMaker::ModelBiasJobDefinition': 'ModelBias',
  'AWS::SageMaker::ModelExplainabilityJobDefinition': 'ModelExplainability',
};

/**
 * Where each AI workload type records the generic resources it uses (the keys are those of the
 * collectors and AWS Config: PascalCase for SageMaker, the API's camelCase for Bedrock and
 * Bedrock AgentCore), and
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
  // Model Monitor watches a model's production traffic: the reports it writes, the captured batch
  // data it reads and the keys, role and image it runs with serve the output component. The
  // endpoint it watches is recorded as a relationship (a workload, not a generic resource).
  'AWS::SageMaker::MonitoringSchedule': (r) => {
    const job = get(r.configuration, 'MonitoringScheduleConfig', 'MonitoringJobDefinition');
    return monitoringJobReferences({
      inputs: list(get(job, 'MonitoringInputs')),
      output: get(job, 'MonitoringOutputConfig'),
      outputVia: 'MonitoringOutputConfig',
      cluster: get(job, 'MonitoringResources', 'ClusterConfig'),
      role: get(job, 'RoleArn'),
      image: get(job, 'MonitoringAppSpecification', 'ImageUri'),
      baseline: get(job, 'BaselineConfig'),
    });
  },
  ...Object.fromEntries(
    Object.entries(MONITORING_DEFINITIONS).map(([type, prefix]) => [
      type,
      (r: InventoryResource) => {
        const c = r.configuration;
        const input = get(c, `${prefix}JobInput`);
        const refs = monitoringJobReferences({
          inputs: [input ?? null],
          output: get(c, `${prefix}JobOutputConfig`),
          outputVia: `${prefix}JobOutputConfig`,
          cluster: get(c, 'JobResources', 'ClusterConfig'),
          role: c.RoleArn,
          image: get(c, `${prefix}AppSpecification`, 'ImageUri'),
          baseline: get(c, `${prefix}BaselineConfig`),
        });
        // Labels the model's predictions are judged against: data, like a validation set.
        add(refs, 'bucket', get(input, 'GroundTruthS3Input', 'S3Uri'), 'input', `ground-truth labels (${prefix}JobInput GroundTruthS3Input S3Uri)`);
        return refs;
      },
    ]),
  ),
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
  // A customization job reads the training and validation sets (input) and writes the model
  // and its metrics (model), with the service role and model key it does that with.
  'AWS::Bedrock::ModelCustomizationJob': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'bucket', get(c, 'trainingDataConfig', 's3Uri'), 'input', 'customization training data (trainingDataConfig s3Uri)');
    for (const validator of list(get(c, 'validationDataConfig', 'validators'))) {
      add(refs, 'bucket', get(validator, 's3Uri'), 'input', 'customization validation data (validationDataConfig s3Uri)');
    }
    add(refs, 'role', c.roleArn, 'input', 'service role that reads the training data (roleArn)');
    add(refs, 'bucket', get(c, 'outputDataConfig', 's3Uri'), 'model', 'customization output (outputDataConfig s3Uri)');
    add(refs, 'key', c.outputModelKmsKeyArn, 'model', 'custom model key (outputModelKmsKeyArn)');
    return refs;
  },
  'AWS::Bedrock::ImportedModel': (r) => {
    const c = r.configuration;
    const refs: WorkloadReference[] = [];
    add(refs, 'bucket', get(c, 'modelDataSource', 's3DataSource', 's3Uri'), 'model', 'imported model files (modelDataSource s3Uri)');
    add(refs, 'key', c.modelKmsKeyArn, 'model', 'imported model key (modelKmsKeyArn)');
    return refs;
  },
  // Managed prompts are what goes into the model; flows are the application around it.
  'AWS::Bedrock::Prompt': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'key', r.configuration.customerEncryptionKeyArn, 'input', 'prompt key (customerEncryptionKeyArn)');
    return refs;
  },
  'AWS::Bedrock::Flow': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.executionRoleArn, 'output', 'flow service role (executionRoleArn)');
    add(refs, 'key', r.configuration.customerEncryptionKeyArn, 'output', 'flow key (customerEncryptionKeyArn)');
    return refs;
  },
  'AWS::Bedrock::Agent': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.agentResourceRoleArn, 'model', 'agent service role (agentResourceRoleArn)');
    add(refs, 'key', r.configuration.customerEncryptionKeyArn, 'model', 'agent session key (customerEncryptionKeyArn)');
    return refs;
  },
  // Bedrock AgentCore (the API's camelCase). A runtime runs the agent and a gateway defines the
  // tools it calls: both are the agent's make-up, so model. A memory holds the conversation events
  // and extracted facts fed back to the model as context: input. Browsers and code interpreters
  // are how the agent acts (pages it submits, code it runs): output, with their recordings.
  'AWS::BedrockAgentCore::Runtime': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.roleArn, 'model', 'agent runtime execution role (roleArn)');
    add(refs, 'image', get(r.configuration, 'agentRuntimeArtifact', 'containerConfiguration', 'containerUri'), 'model', 'agent runtime container (agentRuntimeArtifact containerUri)');
    return refs;
  },
  'AWS::BedrockAgentCore::Gateway': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.roleArn, 'model', 'gateway service role (roleArn)');
    add(refs, 'key', r.configuration.kmsKeyArn, 'model', 'gateway key (kmsKeyArn)');
    return refs;
  },
  'AWS::BedrockAgentCore::Memory': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.memoryExecutionRoleArn, 'input', 'memory execution role (memoryExecutionRoleArn)');
    add(refs, 'key', r.configuration.encryptionKeyArn, 'input', 'memory key (encryptionKeyArn)');
    return refs;
  },
  'AWS::BedrockAgentCore::BrowserCustom': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.executionRoleArn, 'output', 'browser execution role (executionRoleArn)');
    add(refs, 'bucket', get(r.configuration, 'recording', 's3Location', 'bucket'), 'output', 'browser session recordings (recording s3Location bucket)');
    return refs;
  },
  'AWS::BedrockAgentCore::CodeInterpreterCustom': (r) => {
    const refs: WorkloadReference[] = [];
    add(refs, 'role', r.configuration.executionRoleArn, 'output', 'code interpreter execution role (executionRoleArn)');
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

/** What a monitoring job (inline in a schedule, or a job definition) uses, all in the output component. */
function monitoringJobReferences(job: { inputs: JsonValue[]; output: JsonValue | undefined; outputVia: string; cluster: JsonValue | undefined; role: JsonValue | undefined; image: JsonValue | undefined; baseline: JsonValue | undefined }): WorkloadReference[] {
  const refs: WorkloadReference[] = [];
  for (const input of job.inputs) {
    add(refs, 'bucket', get(input, 'BatchTransformInput', 'DataCapturedDestinationS3Uri'), 'output', 'monitored batch inference data (BatchTransformInput DataCapturedDestinationS3Uri)');
  }
  for (const output of list(get(job.output, 'MonitoringOutputs'))) {
    add(refs, 'bucket', get(output, 'S3Output', 'S3Uri'), 'output', `monitoring reports (${job.outputVia} S3Uri)`);
  }
  add(refs, 'key', get(job.output, 'KmsKeyId'), 'output', `monitoring reports key (${job.outputVia} KmsKeyId)`);
  add(refs, 'key', get(job.cluster, 'VolumeKmsKeyId'), 'output', 'monitoring volume key (ClusterConfig VolumeKmsKeyId)');
  add(refs, 'bucket', get(job.baseline, 'ConstraintsResource', 'S3Uri'), 'output', 'monitoring baseline constraints (ConstraintsResource S3Uri)');
  add(refs, 'bucket', get(job.baseline, 'StatisticsResource', 'S3Uri'), 'output', 'monitoring baseline statistics (StatisticsResource S3Uri)');
  add(refs, 'role', job.role, 'output', 'monitoring job role (RoleArn)');
  add(refs, 'image', job.image, 'output', 'monitoring image (ImageUri)');
  return refs;
}

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
