import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  CreateDomainCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  CreateNotebookInstanceCommand,
  CreateNotebookInstanceLifecycleConfigCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  SageMakerClient,
  type DescribeMonitoringScheduleCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadAction } from '../../src/collect/read-only.js';
import { createSageMakerCollector, monitoringScheduleDraft, sagemakerCollector, SAGEMAKER_TYPES as T } from '../../src/collect/services/sagemaker.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/model/finding.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { redactInventory } from '../../src/inventory/redact.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { findCollected, runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/sm-exec`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90`;
const arn = (kind: string, name: string) => `arn:aws:sagemaker:us-east-1:${ACCOUNT}:${kind}/${name}`;

type Part = Awaited<ReturnType<typeof runCollectorAgainst>>;

function calls(part: Part, action: string): number {
  return part.log.records.filter((r) => r.action === action).length;
}

describe('SageMaker collector against moto', () => {
  let moto: Moto;
  let part: Part;

  beforeAll(async () => {
    moto = await startMoto();
    const sm = new SageMakerClient(moto.clientConfig());
    // Notebook instances: one hardened, one loose, three more so a page size of 2 needs 3 pages.
    await sm.send(
      new CreateNotebookInstanceCommand({
        NotebookInstanceName: 'nb-hardened',
        InstanceType: 'ml.t3.medium',
        RoleArn: ROLE,
        KmsKeyId: KEY,
        SubnetId: 'subnet-0a1b2c3d',
        SecurityGroupIds: ['sg-0123456789abcdef0'],
        DirectInternetAccess: 'Disabled',
        RootAccess: 'Disabled',
        PlatformIdentifier: 'notebook-al2023-v1',
        Tags: [{ Key: 'owner', Value: 'ml-platform' }],
      }),
    );
    await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb-loose', InstanceType: 'ml.t3.medium', RoleArn: ROLE, DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' }));
    // Lifecycle configurations: one with credentials in its scripts (run by two notebooks), one without.
    const script = (text: string) => [{ Content: Buffer.from(text).toString('base64') }];
    await sm.send(new CreateNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: 'setup-leaky', OnCreate: script(LEAKY_ON_CREATE), OnStart: script(LEAKY_ON_START) }));
    await sm.send(new CreateNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: 'setup-clean', OnStart: script(CLEAN_ON_START) }));
    const lifecycle = ['setup-leaky', 'setup-leaky', 'setup-clean'];
    for (let i = 0; i < 3; i++) await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: `nb-extra-${i}`, InstanceType: 'ml.t3.medium', RoleArn: ROLE, LifecycleConfigName: lifecycle[i] }));

    await sm.send(
      new CreateModelCommand({
        ModelName: 'm-isolated',
        ExecutionRoleArn: ROLE,
        EnableNetworkIsolation: true,
        PrimaryContainer: { Image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/churn:1`, ModelDataUrl: 's3://models/churn/model.tar.gz', Environment: { API_KEY: 'plaintext-key-value', MODEL_SERVER_WORKERS: '2' } },
        VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0a1b2c3d'] },
        Tags: [{ Key: 'team', Value: 'churn' }],
      }),
    );
    await sm.send(new CreateModelCommand({ ModelName: 'm-open', ExecutionRoleArn: ROLE, Containers: [{ Image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/llm:2` }] }));

    await sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'ec-captured',
        KmsKeyId: KEY,
        ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm-isolated', InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }],
        DataCaptureConfig: { EnableCapture: true, InitialSamplingPercentage: 100, DestinationS3Uri: 's3://capture/churn', KmsKeyId: KEY, CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }] },
        Tags: [{ Key: 'owner', Value: 'ml-platform' }],
      }),
    );
    await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'ec-bare', ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm-open', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
    await sm.send(new CreateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'ec-captured' }));

    await sm.send(
      new CreateTrainingJobCommand({
        TrainingJobName: 'churn-train',
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/train:1`, TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://models/out', KmsKeyId: KEY },
        ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, VolumeKmsKeyId: KEY },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        EnableNetworkIsolation: true,
      }),
    );
    // Processing jobs: one isolated with encrypted traffic and output, one with neither.
    const processing = (name: string, hardened: boolean) =>
      new CreateProcessingJobCommand({
        ProcessingJobName: name,
        RoleArn: ROLE,
        AppSpecification: { ImageUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/prep:1` },
        ProcessingResources: { ClusterConfig: { InstanceCount: 2, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30, ...(hardened ? { VolumeKmsKeyId: KEY } : {}) } },
        ProcessingInputs: [{ InputName: 'raw', S3Input: { S3Uri: 's3://raw/churn', LocalPath: '/opt/ml/processing/input', S3DataType: 'S3Prefix', S3InputMode: 'File' } }],
        ProcessingOutputConfig: {
          Outputs: [{ OutputName: 'features', S3Output: { S3Uri: 's3://features/churn', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }],
          ...(hardened ? { KmsKeyId: KEY } : {}),
        },
        ...(hardened ? { NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true } } : {}),
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      });
    await sm.send(processing('prep-hardened', true));
    await sm.send(processing('prep-open', false));
    // Batch transform jobs: one with volume and output keys, one with neither.
    for (const [name, key] of [['score-keyed', KEY], ['score-plain', undefined]] as const) {
      await sm.send(
        new CreateTransformJobCommand({
          TransformJobName: name,
          ModelName: 'm-isolated',
          TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://batch/in/' } }, ContentType: 'text/csv' },
          TransformOutput: { S3OutputPath: 's3://batch/out/', ...(key ? { KmsKeyId: key } : {}) },
          TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1, ...(key ? { VolumeKmsKeyId: key } : {}) },
        }),
      );
    }
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'churn-models', ModelPackageGroupDescription: 'churn classifiers' }));
    await sm.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: 'churn-models',
        ModelApprovalStatus: 'PendingManualApproval',
        InferenceSpecification: { Containers: [{ Image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/churn:1`, ModelDataUrl: 's3://models/churn/model.tar.gz' }], SupportedContentTypes: ['text/csv'], SupportedResponseMIMETypes: ['text/csv'] },
      }),
    );
    await sm.send(new CreateDomainCommand({ DomainName: 'studio', AuthMode: 'IAM', DefaultUserSettings: { ExecutionRole: ROLE }, SubnetIds: ['subnet-0a1b2c3d'], VpcId: 'vpc-0a1b2c3d', AppNetworkAccessType: 'VpcOnly' }));

    part = await runCollectorAgainst(moto, createSageMakerCollector({ pageSize: 2 }));
  });
  afterAll(async () => moto?.stop());

  it('emits notebook instances with the Describe output as configuration, keys as AWS Config records them', () => {
    const hardened = findCollected(part, T.notebookInstance, 'nb-hardened');
    expect(hardened).toMatchObject({ arn: arn('notebook-instance', 'nb-hardened'), name: 'nb-hardened', accountId: ACCOUNT, region: 'us-east-1', tags: { owner: 'ml-platform' }, relationships: [] });
    expect(hardened.collectionErrors).toBeUndefined();
    const c = hardened.configuration;
    expect(c.NotebookInstanceName).toBe('nb-hardened');
    expect(c.NotebookInstanceArn).toBe(arn('notebook-instance', 'nb-hardened'));
    expect(c.DirectInternetAccess).toBe('Disabled');
    expect(c.RootAccess).toBe('Disabled');
    expect(c.KmsKeyId).toBe(KEY);
    expect(c.SubnetId).toBe('subnet-0a1b2c3d');
    expect(c.SecurityGroups).toEqual(['sg-0123456789abcdef0']);
    expect(c.SecurityGroupIds).toEqual(['sg-0123456789abcdef0']); // Config's spelling, added alongside
    expect(c.RoleArn).toBe(ROLE);
    expect(c.CreationTime).toMatch(/^\d{4}-\d\d-\d\dT/); // Dates become ISO strings
    expect(c).not.toHaveProperty('$metadata');
    // moto 5.2 drops PlatformIdentifier on CreateNotebookInstance; real AWS returns it.
    expect(c.PlatformIdentifier).toBeUndefined();

    const loose = findCollected(part, T.notebookInstance, 'nb-loose');
    expect(loose.tags).toEqual({});
    expect(loose.configuration).toMatchObject({ DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' });
    expect(loose.configuration).not.toHaveProperty('KmsKeyId');
    expect(loose.configuration).not.toHaveProperty('SubnetId');
  });

  it('keeps of lifecycle scripts only their credential settings and token-shaped words, reading each configuration once', async () => {
    const leaky = findCollected(part, T.notebookInstance, 'nb-extra-0');
    expect(leaky.configuration.NotebookInstanceLifecycleConfigName).toBe('setup-leaky');
    expect(leaky.configuration.LifecycleConfig).toEqual({
      NotebookInstanceLifecycleConfigName: 'setup-leaky',
      NotebookInstanceLifecycleConfigArn: arn('notebook-instance-lifecycle-config', 'setup-leaky'),
      OnCreate: [{ Environment: { CONDA_ENV: 'research', url_password: 'Tr0ub4dor-and-3' } }],
      OnStart: [
        {
          Environment: {
            DB_PASSWORD: 'hunter2-prod-db',
            aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            'mysql -p (password)': 'CorrectHorseBattery9',
            db_password: 'Tr0ub4dor-and-3-horses',
            OPENAI_API_KEY: 'myInternalServiceKey123456',
          },
        },
      ],
    });
    // Words the scanner cannot classify are dropped, not kept for the inventory.
    expect(JSON.stringify(leaky.configuration)).not.toMatch(/git\.example\.com|custom-miniconda|OPENAI_KEY_ID_IS_NOT_HERE|schema\.sql/);
    // Nothing else of the scripts: no commands, no encoded content.
    expect(JSON.stringify(leaky.configuration)).not.toContain('pip install');
    expect(JSON.stringify(leaky.configuration)).not.toContain('Content');
    expect(findCollected(part, T.notebookInstance, 'nb-extra-1').configuration.LifecycleConfig).toEqual(leaky.configuration.LifecycleConfig);
    expect(calls(part, 'sagemaker:DescribeNotebookInstanceLifecycleConfig')).toBe(2); // setup-leaky once, setup-clean once
    expect(findCollected(part, T.notebookInstance, 'nb-hardened').configuration).not.toHaveProperty('LifecycleConfig');

    const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
    const results = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') });
    const findings = makeFindings(results, inventory.coverage);
    const as50 = (name: string) => findings.find((f) => f.controlId === 'CAFAI-AS-50' && f.resource.id === name);
    const leakyMessage =
      "Notebook instance nb-extra-0's lifecycle configuration setup-leaky holds values that look like credentials: DB_PASSWORD (OnStart), OPENAI_API_KEY (OnStart), aws_secret_access_key (OnStart), db_password (OnStart), mysql -p (password) (OnStart), url_password (OnCreate).";
    expect(as50('nb-extra-0')).toMatchObject({ status: 'fail', message: leakyMessage });
    expect(as50('nb-extra-0')?.message).not.toContain('hunter2');
    // The remediation's own fix ($(aws secretsmanager …), $VAR) passes.
    expect(findCollected(part, T.notebookInstance, 'nb-extra-2').configuration.LifecycleConfig).toMatchObject({ OnStart: [{ Environment: { HF_TOKEN: '${HF_TOKEN_FROM_SSM}' } }] });
    expect(as50('nb-extra-2')?.status).toBe('pass');
    expect(as50('nb-hardened')).toBeUndefined(); // no lifecycle configuration: not applicable

    // inventory.json carries none of the credentials, and a re-scan of it gives the same findings.
    const written = redactInventory(inventory, results).inventory;
    const text = JSON.stringify(written);
    for (const secret of ['hunter2-prod-db', 'wJalrXUtnFEMI', 'Tr0ub4dor', 'CorrectHorseBattery9', 'myInternalServiceKey123456']) expect(text).not.toContain(secret);
    const rescanned = makeFindings(await evaluateInventory(written, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), written.coverage);
    const as50Again = (name: string) => rescanned.find((f) => f.controlId === 'CAFAI-AS-50' && f.resource.id === name);
    expect(as50Again('nb-extra-0')).toMatchObject({ status: 'fail', message: leakyMessage });
    expect(as50Again('nb-extra-2')?.status).toBe('pass');
  });

  it('follows every list to its last page', () => {
    expect(part.resources.filter((r) => r.type === T.notebookInstance).map((r) => r.id).sort()).toEqual(['nb-extra-0', 'nb-extra-1', 'nb-extra-2', 'nb-hardened', 'nb-loose']);
    expect(calls(part, 'sagemaker:ListNotebookInstances')).toBe(3); // 5 instances, 2 per page
    expect(calls(part, 'sagemaker:ListEndpointConfigs')).toBe(1); // 2 configs fit one page of 2
    // moto ignores MaxResults on ListModels (one page with everything); the collector takes what it gets.
    expect(calls(part, 'sagemaker:ListModels')).toBe(1);
    expect(calls(part, 'sagemaker:DescribeNotebookInstance')).toBe(5);
    // One ListTags per resource collected.
    expect(calls(part, 'sagemaker:ListTags')).toBe(part.resources.length);
  });

  it('emits models, endpoint configurations and endpoints', () => {
    const isolated = findCollected(part, T.model, 'm-isolated');
    expect(isolated).toMatchObject({ arn: arn('model', 'm-isolated'), tags: { team: 'churn' } });
    expect(isolated.configuration).toMatchObject({
      ModelName: 'm-isolated',
      ExecutionRoleArn: ROLE,
      PrimaryContainer: { Image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/churn:1`, ModelDataUrl: 's3://models/churn/model.tar.gz', Environment: { API_KEY: 'plaintext-key-value', MODEL_SERVER_WORKERS: '2' } },
      VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0a1b2c3d'] },
    });
    // moto 5.2's CreateModel drops EnableNetworkIsolation and DescribeModel always answers false;
    // real AWS returns true here. The collector passes through what the API says.
    expect(isolated.configuration.EnableNetworkIsolation).toBe(false);
    expect(findCollected(part, T.model, 'm-open').configuration.Containers).toEqual([{ Image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/llm:2` }]);

    const captured = findCollected(part, T.endpointConfig, 'ec-captured');
    expect(captured).toMatchObject({ arn: arn('endpoint-config', 'ec-captured'), tags: { owner: 'ml-platform' } });
    expect(captured.configuration).toMatchObject({
      EndpointConfigName: 'ec-captured',
      KmsKeyId: KEY,
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm-isolated', InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }],
      DataCaptureConfig: { EnableCapture: true, InitialSamplingPercentage: 100, DestinationS3Uri: 's3://capture/churn', KmsKeyId: KEY, CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }] },
    });
    const bare = findCollected(part, T.endpointConfig, 'ec-bare');
    expect(bare.configuration).not.toHaveProperty('KmsKeyId');
    // moto answers DataCaptureConfig: {} when none was set; AWS omits it, and so does the collector.
    expect(bare.configuration).not.toHaveProperty('DataCaptureConfig');
    expect(bare.configuration.ProductionVariants).toEqual([{ VariantName: 'AllTraffic', ModelName: 'm-open', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }]);

    const endpoint = findCollected(part, T.endpoint, 'churn');
    expect(endpoint).toMatchObject({ arn: arn('endpoint', 'churn'), name: 'churn', tags: {} });
    expect(endpoint.configuration).toMatchObject({ EndpointName: 'churn', EndpointConfigName: 'ec-captured', EndpointStatus: 'InService' });
    expect(endpoint.relationships).toEqual([{ name: 'Is associated with EndpointConfig', resourceType: T.endpointConfig, resourceId: 'ec-captured', resourceName: 'ec-captured' }]);
  });

  it('emits training jobs, the model registry and Studio domains', () => {
    const job = findCollected(part, T.trainingJob, 'churn-train');
    expect(job).toMatchObject({ arn: arn('training-job', 'churn-train'), tags: {} });
    expect(job.configuration).toMatchObject({
      TrainingJobName: 'churn-train',
      RoleArn: ROLE,
      EnableNetworkIsolation: true,
      OutputDataConfig: { S3OutputPath: 's3://models/out', KmsKeyId: KEY },
      ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
    });

    const group = findCollected(part, T.modelPackageGroup, 'churn-models');
    expect(group).toMatchObject({ arn: arn('model-package-group', 'churn-models'), tags: {} });
    expect(group.configuration).toMatchObject({ ModelPackageGroupName: 'churn-models', ModelPackageGroupStatus: 'Completed' });
    // moto does not implement GetModelPackageGroupPolicy: the policy is unknown, and says why.
    expect(group.configuration).not.toHaveProperty('ModelPackageGroupPolicy');
    expect(group.collectionErrors).toEqual({ ModelPackageGroupPolicy: expect.stringContaining('sagemaker:GetModelPackageGroupPolicy failed') });

    const pkgArn = arn('model-package', 'churn-models/1');
    const pkg = findCollected(part, T.modelPackage, pkgArn);
    expect(pkg).toMatchObject({ arn: pkgArn, name: 'churn-models/1' });
    expect(pkg.configuration).toMatchObject({ ModelPackageGroupName: 'churn-models', ModelPackageVersion: 1, ModelApprovalStatus: 'PendingManualApproval', ModelPackageStatus: 'Completed' });
    expect(pkg.configuration.InferenceSpecification).toMatchObject({ Containers: [{ ModelDataUrl: 's3://models/churn/model.tar.gz' }] });
    // moto's ListTags does not know model-package or domain ARNs (it answers with an HTML error
    // page): tags are unknown (null), never "no tags", and the reason is kept.
    expect(pkg.tags).toBeNull();
    expect(pkg.collectionErrors).toEqual({ Tags: expect.stringContaining('sagemaker:ListTags failed') });

    const domain = findCollected(part, T.domain, 'd-studio');
    expect(domain).toMatchObject({ arn: arn('domain', 'd-studio'), name: 'studio', tags: null });
    expect(domain.configuration).toMatchObject({ DomainId: 'd-studio', DomainName: 'studio', AuthMode: 'IAM', AppNetworkAccessType: 'VpcOnly', SubnetIds: ['subnet-0a1b2c3d'], VpcId: 'vpc-0a1b2c3d', DefaultUserSettings: { ExecutionRole: ROLE } });
  });

  it('emits processing jobs with the Describe output as configuration', () => {
    const hardened = findCollected(part, T.processingJob, 'prep-hardened');
    expect(hardened).toMatchObject({ arn: arn('processing-job', 'prep-hardened'), name: 'prep-hardened', tags: {} });
    expect(hardened.collectionErrors).toBeUndefined();
    expect(hardened.configuration).toMatchObject({
      ProcessingJobName: 'prep-hardened',
      RoleArn: ROLE,
      NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true },
      ProcessingOutputConfig: { KmsKeyId: KEY, Outputs: [{ OutputName: 'features', S3Output: { S3Uri: 's3://features/churn' } }] },
      ProcessingInputs: [{ InputName: 'raw', S3Input: { S3Uri: 's3://raw/churn' } }],
    });
    const open = findCollected(part, T.processingJob, 'prep-open');
    expect(open.configuration).not.toHaveProperty('NetworkConfig');
    expect(open.configuration.ProcessingOutputConfig).not.toHaveProperty('KmsKeyId');
  });

  it('emits batch transform jobs with their model as a relationship', () => {
    const keyed = findCollected(part, T.transformJob, 'score-keyed');
    // moto's ListTags does not know transform-job ARNs either: tags unknown (null), with the reason.
    expect(keyed).toMatchObject({ arn: arn('transform-job', 'score-keyed'), name: 'score-keyed', tags: null });
    expect(keyed.collectionErrors).toEqual({ Tags: expect.stringContaining('sagemaker:ListTags failed') });
    expect(keyed.configuration).toMatchObject({
      TransformJobName: 'score-keyed',
      ModelName: 'm-isolated',
      TransformOutput: { S3OutputPath: 's3://batch/out/', KmsKeyId: KEY },
      TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeKmsKeyId: KEY },
    });
    expect(keyed.relationships).toEqual([{ name: 'Is associated with Model', resourceType: T.model, resourceId: 'm-isolated', resourceName: 'm-isolated' }]);
    expect(findCollected(part, T.transformJob, 'score-plain').configuration.TransformOutput).not.toHaveProperty('KmsKeyId');
  });

  it('reports coverage per type; what moto lacks is failed with the reason, not "none found"', () => {
    const coverage = Object.fromEntries(part.coverage.map((c) => [c.resourceType, c.status]));
    expect(coverage).toEqual({
      [T.notebookInstance]: 'complete',
      [T.model]: 'complete',
      [T.endpointConfig]: 'complete',
      [T.endpoint]: 'complete',
      [T.trainingJob]: 'complete',
      [T.modelPackageGroup]: 'complete',
      [T.modelPackage]: 'complete',
      [T.monitoringSchedule]: 'failed', // moto has no ListMonitoringSchedules
      [T.domain]: 'complete',
      [T.processingJob]: 'complete',
      [T.transformJob]: 'complete',
      [T.featureGroup]: 'failed', // moto has no ListFeatureGroups
      [T.inferenceExperiment]: 'failed', // nor ListInferenceExperiments
    });
    expect(part.coverage).toHaveLength(Object.keys(T).length); // one entry per type, no duplicates
    expect(part.coverage.find((c) => c.resourceType === T.monitoringSchedule)?.reason).toMatch(/^sagemaker:ListMonitoringSchedules failed/);
    expect(part.coverage.every((c) => c.accountId === ACCOUNT && c.region === 'us-east-1')).toBe(true);
  });

  it('only declares and sends read operations', () => {
    expect(sagemakerCollector.operations.filter((op) => !isReadAction(op))).toEqual([]);
    const sent = new Set(part.log.records.map((r) => r.action));
    expect([...sent].filter((op) => !sagemakerCollector.operations.includes(op))).toEqual([]);
    expect(sagemakerCollector).toMatchObject({ service: 'sagemaker', scope: 'regional' });
    expect([...sagemakerCollector.resourceTypes].sort()).toEqual(Object.values(T).sort());
  });

  it('collects training, processing and transform jobs of the last 90 days only', async () => {
    const later = await runCollectorAgainst(moto, createSageMakerCollector({ now: () => new Date(Date.now() + 91 * 24 * 3600 * 1000) }));
    const jobs: string[] = [T.trainingJob, T.processingJob, T.transformJob];
    expect(later.resources.filter((r) => jobs.includes(r.type))).toEqual([]);
    expect(later.coverage.find((c) => c.resourceType === T.trainingJob)?.status).toBe('complete');
    expect(later.coverage.find((c) => c.resourceType === T.processingJob)?.status).toBe('complete');
    expect(later.coverage.find((c) => c.resourceType === T.transformJob)?.status).toBe('complete');
    // The default collector (MaxResults 100) finds the same resources as the paged run.
    expect(later.resources.filter((r) => !jobs.includes(r.type)).map((r) => r.arn).sort()).toEqual(part.resources.filter((r) => !jobs.includes(r.type)).map((r) => r.arn).sort());
  });

  it('gives the controls what they read: loose notebook and bare endpoint configuration fail, hardened ones pass', async () => {
    const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), inventory.coverage);
    const outcome = (controlId: string, type: string, id: string): Finding => {
      const found = findings.find((f) => f.controlId === controlId && f.resource.type === type && f.resource.id === id);
      if (!found) throw new Error(`no ${controlId} finding for ${id}`);
      return found;
    };
    const status = (controlId: string, type: string, id: string) => outcome(controlId, type, id).status;

    // Notebook instances.
    expect(status('CAFAI-IP-01', T.notebookInstance, 'nb-loose')).toBe('fail'); // direct internet access
    expect(status('CAFAI-DP-04', T.notebookInstance, 'nb-loose')).toBe('fail'); // no customer managed key
    expect(status('CAFAI-IP-02', T.notebookInstance, 'nb-loose')).toBe('fail'); // root access
    expect(status('CAFAI-IP-03', T.notebookInstance, 'nb-loose')).toBe('fail'); // no subnet
    expect(status('CAFAI-SG-01', T.notebookInstance, 'nb-loose')).toBe('fail'); // no owner tag
    for (const id of ['CAFAI-IP-01', 'CAFAI-DP-04', 'CAFAI-IP-02', 'CAFAI-IP-03', 'CAFAI-SG-01']) {
      expect(status(id, T.notebookInstance, 'nb-hardened'), id).toBe('pass');
    }
    expect(outcome('CAFAI-IP-01', T.notebookInstance, 'nb-loose').message).toBe('Notebook instance nb-loose has direct internet access enabled.');
    // moto drops PlatformIdentifier, so the platform control cannot decide (it never guesses).
    expect(status('CAFAI-VM-01', T.notebookInstance, 'nb-hardened')).toBe('not_evaluated');

    // Endpoint configurations.
    expect(status('CAFAI-TD-01', T.endpointConfig, 'ec-bare')).toBe('fail');
    expect(outcome('CAFAI-TD-01', T.endpointConfig, 'ec-bare').message).toBe('Endpoint configuration ec-bare does not capture inference data.');
    expect(status('CAFAI-TD-01', T.endpointConfig, 'ec-captured')).toBe('pass');
    expect(status('CAFAI-DP-06', T.endpointConfig, 'ec-bare')).toBe('fail');
    expect(status('CAFAI-DP-06', T.endpointConfig, 'ec-captured')).toBe('pass');
    expect(status('CAFAI-IP-05', T.endpointConfig, 'ec-bare')).toBe('fail');
    expect(status('CAFAI-IP-05', T.endpointConfig, 'ec-captured')).toBe('pass');

    // Models: the literal API_KEY is caught; network isolation fails because moto drops it (see above).
    expect(status('CAFAI-AS-02', T.model, 'm-isolated')).toBe('fail');
    expect(outcome('CAFAI-AS-02', T.model, 'm-isolated').message).toContain('API_KEY');
    expect(status('CAFAI-AS-02', T.model, 'm-open')).toBe('pass');
    expect(status('CAFAI-IP-04', T.model, 'm-isolated')).toBe('fail');
    expect(status('CAFAI-SG-01', T.model, 'm-isolated')).toBe('pass'); // "team" counts as an owner tag

    // Batch transform jobs: moto keeps TransformResources and TransformOutput, so DP-32 decides both.
    expect(status('CAFAI-DP-32', T.transformJob, 'score-keyed')).toBe('pass');
    expect(status('CAFAI-DP-32', T.transformJob, 'score-plain')).toBe('fail');

    // The monitoring-schedule gap is reported, not hidden (no control reads that type yet, so no finding).
    expect(inventory.coverage.find((c) => c.resourceType === T.monitoringSchedule)?.status).toBe('failed');
  });
});

// --- APIs moto lacks: a local endpoint that answers SageMaker's JSON protocol with recorded,
// real-shaped responses, so the collector runs exactly as live (SDK parsing, read-only
// middleware, call log) against what AWS returns.

interface StubCall {
  operation: string;
  input: Record<string, unknown>;
}
type StubAnswer = { error: string; message: string; status?: number } | Record<string, unknown>;
type StubHandler = (input: Record<string, unknown>) => StubAnswer;

async function startSageMakerStub(handlers: Record<string, StubHandler>): Promise<Moto & { calls: StubCall[] }> {
  const calls: StubCall[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      calls.push({ operation, input });
      const handler = handlers[operation];
      // Lists nobody recorded are empty; anything else unexpected is an error the test will see.
      const answer: StubAnswer = handler ? handler(input) : operation.startsWith('List') ? {} : { error: 'UnknownOperationException', message: `stub has no ${operation}` };
      const isError = typeof answer.error === 'string';
      res.writeHead(isError ? Number(answer.status ?? 400) : 200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(isError ? { __type: answer.error, message: answer.message } : answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    endpoint,
    calls,
    clientConfig: (region = 'us-east-1') => ({ region, endpoint, credentials: TEST_CREDENTIALS }),
    reset: async () => {},
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Lifecycle scripts (base64-encoded on the wire, as the API takes and returns them).
const LEAKY_ON_CREATE = `#!/bin/bash
set -e
# Install a conda environment for the team
CONDA_ENV=research
git clone https://analyst:Tr0ub4dor-and-3@git.example.com/ml/research.git /home/ec2-user/SageMaker/custom-miniconda
pip install pandas
`;
const LEAKY_ON_START = `#!/bin/bash
export DB_PASSWORD="hunter2-prod-db"
aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
echo OPENAI_KEY_ID_IS_NOT_HERE
mysql -u admin -pCorrectHorseBattery9 -h db.example.com < /home/ec2-user/SageMaker/schema.sql
cat > /home/ec2-user/.config/research/app.yaml <<EOT
db_password: Tr0ub4dor-and-3-horses
EOT
python3 -c 'import os; os.environ["OPENAI_API_KEY"] = "myInternalServiceKey123456"'
`;
const CLEAN_ON_START = `#!/bin/bash
export DB_PASSWORD_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:research/db
export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id research/db --query SecretString --output text)"
export HF_TOKEN=$HF_TOKEN_FROM_SSM
sudo -u ec2-user -i <<'END'
source activate python3
END
`;

/** Epoch seconds, as timestamps travel in SageMaker's JSON protocol. */
const t = (iso: string) => Date.parse(iso) / 1000;

// Recorded DescribeMonitoringSchedule answers (identifiers replaced): one schedule that points at
// a separate job definition, one older-style schedule with its job definition inline.
const DATA_QUALITY_SCHEDULE = {
  MonitoringScheduleArn: arn('monitoring-schedule', 'churn-data-quality'),
  MonitoringScheduleName: 'churn-data-quality',
  MonitoringScheduleStatus: 'Scheduled',
  MonitoringType: 'DataQuality',
  CreationTime: t('2026-09-14T08:12:31.412Z'),
  LastModifiedTime: t('2026-10-05T07:00:02.118Z'),
  MonitoringScheduleConfig: {
    ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' },
    MonitoringJobDefinitionName: 'churn-data-quality-job',
    MonitoringType: 'DataQuality',
  },
  EndpointName: 'churn',
  LastMonitoringExecutionSummary: {
    MonitoringScheduleName: 'churn-data-quality',
    ScheduledTime: t('2026-10-05T07:00:00Z'),
    CreationTime: t('2026-10-05T07:00:02.118Z'),
    LastModifiedTime: t('2026-10-05T07:14:40.905Z'),
    MonitoringExecutionStatus: 'Completed',
    ProcessingJobArn: arn('processing-job', 'model-monitoring-202610050700-3b1e1c5f0d7a9e2f4c6b8a10'),
    EndpointName: 'churn',
  },
};
const INLINE_SCHEDULE = {
  MonitoringScheduleArn: arn('monitoring-schedule', 'llm-model-quality'),
  MonitoringScheduleName: 'llm-model-quality',
  MonitoringScheduleStatus: 'Stopped',
  MonitoringType: 'ModelQuality',
  CreationTime: t('2025-02-01T10:00:00Z'),
  LastModifiedTime: t('2025-03-01T10:00:00Z'),
  MonitoringScheduleConfig: {
    ScheduleConfig: { ScheduleExpression: 'cron(0 0 ? * * *)' },
    MonitoringType: 'ModelQuality',
    MonitoringJobDefinition: {
      BaselineConfig: { ConstraintsResource: { S3Uri: 's3://monitoring/llm/baseline/constraints.json' } },
      MonitoringInputs: [{ EndpointInput: { EndpointName: 'llm', LocalPath: '/opt/ml/processing/input/endpoint', S3InputMode: 'File', S3DataDistributionType: 'FullyReplicated' } }],
      MonitoringOutputConfig: { MonitoringOutputs: [{ S3Output: { S3Uri: 's3://monitoring/llm/reports', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }] },
      MonitoringResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 } },
      MonitoringAppSpecification: { ImageUri: '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer' },
      StoppingCondition: { MaxRuntimeInSeconds: 1800 },
      Environment: { dataset_format: '{"sagemakerCaptureJson":{"captureIndexNames":["endpointInput","endpointOutput"]}}' },
      NetworkConfig: { EnableInterContainerTrafficEncryption: false, EnableNetworkIsolation: false },
      RoleArn: ROLE,
    },
  },
  EndpointName: 'llm',
};
// Recorded DescribeFeatureGroup answers (identifiers replaced): one group with both stores under
// customer managed keys, one with an offline store and a Standard online store and no keys.
const CUSTOMERS_GROUP = {
  FeatureGroupArn: arn('feature-group', 'customers'),
  FeatureGroupName: 'customers',
  RecordIdentifierFeatureName: 'customer_id',
  EventTimeFeatureName: 'event_time',
  FeatureDefinitions: [
    { FeatureName: 'customer_id', FeatureType: 'String' },
    { FeatureName: 'event_time', FeatureType: 'String' },
    { FeatureName: 'lifetime_value', FeatureType: 'Fractional' },
  ],
  CreationTime: t('2026-06-02T09:30:11Z'),
  OnlineStoreConfig: { EnableOnlineStore: true, SecurityConfig: { KmsKeyId: KEY }, StorageType: 'Standard' },
  OfflineStoreConfig: {
    S3StorageConfig: { S3Uri: 's3://feature-store-123456789012/offline', KmsKeyId: KEY, ResolvedOutputS3Uri: `s3://feature-store-123456789012/offline/${ACCOUNT}/sagemaker/us-east-1/offline-store/customers-1780392611/data` },
    DisableGlueTableCreation: false,
    DataCatalogConfig: { TableName: 'customers_1780392611', Catalog: 'AwsDataCatalog', Database: 'sagemaker_featurestore' },
    TableFormat: 'Glue',
  },
  ThroughputConfig: { ThroughputMode: 'OnDemand' },
  RoleArn: ROLE,
  FeatureGroupStatus: 'Created',
  OfflineStoreStatus: { Status: 'Active' },
  OnlineStoreTotalSizeBytes: 1843,
  NextToken: 'definitions-page-2',
};
const CLICKS_GROUP = {
  FeatureGroupArn: arn('feature-group', 'clicks'),
  FeatureGroupName: 'clicks',
  RecordIdentifierFeatureName: 'session_id',
  EventTimeFeatureName: 'ts',
  FeatureDefinitions: [
    { FeatureName: 'session_id', FeatureType: 'String' },
    { FeatureName: 'ts', FeatureType: 'Fractional' },
  ],
  CreationTime: t('2026-07-11T14:02:45Z'),
  OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard' },
  OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://clickstream-123456789012/features', ResolvedOutputS3Uri: 's3://clickstream-123456789012/features/x/data' }, DisableGlueTableCreation: true, TableFormat: 'Iceberg' },
  ThroughputConfig: { ThroughputMode: 'OnDemand' },
  RoleArn: ROLE,
  FeatureGroupStatus: 'Created',
  OfflineStoreStatus: { Status: 'Active' },
};
// A recorded DescribeInferenceExperiment answer (identifiers replaced): a shadow test with both keys.
const SHADOW_KEYED = {
  Arn: arn('inference-experiment', 'churn-shadow-keyed'),
  Name: 'churn-shadow-keyed',
  Type: 'ShadowMode',
  Schedule: { StartTime: t('2026-10-01T00:00:00Z'), EndTime: t('2026-10-15T00:00:00Z') },
  Status: 'Running',
  CreationTime: t('2026-09-30T16:04:12Z'),
  LastModifiedTime: t('2026-10-01T00:00:41Z'),
  RoleArn: ROLE,
  EndpointMetadata: { EndpointName: 'churn', EndpointConfigName: 'churn-shadow-keyed-ec', EndpointStatus: 'InService' },
  ModelVariants: [
    { ModelName: 'churn-v3', VariantName: 'production', InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 2 } }, Status: 'InService' },
    { ModelName: 'churn-v4', VariantName: 'shadow', InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 } }, Status: 'InService' },
  ],
  DataStorageConfig: { Destination: 's3://shadow-capture-123456789012/churn', KmsKey: KEY, ContentType: { JsonContentTypes: ['application/json'] } },
  ShadowModeConfig: { SourceModelVariantName: 'production', ShadowModelVariants: [{ ShadowModelVariantName: 'shadow', SamplingPercentage: 20 }] },
  KmsKey: KEY,
};
const SHADOW_PLAIN = { ...SHADOW_KEYED, Arn: arn('inference-experiment', 'churn-shadow-plain'), Name: 'churn-shadow-plain' };
/** ListInferenceExperiments' summaries carry no ARN. */
const experimentSummaryOf = (e: typeof SHADOW_KEYED) => ({ Name: e.Name, Type: e.Type, Schedule: e.Schedule, Status: e.Status, CreationTime: e.CreationTime, LastModifiedTime: e.LastModifiedTime, RoleArn: e.RoleArn });
const featureGroupSummaryOf = (g: typeof CUSTOMERS_GROUP | typeof CLICKS_GROUP) => ({
  FeatureGroupName: g.FeatureGroupName,
  FeatureGroupArn: g.FeatureGroupArn,
  CreationTime: g.CreationTime,
  FeatureGroupStatus: g.FeatureGroupStatus,
  OfflineStoreStatus: g.OfflineStoreStatus,
});
const summaryOf = (s: typeof DATA_QUALITY_SCHEDULE | typeof INLINE_SCHEDULE) => ({
  MonitoringScheduleName: s.MonitoringScheduleName,
  MonitoringScheduleArn: s.MonitoringScheduleArn,
  CreationTime: s.CreationTime,
  LastModifiedTime: s.LastModifiedTime,
  MonitoringScheduleStatus: s.MonitoringScheduleStatus,
  EndpointName: s.EndpointName,
  MonitoringType: s.MonitoringType,
});

describe('SageMaker collector against recorded responses (APIs moto lacks)', () => {
  it('monitoring schedules (recorded real-shaped response; moto lacks the API)', async () => {
    const schedules = [DATA_QUALITY_SCHEDULE, INLINE_SCHEDULE];
    const stub = await startSageMakerStub({
      // Two pages, as AWS pages them.
      ListMonitoringSchedules: (input) =>
        input.NextToken === 'page-2' ? { MonitoringScheduleSummaries: [summaryOf(INLINE_SCHEDULE)] } : { MonitoringScheduleSummaries: [summaryOf(DATA_QUALITY_SCHEDULE)], NextToken: 'page-2' },
      DescribeMonitoringSchedule: (input) => schedules.find((s) => s.MonitoringScheduleName === input.MonitoringScheduleName) ?? { error: 'ResourceNotFound', message: 'not found' },
      ListTags: (input) => (input.ResourceArn === DATA_QUALITY_SCHEDULE.MonitoringScheduleArn ? { Tags: [{ Key: 'owner', Value: 'ml-platform' }] } : { Tags: [] }),
    });
    try {
      const part = await runCollectorAgainst(stub, sagemakerCollector);
      expect(stub.calls.filter((c) => c.operation === 'ListMonitoringSchedules').map((c) => c.input.NextToken ?? null)).toEqual([null, 'page-2']);
      expect(part.log.failures()).toEqual([]);

      const quality = findCollected(part, T.monitoringSchedule, 'churn-data-quality');
      expect(quality).toMatchObject({ arn: DATA_QUALITY_SCHEDULE.MonitoringScheduleArn, name: 'churn-data-quality', tags: { owner: 'ml-platform' } });
      expect(quality.collectionErrors).toBeUndefined();
      expect(quality.configuration).toEqual({
        ...DATA_QUALITY_SCHEDULE,
        CreationTime: '2026-09-14T08:12:31.412Z',
        LastModifiedTime: '2026-10-05T07:00:02.118Z',
        LastMonitoringExecutionSummary: {
          ...DATA_QUALITY_SCHEDULE.LastMonitoringExecutionSummary,
          ScheduledTime: '2026-10-05T07:00:00.000Z',
          CreationTime: '2026-10-05T07:00:02.118Z',
          LastModifiedTime: '2026-10-05T07:14:40.905Z',
        },
      });
      expect(quality.relationships).toEqual([{ name: 'Is associated with Endpoint', resourceType: T.endpoint, resourceId: 'churn', resourceName: 'churn' }]);

      const inline = findCollected(part, T.monitoringSchedule, 'llm-model-quality');
      expect(inline.tags).toEqual({});
      expect(inline.configuration.MonitoringScheduleConfig).toEqual(INLINE_SCHEDULE.MonitoringScheduleConfig);
      expect(inline.configuration).toMatchObject({ MonitoringScheduleStatus: 'Stopped', EndpointName: 'llm', CreationTime: '2025-02-01T10:00:00.000Z' });

      // Every type was listed (the others empty) and is complete.
      expect(part.coverage.filter((c) => c.status !== 'complete')).toEqual([]);
      expect(new Set(part.coverage.map((c) => c.resourceType))).toEqual(new Set(Object.values(T)));
    } finally {
      await stub.stop();
    }
  });

  it('model package group policies (recorded; moto lacks GetModelPackageGroupPolicy): parsed, or null when there is none', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'ShareWithProd', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'], Resource: arn('model-package', 'shared/*') }],
    };
    const group = (name: string) => ({ ModelPackageGroupName: name, ModelPackageGroupArn: arn('model-package-group', name), CreationTime: t('2026-06-01T00:00:00Z'), ModelPackageGroupStatus: 'Completed' });
    const stub = await startSageMakerStub({
      ListModelPackageGroups: () => ({ ModelPackageGroupSummaryList: [group('shared'), group('private')] }),
      DescribeModelPackageGroup: (input) => ({ ...group(String(input.ModelPackageGroupName)), CreatedBy: {} }),
      // What SageMaker answers for a group without a resource policy.
      GetModelPackageGroupPolicy: (input) =>
        input.ModelPackageGroupName === 'shared'
          ? { ResourcePolicy: JSON.stringify(policy) }
          : { error: 'ValidationException', message: `Cannot find resource policy for ${arn('model-package-group', 'private')}` },
      ListTags: () => ({ Tags: [] }),
    });
    try {
      const part = await runCollectorAgainst(stub, sagemakerCollector);
      expect(findCollected(part, T.modelPackageGroup, 'shared').configuration.ModelPackageGroupPolicy).toEqual(policy);
      const bare = findCollected(part, T.modelPackageGroup, 'private');
      expect(bare.configuration.ModelPackageGroupPolicy).toBeNull();
      expect(bare.collectionErrors).toBeUndefined();
      // "No policy" is an answer: recorded as absent, not a failed call.
      expect(part.log.failures()).toEqual([]);
      expect(part.log.records.filter((r) => r.action === 'sagemaker:GetModelPackageGroupPolicy' && r.absent)).toEqual([expect.objectContaining({ ok: true, absent: 'ValidationException' })]);
      // Packages: one versioned listing per group, plus the unversioned packages.
      const packageLists = stub.calls.filter((c) => c.operation === 'ListModelPackages').map((c) => `${String(c.input.ModelPackageGroupName ?? '-')}:${String(c.input.ModelPackageType)}`);
      expect(packageLists.sort()).toEqual(['-:Unversioned', 'private:Versioned', 'shared:Versioned']);
    } finally {
      await stub.stop();
    }
  });

  it('processing jobs with their cluster (recorded real-shaped DescribeProcessingJob; moto drops ProcessingResources)', async () => {
    // Recorded DescribeProcessingJob answers (identifiers replaced): a SageMaker Python SDK
    // SKLearnProcessor run with keys and isolation, a Spark job on three instances with neither,
    // and a single-instance job on a local-NVMe type (no volume key is allowed there).
    const job = (name: string, cluster: Record<string, unknown>, extra: Record<string, unknown>) => ({
      ProcessingJobName: name,
      ProcessingJobArn: arn('processing-job', name),
      ProcessingJobStatus: 'Completed',
      CreationTime: t('2026-10-20T09:14:02.511Z'),
      ProcessingStartTime: t('2026-10-20T09:17:40.003Z'),
      ProcessingEndTime: t('2026-10-20T09:31:12.870Z'),
      LastModifiedTime: t('2026-10-20T09:31:13.101Z'),
      RoleArn: ROLE,
      AppSpecification: { ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3', ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'] },
      ProcessingInputs: [
        { InputName: 'input-1', AppManaged: false, S3Input: { S3Uri: 's3://churn-raw/2026-10/', LocalPath: '/opt/ml/processing/input', S3DataType: 'S3Prefix', S3InputMode: 'File', S3DataDistributionType: 'FullyReplicated', S3CompressionType: 'None' } },
        { InputName: 'code', AppManaged: false, S3Input: { S3Uri: `s3://sagemaker-us-east-1-${ACCOUNT}/${name}/input/code/preprocess.py`, LocalPath: '/opt/ml/processing/input/code', S3DataType: 'S3Prefix', S3InputMode: 'File', S3DataDistributionType: 'FullyReplicated', S3CompressionType: 'None' } },
      ],
      ProcessingResources: { ClusterConfig: { VolumeSizeInGB: 30, ...cluster } },
      StoppingCondition: { MaxRuntimeInSeconds: 86400 },
      ...extra,
    });
    const outputs = (key?: string) => ({ ProcessingOutputConfig: { Outputs: [{ OutputName: 'train', AppManaged: false, S3Output: { S3Uri: 's3://churn-features/train', LocalPath: '/opt/ml/processing/train', S3UploadMode: 'EndOfJob' } }], ...(key ? { KmsKeyId: key } : {}) } });
    const jobs = [
      job('churn-preprocess', { InstanceCount: 2, InstanceType: 'ml.m5.xlarge', VolumeKmsKeyId: KEY }, { ...outputs(KEY), NetworkConfig: { EnableInterContainerTrafficEncryption: true, EnableNetworkIsolation: true } }),
      job('spark-features', { InstanceCount: 3, InstanceType: 'ml.m5.2xlarge' }, outputs()),
      job('gpu-embed', { InstanceCount: 1, InstanceType: 'ml.g5.2xlarge' }, { ...outputs(KEY), NetworkConfig: { EnableNetworkIsolation: false } }),
    ];
    const stub = await startSageMakerStub({
      ListProcessingJobs: () => ({ ProcessingJobSummaries: jobs.map((j) => ({ ProcessingJobName: j.ProcessingJobName, ProcessingJobArn: j.ProcessingJobArn, CreationTime: j.CreationTime, ProcessingEndTime: j.ProcessingEndTime, LastModifiedTime: j.LastModifiedTime, ProcessingJobStatus: 'Completed' })) }),
      DescribeProcessingJob: (input) => jobs.find((j) => j.ProcessingJobName === input.ProcessingJobName) ?? { error: 'ValidationException', message: 'Could not find requested job' },
      ListTags: () => ({ Tags: [] }),
    });
    try {
      const part = await runCollectorAgainst(stub, createSageMakerCollector({ now: () => new Date('2026-11-01T00:00:00Z') }));
      expect(part.log.failures()).toEqual([]);
      // Only jobs of the last 90 days are asked for.
      expect(stub.calls.find((c) => c.operation === 'ListProcessingJobs')?.input.CreationTimeAfter).toBe(t('2026-08-03T00:00:00Z'));
      const preprocess = findCollected(part, T.processingJob, 'churn-preprocess');
      expect(preprocess).toMatchObject({ arn: arn('processing-job', 'churn-preprocess'), name: 'churn-preprocess', tags: {} });
      expect(preprocess.configuration).toMatchObject({ ProcessingResources: { ClusterConfig: { InstanceCount: 2, InstanceType: 'ml.m5.xlarge', VolumeKmsKeyId: KEY } }, CreationTime: '2026-10-20T09:14:02.511Z' });

      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), inventory.coverage);
      const status = (control: string, id: string) => findings.find((f) => f.controlId === control && f.resource.id === id)?.status;
      expect(['churn-preprocess', 'spark-features', 'gpu-embed'].map((id) => [status('CAFAI-IP-32', id), status('CAFAI-IP-33', id), status('CAFAI-DP-31', id)])).toEqual([
        ['pass', 'pass', 'pass'],
        ['fail', 'fail', 'fail'],
        // One instance: nothing between instances to encrypt (no finding); local NVMe: no volume key needed.
        ['fail', undefined, 'pass'],
      ]);
    } finally {
      await stub.stop();
    }
  });

  it('feature groups (recorded real-shaped ListFeatureGroups/DescribeFeatureGroup; moto lacks ListFeatureGroups): stores as configuration, verdicts of DP-50/DP-51', async () => {
    const groups = [CUSTOMERS_GROUP, CLICKS_GROUP];
    const stub = await startSageMakerStub({
      // Two pages, as AWS pages them.
      ListFeatureGroups: (input) =>
        input.NextToken === 'page-2' ? { FeatureGroupSummaries: [featureGroupSummaryOf(CLICKS_GROUP)] } : { FeatureGroupSummaries: [featureGroupSummaryOf(CUSTOMERS_GROUP)], NextToken: 'page-2' },
      DescribeFeatureGroup: (input) => groups.find((g) => g.FeatureGroupName === input.FeatureGroupName) ?? { error: 'ResourceNotFound', message: 'not found' },
      ListTags: () => ({ Tags: [{ Key: 'owner', Value: 'ml-platform' }] }),
    });
    try {
      const part = await runCollectorAgainst(stub, createSageMakerCollector({ pageSize: 1 }));
      expect(stub.calls.filter((c) => c.operation === 'ListFeatureGroups').map((c) => c.input.NextToken ?? null)).toEqual([null, 'page-2']);
      expect(part.log.failures()).toEqual([]);
      expect(part.coverage.find((c) => c.resourceType === T.featureGroup)?.status).toBe('complete');

      const customers = findCollected(part, T.featureGroup, 'customers');
      expect(customers).toMatchObject({ arn: CUSTOMERS_GROUP.FeatureGroupArn, name: 'customers', tags: { owner: 'ml-platform' } });
      const { NextToken: _paging, ...described } = CUSTOMERS_GROUP;
      expect(customers.configuration).toEqual({ ...described, CreationTime: '2026-06-02T09:30:11.000Z' });
      expect(customers.configuration).not.toHaveProperty('NextToken');

      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), inventory.coverage);
      const status = (control: string, group: string) => findings.find((f) => f.controlId === control && f.resource.id === group)?.status;
      expect([status('CAFAI-DP-50', 'customers'), status('CAFAI-DP-51', 'customers')]).toEqual(['pass', 'pass']);
      expect([status('CAFAI-DP-50', 'clicks'), status('CAFAI-DP-51', 'clicks')]).toEqual(['fail', 'fail']);
    } finally {
      await stub.stop();
    }
  });

  it('inference experiments (recorded real-shaped List/DescribeInferenceExperiment; moto lacks them): ARN built for tags, endpoint as relationship, verdicts of DP-53/DP-54', async () => {
    const stub = await startSageMakerStub({
      ListInferenceExperiments: () => ({ InferenceExperiments: [experimentSummaryOf(SHADOW_KEYED), experimentSummaryOf(SHADOW_PLAIN)] }),
      DescribeInferenceExperiment: (input) =>
        input.Name === SHADOW_KEYED.Name ? SHADOW_KEYED : { error: 'AccessDeniedException', message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/scanner/s is not authorized to perform: sagemaker:DescribeInferenceExperiment` },
      ListTags: (input) => (input.ResourceArn === arn('inference-experiment', 'churn-shadow-keyed') ? { Tags: [{ Key: 'owner', Value: 'ml-platform' }] } : { Tags: [] }),
    });
    try {
      const part = await runCollectorAgainst(stub, sagemakerCollector);
      expect(part.coverage.find((c) => c.resourceType === T.inferenceExperiment)?.status).toBe('complete');
      const keyed = findCollected(part, T.inferenceExperiment, 'churn-shadow-keyed');
      expect(keyed).toMatchObject({ arn: SHADOW_KEYED.Arn, tags: { owner: 'ml-platform' }, relationships: [{ name: 'Is associated with Endpoint', resourceType: T.endpoint, resourceId: 'churn', resourceName: 'churn' }] });
      expect(keyed.configuration).toMatchObject({ KmsKey: KEY, DataStorageConfig: SHADOW_KEYED.DataStorageConfig, ModelVariants: SHADOW_KEYED.ModelVariants });
      // Describe denied: the listed summary, the ARN SageMaker gives experiments, and why.
      const plain = findCollected(part, T.inferenceExperiment, 'churn-shadow-plain');
      expect(plain.arn).toBe(arn('inference-experiment', 'churn-shadow-plain'));
      expect(plain.collectionErrors).toEqual({ configuration: 'sagemaker:DescribeInferenceExperiment was denied (AccessDeniedException)' });
      expect(stub.calls.filter((c) => c.operation === 'ListTags').map((c) => c.input.ResourceArn)).toContain(arn('inference-experiment', 'churn-shadow-plain'));

      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), inventory.coverage);
      const status = (control: string, name: string) => findings.find((f) => f.controlId === control && f.resource.id === name)?.status;
      expect([status('CAFAI-DP-53', 'churn-shadow-keyed'), status('CAFAI-DP-54', 'churn-shadow-keyed')]).toEqual(['pass', 'pass']);
      // Unknown, never passed, when the experiment could not be described.
      expect([status('CAFAI-DP-53', 'churn-shadow-plain'), status('CAFAI-DP-54', 'churn-shadow-plain')]).toEqual(['not_evaluated', 'not_evaluated']);
    } finally {
      await stub.stop();
    }
  });

  it('keeps partial answers visible: failed Describe, failed ListTags, failed List', async () => {
    const notebook = (name: string) => ({ NotebookInstanceName: name, NotebookInstanceArn: arn('notebook-instance', name), NotebookInstanceStatus: 'InService', InstanceType: 'ml.t3.medium', CreationTime: t('2026-01-01T00:00:00Z'), LastModifiedTime: t('2026-01-02T00:00:00Z') });
    const denied = (action: string) => ({ error: 'AccessDeniedException', message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/scanner/s is not authorized to perform: ${action}` });
    const stub = await startSageMakerStub({
      ListNotebookInstances: () => ({ NotebookInstances: [notebook('readable'), notebook('secret')] }),
      DescribeNotebookInstance: (input) =>
        input.NotebookInstanceName === 'secret' ? denied('sagemaker:DescribeNotebookInstance') : { ...notebook('readable'), DirectInternetAccess: 'Disabled', RootAccess: 'Disabled', KmsKeyId: KEY, SubnetId: 'subnet-1', PlatformIdentifier: 'notebook-al2023-v1' },
      ListTags: (input) => (input.ResourceArn === arn('notebook-instance', 'readable') ? denied('sagemaker:ListTags') : { Tags: [{ Key: 'owner', Value: 'x' }] }),
      ListDomains: () => denied('sagemaker:ListDomains'),
    });
    try {
      const part = await runCollectorAgainst(stub, sagemakerCollector);
      const secret = findCollected(part, T.notebookInstance, 'secret');
      // What ListNotebookInstances gave, and why the rest is missing.
      expect(secret.configuration).toEqual({ ...notebook('secret'), CreationTime: '2026-01-01T00:00:00.000Z', LastModifiedTime: '2026-01-02T00:00:00.000Z' });
      expect(secret.tags).toEqual({ owner: 'x' });
      expect(secret.collectionErrors).toEqual({ configuration: 'sagemaker:DescribeNotebookInstance was denied (AccessDeniedException)' });

      const readable = findCollected(part, T.notebookInstance, 'readable');
      expect(readable.configuration).toMatchObject({ DirectInternetAccess: 'Disabled', PlatformIdentifier: 'notebook-al2023-v1' });
      expect(readable.tags).toBeNull(); // unknown, not "no tags"
      expect(readable.collectionErrors).toEqual({ Tags: 'sagemaker:ListTags was denied (AccessDeniedException)' });

      expect(part.coverage.find((c) => c.resourceType === T.domain)).toEqual({ accountId: ACCOUNT, region: 'us-east-1', resourceType: T.domain, status: 'failed', reason: 'sagemaker:ListDomains was denied (AccessDeniedException)' });
      expect(part.coverage.find((c) => c.resourceType === T.notebookInstance)?.status).toBe('complete');

      // Unknown tags are not_evaluated for the owner-tag control, with the failed call as the reason.
      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), inventory.coverage);
      const ownerTag = findings.find((f) => f.controlId === 'CAFAI-SG-01' && f.resource.id === 'readable');
      expect(ownerTag).toMatchObject({ status: 'not_evaluated', reason: expect.stringContaining('sagemaker:ListTags was denied') });
    } finally {
      await stub.stop();
    }
  });

  it('maps a DescribeMonitoringSchedule output (as the SDK returns it) to an inventory draft', () => {
    const output: DescribeMonitoringScheduleCommandOutput = {
      $metadata: { httpStatusCode: 200, requestId: '5c0e9d5c-7b8e-4d1f-9a3e-1f2b3c4d5e6f' },
      MonitoringScheduleArn: DATA_QUALITY_SCHEDULE.MonitoringScheduleArn,
      MonitoringScheduleName: 'churn-data-quality',
      MonitoringScheduleStatus: 'Scheduled',
      MonitoringType: 'DataQuality',
      CreationTime: new Date('2026-09-14T08:12:31.412Z'),
      LastModifiedTime: new Date('2026-10-05T07:00:02.118Z'),
      MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinitionName: 'churn-data-quality-job', MonitoringType: 'DataQuality' },
      EndpointName: 'churn',
    };
    const draft = monitoringScheduleDraft({ MonitoringScheduleName: 'churn-data-quality', MonitoringScheduleArn: output.MonitoringScheduleArn, CreationTime: output.CreationTime, LastModifiedTime: output.LastModifiedTime, MonitoringScheduleStatus: 'Scheduled' }, output);
    expect(draft).toEqual({
      type: T.monitoringSchedule,
      id: 'churn-data-quality',
      name: 'churn-data-quality',
      arn: DATA_QUALITY_SCHEDULE.MonitoringScheduleArn,
      configuration: {
        MonitoringScheduleArn: DATA_QUALITY_SCHEDULE.MonitoringScheduleArn,
        MonitoringScheduleName: 'churn-data-quality',
        MonitoringScheduleStatus: 'Scheduled',
        MonitoringType: 'DataQuality',
        CreationTime: '2026-09-14T08:12:31.412Z',
        LastModifiedTime: '2026-10-05T07:00:02.118Z',
        MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinitionName: 'churn-data-quality-job', MonitoringType: 'DataQuality' },
        EndpointName: 'churn',
      },
      relationships: [{ name: 'Is associated with Endpoint', resourceType: T.endpoint, resourceId: 'churn', resourceName: 'churn' }],
    });
  });
});
