import { BedrockAgentCoreControlClient, CreateAgentRuntimeCommand, CreateGatewayCommand, CreateMemoryCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCoreArn, agentCoreResource, AGENTCORE_TYPES, bedrockAgentCoreCollector, isAwsManaged } from '../../src/collect/services/bedrock-agentcore.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { REDACTION_MARKER, redactInventory } from '../../src/inventory/redact.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { endpointOnly, fakeAws, type FakeAnswer } from '../helpers/fake-aws.js';
import { freePort, startMoto, type Moto } from '../helpers/moto.js';

// moto 5.2 implements AgentCore runtimes, gateways and memories (tested against it below) but
// not browsers or code interpreters. For those, and for failures moto cannot produce, these responses are recorded real-shaped ones: field names,
// nesting and enums as on the AgentCore Control Plane API reference pages (GetAgentRuntime,
// GetGateway, GetMemory, GetBrowser, GetCodeInterpreter and their List operations) and in the
// SDK's service model, served over HTTP so the real SDK sends the requests and deserializes them.

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const TYPES = Object.values(AGENTCORE_TYPES);
const arn = (kind: string, id: string) => `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:${kind}/${id}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const RUNTIME_PUBLIC = 'claims_agent-Ab12Cd34Ef';
const RUNTIME_VPC = 'triage_agent-Gh56Ij78Kl';
const RUNTIME_DENIED = 'locked_agent-Mn90Op12Qr';

/** GetAgentRuntime of a runtime in PUBLIC mode, as the API returns it (dates as RFC 3339 strings on the wire; Memory's as epoch seconds). */
const RECORDED_GET_AGENT_RUNTIME = {
  agentRuntimeArn: arn('runtime', RUNTIME_PUBLIC),
  agentRuntimeName: 'claims_agent',
  agentRuntimeId: RUNTIME_PUBLIC,
  agentRuntimeVersion: '3',
  createdAt: '2025-06-02T21:33:20Z',
  lastUpdatedAt: '2025-06-04T01:20:00Z',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/AgentCoreRuntime-claims`,
  networkConfiguration: { networkMode: 'PUBLIC' },
  status: 'READY',
  lifecycleConfiguration: { idleRuntimeSessionTimeout: 900, maxLifetime: 28800 },
  description: 'Claims triage agent',
  workloadIdentityDetails: { workloadIdentityArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default/workload-identity/claims_agent-Ab12Cd34Ef` },
  agentRuntimeArtifact: { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/claims-agent:3` } },
  protocolConfiguration: { serverProtocol: 'HTTP' },
  environmentVariables: { LOG_LEVEL: 'info' },
};

const RECORDED_GET_AGENT_RUNTIME_VPC = {
  ...RECORDED_GET_AGENT_RUNTIME,
  agentRuntimeArn: arn('runtime', RUNTIME_VPC),
  agentRuntimeName: 'triage_agent',
  agentRuntimeId: RUNTIME_VPC,
  networkConfiguration: { networkMode: 'VPC', networkModeConfig: { securityGroups: ['sg-0a1b2c3d'], subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } },
};

const GATEWAY_ID = 'claims-tools-x1y2z3a4b5';

/** GetGateway of an MCP gateway without inbound authorization or a customer managed key. */
const RECORDED_GET_GATEWAY = {
  gatewayArn: arn('gateway', GATEWAY_ID),
  gatewayId: GATEWAY_ID,
  gatewayUrl: `https://${GATEWAY_ID}.gateway.bedrock-agentcore.${REGION}.amazonaws.com/mcp`,
  createdAt: '2025-06-02T21:33:20Z',
  updatedAt: '2025-06-02T21:41:40Z',
  status: 'READY',
  name: 'claims-tools',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/AgentCoreGateway-claims`,
  protocolType: 'MCP',
  protocolConfiguration: { mcp: { supportedVersions: ['2025-03-26'], searchType: 'SEMANTIC' } },
  authorizerType: 'NONE',
  workloadIdentityDetails: { workloadIdentityArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default/workload-identity/claims-tools` },
};

const MEMORY_ID = 'claims_memory-Q1w2E3r4T5';

/** GetMemory (view without_decryption) of a memory encrypted with a customer managed key. */
const RECORDED_GET_MEMORY = {
  memory: {
    arn: arn('memory', MEMORY_ID),
    id: MEMORY_ID,
    name: 'claims_memory',
    description: 'Conversation memory of the claims agent',
    encryptionKeyArn: KEY,
    memoryExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/AgentCoreMemory-claims`,
    eventExpiryDuration: 30,
    status: 'ACTIVE',
    createdAt: 1748900000,
    updatedAt: 1748900000,
    strategies: [],
  },
};

const BROWSER_ID = 'claims_browser-a1B2c3D4e5';

/** GetBrowser of a VPC browser that records its sessions to S3. */
const RECORDED_GET_BROWSER = {
  browserId: BROWSER_ID,
  browserArn: arn('browser-custom', BROWSER_ID),
  name: 'claims_browser',
  description: 'Browser for insurer portals',
  executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/AgentCoreBrowser-claims`,
  networkConfiguration: { networkMode: 'VPC', vpcConfig: { securityGroups: ['sg-0a1b2c3d'], subnets: ['subnet-0a1b2c3d'] } },
  recording: { enabled: true, s3Location: { bucket: 'agent-browser-recordings', prefix: 'claims/' } },
  status: 'READY',
  createdAt: '2025-06-02T21:33:20Z',
  lastUpdatedAt: '2025-06-02T21:33:20Z',
};

const INTERPRETER_ID = 'claims_ci-Z9y8X7w6V5';

/** GetCodeInterpreter of an interpreter in SANDBOX mode. */
const RECORDED_GET_CODE_INTERPRETER = {
  codeInterpreterId: INTERPRETER_ID,
  codeInterpreterArn: arn('code-interpreter-custom', INTERPRETER_ID),
  name: 'claims_ci',
  executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/AgentCoreCodeInterpreter-claims`,
  networkConfiguration: { networkMode: 'SANDBOX' },
  status: 'READY',
  createdAt: '2025-06-02T21:33:20Z',
  lastUpdatedAt: '2025-06-02T21:33:20Z',
};

const runtimeSummary = (id: string, name: string) => ({ agentRuntimeArn: arn('runtime', id), agentRuntimeId: id, agentRuntimeVersion: '3', agentRuntimeName: name, description: '', lastUpdatedAt: '2025-06-04T01:20:00Z', status: 'READY' });

/** An AgentRuntimeEndpoint as ListAgentRuntimeEndpoints returns it (the SDK model's shape). */
const runtimeEndpoint = (id: string, name: string, liveVersion: string, extra: Record<string, string> = {}) => ({
  name,
  liveVersion,
  agentRuntimeEndpointArn: `${arn('runtime', id)}/runtime-endpoint/${name}`,
  agentRuntimeArn: arn('runtime', id),
  status: 'READY',
  id: `${name}-Zx12Yw34Vu`,
  description: '',
  createdAt: '2025-06-02T21:33:20Z',
  lastUpdatedAt: '2025-06-04T01:20:00Z',
  ...extra,
});

function recordedAccount(path: string, method: string, query: URLSearchParams): FakeAnswer {
  const denied = (action: string): FakeAnswer => ({ status: 403, type: 'AccessDeniedException', body: { message: `User is not authorized to perform: bedrock-agentcore:${action}` } });
  const gone: FakeAnswer = { status: 404, type: 'ResourceNotFoundException', body: { message: 'Resource not found' } };
  // ListAgentRuntimes: two pages; the third runtime's Get is denied; a deleted one is gone.
  if (method === 'POST' && path === '/runtimes/') {
    return query.get('nextToken') === 'page-2'
      ? { body: { agentRuntimes: [runtimeSummary(RUNTIME_DENIED, 'locked_agent'), runtimeSummary('gone_agent-0000000000', 'gone_agent')] } }
      : { body: { agentRuntimes: [runtimeSummary(RUNTIME_PUBLIC, 'claims_agent'), runtimeSummary(RUNTIME_VPC, 'triage_agent')], nextToken: 'page-2' } };
  }
  // ListAgentRuntimeEndpoints: every runtime has its DEFAULT endpoint on the latest version (3).
  if (method === 'POST' && /^\/runtimes\/[^/]+\/runtime-endpoints\/$/.test(path)) {
    const id = decodeURIComponent(path.split('/')[2] ?? '');
    return { body: { runtimeEndpoints: [runtimeEndpoint(id, 'DEFAULT', '3')] } };
  }
  if (method === 'GET' && path.startsWith('/runtimes/')) {
    const id = decodeURIComponent(path.split('/')[2] ?? '');
    if (id === RUNTIME_PUBLIC) return { body: RECORDED_GET_AGENT_RUNTIME };
    if (id === RUNTIME_VPC) return { body: RECORDED_GET_AGENT_RUNTIME_VPC };
    if (id === RUNTIME_DENIED) return denied('GetAgentRuntime');
    return gone;
  }
  if (method === 'GET' && path === '/gateways/') {
    return { body: { items: [{ gatewayId: GATEWAY_ID, name: 'claims-tools', status: 'READY', createdAt: '2025-06-02T21:33:20Z', updatedAt: '2025-06-02T21:41:40Z', authorizerType: 'NONE', protocolType: 'MCP' }] } };
  }
  if (method === 'GET' && path === `/gateways/${GATEWAY_ID}/`) return { body: RECORDED_GET_GATEWAY };
  if (method === 'POST' && path === '/memories/') return { body: { memories: [{ arn: arn('memory', MEMORY_ID), id: MEMORY_ID, status: 'ACTIVE', createdAt: 1748900000, updatedAt: 1748900000 }] } };
  if (method === 'GET' && path === `/memories/${MEMORY_ID}/details`) return { body: RECORDED_GET_MEMORY };
  if (method === 'POST' && path === '/browsers') {
    // The built-in browser (account "aws") is left out even if a listing returned it.
    const builtIn = { browserId: 'aws.browser.v1', browserArn: `arn:aws:bedrock-agentcore:${REGION}:aws:browser/aws.browser.v1`, name: 'Amazon Bedrock AgentCore Browser', status: 'READY', createdAt: '2025-06-02T21:33:20Z' };
    return { body: { browserSummaries: [builtIn, { browserId: BROWSER_ID, browserArn: arn('browser-custom', BROWSER_ID), name: 'claims_browser', status: 'READY', createdAt: '2025-06-02T21:33:20Z', lastUpdatedAt: '2025-06-02T21:33:20Z' }] } };
  }
  if (method === 'GET' && path === `/browsers/${BROWSER_ID}`) return { body: RECORDED_GET_BROWSER };
  if (method === 'POST' && path === '/code-interpreters') {
    return { body: { codeInterpreterSummaries: [{ codeInterpreterId: INTERPRETER_ID, codeInterpreterArn: arn('code-interpreter-custom', INTERPRETER_ID), name: 'claims_ci', status: 'READY', createdAt: '2025-06-02T21:33:20Z' }] } };
  }
  if (method === 'GET' && path === `/code-interpreters/${INTERPRETER_ID}`) return { body: RECORDED_GET_CODE_INTERPRETER };
  if (method === 'GET' && path.startsWith('/tags/')) {
    const resource = decodeURIComponent(path.slice('/tags/'.length));
    if (resource === arn('memory', MEMORY_ID)) return denied('ListTagsForResource');
    return { body: { tags: { team: 'claims' } } };
  }
  return undefined;
}

describe('Bedrock AgentCore collector (recorded real-shaped responses; moto lacks browsers and code interpreters)', () => {
  it('collects runtimes, gateways, memories and custom browsers and code interpreters with their Get output and tags over HTTP (recorded real-shaped responses; moto lacks browsers and code interpreters)', async () => {
    const server = await fakeAws((req, path, query) => recordedAccount(path, req.method ?? '', query));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      expect(server.unknown).toEqual([]);
      expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(TYPES.map((t) => `${t}:complete`).sort());
      const of = (type: string) => part.resources.filter((r) => r.type === type);

      const runtimes = of(AGENTCORE_TYPES.runtime);
      expect(runtimes.map((r) => r.name).sort()).toEqual(['claims_agent', 'locked_agent', 'triage_agent']); // the deleted one is skipped
      const publicRuntime = runtimes.find((r) => r.id === RUNTIME_PUBLIC);
      expect(publicRuntime).toMatchObject({ arn: arn('runtime', RUNTIME_PUBLIC), region: REGION, accountId: ACCOUNT, tags: { team: 'claims' } });
      expect(publicRuntime?.configuration).toMatchObject({ ...RECORDED_GET_AGENT_RUNTIME, createdAt: '2025-06-02T21:33:20.000Z', lastUpdatedAt: '2025-06-04T01:20:00.000Z' });
      const denied = runtimes.find((r) => r.id === RUNTIME_DENIED);
      expect(denied).toMatchObject({ arn: arn('runtime', RUNTIME_DENIED), configuration: { agentRuntimeId: RUNTIME_DENIED, status: 'READY' } });
      expect(denied?.collectionErrors).toEqual({ configuration: 'bedrock-agentcore:GetAgentRuntime was denied (AccessDeniedException)' });
      expect(server.requests.filter((r) => /^POST \/runtimes\/(\?|$)/.test(r))).toHaveLength(2); // ListAgentRuntimes' two pages

      const [gateway] = of(AGENTCORE_TYPES.gateway);
      // ListGateways has no ARN: GetGateway's gatewayArn is used.
      expect(gateway).toMatchObject({ id: GATEWAY_ID, arn: arn('gateway', GATEWAY_ID), name: 'claims-tools', configuration: { authorizerType: 'NONE', gatewayArn: arn('gateway', GATEWAY_ID) } });
      expect(gateway?.configuration.kmsKeyArn).toBeUndefined();

      const [memory] = of(AGENTCORE_TYPES.memory);
      expect(memory).toMatchObject({ id: MEMORY_ID, arn: arn('memory', MEMORY_ID), name: 'claims_memory', tags: null, configuration: { encryptionKeyArn: KEY, eventExpiryDuration: 30 } });
      expect(memory?.collectionErrors).toEqual({ Tags: 'bedrock-agentcore:ListTagsForResource was denied (AccessDeniedException)' });
      expect(server.requests).toContain(`GET /memories/${MEMORY_ID}/details?view=without_decryption`);

      const browsers = of(AGENTCORE_TYPES.browser);
      expect(browsers.map((b) => b.id)).toEqual([BROWSER_ID]);
      expect(browsers[0]?.configuration).toMatchObject({ recording: { enabled: true, s3Location: { bucket: 'agent-browser-recordings', prefix: 'claims/' } } });
      expect(server.requests).toContain('POST /browsers?type=CUSTOM');
      expect(server.requests.filter((r) => r.includes('aws.browser.v1'))).toEqual([]);

      const [interpreter] = of(AGENTCORE_TYPES.codeInterpreter);
      expect(interpreter).toMatchObject({ id: INTERPRETER_ID, name: 'claims_ci', configuration: { networkConfiguration: { networkMode: 'SANDBOX' } } });
      expect(server.requests).toContain('POST /code-interpreters?type=CUSTOM');

      for (const record of part.log.records) expect(bedrockAgentCoreCollector.operations).toContain(record.action);

      // The collected inventory through the real policy bundle.
      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
      const status = (controlId: string, resourceArn: string) => findings.find((f) => f.controlId === controlId && f.resource.arn === resourceArn)?.status;
      expect(status('CAFAI-IP-60', arn('runtime', RUNTIME_PUBLIC))).toBe('fail');
      expect(status('CAFAI-IP-60', arn('runtime', RUNTIME_VPC))).toBe('pass');
      expect(status('CAFAI-IP-60', arn('runtime', RUNTIME_DENIED))).toBe('not_evaluated');
      expect(status('CAFAI-IAM-60', arn('gateway', GATEWAY_ID))).toBe('fail');
      expect(status('CAFAI-DP-61', arn('gateway', GATEWAY_ID))).toBe('fail');
      expect(status('CAFAI-DP-60', arn('memory', MEMORY_ID))).toBe('pass');
      expect(status('CAFAI-IP-61', arn('browser-custom', BROWSER_ID))).toBe('pass');
      expect(status('CAFAI-SA-60', arn('browser-custom', BROWSER_ID))).toBe('pass');
      expect(status('CAFAI-IP-62', arn('code-interpreter-custom', INTERPRETER_ID))).toBe('fail');
    } finally {
      await server.close();
    }
  });

  it('a failed GetGateway keeps the ListGateways summary under an ARN built from the id (recorded real-shaped response; moto lacks browsers and code interpreters)', async () => {
    const server = await fakeAws((req, path, query) => {
      if (req.method === 'GET' && path === `/gateways/${GATEWAY_ID}/`) return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock-agentcore:GetGateway' } };
      return recordedAccount(path, req.method ?? '', query);
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      const gateway = part.resources.find((r) => r.type === AGENTCORE_TYPES.gateway);
      expect(gateway).toMatchObject({ id: GATEWAY_ID, arn: arn('gateway', GATEWAY_ID), name: 'claims-tools', configuration: { gatewayId: GATEWAY_ID, authorizerType: 'NONE' }, tags: { team: 'claims' } });
      expect(gateway?.collectionErrors).toEqual({ configuration: 'bedrock-agentcore:GetGateway was denied (AccessDeniedException)' });
      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
      for (const id of ['CAFAI-IAM-60', 'CAFAI-DP-61']) {
        const finding = findings.find((f) => f.controlId === id && f.resource.arn === arn('gateway', GATEWAY_ID));
        expect(finding?.status).toBe('not_evaluated');
        expect(finding?.reason).toMatch(/GetGateway was denied/);
      }
    } finally {
      await server.close();
    }
  });

  it('credentials not valid in the region (UnrecognizedClientException) fail every AgentCore type with that reason after one call', async () => {
    const server = await fakeAws(() => ({ status: 403, type: 'UnrecognizedClientException', body: { message: 'The security token included in the request is invalid.' } }));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector, 'me-central-1');
      expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(TYPES.map((t) => `${t}:failed`).sort());
      for (const entry of part.coverage) expect(entry.reason).toMatch(/bedrock-agentcore:ListAgentRuntimes was denied \(UnrecognizedClientException\)/);
      expect(part.resources).toEqual([]);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('a region without the AgentCore endpoint (connection refused) is a coverage gap for every type, never "none found"', async () => {
    const port = await freePort(); // nothing listens there
    const part = await runCollectorAgainst(endpointOnly(`http://127.0.0.1:${port}`), bedrockAgentCoreCollector, 'ap-southeast-5');
    expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(TYPES.map((t) => `${t}:failed`).sort());
    for (const entry of part.coverage) expect(entry.reason).toMatch(/bedrock-agentcore:ListAgentRuntimes could not be reached/);
    expect([...new Set(part.log.records.map((r) => r.action))]).toEqual(['bedrock-agentcore:ListAgentRuntimes']);
  });

  it('a denied list fails only its own type; the others are still collected (recorded real-shaped responses; moto lacks browsers and code interpreters)', async () => {
    const server = await fakeAws((req, path, query) => {
      if (req.method === 'POST' && path === '/memories/') return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock-agentcore:ListMemories' } };
      return recordedAccount(path, req.method ?? '', query);
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      const memory = part.coverage.find((c) => c.resourceType === AGENTCORE_TYPES.memory);
      expect(memory).toMatchObject({ status: 'failed', reason: 'bedrock-agentcore:ListMemories was denied (AccessDeniedException)' });
      expect(part.coverage.filter((c) => c.status === 'complete').map((c) => c.resourceType).sort()).toEqual(TYPES.filter((t) => t !== AGENTCORE_TYPES.memory).sort());
      expect(part.resources.filter((r) => r.type === AGENTCORE_TYPES.runtime)).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe('Bedrock AgentCore runtime versions served by endpoints (recorded real-shaped responses; moto 5.2.1 lists endpoints without liveVersion/targetVersion and its GetAgentRuntime ignores agentRuntimeVersion)', () => {
  // triage_agent's latest version (3) is in a VPC with a clean environment, but its endpoint
  // "prod" still serves version 2 (PUBLIC, an API key in its environment) and "canary" moves to 4.
  const VERSION_2 = { ...RECORDED_GET_AGENT_RUNTIME_VPC, agentRuntimeVersion: '2', networkConfiguration: { networkMode: 'PUBLIC' }, environmentVariables: { LOG_LEVEL: 'info', CASE_API_KEY: 'fx7Qm2Lr9Tz4Vb8Nc1WsK3pD' } };
  const VERSION_4 = { ...RECORDED_GET_AGENT_RUNTIME_VPC, agentRuntimeVersion: '4' };
  const endpoints = [runtimeEndpoint(RUNTIME_VPC, 'DEFAULT', '3'), runtimeEndpoint(RUNTIME_VPC, 'prod', '2'), runtimeEndpoint(RUNTIME_VPC, 'canary', '3', { targetVersion: '4', status: 'UPDATING' })];
  const deployed = (version4: FakeAnswer) => (req: { method?: string | undefined }, path: string, query: URLSearchParams): FakeAnswer => {
    if (req.method === 'POST' && path === `/runtimes/${RUNTIME_VPC}/runtime-endpoints/`) return { body: { runtimeEndpoints: endpoints } };
    if (req.method === 'GET' && path === `/runtimes/${RUNTIME_VPC}/` && query.get('version') === '2') return { body: VERSION_2 };
    if (req.method === 'GET' && path === `/runtimes/${RUNTIME_VPC}/` && query.get('version') === '4') return version4;
    return recordedAccount(path, req.method ?? '', query);
  };
  const judge = async (resources: Parameters<typeof buildInventory>[0][number]['resources'], coverage: Parameters<typeof buildInventory>[0][number]['coverage']) => {
    const inventory = buildInventory([{ source: 'live', resources, coverage }]);
    return makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
  };

  it('reads every version an endpoint serves, and CAFAI-IP-60 / CAFAI-AS-60 fail on the older one the latest hides', async () => {
    const server = await fakeAws(deployed({ body: VERSION_4 }));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      expect(server.unknown).toEqual([]);
      const runtime = part.resources.find((r) => r.id === RUNTIME_VPC);
      expect(runtime?.configuration).toMatchObject({ agentRuntimeVersion: '3', networkConfiguration: { networkMode: 'VPC' } });
      expect(runtime?.supplementaryConfiguration?.RuntimeEndpoints).toHaveLength(3);
      expect(runtime?.supplementaryConfiguration?.RuntimeVersions).toMatchObject([{ agentRuntimeVersion: '2', networkConfiguration: { networkMode: 'PUBLIC' } }, { agentRuntimeVersion: '4' }]);
      expect(runtime?.collectionErrors).toBeUndefined();
      // The latest version is not read twice; the served ones are read by number.
      expect(server.requests.filter((r) => r.startsWith(`GET /runtimes/${RUNTIME_VPC}/`)).sort()).toEqual([`GET /runtimes/${RUNTIME_VPC}/`, `GET /runtimes/${RUNTIME_VPC}/?version=2`, `GET /runtimes/${RUNTIME_VPC}/?version=4`]);
      for (const record of part.log.records) expect(bedrockAgentCoreCollector.operations).toContain(record.action);

      const findings = await judge(part.resources, part.coverage);
      const finding = (controlId: string) => findings.find((f) => f.controlId === controlId && f.resource.arn === arn('runtime', RUNTIME_VPC));
      expect(finding('CAFAI-IP-60')).toMatchObject({ status: 'fail', message: 'Agent runtime triage_agent serves runtime version 2 (endpoint prod) in PUBLIC network mode, not in a VPC.' });
      expect(finding('CAFAI-AS-60')).toMatchObject({ status: 'fail', message: 'Agent runtime triage_agent serves runtime version 2 (endpoint prod) with environment variables that look like credentials: CASE_API_KEY.' });
      // inventory.json never writes back the served version's credential (it sits in supplementaryConfiguration).
      const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
      const evaluated = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') });
      const written = redactInventory(inventory, evaluated).inventory.resources.find((r) => r.arn === arn('runtime', RUNTIME_VPC));
      expect(written?.supplementaryConfiguration).toMatchObject({ RuntimeVersions: [{ environmentVariables: { LOG_LEVEL: 'info', CASE_API_KEY: REDACTION_MARKER } }, {}] });
      expect(JSON.stringify(written)).not.toContain(VERSION_2.environmentVariables.CASE_API_KEY);
      // The public runtime with only its DEFAULT endpoint is judged as before.
      expect(findings.find((f) => f.controlId === 'CAFAI-AS-60' && f.resource.arn === arn('runtime', RUNTIME_PUBLIC))?.status).toBe('pass');
    } finally {
      await server.close();
    }
  });

  it('a served version that cannot be read leaves the runtime not evaluated, never passed', async () => {
    const server = await fakeAws((req, path, query) => {
      if (req.method === 'GET' && path === `/runtimes/${RUNTIME_VPC}/` && query.get('version') === '2') return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock-agentcore:GetAgentRuntime' } };
      return deployed({ body: VERSION_4 })(req, path, query);
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      const runtime = part.resources.find((r) => r.id === RUNTIME_VPC);
      expect(runtime?.collectionErrors).toEqual({ RuntimeEndpoints: 'bedrock-agentcore:GetAgentRuntime was denied (AccessDeniedException)' });
      const findings = await judge(part.resources, part.coverage);
      for (const id of ['CAFAI-IP-60', 'CAFAI-AS-60']) {
        const finding = findings.find((f) => f.controlId === id && f.resource.arn === arn('runtime', RUNTIME_VPC));
        expect(finding?.status).toBe('not_evaluated');
        expect(finding?.reason).toMatch(/GetAgentRuntime was denied/);
      }
    } finally {
      await server.close();
    }
  });

  it('an answer for another version than the one asked for (as moto gives) is no record of it', async () => {
    const server = await fakeAws(deployed({ body: RECORDED_GET_AGENT_RUNTIME_VPC }));
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      const runtime = part.resources.find((r) => r.id === RUNTIME_VPC);
      expect(runtime?.collectionErrors).toEqual({ RuntimeEndpoints: 'bedrock-agentcore:GetAgentRuntime answered version 3 when asked for version 4' });
      expect(runtime?.supplementaryConfiguration?.RuntimeVersions).toMatchObject([{ agentRuntimeVersion: '2' }]);
      // Version 2 is still known to be PUBLIC: the runtime fails whatever version 4 is.
      const findings = await judge(part.resources, part.coverage);
      expect(findings.find((f) => f.controlId === 'CAFAI-IP-60' && f.resource.arn === arn('runtime', RUNTIME_VPC))?.status).toBe('fail');
    } finally {
      await server.close();
    }
  });

  it('a denied ListAgentRuntimeEndpoints leaves the served versions unknown', async () => {
    const server = await fakeAws((req, path, query) => {
      if (req.method === 'POST' && path.endsWith('/runtime-endpoints/')) return { status: 403, type: 'AccessDeniedException', body: { message: 'User is not authorized to perform: bedrock-agentcore:ListAgentRuntimeEndpoints' } };
      return recordedAccount(path, req.method ?? '', query);
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(TYPES.map((t) => `${t}:complete`).sort());
      const runtime = part.resources.find((r) => r.id === RUNTIME_VPC);
      expect(runtime?.collectionErrors).toEqual({ RuntimeEndpoints: 'bedrock-agentcore:ListAgentRuntimeEndpoints was denied (AccessDeniedException)' });
      const findings = await judge(part.resources, part.coverage);
      expect(findings.find((f) => f.controlId === 'CAFAI-IP-60' && f.resource.arn === arn('runtime', RUNTIME_VPC))?.status).toBe('not_evaluated');
      expect(findings.find((f) => f.controlId === 'CAFAI-IP-60' && f.resource.arn === arn('runtime', RUNTIME_PUBLIC))?.status).toBe('fail');
    } finally {
      await server.close();
    }
  });
});

describe('Bedrock AgentCore mapping', () => {
  it('builds the fallback ARN of each kind with its own resource type, never gateway/ for all', () => {
    const place = { partition: 'aws', region: REGION, accountId: ACCOUNT };
    expect(agentCoreArn(AGENTCORE_TYPES.runtime, place, RUNTIME_VPC)).toBe(arn('runtime', RUNTIME_VPC));
    expect(agentCoreArn(AGENTCORE_TYPES.gateway, place, GATEWAY_ID)).toBe(arn('gateway', GATEWAY_ID));
    expect(agentCoreArn(AGENTCORE_TYPES.memory, place, MEMORY_ID)).toBe(arn('memory', MEMORY_ID));
    expect(agentCoreArn(AGENTCORE_TYPES.browser, place, BROWSER_ID)).toBe(arn('browser-custom', BROWSER_ID));
    expect(agentCoreArn(AGENTCORE_TYPES.codeInterpreter, place, INTERPRETER_ID)).toBe(arn('code-interpreter-custom', INTERPRETER_ID));
  });

  it('a runtime summary without an ARN gets a runtime/ ARN, not a gateway/ one (recorded real-shaped responses)', async () => {
    const server = await fakeAws((req, path, query) => {
      if (req.method === 'POST' && path === '/runtimes/' && !query.get('nextToken')) return { body: { agentRuntimes: [{ ...runtimeSummary(RUNTIME_DENIED, 'locked_agent'), agentRuntimeArn: undefined }] } };
      return recordedAccount(path, req.method ?? '', query);
    });
    try {
      const part = await runCollectorAgainst(endpointOnly(server.endpoint), bedrockAgentCoreCollector);
      expect(part.resources.find((r) => r.id === RUNTIME_DENIED)?.arn).toBe(arn('runtime', RUNTIME_DENIED));
      expect(server.requests).toContain(`GET /tags/${encodeURIComponent(arn('runtime', RUNTIME_DENIED))}`);
    } finally {
      await server.close();
    }
  });

  it('names built-in tools as AWS-managed by their account "aws"', () => {
    expect(isAwsManaged(`arn:aws:bedrock-agentcore:${REGION}:aws:browser/aws.browser.v1`)).toBe(true);
    expect(isAwsManaged(`arn:aws:bedrock-agentcore:${REGION}:aws:code-interpreter/aws.codeinterpreter.v1`)).toBe(true);
    expect(isAwsManaged(arn('browser-custom', BROWSER_ID))).toBe(false);
    expect(isAwsManaged('')).toBe(false);
  });

  it('takes ARN and name from the Get output, and keeps the summary with the reason when the Get failed', () => {
    const listed = { id: MEMORY_ID, arn: arn('memory', MEMORY_ID), name: null, summary: { id: MEMORY_ID, status: 'ACTIVE' } };
    const ok = agentCoreResource(AGENTCORE_TYPES.memory, listed, { ok: true, value: { arn: arn('memory', MEMORY_ID), name: 'claims_memory', encryptionKeyArn: KEY } }, { ok: true, value: {} });
    expect(ok).toMatchObject({ name: 'claims_memory', configuration: { encryptionKeyArn: KEY }, tags: {} });
    expect(ok.collectionErrors).toBeUndefined();
    const failed = agentCoreResource(AGENTCORE_TYPES.memory, listed, { ok: false, reason: 'denied' }, { ok: false, reason: 'tags denied' });
    expect(failed).toMatchObject({ name: null, configuration: { id: MEMORY_ID, status: 'ACTIVE' }, tags: null, collectionErrors: { configuration: 'denied', Tags: 'tags denied' } });
  });
});

describe('Bedrock AgentCore collector against moto (runtimes, gateways, memories)', () => {
  let moto: Moto;
  const MOTO_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9`;
  const RUNTIME_ROLE = `arn:aws:iam::${ACCOUNT}:role/agentcore-runtime`;
  beforeAll(async () => {
    moto = await startMoto();
    const client = new BedrockAgentCoreControlClient(moto.clientConfig(REGION));
    const artifact = { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/agents:1` } };
    await client.send(new CreateAgentRuntimeCommand({ agentRuntimeName: 'public_agent', agentRuntimeArtifact: artifact, roleArn: RUNTIME_ROLE, networkConfiguration: { networkMode: 'PUBLIC' }, tags: { team: 'claims' } }));
    await client.send(new CreateAgentRuntimeCommand({ agentRuntimeName: 'vpc_agent', agentRuntimeArtifact: artifact, roleArn: RUNTIME_ROLE, networkConfiguration: { networkMode: 'VPC', networkModeConfig: { subnets: ['subnet-0abc'], securityGroups: ['sg-0abc'] } } }));
    await client.send(new CreateGatewayCommand({ name: 'open-tools', roleArn: `arn:aws:iam::${ACCOUNT}:role/agentcore-gateway`, protocolType: 'MCP', authorizerType: 'NONE' }));
    await client.send(
      new CreateGatewayCommand({
        name: 'jwt-tools',
        roleArn: `arn:aws:iam::${ACCOUNT}:role/agentcore-gateway`,
        protocolType: 'MCP',
        authorizerType: 'CUSTOM_JWT',
        authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration', allowedAudience: ['tools'] } },
        kmsKeyArn: MOTO_KEY,
      }),
    );
    await client.send(new CreateMemoryCommand({ name: 'plain_memory', eventExpiryDuration: 30 }));
    await client.send(new CreateMemoryCommand({ name: 'keyed_memory', eventExpiryDuration: 30, encryptionKeyArn: MOTO_KEY }));
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('collects what moto implements, and reports the browser and code interpreter lists it lacks as coverage gaps', async () => {
    const part = await runCollectorAgainst(moto, bedrockAgentCoreCollector);
    const coverage = Object.fromEntries(part.coverage.map((c) => [c.resourceType, c.status]));
    expect(coverage).toEqual({
      [AGENTCORE_TYPES.runtime]: 'complete',
      [AGENTCORE_TYPES.gateway]: 'complete',
      [AGENTCORE_TYPES.memory]: 'complete',
      [AGENTCORE_TYPES.browser]: 'failed',
      [AGENTCORE_TYPES.codeInterpreter]: 'failed',
    });
    for (const entry of part.coverage.filter((c) => c.status === 'failed')) expect(entry.reason).toMatch(/^bedrock-agentcore:List(Browsers|CodeInterpreters) failed/);
    const byName = new Map(part.resources.map((r) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual(['jwt-tools', 'keyed_memory', 'open-tools', 'plain_memory', 'public_agent', 'vpc_agent']);
    expect(byName.get('public_agent')).toMatchObject({ type: AGENTCORE_TYPES.runtime, tags: { team: 'claims' }, configuration: { roleArn: RUNTIME_ROLE, networkConfiguration: { networkMode: 'PUBLIC' } } });
    expect(byName.get('jwt-tools')?.configuration).toMatchObject({ authorizerType: 'CUSTOM_JWT', kmsKeyArn: MOTO_KEY });
    expect(byName.get('keyed_memory')?.configuration).toMatchObject({ encryptionKeyArn: MOTO_KEY });
    for (const resource of part.resources) expect(resource.collectionErrors).toBeUndefined();
    for (const record of part.log.records) expect(bedrockAgentCoreCollector.operations).toContain(record.action);

    const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
    const status = (controlId: string, name: string) => findings.find((f) => f.controlId === controlId && f.resource.arn === byName.get(name)?.arn)?.status;
    expect([status('CAFAI-IP-60', 'public_agent'), status('CAFAI-IP-60', 'vpc_agent')]).toEqual(['fail', 'pass']);
    expect([status('CAFAI-IAM-60', 'open-tools'), status('CAFAI-IAM-60', 'jwt-tools')]).toEqual(['fail', 'pass']);
    expect([status('CAFAI-DP-61', 'open-tools'), status('CAFAI-DP-61', 'jwt-tools')]).toEqual(['fail', 'pass']);
    expect([status('CAFAI-DP-60', 'plain_memory'), status('CAFAI-DP-60', 'keyed_memory')]).toEqual(['fail', 'pass']);
  });
});
