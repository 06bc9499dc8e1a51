import { BedrockClient, CreateModelCustomizationJobCommand } from '@aws-sdk/client-bedrock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bedrockBuildsCollector, createBedrockBuildsCollector, flowResource, promptResource } from '../../src/collect/services/bedrock-builds.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { CollectedPart } from '../../src/collect/collector.js';
import { rfc3339Proxy, type WireProxy } from '../helpers/bedrock-wire.js';
import { endpointOnly, fakeAws } from '../helpers/fake-aws.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/bedrock-customization`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TYPES = ['AWS::Bedrock::Flow', 'AWS::Bedrock::ImportedModel', 'AWS::Bedrock::ModelCustomizationJob', 'AWS::Bedrock::Prompt'];

async function statuses(part: CollectedPart): Promise<(controlId: string, arn: string) => string | undefined> {
  const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
  const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
  return (controlId, arn) => findings.find((f) => f.controlId === controlId && f.resource.arn === arn)?.status;
}

describe('Bedrock customization jobs against moto', () => {
  let moto: Moto;
  let proxy: WireProxy;
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await rfc3339Proxy(moto);
    const bedrock = new BedrockClient(proxy.clientConfig());
    const job = (jobName: string, extra: object) =>
      bedrock.send(
        new CreateModelCustomizationJobCommand({
          jobName,
          customModelName: `${jobName}-model`,
          roleArn: ROLE,
          baseModelIdentifier: 'amazon.titan-text-express-v1',
          trainingDataConfig: { s3Uri: 's3://fraud-training/train.jsonl' },
          outputDataConfig: { s3Uri: 's3://fraud-training/output/' },
          hyperParameters: { epochCount: '2' },
          ...extra,
        }),
      );
    await job('fraud-ft-vpc', { customModelKmsKeyId: KEY, vpcConfig: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] }, jobTags: [{ key: 'team', value: 'fraud' }] });
    await job('fraud-ft-open', {});
  });
  afterAll(async () => {
    await proxy?.close();
    await moto?.stop();
  });

  it('emits each job of the window with GetModelCustomizationJob output and tags; the other types fail with the reason (moto lacks them)', async () => {
    const part = await runCollectorAgainst(proxy.asMoto(), bedrockBuildsCollector);
    const jobs = part.resources.filter((r) => r.type === 'AWS::Bedrock::ModelCustomizationJob');
    expect(jobs.map((j) => j.name).sort()).toEqual(['fraud-ft-open', 'fraud-ft-vpc']);
    const vpc = jobs.find((j) => j.name === 'fraud-ft-vpc');
    expect(vpc).toMatchObject({
      arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-customization-job/fraud-ft-vpc`,
      id: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-customization-job/fraud-ft-vpc`,
      region: 'us-east-1',
      tags: { team: 'fraud' },
      configuration: {
        jobName: 'fraud-ft-vpc',
        roleArn: ROLE,
        vpcConfig: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] },
        trainingDataConfig: { s3Uri: 's3://fraud-training/train.jsonl' },
        outputDataConfig: { s3Uri: 's3://fraud-training/output/' },
        creationTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect(vpc?.collectionErrors).toBeUndefined();
    expect(jobs.find((j) => j.name === 'fraud-ft-open')?.configuration.vpcConfig).toBeUndefined();

    const coverage = Object.fromEntries(part.coverage.map((c) => [c.resourceType, c]));
    expect(Object.keys(coverage).sort()).toEqual(TYPES);
    expect(coverage['AWS::Bedrock::ModelCustomizationJob']?.status).toBe('complete');
    for (const type of ['AWS::Bedrock::ImportedModel', 'AWS::Bedrock::Prompt', 'AWS::Bedrock::Flow']) {
      expect(coverage[type]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/bedrock:List(ImportedModels|Prompts|Flows)/) });
    }
    for (const record of part.log.records) expect(bedrockBuildsCollector.operations).toContain(record.action);

    const status = await statuses(part);
    expect(status('CAFAI-IP-72', `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-customization-job/fraud-ft-vpc`)).toBe('pass');
    expect(status('CAFAI-IP-72', `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-customization-job/fraud-ft-open`)).toBe('fail');
  });

  it('lists only jobs created in the last 90 days (creationTimeAfter)', async () => {
    const later = createBedrockBuildsCollector({ now: () => new Date(Date.now() + 200 * 24 * 3600 * 1000) });
    const part = await runCollectorAgainst(proxy.asMoto(), later);
    expect(part.resources.filter((r) => r.type === 'AWS::Bedrock::ModelCustomizationJob')).toEqual([]);
    expect(part.coverage.find((c) => c.resourceType === 'AWS::Bedrock::ModelCustomizationJob')?.status).toBe('complete');
  });

  it('a denied GetModelCustomizationJob keeps the summary and says why; the job is then not evaluated', async () => {
    proxy.faults = [{ method: 'GET', path: /^\/model-customization-jobs\/fraud-ft-open$/, status: 403, type: 'AccessDeniedException', message: 'not authorized to perform: bedrock:GetModelCustomizationJob' }];
    try {
      const part = await runCollectorAgainst(proxy.asMoto(), bedrockBuildsCollector);
      const open = part.resources.find((r) => r.name === 'fraud-ft-open');
      expect(open?.collectionErrors).toEqual({ configuration: 'bedrock:GetModelCustomizationJob was denied (AccessDeniedException)' });
      expect(open?.configuration).toMatchObject({ jobName: 'fraud-ft-open', jobArn: open?.arn });
      const status = await statuses(part);
      expect(status('CAFAI-IP-72', open?.arn ?? '')).toBe('not_evaluated');
    } finally {
      proxy.faults = [];
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Imported models, prompts and flows: moto 5.2 implements none of their calls. These responses
// are shaped like the real API's (field names as in the Bedrock API reference pages
// GetImportedModel, GetPrompt, GetFlow and their List calls, and the SDK's models), served over
// HTTP so the real SDK deserializes them.

const IMPORTED_ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:imported-model/k2j4h6g8f0d1`;
const PROMPT_ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:prompt/PRMT12345A`;
const FLOW_ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/FLOW12345A`;

const RECORDED_GET_IMPORTED_MODEL = {
  modelArn: IMPORTED_ARN,
  modelName: 'fraud-llama-import',
  jobName: 'fraud-llama-import-job',
  jobArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-import-job/q1w2e3r4t5y6`,
  modelDataSource: { s3DataSource: { s3Uri: 's3://fraud-models/llama-3-8b-ft/' } },
  creationTime: '2025-09-02T10:11:12.000Z',
  modelArchitecture: 'llama3',
  instructSupported: true,
  customModelUnits: { customModelUnitsPerModelCopy: 1, customModelUnitsVersion: '1.0' },
};

const RECORDED_GET_PROMPT = {
  name: 'fraud-case-summary',
  description: 'Summarises a fraud case for an analyst',
  customerEncryptionKeyArn: KEY,
  defaultVariant: 'v1',
  variants: [
    {
      name: 'v1',
      templateType: 'TEXT',
      templateConfiguration: { text: { text: 'Summarise case {{case}} without card numbers.', inputVariables: [{ name: 'case' }] } },
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      inferenceConfiguration: { text: { temperature: 0.2, maxTokens: 512 } },
    },
  ],
  id: 'PRMT12345A',
  arn: PROMPT_ARN,
  version: 'DRAFT',
  createdAt: '2025-09-03T08:00:00.000Z',
  updatedAt: '2025-09-04T08:00:00.000Z',
};

const RECORDED_GET_FLOW = {
  name: 'fraud-triage-flow',
  description: 'Routes fraud tickets',
  executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBedrockExecutionRoleForFlows_triage`,
  id: 'FLOW12345A',
  arn: FLOW_ARN,
  status: 'Prepared',
  createdAt: '2025-09-05T08:00:00.000Z',
  updatedAt: '2025-09-05T09:00:00.000Z',
  version: 'DRAFT',
  definition: {
    nodes: [
      { name: 'FlowInputNode', type: 'Input', outputs: [{ name: 'document', type: 'String' }] },
      { name: 'FlowOutputNode', type: 'Output', inputs: [{ name: 'document', type: 'String', expression: '$.data' }] },
    ],
    connections: [{ name: 'in_out', source: 'FlowInputNode', target: 'FlowOutputNode', type: 'Data', configuration: { data: { sourceOutput: 'document', targetInput: 'document' } } }],
  },
};

describe('Bedrock imported models, prompts and flows (recorded real-shaped responses; moto lacks them)', () => {
  it('collects each with its Get output and tags across pages; a denied Get keeps the summary with the reason; the controls judge them', async () => {
    const server = await fakeAws((req, path, query) => {
      if (req.method === 'GET' && path === '/model-customization-jobs') return { body: { modelCustomizationJobSummaries: [] } };
      if (req.method === 'GET' && path === '/imported-models') {
        return { body: { modelSummaries: [{ modelArn: IMPORTED_ARN, modelName: 'fraud-llama-import', creationTime: '2025-09-02T10:11:12.000Z', modelArchitecture: 'llama3', instructSupported: true }] } };
      }
      if (req.method === 'GET' && path === `/imported-models/${encodeURIComponent(IMPORTED_ARN)}`) return { body: RECORDED_GET_IMPORTED_MODEL };
      if (req.method === 'POST' && path === '/listTagsForResource') return { body: { tags: [{ key: 'team', value: 'fraud' }] } };
      if (req.method === 'GET' && path === '/prompts/') {
        const summary = (id: string, name: string) => ({ id, name, arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:prompt/${id}`, version: 'DRAFT', createdAt: '2025-09-03T08:00:00.000Z', updatedAt: '2025-09-04T08:00:00.000Z' });
        if (!query.get('nextToken')) return { body: { promptSummaries: [summary('PRMT12345A', 'fraud-case-summary')], nextToken: 'p2' } };
        return { body: { promptSummaries: [summary('PRMTDENIED', 'locked'), summary('PRMTGONE00', 'deleted-meanwhile')] } };
      }
      if (req.method === 'GET' && path === '/prompts/PRMT12345A/') return { body: RECORDED_GET_PROMPT };
      if (req.method === 'GET' && path === '/prompts/PRMTDENIED/') return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock:GetPrompt' } };
      if (req.method === 'GET' && path === '/prompts/PRMTGONE00/') return { status: 404, type: 'ResourceNotFoundException', body: { message: 'Prompt not found' } };
      if (req.method === 'GET' && path === '/flows/') {
        return { body: { flowSummaries: [{ id: 'FLOW12345A', name: 'fraud-triage-flow', arn: FLOW_ARN, status: 'Prepared', version: 'DRAFT', createdAt: '2025-09-05T08:00:00.000Z', updatedAt: '2025-09-05T09:00:00.000Z' }] } };
      }
      if (req.method === 'GET' && path === '/flows/FLOW12345A/') return { body: RECORDED_GET_FLOW };
      if (req.method === 'GET' && path.startsWith('/tags/')) return { body: { tags: { owner: 'fraud-team' } } };
      return undefined;
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockBuildsCollector);
      expect(server.unknown).toEqual([]);
      expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(TYPES.map((t) => `${t}:complete`));
      for (const record of part.log.records) expect(bedrockBuildsCollector.operations).toContain(record.action);

      const imported = part.resources.find((r) => r.type === 'AWS::Bedrock::ImportedModel');
      expect(imported).toMatchObject({ id: IMPORTED_ARN, arn: IMPORTED_ARN, name: 'fraud-llama-import', tags: { team: 'fraud' }, configuration: RECORDED_GET_IMPORTED_MODEL });
      expect(imported?.collectionErrors).toBeUndefined();

      const prompts = part.resources.filter((r) => r.type === 'AWS::Bedrock::Prompt');
      expect(prompts.map((p) => p.name).sort()).toEqual(['fraud-case-summary', 'locked']); // the deleted one is skipped
      expect(prompts.find((p) => p.id === 'PRMT12345A')).toMatchObject({ arn: PROMPT_ARN, tags: { owner: 'fraud-team' }, configuration: RECORDED_GET_PROMPT });
      expect(prompts.find((p) => p.id === 'PRMTDENIED')).toMatchObject({
        configuration: { id: 'PRMTDENIED', name: 'locked', version: 'DRAFT' },
        collectionErrors: { configuration: 'bedrock:GetPrompt was denied (AccessDeniedException)' },
      });

      const flow = part.resources.find((r) => r.type === 'AWS::Bedrock::Flow');
      expect(flow).toMatchObject({ id: 'FLOW12345A', arn: FLOW_ARN, name: 'fraud-triage-flow', configuration: RECORDED_GET_FLOW });

      const status = await statuses(part);
      expect(status('CAFAI-DP-73', IMPORTED_ARN)).toBe('fail');
      expect(status('CAFAI-DP-74', PROMPT_ARN)).toBe('pass');
      expect(status('CAFAI-DP-74', `arn:aws:bedrock:us-east-1:${ACCOUNT}:prompt/PRMTDENIED`)).toBe('not_evaluated');
      expect(status('CAFAI-DP-75', FLOW_ARN)).toBe('fail');
    } finally {
      await server.close();
    }
  });

  it('a region where bedrock-agent answers UnrecognizedClientException fails prompts and flows once with the reason; the bedrock types stand', async () => {
    const server = await fakeAws((req, path) => {
      if (req.method === 'GET' && path === '/model-customization-jobs') return { body: { modelCustomizationJobSummaries: [] } };
      if (req.method === 'GET' && path === '/imported-models') return { body: { modelSummaries: [] } };
      return { status: 403, type: 'UnrecognizedClientException', body: { message: 'The security token included in the request is invalid.' } };
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockBuildsCollector, 'me-central-1');
      expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual([
        'AWS::Bedrock::Flow:failed',
        'AWS::Bedrock::ImportedModel:complete',
        'AWS::Bedrock::ModelCustomizationJob:complete',
        'AWS::Bedrock::Prompt:failed',
      ]);
      for (const entry of part.coverage.filter((c) => c.status === 'failed')) expect(entry.reason).toMatch(/UnrecognizedClientException/);
      // After ListPrompts failed that way, ListFlows was not attempted.
      expect(server.requests.filter((r) => r.startsWith('GET /flows'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a failed Get keeps the List summary with its own keys (recorded real-shaped responses)', () => {
    const denied = { ok: false as const, reason: 'bedrock:GetFlow was denied (AccessDeniedException)' };
    const flow = flowResource({ id: 'F1', name: 'f', arn: FLOW_ARN, status: 'Prepared', version: 'DRAFT', createdAt: new Date('2025-01-01T00:00:00Z'), updatedAt: new Date('2025-01-01T00:00:00Z') }, denied, { ok: true, value: {} });
    expect(flow).toMatchObject({ id: 'F1', arn: FLOW_ARN, configuration: { id: 'F1', status: 'Prepared', createdAt: '2025-01-01T00:00:00.000Z' }, collectionErrors: { configuration: denied.reason } });
    const prompt = promptResource({ id: 'P1', name: 'p', arn: PROMPT_ARN, version: 'DRAFT', createdAt: undefined, updatedAt: undefined }, { ok: true, value: { ...RECORDED_GET_PROMPT, createdAt: new Date('2025-09-03T08:00:00Z'), updatedAt: new Date('2025-09-04T08:00:00Z'), $metadata: {} } as never }, { ok: false, reason: 'denied' });
    expect(prompt.tags).toBeNull();
    expect(prompt.collectionErrors).toEqual({ Tags: 'denied' });
    expect(prompt.configuration).toEqual(RECORDED_GET_PROMPT);
  });
});
