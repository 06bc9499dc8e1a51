import { describe, expect, it } from 'vitest';
import { withoutInlineCode } from '../../src/collect/services/bedrock-flow-code.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { REDACTION_MARKER, redactInventory } from '../../src/inventory/redact.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import type { JsonObject, JsonValue } from '../../src/json.js';

const FLOW_ARN = 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW12345';
// Made-up values shaped like the real thing: an OpenAI project key and a database password.
const OPENAI_KEY = 'sk-proj-Abcdefghijklmnopqrstuvwxyz0123456789';
const DB_PASSWORD = 'Tr0ub4dor-and-3';
// GetFlow's definition as the API returns it (recorded real-shaped: node types and keys from the
// Bedrock Agent API reference), with an InlineCode node whose Python source holds credentials.
const CODE = [
  'import os, json',
  `OPENAI_API_KEY = "${OPENAI_KEY}"`,
  `conn = connect("postgres://app:${DB_PASSWORD}@db.internal:5432/rag")`,
  'def __func():',
  '    return json.dumps({"answer": variable})',
  '__func()',
].join('\n');
const NODES: JsonValue[] = [
  { name: 'FlowInputNode', type: 'Input', outputs: [{ name: 'document', type: 'String' }] },
  { name: 'Enrich', type: 'InlineCode', configuration: { inlineCode: { code: CODE, language: 'Python_3' } }, inputs: [{ name: 'variable', type: 'String', expression: '$.data' }] },
  { name: 'Answer', type: 'Prompt', configuration: { prompt: { sourceConfiguration: { resource: { promptArn: 'arn:aws:bedrock:us-east-1:123456789012:prompt/P1' } } } } },
];
const GET_FLOW: JsonObject = {
  id: 'FLOW12345',
  arn: FLOW_ARN,
  name: 'support-triage',
  status: 'Prepared',
  version: 'DRAFT',
  definition: {
    nodes: NODES,
    connections: [{ name: 'c1', source: 'FlowInputNode', target: 'Enrich', type: 'Data' }],
  },
};

describe('Bedrock flow inline code never reaches inventory.json (recorded real-shaped GetFlow response)', () => {
  it('keeps only the credential entries of an InlineCode node, and leaves other nodes alone', () => {
    const kept = withoutInlineCode(GET_FLOW);
    const nodes = (kept.definition as { nodes: Array<{ configuration?: Record<string, unknown> }> }).nodes;
    expect(nodes[1]?.configuration?.inlineCode).toEqual({ language: 'Python_3', Environment: expect.objectContaining({ OPENAI_API_KEY: OPENAI_KEY }) });
    expect(JSON.stringify(kept)).not.toContain('def __func');
    expect(nodes[0]).toEqual(NODES[0]);
    expect(nodes[2]).toEqual(NODES[2]);
    // A flow whose detail could not be read (a List summary) passes through unchanged.
    expect(withoutInlineCode({ id: 'F1', status: 'Prepared' })).toEqual({ id: 'F1', status: 'Prepared' });
  });

  it('redacts the credentials the code held when inventory.json is written', async () => {
    const resource: InventoryResource = {
      type: 'AWS::Bedrock::Flow', id: 'FLOW12345', arn: FLOW_ARN, name: 'support-triage', accountId: '123456789012', region: 'us-east-1',
      capturedAt: null, configuration: withoutInlineCode(GET_FLOW), supplementaryConfiguration: {}, tags: {}, relationships: [],
    };
    const inventory = buildInventory([{ source: 'live', resources: [resource], coverage: [] }]);
    const evaluated = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') });
    const written = JSON.stringify(redactInventory(inventory, evaluated).inventory);
    expect(written).not.toContain(OPENAI_KEY);
    expect(written).not.toContain(DB_PASSWORD);
    expect(written).toContain('"OPENAI_API_KEY":"' + REDACTION_MARKER + '"');
  });
});
