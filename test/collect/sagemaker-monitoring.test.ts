import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  CreateDataQualityJobDefinitionCommand,
  CreateModelBiasJobDefinitionCommand,
  CreateModelExplainabilityJobDefinitionCommand,
  CreateModelQualityJobDefinitionCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadAction } from '../../src/collect/read-only.js';
import { ALL_COLLECTORS, collectorOperations } from '../../src/collect/registry.js';
import {
  createSageMakerMonitoringCollector,
  MONITORING_DEFINITION_TYPES as T,
  monitoringJobDefinitionDraft,
  sagemakerMonitoringCollector,
} from '../../src/collect/services/sagemaker-monitoring.js';
import { SAGEMAKER_TYPES } from '../../src/collect/services/sagemaker.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { normalizeConfigItem } from '../../src/inventory/normalize-config-item.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/cli.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';
import { findCollected, runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/monitor-exec`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90`;
const IMAGE = '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer';
const arn = (kind: string, name: string) => `arn:aws:sagemaker:us-east-1:${ACCOUNT}:${kind}/${name}`;

type Part = Awaited<ReturnType<typeof runCollectorAgainst>>;

const cluster = (count: number, key?: string) => ({ ClusterConfig: { InstanceCount: count, InstanceType: 'ml.m5.xlarge' as const, VolumeSizeInGB: 20, ...(key ? { VolumeKmsKeyId: key } : {}) } });
const output = (key?: string) => ({ MonitoringOutputs: [{ S3Output: { S3Uri: 's3://ml-monitoring/reports', LocalPath: '/opt/ml/processing/output' } }], ...(key ? { KmsKeyId: key } : {}) });
const endpointInput = { EndpointInput: { EndpointName: 'churn-prod', LocalPath: '/opt/ml/processing/input' } };
const hardened = { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true };

describe('SageMaker monitoring job definitions collector against moto', () => {
  let moto: Moto;
  let part: Part;

  beforeAll(async () => {
    moto = await startMoto();
    const sm = new SageMakerClient(moto.clientConfig());
    // moto's ListTags fails on an explainability definition created without tags: every one gets a tag.
    const Tags = [{ Key: 'owner', Value: 'ml-platform' }];
    // Data quality: a hardened one on two instances, an open one, and one more so a page size of 2 needs 2 pages.
    await sm.send(new CreateDataQualityJobDefinitionCommand({ JobDefinitionName: 'dq-hardened', RoleArn: ROLE, DataQualityAppSpecification: { ImageUri: IMAGE }, DataQualityJobInput: endpointInput, DataQualityJobOutputConfig: output(KEY), JobResources: cluster(2, KEY), NetworkConfig: hardened, Tags }));
    await sm.send(new CreateDataQualityJobDefinitionCommand({ JobDefinitionName: 'dq-open', RoleArn: ROLE, DataQualityAppSpecification: { ImageUri: IMAGE }, DataQualityJobInput: endpointInput, DataQualityJobOutputConfig: output(), JobResources: cluster(2), Tags }));
    await sm.send(new CreateDataQualityJobDefinitionCommand({ JobDefinitionName: 'dq-extra', RoleArn: ROLE, DataQualityAppSpecification: { ImageUri: IMAGE }, DataQualityJobInput: endpointInput, DataQualityJobOutputConfig: output(), JobResources: cluster(1), Tags }));
    await sm.send(new CreateModelQualityJobDefinitionCommand({ JobDefinitionName: 'mq-open', RoleArn: ROLE, ModelQualityAppSpecification: { ImageUri: IMAGE, ProblemType: 'BinaryClassification' }, ModelQualityJobInput: { ...endpointInput, GroundTruthS3Input: { S3Uri: 's3://ml-labels/churn' } }, ModelQualityJobOutputConfig: output(), JobResources: cluster(3), Tags }));
    await sm.send(new CreateModelBiasJobDefinitionCommand({ JobDefinitionName: 'bias-hardened', RoleArn: ROLE, ModelBiasAppSpecification: { ImageUri: IMAGE, ConfigUri: 's3://ml-monitoring/bias/analysis_config.json' }, ModelBiasJobInput: { ...endpointInput, GroundTruthS3Input: { S3Uri: 's3://ml-labels/churn' } }, ModelBiasJobOutputConfig: output(KEY), JobResources: cluster(2, KEY), NetworkConfig: hardened, Tags }));
    await sm.send(new CreateModelExplainabilityJobDefinitionCommand({ JobDefinitionName: 'explain-open', RoleArn: ROLE, ModelExplainabilityAppSpecification: { ImageUri: IMAGE, ConfigUri: 's3://ml-monitoring/shap/analysis_config.json' }, ModelExplainabilityJobInput: endpointInput, ModelExplainabilityJobOutputConfig: output(), JobResources: cluster(2), NetworkConfig: { EnableNetworkIsolation: false }, Tags }));
    part = await runCollectorAgainst(moto, createSageMakerMonitoringCollector({ pageSize: 2 }));
  }, 120_000);
  afterAll(async () => moto?.stop());

  it('emits each definition with the Describe output as configuration and the monitored endpoint as a relationship', () => {
    const dq = findCollected(part, T.dataQuality, 'dq-hardened');
    expect(dq).toMatchObject({ arn: arn('data-quality-job-definition', 'dq-hardened'), name: 'dq-hardened', region: 'us-east-1', accountId: ACCOUNT, tags: { owner: 'ml-platform' } });
    expect(dq.configuration).toMatchObject({ JobDefinitionName: 'dq-hardened', NetworkConfig: hardened, JobResources: cluster(2, KEY), DataQualityJobOutputConfig: output(KEY), RoleArn: ROLE });
    expect(typeof dq.configuration.CreationTime).toBe('string');
    expect(dq.relationships).toEqual([{ name: 'Is associated with Endpoint', resourceType: SAGEMAKER_TYPES.endpoint, resourceId: 'churn-prod', resourceName: 'churn-prod' }]);
    expect(findCollected(part, T.modelQuality, 'mq-open').configuration).toMatchObject({ ModelQualityJobInput: { GroundTruthS3Input: { S3Uri: 's3://ml-labels/churn' } }, JobResources: cluster(3) });
    expect(findCollected(part, T.modelBias, 'bias-hardened').configuration).toMatchObject({ NetworkConfig: hardened, ModelBiasJobOutputConfig: output(KEY) });
    expect(findCollected(part, T.modelExplainability, 'explain-open').configuration).toMatchObject({ NetworkConfig: { EnableNetworkIsolation: false } });
    expect(part.resources.filter((r) => r.type === T.dataQuality).map((r) => r.id).sort()).toEqual(['dq-extra', 'dq-hardened', 'dq-open']);
    expect(part.resources.every((r) => r.collectionErrors === undefined)).toBe(true);
  });

  it('reports every type completely collected, and only declares and sends read operations', () => {
    expect(Object.fromEntries(part.coverage.map((c) => [c.resourceType, c.status]))).toEqual(Object.fromEntries(Object.values(T).map((t) => [t, 'complete'])));
    expect(sagemakerMonitoringCollector.operations.filter((op) => !isReadAction(op))).toEqual([]);
    const sent = new Set(part.log.records.map((r) => r.action));
    expect([...sent].filter((op) => !sagemakerMonitoringCollector.operations.includes(op))).toEqual([]);
    expect(sent.has('sagemaker:ListDataQualityJobDefinitions')).toBe(true);
    // In the live scan and in `cafscan iam-policy`.
    expect(ALL_COLLECTORS).toContain(sagemakerMonitoringCollector);
    expect(collectorOperations(ALL_COLLECTORS)).toEqual(expect.arrayContaining(sagemakerMonitoringCollector.operations));
  });

  it('gives the controls what they read: the open definitions fail, the hardened ones pass', async () => {
    const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), inventory.coverage);
    const status = (control: string, id: string) => findings.find((f) => f.controlId === control && f.resource.id === id)?.status;
    expect(status('CAFAI-IP-40', 'dq-hardened')).toBe('pass');
    expect(status('CAFAI-IP-40', 'dq-open')).toBe('fail');
    expect(status('CAFAI-IP-45', 'dq-hardened')).toBe('pass');
    expect(status('CAFAI-IP-45', 'dq-open')).toBe('fail');
    expect(status('CAFAI-IP-45', 'dq-extra')).toBeUndefined(); // one instance: nothing travels between instances
    expect(status('CAFAI-IP-41', 'mq-open')).toBe('fail');
    expect(status('CAFAI-IP-46', 'mq-open')).toBe('fail');
    expect(status('CAFAI-IP-42', 'bias-hardened')).toBe('pass');
    expect(status('CAFAI-IP-47', 'bias-hardened')).toBe('pass');
    expect(status('CAFAI-IP-43', 'explain-open')).toBe('fail');
    expect(status('CAFAI-IP-48', 'explain-open')).toBe('fail');
  });
});

type StubAnswer = Record<string, unknown> & { error?: string; message?: string };

/** A SageMaker JSON-protocol endpoint answering from recorded responses. */
async function startStub(handlers: Record<string, (input: Record<string, unknown>) => StubAnswer>): Promise<Moto> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const handler = handlers[operation];
      const answer: StubAnswer = handler ? handler(body ? (JSON.parse(body) as Record<string, unknown>) : {}) : operation.startsWith('List') ? {} : { error: 'UnknownOperationException', message: `stub has no ${operation}` };
      const isError = typeof answer.error === 'string';
      res.writeHead(isError ? 400 : 200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(isError ? { __type: answer.error, message: answer.message } : answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { endpoint, clientConfig: (region = 'us-east-1') => ({ region, endpoint, credentials: TEST_CREDENTIALS }), reset: async () => {}, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Epoch seconds, as timestamps travel in SageMaker's JSON protocol. */
const t = (iso: string) => Date.parse(iso) / 1000;

describe('SageMaker monitoring job definitions collector against recorded responses (failures)', () => {
  it('keeps partial answers visible: a denied Describe leaves the summary and the reason; a denied List fails its type only (recorded real-shaped responses)', async () => {
    const denied = (action: string) => ({ error: 'AccessDeniedException', message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/scanner/s is not authorized to perform: ${action}` });
    // The ListDataQualityJobDefinitions summary as AWS returns it (identifiers replaced).
    const summary = { MonitoringJobDefinitionName: 'churn-dq', MonitoringJobDefinitionArn: arn('data-quality-job-definition', 'churn-dq'), CreationTime: t('2026-09-14T08:12:31.412Z'), EndpointName: 'churn-prod' };
    const stub = await startStub({
      ListDataQualityJobDefinitions: () => ({ JobDefinitionSummaries: [summary] }),
      DescribeDataQualityJobDefinition: () => denied('sagemaker:DescribeDataQualityJobDefinition'),
      ListTags: () => ({ Tags: [] }),
      ListModelBiasJobDefinitions: () => denied('sagemaker:ListModelBiasJobDefinitions'),
    });
    try {
      const got = await runCollectorAgainst(stub, sagemakerMonitoringCollector);
      const dq = findCollected(got, T.dataQuality, 'churn-dq');
      expect(dq.configuration).toEqual({ ...summary, CreationTime: '2026-09-14T08:12:31.412Z' });
      expect(dq.collectionErrors).toEqual({ configuration: 'sagemaker:DescribeDataQualityJobDefinition was denied (AccessDeniedException)' });
      expect(dq.relationships).toEqual([{ name: 'Is associated with Endpoint', resourceType: SAGEMAKER_TYPES.endpoint, resourceId: 'churn-prod', resourceName: 'churn-prod' }]);
      const coverage = Object.fromEntries(got.coverage.map((c) => [c.resourceType, c]));
      expect(coverage[T.modelBias]).toMatchObject({ status: 'failed', reason: 'sagemaker:ListModelBiasJobDefinitions was denied (AccessDeniedException)' });
      expect([T.dataQuality, T.modelQuality, T.modelExplainability].map((type) => coverage[type]?.status)).toEqual(['complete', 'complete', 'complete']);

      // Unreadable configuration: not evaluated, never a pass.
      const inventory = buildInventory([{ source: 'live', resources: got.resources, coverage: got.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z') }), inventory.coverage);
      expect(findings.find((f) => f.controlId === 'CAFAI-IP-40' && f.resource.id === 'churn-dq')?.status).toBe('not_evaluated');
    } finally {
      await stub.stop();
    }
  });

  it('maps a DescribeModelBiasJobDefinition output (recorded real-shaped response, as the SDK returns it) to an inventory draft', () => {
    const described = {
      $metadata: { httpStatusCode: 200, requestId: '5c0e9d5c-7b8e-4d1f-9a3e-1f2b3c4d5e6f' },
      JobDefinitionArn: arn('model-bias-job-definition', 'churn-bias'),
      JobDefinitionName: 'churn-bias',
      CreationTime: new Date('2026-09-14T08:12:31.412Z'),
      ModelBiasAppSpecification: { ImageUri: IMAGE, ConfigUri: 's3://ml-monitoring/bias/analysis_config.json' },
      ModelBiasJobInput: { BatchTransformInput: { DataCapturedDestinationS3Uri: 's3://ml-capture/batch', DatasetFormat: { Csv: { Header: true } }, LocalPath: '/opt/ml/processing/input' }, GroundTruthS3Input: { S3Uri: 's3://ml-labels/churn' } },
      ModelBiasJobOutputConfig: output(KEY),
      JobResources: cluster(1),
      RoleArn: ROLE,
      StoppingCondition: { MaxRuntimeInSeconds: 1800 },
    };
    const draft = monitoringJobDefinitionDraft(T.modelBias, { MonitoringJobDefinitionName: 'churn-bias', MonitoringJobDefinitionArn: described.JobDefinitionArn, CreationTime: described.CreationTime, EndpointName: undefined }, described);
    expect(draft).toMatchObject({ type: T.modelBias, id: 'churn-bias', name: 'churn-bias', arn: described.JobDefinitionArn, relationships: [] });
    expect(draft.configuration).not.toHaveProperty('$metadata');
    expect(draft.configuration.CreationTime).toBe('2026-09-14T08:12:31.412Z');
    expect(draft.configuration.ModelBiasJobInput).toEqual(described.ModelBiasJobInput);
  });

  it('gives an AWS Config item of a job definition the shape the live collector gives (the demo snapshot\'s items)', () => {
    const snapshot = JSON.parse(readFileSync(join(repoRoot, 'fixtures/demo/config-snapshot.json'), 'utf8')) as { configurationItems: Array<{ resourceType: string; configuration: Record<string, unknown> }> };
    const items = snapshot.configurationItems.filter((i) => (Object.values(T) as string[]).includes(i.resourceType));
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      const fromConfig = normalizeConfigItem(item as never, 'demo')!;
      const type = item.resourceType as (typeof T)[keyof typeof T];
      // The Describe output the collector would have read: the same keys, with $metadata.
      const live = monitoringJobDefinitionDraft(type, { MonitoringJobDefinitionName: undefined, MonitoringJobDefinitionArn: undefined, CreationTime: undefined, EndpointName: undefined }, { $metadata: {}, ...item.configuration });
      expect(live.configuration).toEqual(fromConfig.configuration);
      expect([live.name, live.arn]).toEqual([fromConfig.name, fromConfig.arn]);
      expect(live.relationships).toEqual(fromConfig.relationships);
    }
  });
});
