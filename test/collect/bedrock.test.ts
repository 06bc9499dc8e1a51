import { BedrockClient, CreateModelCustomizationJobCommand, PutModelInvocationLoggingConfigurationCommand, type GetGuardrailCommandOutput } from '@aws-sdk/client-bedrock';
import { BedrockAgentClient, CreateAgentCommand, CreateKnowledgeBaseCommand } from '@aws-sdk/client-bedrock-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bedrockCollector, guardrailResource, guardrailVersionResource, invocationLoggingFact, knowledgeBaseResource, publishedReferences, servedVersions } from '../../src/collect/services/bedrock.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { freePort, startMoto, type Moto } from '../helpers/moto.js';
import { rfc3339Proxy, type WireProxy } from '../helpers/bedrock-wire.js';
import { endpointOnly, fakeAws } from '../helpers/fake-aws.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/bedrock-exec`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TYPES = ['AWS::Bedrock::Agent', 'AWS::Bedrock::CustomModel', 'AWS::Bedrock::Guardrail', 'AWS::Bedrock::KnowledgeBase'];

describe('Bedrock collector against moto', () => {
  let moto: Moto;
  let proxy: WireProxy;
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await rfc3339Proxy(moto);
    const bedrock = new BedrockClient(proxy.clientConfig());
    const agents = new BedrockAgentClient(proxy.clientConfig());
    await bedrock.send(
      new PutModelInvocationLoggingConfigurationCommand({
        loggingConfig: {
          cloudWatchConfig: { logGroupName: '/bedrock/invocations', roleArn: ROLE },
          s3Config: { bucketName: 'bedrock-invocation-logs', keyPrefix: 'us-east-1/' },
          textDataDeliveryEnabled: true,
          imageDataDeliveryEnabled: false,
        },
      }),
    );
    await bedrock.send(
      new CreateModelCustomizationJobCommand({
        jobName: 'fraud-ft-1',
        customModelName: 'fraud-titan',
        roleArn: ROLE,
        baseModelIdentifier: 'amazon.titan-text-express-v1',
        customModelKmsKeyId: KEY,
        customModelTags: [{ key: 'data-classification', value: 'confidential' }],
        trainingDataConfig: { s3Uri: 's3://fraud-training/train.jsonl' },
        outputDataConfig: { s3Uri: 's3://fraud-training/output/' },
        hyperParameters: { epochCount: '2' },
      }),
    );
    for (const name of ['claims-agent', 'triage-agent']) {
      await agents.send(new CreateAgentCommand({ agentName: name, agentResourceRoleArn: ROLE, customerEncryptionKeyArn: KEY, foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0', tags: { team: name } }));
    }
    await agents.send(
      new CreateKnowledgeBaseCommand({
        name: 'fraud-playbooks',
        roleArn: ROLE,
        knowledgeBaseConfiguration: { type: 'VECTOR', vectorKnowledgeBaseConfiguration: { embeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0' } },
        storageConfiguration: {
          type: 'OPENSEARCH_SERVERLESS',
          opensearchServerlessConfiguration: {
            collectionArn: `arn:aws:aoss:us-east-1:${ACCOUNT}:collection/kb`,
            vectorIndexName: 'playbooks',
            fieldMapping: { vectorField: 'vector', textField: 'text', metadataField: 'metadata' },
          },
        },
        tags: { 'data-classification': 'internal' },
      }),
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await moto?.stop();
  });

  it('emits custom models, agents and knowledge bases with the API keys and tags, and the invocation logging fact', async () => {
    proxy.faults = [];
    const part = await runCollectorAgainst(proxy.asMoto(), bedrockCollector);

    const facts = part.facts.get('us-east-1');
    expect(facts?.factErrors).toEqual({});
    expect(facts?.facts.bedrockInvocationLogging).toEqual({
      cloudWatchConfig: { logGroupName: '/bedrock/invocations', roleArn: ROLE },
      s3Config: { bucketName: 'bedrock-invocation-logs', keyPrefix: 'us-east-1/' },
      textDataDeliveryEnabled: true,
      imageDataDeliveryEnabled: false,
    });

    const model = part.resources.find((r) => r.type === 'AWS::Bedrock::CustomModel');
    expect(model).toMatchObject({
      arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/fraud-titan`,
      id: `arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/fraud-titan`,
      name: 'fraud-titan',
      region: 'us-east-1',
      accountId: ACCOUNT,
      tags: { 'data-classification': 'confidential' },
      configuration: {
        modelName: 'fraud-titan',
        jobArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-customization-job/fraud-ft-1`,
        baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1',
        // moto invents the key ARN instead of keeping customModelKmsKeyId; the key name is what matters here.
        modelKmsKeyArn: expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//),
        trainingDataConfig: { s3Uri: 's3://fraud-training/train.jsonl' },
        outputDataConfig: { s3Uri: 's3://fraud-training/output/' },
        hyperParameters: { epochCount: '2' },
        creationTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect(model?.collectionErrors).toBeUndefined();

    const agents = part.resources.filter((r) => r.type === 'AWS::Bedrock::Agent');
    expect(agents.map((a) => a.name).sort()).toEqual(['claims-agent', 'triage-agent']);
    const claims = agents.find((a) => a.name === 'claims-agent');
    expect(claims).toMatchObject({
      arn: expect.stringMatching(/^arn:aws:bedrock:us-east-1:123456789012:agent\//),
      tags: { team: 'claims-agent' },
      configuration: { agentName: 'claims-agent', agentResourceRoleArn: ROLE, customerEncryptionKeyArn: KEY, foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0', agentStatus: expect.any(String) },
    });
    expect(claims?.id).toBe(claims?.configuration.agentId);
    expect(claims?.arn).toBe(claims?.configuration.agentArn);
    // moto lacks ListAgentAliases and ListAgentActionGroups: what the agent serves and the DRAFT's
    // action groups are unknown (the DRAFT is left out of ActionGroups), and say why.
    expect(claims?.supplementaryConfiguration).toEqual({ AgentAliases: [], AgentVersions: [], ActionGroups: {} });
    expect(claims?.collectionErrors).toEqual({ AgentAliases: expect.stringContaining('bedrock:ListAgentAliases'), ActionGroups: expect.stringContaining('bedrock:ListAgentActionGroups') });

    const kb = part.resources.find((r) => r.type === 'AWS::Bedrock::KnowledgeBase');
    expect(kb).toMatchObject({
      name: 'fraud-playbooks',
      arn: expect.stringMatching(/^arn:aws:bedrock:us-east-1:123456789012:knowledge-base\//),
      tags: { 'data-classification': 'internal' },
      configuration: {
        roleArn: ROLE,
        knowledgeBaseConfiguration: { type: 'VECTOR', vectorKnowledgeBaseConfiguration: { embeddingModelArn: expect.stringContaining('titan-embed') } },
        storageConfiguration: { type: 'OPENSEARCH_SERVERLESS', opensearchServerlessConfiguration: { vectorIndexName: 'playbooks' } },
      },
      // moto lacks ListDataSources: the knowledge base is still emitted, its data sources marked as not collected.
      supplementaryConfiguration: { DataSources: [] },
      collectionErrors: { DataSources: expect.stringContaining('bedrock:ListDataSources') },
    });
    expect(kb?.collectionErrors?.configuration).toBeUndefined();

    const coverage = Object.fromEntries(part.coverage.map((c) => [c.resourceType, c]));
    expect(Object.keys(coverage).sort()).toEqual(TYPES);
    expect(coverage['AWS::Bedrock::Agent']?.status).toBe('complete');
    expect(coverage['AWS::Bedrock::KnowledgeBase']?.status).toBe('complete');
    expect(coverage['AWS::Bedrock::CustomModel']?.status).toBe('complete');
    // moto lacks ListGuardrails: a gap with a reason, not "no guardrails".
    expect(coverage['AWS::Bedrock::Guardrail']).toMatchObject({ status: 'failed', reason: expect.stringContaining('bedrock:ListGuardrails') });

    for (const record of part.log.records) expect(bedrockCollector.operations).toContain(record.action);
    expect(new Set(part.log.failures().map((f) => f.action))).toEqual(new Set(['bedrock:ListGuardrails', 'bedrock:ListDataSources', 'bedrock:ListAgentAliases', 'bedrock:ListAgentActionGroups']));
  });

  it('a failed Get keeps what the List gave, and failed tags are unknown (null), each with the reason', async () => {
    proxy.faults = [
      { method: 'GET', path: /^\/agents\/[^/]+\/$/, status: 403, type: 'AccessDeniedException', message: 'not authorized to perform: bedrock:GetAgent' },
      { method: 'GET', path: /^\/tags\/.*knowledge-base/, status: 403, type: 'AccessDeniedException', message: 'not authorized to perform: bedrock:ListTagsForResource' },
    ];
    try {
      const part = await runCollectorAgainst(proxy.asMoto(), bedrockCollector);
      const agents = part.resources.filter((r) => r.type === 'AWS::Bedrock::Agent');
      expect(agents).toHaveLength(2);
      for (const agent of agents) {
        // ListAgents' summary, with its own keys; the ARN is built from the id.
        expect(agent.configuration).toMatchObject({ agentId: agent.id, agentName: agent.name, agentStatus: expect.any(String) });
        expect(agent.configuration.agentResourceRoleArn).toBeUndefined();
        expect(agent.arn).toBe(`arn:aws:bedrock:us-east-1:${ACCOUNT}:agent/${agent.id}`);
        expect(agent.collectionErrors).toEqual({ configuration: 'bedrock:GetAgent was denied (AccessDeniedException)' });
        expect(agent.tags).toEqual({ team: agent.name }); // tags still read with the built ARN
      }
      const kb = part.resources.find((r) => r.type === 'AWS::Bedrock::KnowledgeBase');
      expect(kb?.tags).toBeNull();
      expect(kb?.collectionErrors).toMatchObject({ Tags: 'bedrock:ListTagsForResource was denied (AccessDeniedException)' });
      expect(kb?.configuration.roleArn).toBe(ROLE);
      // Per-resource failures do not make the type's listing incomplete.
      expect(part.coverage.find((c) => c.resourceType === 'AWS::Bedrock::Agent')?.status).toBe('complete');
    } finally {
      proxy.faults = [];
    }
  });

  it('a region with nothing configured: invocation logging is {enabled: false}, the lists are complete and empty', async () => {
    const part = await runCollectorAgainst(proxy.asMoto(), bedrockCollector, 'eu-west-1');
    expect(part.facts.get('eu-west-1')?.facts.bedrockInvocationLogging).toEqual({ enabled: false });
    expect(part.resources).toEqual([]);
    expect(part.coverage.filter((c) => c.status === 'complete').map((c) => c.resourceType).sort()).toEqual(['AWS::Bedrock::Agent', 'AWS::Bedrock::CustomModel', 'AWS::Bedrock::KnowledgeBase']);
    expect(part.coverage.every((c) => c.region === 'eu-west-1')).toBe(true);
  });
});

describe('Bedrock where the service is not there', () => {
  it('an unreachable endpoint fails every type and the logging fact with the reason, without a crash or a call per list', async () => {
    const port = await freePort(); // nothing listens: ECONNREFUSED, like a region without a Bedrock endpoint
    const part = await runCollectorAgainst(endpointOnly(`http://127.0.0.1:${port}`), bedrockCollector, 'ap-southeast-5');
    expect(part.resources).toEqual([]);
    expect(part.coverage.map((c) => c.resourceType).sort()).toEqual(TYPES);
    for (const entry of part.coverage) expect(entry).toMatchObject({ status: 'failed', region: 'ap-southeast-5', reason: expect.stringMatching(/could not be reached \(ECONNREFUSED\)/) });
    expect(part.facts.get('ap-southeast-5')?.factErrors.bedrockInvocationLogging).toMatch(/bedrock:GetModelInvocationLoggingConfiguration could not be reached/);
    expect(part.facts.get('ap-southeast-5')?.facts.bedrockInvocationLogging).toBeUndefined();
    // After the first call of each endpoint failed, the rest were not attempted.
    expect([...new Set(part.log.records.map((r) => r.action))].sort()).toEqual(['bedrock:GetModelInvocationLoggingConfiguration', 'bedrock:ListAgents']);
  });

  it('credentials not valid in the region (UnrecognizedClientException, an opt-in region not enabled) fail every type with that reason', async () => {
    const server = await fakeAws(() => ({ status: 403, type: 'UnrecognizedClientException', body: { message: 'The security token included in the request is invalid.' } }));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockCollector, 'me-central-1');
      expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(TYPES.map((t) => `${t}:failed`));
      for (const entry of part.coverage) expect(entry.reason).toMatch(/was denied \(UnrecognizedClientException\)/);
      expect(part.facts.get('me-central-1')?.factErrors.bedrockInvocationLogging).toMatch(/UnrecognizedClientException/);
      expect(server.requests.length).toBe(2);
    } finally {
      await server.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Guardrails: moto 5.2 implements neither ListGuardrails nor GetGuardrail. These responses are
// shaped like the real API's (field names and enums as in the Bedrock API reference
// GetGuardrail / ListGuardrails pages and the SDK's models): the wire JSON is served over HTTP so
// the real SDK deserializes it, and the mapping is also tested directly.

const GUARDRAIL_ID = 'gr7x2k9q1abc';
const GUARDRAIL_ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/${GUARDRAIL_ID}`;

/** GetGuardrail (no guardrailVersion: the DRAFT, i.e. latest configuration), as the API returns it. */
const RECORDED_GET_GUARDRAIL = {
  name: 'fraud-assistant-guardrail',
  guardrailId: GUARDRAIL_ID,
  guardrailArn: GUARDRAIL_ARN,
  version: 'DRAFT',
  status: 'READY',
  description: 'Blocks harmful content and PII in the fraud assistant',
  topicPolicy: {
    topics: [
      {
        name: 'InvestmentAdvice',
        definition: 'Recommendations about investing money or buying financial products.',
        examples: ['Should I buy shares of this company?'],
        type: 'DENY',
        inputAction: 'BLOCK',
        outputAction: 'BLOCK',
        inputEnabled: true,
        outputEnabled: true,
      },
    ],
    tier: { tierName: 'CLASSIC' },
  },
  contentPolicy: {
    filters: [
      { type: 'SEXUAL', inputStrength: 'HIGH', outputStrength: 'HIGH', inputModalities: ['TEXT'], outputModalities: ['TEXT'], inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true },
      { type: 'VIOLENCE', inputStrength: 'HIGH', outputStrength: 'HIGH', inputModalities: ['TEXT'], outputModalities: ['TEXT'], inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true },
      { type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH', inputModalities: ['TEXT'], outputModalities: ['TEXT'], inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true },
      { type: 'INSULTS', inputStrength: 'MEDIUM', outputStrength: 'MEDIUM', inputModalities: ['TEXT'], outputModalities: ['TEXT'], inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true },
      { type: 'MISCONDUCT', inputStrength: 'MEDIUM', outputStrength: 'MEDIUM', inputModalities: ['TEXT'], outputModalities: ['TEXT'], inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true },
      { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE', inputModalities: ['TEXT'], outputModalities: ['TEXT'], inputAction: 'BLOCK', outputAction: 'NONE', inputEnabled: true, outputEnabled: false },
    ],
    tier: { tierName: 'CLASSIC' },
  },
  wordPolicy: {
    words: [{ text: 'wire the money now', inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true }],
    managedWordLists: [{ type: 'PROFANITY', inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true }],
  },
  sensitiveInformationPolicy: {
    piiEntities: [
      { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK', inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true },
      { type: 'CREDIT_DEBIT_CARD_NUMBER', action: 'ANONYMIZE', inputAction: 'ANONYMIZE', outputAction: 'ANONYMIZE', inputEnabled: true, outputEnabled: true },
      { type: 'EMAIL', action: 'ANONYMIZE', inputAction: 'NONE', outputAction: 'ANONYMIZE', inputEnabled: false, outputEnabled: true },
    ],
    regexes: [{ name: 'AccountNumber', description: 'Internal account numbers', pattern: 'ACC-\\d{8}', action: 'ANONYMIZE', inputAction: 'ANONYMIZE', outputAction: 'ANONYMIZE', inputEnabled: true, outputEnabled: true }],
  },
  contextualGroundingPolicy: {
    filters: [
      { type: 'GROUNDING', threshold: 0.75, action: 'BLOCK', enabled: true },
      { type: 'RELEVANCE', threshold: 0.5, action: 'BLOCK', enabled: true },
    ],
  },
  crossRegionDetails: {
    guardrailProfileId: 'us.guardrail.v1:0',
    guardrailProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail-profile/us.guardrail.v1:0`,
  },
  createdAt: '2025-03-04T10:15:30.123Z',
  updatedAt: '2025-05-19T08:02:11.456Z',
  blockedInputMessaging: 'Sorry, I cannot help with that request.',
  blockedOutputsMessaging: 'Sorry, I cannot share that answer.',
  kmsKeyArn: KEY,
};

function guardrailSummary(id: string, name: string) {
  return { id, arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/${id}`, status: 'READY', name, version: 'DRAFT', createdAt: '2025-03-04T10:15:30.123Z', updatedAt: '2025-05-19T08:02:11.456Z' };
}

describe('Bedrock guardrails (recorded real-shaped response; moto lacks ListGuardrails/GetGuardrail)', () => {
  it('maps a GetGuardrail output to AWS::Bedrock::Guardrail, keeping the API keys exactly (recorded real-shaped response; moto lacks GetGuardrail)', () => {
    const output = { ...RECORDED_GET_GUARDRAIL, createdAt: new Date(RECORDED_GET_GUARDRAIL.createdAt), updatedAt: new Date(RECORDED_GET_GUARDRAIL.updatedAt), $metadata: {} } as GetGuardrailCommandOutput;
    const summary = { id: GUARDRAIL_ID, arn: GUARDRAIL_ARN, status: 'READY' as const, name: 'fraud-assistant-guardrail', version: 'DRAFT', createdAt: new Date(), updatedAt: new Date() };
    const draft = guardrailResource(summary, { ok: true, value: output }, { ok: true, value: { env: 'prod' } });
    expect(draft).toEqual({
      type: 'AWS::Bedrock::Guardrail',
      id: GUARDRAIL_ID,
      arn: GUARDRAIL_ARN,
      name: 'fraud-assistant-guardrail',
      tags: { env: 'prod' },
      // The wire JSON exactly: same keys, dates back to ISO strings, no SDK $metadata.
      configuration: RECORDED_GET_GUARDRAIL,
    });
    const filters = draft.configuration.contentPolicy as { filters: Array<{ type: string; inputStrength: string; outputStrength: string }> };
    expect(filters.filters.find((f) => f.type === 'PROMPT_ATTACK')).toMatchObject({ inputStrength: 'HIGH', outputStrength: 'NONE' });
  });

  it('a failed GetGuardrail keeps ListGuardrails’ summary, keyed guardrailId/guardrailArn like GetGuardrail (recorded real-shaped response; moto lacks ListGuardrails)', () => {
    const summary = { id: 'abc123', arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/abc123`, status: 'READY' as const, name: 'g', version: 'DRAFT', createdAt: new Date('2025-01-01T00:00:00Z'), updatedAt: new Date('2025-01-02T00:00:00Z') };
    const draft = guardrailResource(summary, { ok: false, reason: 'bedrock:GetGuardrail was denied (AccessDeniedException)' }, { ok: false, reason: 'bedrock:ListTagsForResource was denied (AccessDeniedException)' });
    expect(draft).toEqual({
      type: 'AWS::Bedrock::Guardrail',
      id: 'abc123',
      arn: summary.arn,
      name: 'g',
      tags: null,
      configuration: { guardrailId: 'abc123', guardrailArn: summary.arn, status: 'READY', name: 'g', version: 'DRAFT', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' },
      collectionErrors: { configuration: 'bedrock:GetGuardrail was denied (AccessDeniedException)', Tags: 'bedrock:ListTagsForResource was denied (AccessDeniedException)' },
    });
  });

  it('collects guardrails across every ListGuardrails page with GetGuardrail and tags over HTTP (recorded real-shaped responses; moto lacks ListGuardrails/GetGuardrail)', async () => {
    const pages: Record<string, { guardrails: unknown[]; nextToken?: string }> = {
      '': { guardrails: [guardrailSummary(GUARDRAIL_ID, 'fraud-assistant-guardrail')], nextToken: 'page-2' },
      'page-2': { guardrails: [guardrailSummary('denied1xyz', 'locked-down'), guardrailSummary('gone00000', 'deleted-meanwhile')] },
    };
    const server = await fakeAws((req, path, query, body) => {
      if (req.method === 'GET' && path === '/logging/modelinvocations') return { body: {} };
      if (req.method === 'GET' && path === '/guardrails') return { body: pages[query.get('nextToken') ?? ''] ?? { guardrails: [] } };
      if (req.method === 'GET' && path.startsWith('/guardrails/')) {
        const identifier = decodeURIComponent(path.slice('/guardrails/'.length));
        if (identifier === GUARDRAIL_ARN && !query.has('guardrailVersion')) return { body: RECORDED_GET_GUARDRAIL };
        if (identifier.endsWith('/denied1xyz')) return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock:GetGuardrail' } };
        return { status: 404, type: 'ResourceNotFoundException', body: { message: 'Guardrail not found' } };
      }
      if (req.method === 'POST' && path === '/listTagsForResource') {
        const arn = String((JSON.parse(body) as { resourceARN?: string }).resourceARN);
        if (arn === GUARDRAIL_ARN) return { body: { tags: [{ key: 'env', value: 'prod' }, { key: 'owner', value: 'fraud-team' }] } };
        return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock:ListTagsForResource' } };
      }
      if (req.method === 'GET' && path === '/custom-models') return { body: { modelSummaries: [] } };
      if (req.method === 'POST' && path === '/agents/') return { body: { agentSummaries: [] } };
      if (req.method === 'POST' && path === '/knowledgebases/') return { body: { knowledgeBaseSummaries: [] } };
      return undefined;
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockCollector);
      expect(server.unknown).toEqual([]);
      const guardrails = part.resources.filter((r) => r.type === 'AWS::Bedrock::Guardrail');
      expect(guardrails.map((g) => g.name).sort()).toEqual(['fraud-assistant-guardrail', 'locked-down']); // the deleted one is skipped
      const full = guardrails.find((g) => g.id === GUARDRAIL_ID);
      expect(full).toMatchObject({ arn: GUARDRAIL_ARN, region: 'us-east-1', tags: { env: 'prod', owner: 'fraud-team' }, configuration: RECORDED_GET_GUARDRAIL });
      expect(full?.collectionErrors).toBeUndefined();
      const denied = guardrails.find((g) => g.id === 'denied1xyz');
      expect(denied).toMatchObject({
        tags: null,
        configuration: { guardrailId: 'denied1xyz', guardrailArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/denied1xyz`, name: 'locked-down', status: 'READY', version: 'DRAFT' },
        collectionErrors: { configuration: 'bedrock:GetGuardrail was denied (AccessDeniedException)', Tags: 'bedrock:ListTagsForResource was denied (AccessDeniedException)' },
      });
      expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(TYPES.map((t) => `${t}:complete`));
      expect(part.facts.get('us-east-1')?.facts.bedrockInvocationLogging).toEqual({ enabled: false });
      expect(server.requests.filter((r) => r.startsWith('GET /guardrails?'))).toHaveLength(2);
      for (const record of part.log.records) expect(bedrockCollector.operations).toContain(record.action);
    } finally {
      await server.close();
    }
  });
});

/** GetGuardrail with guardrailVersion "1": published before the prompt-attack filter and the PII policy were added to the draft. */
const RECORDED_GET_GUARDRAIL_V1 = {
  ...RECORDED_GET_GUARDRAIL,
  version: '1',
  description: 'First release',
  contentPolicy: { filters: RECORDED_GET_GUARDRAIL.contentPolicy.filters.filter((f) => f.type !== 'PROMPT_ATTACK'), tier: { tierName: 'CLASSIC' } },
  sensitiveInformationPolicy: undefined,
  updatedAt: '2025-03-05T09:00:00.000Z',
};

function recordedAgent(agentId: string, guardrailIdentifier: string, guardrailVersion: string) {
  return {
    agentId,
    agentName: `agent-${agentId}`,
    agentArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:agent/${agentId}`,
    agentVersion: 'DRAFT',
    agentStatus: 'PREPARED',
    foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0',
    idleSessionTTLInSeconds: 600,
    agentResourceRoleArn: ROLE,
    guardrailConfiguration: { guardrailIdentifier, guardrailVersion },
    createdAt: '2025-03-06T10:00:00.000Z',
    updatedAt: '2025-03-06T10:00:00.000Z',
  };
}

describe('Bedrock guardrail versions agents apply (recorded real-shaped responses; moto lacks GetGuardrail)', () => {
  it('collects each published version an agent names with GetGuardrail guardrailVersion, as its own resource, and the guardrail controls judge it', async () => {
    const agents = {
      A1: recordedAgent('A1', GUARDRAIL_ID, '1'),
      A2: recordedAgent('A2', GUARDRAIL_ARN, '1'), // the same version named by ARN: collected once
      A3: recordedAgent('A3', GUARDRAIL_ID, 'DRAFT'), // the draft is the guardrail resource itself
      A4: recordedAgent('A4', GUARDRAIL_ID, '2'), // denied
      A5: recordedAgent('A5', GUARDRAIL_ID, '9'), // deleted
    };
    const versionsAsked: string[] = [];
    const server = await fakeAws((req, path, query, body) => {
      if (req.method === 'GET' && path === '/logging/modelinvocations') return { body: {} };
      if (req.method === 'GET' && path === '/guardrails') return { body: { guardrails: [guardrailSummary(GUARDRAIL_ID, 'fraud-assistant-guardrail')] } };
      if (req.method === 'GET' && path.startsWith('/guardrails/')) {
        const version = query.get('guardrailVersion');
        if (version) versionsAsked.push(`${decodeURIComponent(path.slice('/guardrails/'.length))}@${version}`);
        if (!version) return { body: RECORDED_GET_GUARDRAIL };
        if (version === '1') return { body: RECORDED_GET_GUARDRAIL_V1 };
        if (version === '2') return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock:GetGuardrail' } };
        return { status: 404, type: 'ResourceNotFoundException', body: { message: 'Guardrail version not found' } };
      }
      if (req.method === 'POST' && path === '/listTagsForResource') {
        const arn = String((JSON.parse(body) as { resourceARN?: string }).resourceARN);
        return { body: { tags: arn === GUARDRAIL_ARN ? [{ key: 'env', value: 'prod' }] : [] } };
      }
      if (req.method === 'GET' && path === '/custom-models') return { body: { modelSummaries: [] } };
      if (req.method === 'POST' && path === '/agents/') {
        return { body: { agentSummaries: Object.values(agents).map((a) => ({ agentId: a.agentId, agentName: a.agentName, agentStatus: a.agentStatus, updatedAt: a.updatedAt, latestAgentVersion: '1', guardrailConfiguration: a.guardrailConfiguration })) } };
      }
      const agentPath = /^\/agents\/([^/]+)\/$/.exec(path);
      if (req.method === 'GET' && agentPath?.[1]) return { body: { agent: agents[agentPath[1] as keyof typeof agents] } };
      // A1 is deployed: its live alias serves agent version 2, whose guardrail is version 1 too
      // (already asked for the draft agent); the test alias serves the DRAFT.
      const aliasPath = /^\/agents\/([^/]+)\/agentaliases\/$/.exec(path);
      if (req.method === 'POST' && aliasPath?.[1]) {
        const test = { agentAliasId: 'TSTALIASID', agentAliasName: 'AgentTestAlias', routingConfiguration: [{ agentVersion: 'DRAFT' }], agentAliasStatus: 'PREPARED', createdAt: '2025-03-06T10:00:00.000Z', updatedAt: '2025-03-06T10:00:00.000Z' };
        const live = { agentAliasId: 'LIVE000001', agentAliasName: 'live', routingConfiguration: [{ agentVersion: '2' }], agentAliasStatus: 'PREPARED', aliasInvocationState: 'ACCEPT_INVOCATIONS', createdAt: '2025-03-07T10:00:00.000Z', updatedAt: '2025-03-07T10:00:00.000Z' };
        return { body: { agentAliasSummaries: aliasPath[1] === 'A1' ? [test, live] : [test] } };
      }
      if (req.method === 'GET' && path === '/agents/A1/agentversions/2/') {
        const { agentVersion: _, ...a1 } = agents.A1;
        return { body: { agentVersion: { ...a1, version: '2', agentStatus: 'PREPARED' } } };
      }
      if (req.method === 'GET' && path.startsWith('/tags/')) return { body: { tags: {} } };
      if (req.method === 'POST' && path === '/knowledgebases/') return { body: { knowledgeBaseSummaries: [] } };
      if (req.method === 'POST' && /^\/agents\/[^/]+\/agentversions\/[^/]+\/actiongroups\/$/.test(path)) return { body: { actionGroupSummaries: [] } };
      return undefined;
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockCollector);
      expect(server.unknown).toEqual([]);
      // Once per version, whichever way the agents named the guardrail.
      expect(versionsAsked.map((v) => v.replace(GUARDRAIL_ARN, GUARDRAIL_ID)).sort()).toEqual([`${GUARDRAIL_ID}@1`, `${GUARDRAIL_ID}@2`, `${GUARDRAIL_ID}@9`]);
      const guardrails = part.resources.filter((r) => r.type === 'AWS::Bedrock::Guardrail');
      expect(guardrails.map((g) => g.arn).sort()).toEqual([GUARDRAIL_ARN, `${GUARDRAIL_ARN}:1`, `${GUARDRAIL_ARN}:2`]);
      const v1 = guardrails.find((g) => g.arn === `${GUARDRAIL_ARN}:1`);
      expect(v1).toMatchObject({ id: `${GUARDRAIL_ID}:1`, name: 'fraud-assistant-guardrail (version 1)', tags: { env: 'prod' }, configuration: { version: '1', guardrailArn: GUARDRAIL_ARN } });
      expect(v1?.collectionErrors).toBeUndefined();
      expect(guardrails.find((g) => g.arn === `${GUARDRAIL_ARN}:2`)).toMatchObject({
        configuration: { guardrailId: GUARDRAIL_ID, guardrailArn: GUARDRAIL_ARN, version: '2' },
        collectionErrors: { configuration: 'bedrock:GetGuardrail was denied (AccessDeniedException)' },
      });
      for (const record of part.log.records) expect(bedrockCollector.operations).toContain(record.action);
      const a1 = part.resources.find((r) => r.id === 'A1');
      expect(a1?.supplementaryConfiguration.AgentAliases).toHaveLength(2);
      expect(a1?.supplementaryConfiguration.AgentVersions).toEqual([expect.objectContaining({ version: '2', guardrailConfiguration: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: '1' } })]);
      expect(a1?.collectionErrors).toBeUndefined();

      // The draft has the prompt-attack filter and the PII policy; version 1, which agents run, has neither.
      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
      const status = (controlId: string, arn: string) => findings.find((f) => f.controlId === controlId && f.resource.arn === arn)?.status;
      expect(status('CAFAI-VM-03', GUARDRAIL_ARN)).toBe('pass');
      expect(status('CAFAI-VM-03', `${GUARDRAIL_ARN}:1`)).toBe('fail');
      expect(status('CAFAI-TD-07', GUARDRAIL_ARN)).toBe('pass');
      expect(status('CAFAI-TD-07', `${GUARDRAIL_ARN}:1`)).toBe('fail');
      expect(status('CAFAI-VM-03', `${GUARDRAIL_ARN}:2`)).toBe('not_evaluated');
    } finally {
      await server.close();
    }
  });

  it('an agent serves the versions its working aliases route to, not DRAFT (recorded real-shaped responses)', () => {
    const alias = (agentVersion: string, extra: object = {}) => ({ agentAliasId: 'X', agentAliasName: 'x', agentAliasStatus: 'PREPARED' as const, routingConfiguration: [{ agentVersion }], createdAt: new Date(), updatedAt: new Date(), ...extra });
    expect(
      servedVersions([
        alias('DRAFT'),
        alias('3'),
        alias('1'),
        alias('3'),
        alias('4', { agentAliasStatus: 'FAILED' }),
        alias('5', { agentAliasStatus: 'DELETING' }),
        alias('6', { aliasInvocationState: 'REJECT_INVOCATIONS' }),
        alias('7', { agentAliasStatus: 'UPDATING' }),
      ]),
    ).toEqual(['1', '3', '7']);
  });

  it('names only published versions, once each (recorded real-shaped responses)', () => {
    const agent = (identifier: string, version: string) => recordedAgent('X', identifier, version) as unknown as Parameters<typeof publishedReferences>[0][number];
    expect(publishedReferences([agent('g1', '3'), agent('g1', '3'), agent('g1', 'DRAFT'), agent('g1', 'draft'), agent('g1', '01'), agent('g2', '1'), agent(`arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/g2`, '1')], { partition: 'aws', region: 'us-east-1', accountId: ACCOUNT })).toEqual([
      { identifier: 'g1', version: '3' },
      { identifier: 'g2', version: '1' },
    ]);
    const denied = guardrailVersionResource({ identifier: GUARDRAIL_ARN, version: '3' }, { ok: false, reason: 'denied' }, { ok: true, value: {} }, { partition: 'aws', region: 'us-east-1', accountId: ACCOUNT });
    expect(denied).toMatchObject({ id: `${GUARDRAIL_ID}:3`, arn: `${GUARDRAIL_ARN}:3`, name: `${GUARDRAIL_ID} (version 3)`, collectionErrors: { configuration: 'denied' } });
  });
});

describe('Bedrock agent action groups (recorded real-shaped responses; moto lacks ListAgentActionGroups/GetAgentActionGroup)', () => {
  it('reads the action groups of the DRAFT and of each served version, keyed by version; a denied list leaves that version out with the reason', async () => {
    const agent = { ...recordedAgent('A1', GUARDRAIL_ID, '1'), customerEncryptionKeyArn: KEY };
    const refunds = {
      agentId: 'A1',
      agentVersion: 'DRAFT',
      actionGroupId: 'AGREFUND01',
      actionGroupName: 'refunds',
      actionGroupState: 'ENABLED',
      actionGroupExecutor: { lambda: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:refunds` },
      functionSchema: {
        functions: [
          { name: 'issue_refund', description: 'Refund a claim', parameters: { claim_id: { type: 'string', required: true } }, requireConfirmation: 'DISABLED' },
          { name: 'lookup_claim', parameters: { claim_id: { type: 'string', required: true } }, requireConfirmation: 'ENABLED' },
        ],
      },
      createdAt: '2025-03-06T10:00:00.000Z',
      updatedAt: '2025-03-06T10:00:00.000Z',
    };
    const userInput = { agentId: 'A1', agentVersion: 'DRAFT', actionGroupId: 'AGUSERIN01', actionGroupName: 'UserInputAction', actionGroupState: 'ENABLED', parentActionSignature: 'AMAZON.UserInput', createdAt: '2025-03-06T10:00:00.000Z', updatedAt: '2025-03-06T10:00:00.000Z' };
    const summary = (g: { actionGroupId: string; actionGroupName: string }) => ({ actionGroupId: g.actionGroupId, actionGroupName: g.actionGroupName, actionGroupState: 'ENABLED', updatedAt: '2025-03-06T10:00:00.000Z' });
    const server = await fakeAws((req, path) => {
      if (req.method === 'GET' && path === '/logging/modelinvocations') return { body: {} };
      if (req.method === 'GET' && path === '/guardrails') return { body: { guardrails: [] } };
      if (req.method === 'GET' && path.startsWith('/guardrails/')) return { body: RECORDED_GET_GUARDRAIL_V1 };
      if (req.method === 'POST' && path === '/listTagsForResource') return { body: { tags: [] } };
      if (req.method === 'GET' && path === '/custom-models') return { body: { modelSummaries: [] } };
      if (req.method === 'POST' && path === '/agents/') return { body: { agentSummaries: [{ agentId: 'A1', agentName: agent.agentName, agentStatus: 'PREPARED', updatedAt: agent.updatedAt }] } };
      if (req.method === 'GET' && path === '/agents/A1/') return { body: { agent } };
      if (req.method === 'POST' && path === '/agents/A1/agentaliases/') {
        const test = { agentAliasId: 'TSTALIASID', agentAliasName: 'AgentTestAlias', routingConfiguration: [{ agentVersion: 'DRAFT' }], agentAliasStatus: 'PREPARED', createdAt: '2025-03-06T10:00:00.000Z', updatedAt: '2025-03-06T10:00:00.000Z' };
        const live = { agentAliasId: 'LIVE000001', agentAliasName: 'live', routingConfiguration: [{ agentVersion: '2' }], agentAliasStatus: 'PREPARED', createdAt: '2025-03-07T10:00:00.000Z', updatedAt: '2025-03-07T10:00:00.000Z' };
        return { body: { agentAliasSummaries: [test, live] } };
      }
      if (req.method === 'GET' && path === '/agents/A1/agentversions/2/') {
        const { agentVersion: _, ...rest } = agent;
        return { body: { agentVersion: { ...rest, version: '2' } } };
      }
      if (req.method === 'POST' && path === '/agents/A1/agentversions/DRAFT/actiongroups/') return { body: { actionGroupSummaries: [summary(refunds), summary(userInput)] } };
      if (req.method === 'POST' && path === '/agents/A1/agentversions/2/actiongroups/') return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock:ListAgentActionGroups' } };
      if (req.method === 'GET' && path === '/agents/A1/agentversions/DRAFT/actiongroups/AGREFUND01/') return { body: { agentActionGroup: refunds } };
      if (req.method === 'GET' && path === '/agents/A1/agentversions/DRAFT/actiongroups/AGUSERIN01/') return { body: { agentActionGroup: userInput } };
      if (req.method === 'GET' && path.startsWith('/tags/')) return { body: { tags: {} } };
      if (req.method === 'POST' && path === '/knowledgebases/') return { body: { knowledgeBaseSummaries: [] } };
      return undefined;
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockCollector);
      expect(server.unknown).toEqual([]);
      for (const record of part.log.records) expect(bedrockCollector.operations).toContain(record.action);
      const a1 = part.resources.find((r) => r.id === 'A1');
      expect(a1?.supplementaryConfiguration.ActionGroups).toEqual({ DRAFT: [refunds, userInput] });
      expect(a1?.collectionErrors).toEqual({ ActionGroups: 'bedrock:ListAgentActionGroups was denied (AccessDeniedException)' });

      // The DRAFT's refund function runs without confirmation: a certain failure, whatever version 2 holds.
      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
      const as77 = findings.find((f) => f.controlId === 'CAFAI-AS-77' && f.resource.id === 'A1');
      expect(as77).toMatchObject({ status: 'fail', message: 'Agent agent-A1 (working draft) runs action group refunds without user confirmation for issue_refund.' });
    } finally {
      await server.close();
    }
  });
});

describe('Bedrock mapping helpers', () => {
  it('invocation logging: a missing or empty loggingConfig is {enabled: false}; a set one is kept as the API returns it', () => {
    expect(invocationLoggingFact(undefined)).toEqual({ enabled: false });
    expect(invocationLoggingFact({})).toEqual({ enabled: false });
    expect(invocationLoggingFact({ s3Config: { bucketName: 'logs' }, textDataDeliveryEnabled: true })).toEqual({ s3Config: { bucketName: 'logs' }, textDataDeliveryEnabled: true });
  });

  it('knowledge base data sources go to supplementaryConfiguration.DataSources; a partial list carries the reason', () => {
    const place = { partition: 'aws', region: 'us-east-1', accountId: ACCOUNT };
    const summary = { knowledgeBaseId: 'KB1', name: 'kb', status: 'ACTIVE' as const, updatedAt: new Date('2025-01-01T00:00:00Z') };
    const dataSource = {
      knowledgeBaseId: 'KB1',
      dataSourceId: 'DS1',
      name: 's3-playbooks',
      status: 'AVAILABLE' as const,
      dataSourceConfiguration: { type: 'S3' as const, s3Configuration: { bucketArn: 'arn:aws:s3:::playbooks' } },
      serverSideEncryptionConfiguration: { kmsKeyArn: KEY },
      dataDeletionPolicy: 'RETAIN' as const,
      createdAt: new Date('2025-01-01T00:00:00Z'),
      updatedAt: new Date('2025-01-01T00:00:00Z'),
    };
    const draft = knowledgeBaseResource(summary, { ok: false, reason: 'bedrock:GetKnowledgeBase failed (InternalServerException: x)' }, { ok: true, value: {} }, { items: [dataSource], error: 'bedrock:GetDataSource was denied (AccessDeniedException)' }, place);
    expect(draft).toMatchObject({
      id: 'KB1',
      arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:knowledge-base/KB1`,
      name: 'kb',
      configuration: { knowledgeBaseId: 'KB1', name: 'kb', status: 'ACTIVE', updatedAt: '2025-01-01T00:00:00.000Z' },
      supplementaryConfiguration: { DataSources: [{ dataSourceId: 'DS1', serverSideEncryptionConfiguration: { kmsKeyArn: KEY }, dataSourceConfiguration: { type: 'S3', s3Configuration: { bucketArn: 'arn:aws:s3:::playbooks' } }, createdAt: '2025-01-01T00:00:00.000Z' }] },
      collectionErrors: { configuration: 'bedrock:GetKnowledgeBase failed (InternalServerException: x)', DataSources: 'bedrock:GetDataSource was denied (AccessDeniedException)' },
      tags: {},
    });
  });
});

// ---------------------------------------------------------------------------------------------
