import { describe, expect, it } from 'vitest';
import { loadPolicyBundle } from '../../src/controls/catalog.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { agentCoreApiShape } from '../../src/inventory/agentcore-config-shape.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { normalizeConfigItem } from '../../src/inventory/normalize-config-item.js';
import type { JsonObject } from '../../src/json.js';
import type { InventoryResource } from '../../src/model/inventory.js';

// AWS Config items of the AgentCore types, with the CloudFormation resource model as their
// configuration (property names from the AWS::BedrockAgentCore::* CloudFormation schemas).
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const arn = (kind: string, id: string) => `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:${kind}/${id}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function item(resourceType: string, resourceId: string, itemArn: string, configuration: JsonObject): JsonObject {
  return { resourceType, resourceId, ARN: itemArn, awsAccountId: ACCOUNT, awsRegion: REGION, configurationItemStatus: 'OK', configurationItemCaptureTime: '2026-01-01T00:00:00.000Z', configuration: JSON.stringify(configuration) };
}

const RUNTIME = item('AWS::BedrockAgentCore::Runtime', 'claims_agent-Ab12Cd34Ef', arn('runtime', 'claims_agent-Ab12Cd34Ef'), {
  AgentRuntimeArn: arn('runtime', 'claims_agent-Ab12Cd34Ef'),
  AgentRuntimeId: 'claims_agent-Ab12Cd34Ef',
  AgentRuntimeName: 'claims_agent',
  RoleArn: `arn:aws:iam::${ACCOUNT}:role/runtime`,
  Status: 'READY',
  NetworkConfiguration: { NetworkMode: 'VPC', NetworkModeConfig: { Subnets: ['subnet-0abc'], SecurityGroups: ['sg-0abc'] } },
  AgentRuntimeArtifact: { ContainerConfiguration: { ContainerUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/claims:3` } },
  EnvironmentVariables: { LOG_LEVEL: 'info', ModelId: 'anthropic.claude' },
  Tags: { Team: 'claims' },
});
const GATEWAY = item('AWS::BedrockAgentCore::Gateway', 'claims-tools-x1y2z3', arn('gateway', 'claims-tools-x1y2z3'), {
  GatewayArn: arn('gateway', 'claims-tools-x1y2z3'),
  GatewayIdentifier: 'claims-tools-x1y2z3',
  Name: 'claims-tools',
  Status: 'READY',
  AuthorizerType: 'AUTHENTICATE_ONLY',
  PolicyEngineConfiguration: { Arn: arn('policy-engine', 'pe1'), Mode: 'ENFORCE' },
  KmsKeyArn: KEY,
});
const MEMORY = item('AWS::BedrockAgentCore::Memory', arn('memory', 'claims_memory-Q1w2'), arn('memory', 'claims_memory-Q1w2'), {
  MemoryArn: arn('memory', 'claims_memory-Q1w2'),
  MemoryId: 'claims_memory-Q1w2',
  Name: 'claims_memory',
  Status: 'ACTIVE',
  EventExpiryDuration: 30,
});
const BROWSER = item('AWS::BedrockAgentCore::BrowserCustom', 'claims_browser-a1B2', arn('browser-custom', 'claims_browser-a1B2'), {
  BrowserArn: arn('browser-custom', 'claims_browser-a1B2'),
  BrowserId: 'claims_browser-a1B2',
  Name: 'claims_browser',
  Status: 'READY',
  NetworkConfiguration: { NetworkMode: 'PUBLIC' },
  RecordingConfig: { Enabled: true, S3Location: { Bucket: 'agent-browser-recordings', Prefix: 'claims/' } },
});
const INTERPRETER = item('AWS::BedrockAgentCore::CodeInterpreterCustom', 'claims_ci-Z9y8', arn('code-interpreter-custom', 'claims_ci-Z9y8'), {
  CodeInterpreterArn: arn('code-interpreter-custom', 'claims_ci-Z9y8'),
  CodeInterpreterId: 'claims_ci-Z9y8',
  Name: 'claims_ci',
  Status: 'READY',
  NetworkConfiguration: { NetworkMode: 'SANDBOX' },
});

const normalized = (raw: JsonObject): InventoryResource => normalizeConfigItem(raw, 'test')!;

describe('AgentCore Config items (CloudFormation resource model) in the API shape the controls read', () => {
  it('camel-cases the keys, renames the ones the API names differently and keeps user-named map keys', () => {
    expect(normalized(RUNTIME).configuration).toMatchObject({
      agentRuntimeArn: arn('runtime', 'claims_agent-Ab12Cd34Ef'),
      networkConfiguration: { networkMode: 'VPC', networkModeConfig: { subnets: ['subnet-0abc'], securityGroups: ['sg-0abc'] } },
      agentRuntimeArtifact: { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/claims:3` } },
      environmentVariables: { LOG_LEVEL: 'info', ModelId: 'anthropic.claude' },
    });
    expect(normalized(RUNTIME).tags).toEqual({ Team: 'claims' });
    expect(normalized(GATEWAY).configuration).toMatchObject({ gatewayArn: arn('gateway', 'claims-tools-x1y2z3'), gatewayId: 'claims-tools-x1y2z3', authorizerType: 'AUTHENTICATE_ONLY', policyEngineConfiguration: { mode: 'ENFORCE' }, kmsKeyArn: KEY });
    expect(normalized(MEMORY).configuration).toEqual({ arn: arn('memory', 'claims_memory-Q1w2'), id: 'claims_memory-Q1w2', name: 'claims_memory', status: 'ACTIVE', eventExpiryDuration: 30 });
    expect(normalized(BROWSER).configuration).toMatchObject({ browserArn: arn('browser-custom', 'claims_browser-a1B2'), recording: { enabled: true, s3Location: { bucket: 'agent-browser-recordings', prefix: 'claims/' } }, networkConfiguration: { networkMode: 'PUBLIC' } });
    expect(normalized(INTERPRETER).configuration).toMatchObject({ codeInterpreterArn: arn('code-interpreter-custom', 'claims_ci-Z9y8'), networkConfiguration: { networkMode: 'SANDBOX' } });
  });

  it('judges a runtime Config records at version 1 in full: a runtime never updated has no other version to serve', async () => {
    const configuration = { ...(JSON.parse(String(RUNTIME.configuration)) as JsonObject), AgentRuntimeVersion: '1' };
    const first = item('AWS::BedrockAgentCore::Runtime', 'claims_agent-Ab12Cd34Ef', arn('runtime', 'claims_agent-Ab12Cd34Ef'), configuration);
    const inventory = buildInventory([{ source: 'config', resources: [normalized(first)], coverage: [] }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
    expect(findings.find((f) => f.controlId === 'CAFAI-IP-60')?.status).toBe('pass');
    const later = item('AWS::BedrockAgentCore::Runtime', 'claims_agent-Ab12Cd34Ef', arn('runtime', 'claims_agent-Ab12Cd34Ef'), { ...configuration, AgentRuntimeVersion: '4' });
    const laterFindings = makeFindings(await evaluateInventory(buildInventory([{ source: 'config', resources: [normalized(later)], coverage: [] }]), { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
    const finding = laterFindings.find((f) => f.controlId === 'CAFAI-IP-60');
    expect(finding?.status).toBe('not_evaluated');
    expect(finding?.reason).toMatch(/AWS Config does not record them/);
  });

  it('leaves an item already in the API shape, and every other type, as it is', () => {
    const api = { gatewayArn: arn('gateway', 'g'), authorizerType: 'NONE', AuthorizerType: 'AWS_IAM' };
    expect(agentCoreApiShape('AWS::BedrockAgentCore::Gateway', api)).toBe(api);
    const sagemaker = { NotebookInstanceArn: 'arn', DirectInternetAccess: 'Enabled' };
    expect(agentCoreApiShape('AWS::SageMaker::NotebookInstance', sagemaker)).toBe(sagemaker);
  });

  it('gives the AgentCore controls the same verdicts as on live data', async () => {
    const inventory = buildInventory([{ source: 'config', resources: [RUNTIME, GATEWAY, MEMORY, BROWSER, INTERPRETER].map(normalized), coverage: [] }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
    const status = (controlId: string) => findings.find((f) => f.controlId === controlId)?.status;
    // Config records the latest runtime version and no endpoints: an endpoint may serve another version.
    expect(status('CAFAI-IP-60')).toBe('not_evaluated');
    expect(status('CAFAI-IAM-60')).toBe('pass'); // authenticate-only, with an enforcing policy engine
    expect(status('CAFAI-DP-61')).toBe('pass');
    expect(status('CAFAI-DP-60')).toBe('fail'); // no EncryptionKeyArn: the AWS owned key
    expect(status('CAFAI-IP-61')).toBe('fail');
    expect(status('CAFAI-SA-60')).toBe('pass');
    expect(status('CAFAI-IP-62')).toBe('fail');
  });
});
