import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/**
 * AWS Config records the Bedrock AgentCore types with their CloudFormation resource model
 * (PascalCase: `NetworkConfiguration.NetworkMode`, `RecordingConfig`, `GatewayIdentifier`), while
 * the live collector keeps the control plane API's keys (camelCase: `networkConfiguration.networkMode`,
 * `recording`, `gatewayId`), which the AgentCore controls read. This gives a Config item the
 * API's shape, so both sources are judged alike. Key names follow the CloudFormation schemas of
 * AWS::BedrockAgentCore::Runtime / Gateway / Memory / BrowserCustom / CodeInterpreterCustom.
 */

/** CloudFormation property → API key, where they differ by more than the first letter's case. */
const RENAMED: Record<string, Record<string, string>> = {
  'AWS::BedrockAgentCore::Gateway': { GatewayIdentifier: 'gatewayId' },
  'AWS::BedrockAgentCore::Memory': { MemoryArn: 'arn', MemoryId: 'id' },
  'AWS::BedrockAgentCore::BrowserCustom': { RecordingConfig: 'recording' },
};

/** The CloudFormation ARN property: present only on an item in CloudFormation's shape. */
const CFN_ARN_KEY: Record<string, string> = {
  'AWS::BedrockAgentCore::Runtime': 'AgentRuntimeArn',
  'AWS::BedrockAgentCore::Gateway': 'GatewayArn',
  'AWS::BedrockAgentCore::Memory': 'MemoryArn',
  'AWS::BedrockAgentCore::BrowserCustom': 'BrowserArn',
  'AWS::BedrockAgentCore::CodeInterpreterCustom': 'CodeInterpreterArn',
};

/** Maps whose keys are the user's own names (environment variables, tags): kept as they are. */
const VERBATIM = new Set(['EnvironmentVariables', 'Tags']);

/**
 * The API-shaped configuration of an AgentCore Config item; any other type, or an item already
 * in the API's shape (no CloudFormation ARN property), is returned unchanged.
 */
export function agentCoreApiShape(type: string, configuration: JsonObject): JsonObject {
  const arnKey = CFN_ARN_KEY[type];
  if (!arnKey || !Object.hasOwn(configuration, arnKey)) return configuration;
  const renamed = RENAMED[type] ?? {};
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(configuration)) out[renamed[key] ?? lowerFirst(key)] = VERBATIM.has(key) ? value : camel(value);
  return out;
}

function camel(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(camel);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) out[lowerFirst(key)] = camel(inner);
  return out;
}

function lowerFirst(key: string): string {
  return key ? key.charAt(0).toLowerCase() + key.slice(1) : key;
}
