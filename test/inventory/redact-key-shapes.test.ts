import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { REDACTION_MARKER, redactInventory } from '../../src/inventory/redact.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

// Fake keys in the shapes providers issue today, assembled at run time so that no secret
// scanner takes this file for a leak. The compiled policy (opa-wasm, not the opa CLI) decides,
// so this also proves the patterns in policies/lib/lib.rego work in WebAssembly.
const r20 = 'Ab3dEf6hIj9lMn2pQr5t';
const keys: Record<string, string> = {
  OPENAI_PROJECT: ['sk-', 'proj-', r20, r20, '_x-', r20].join(''),
  OPENAI_SERVICE: ['sk-', 'svcacct-', r20, r20].join(''),
  OPENAI_ADMIN: ['sk-', 'admin-', r20, r20].join(''),
  ANTHROPIC: ['sk-', 'ant-api03-', r20, r20, r20, '-AA'].join(''),
  ANTHROPIC_ADMIN: ['sk-', 'ant-admin01-', r20, r20].join(''),
  HUGGING_FACE: ['hf', '_', 'AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh'].join(''),
  GOOGLE: ['AI', 'za', 'SyA1b2C3d4E5f6G7h8I9j0K-L_M2n3O4p5Q'].join(''),
  GITHUB_FINE_GRAINED: ['github', '_pat_', '11ABCDEFG0', r20, '_', r20, r20].join(''),
  AWS_SECRET_VALUE: ['wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY'].join(''),
  JWT: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'].join('.'),
};
const ordinary: Record<string, string> = {
  SAGEMAKER_PROGRAM: 'inference.py',
  HF_MODEL_ID: 'meta-llama/Llama-3.1-8B-Instruct',
  TASK: 'mask-generation-pipeline-for-segment-anything-model',
  GIT_COMMIT: '3f786850e387550fdab836ed7e6dc881de23001b',
  HF_HUB_ENABLE_HF_TRANSFER: '1',
};

const model: InventoryResource = {
  type: 'AWS::SageMaker::Model',
  id: 'llm',
  arn: 'arn:aws:sagemaker:us-east-1:111122223333:model/llm',
  name: 'llm',
  accountId: '111122223333',
  region: 'us-east-1',
  capturedAt: null,
  configuration: { ModelName: 'llm', PrimaryContainer: { Image: 'x', Environment: { ...keys, ...ordinary } } },
  supplementaryConfiguration: {},
  tags: {},
  relationships: [],
};

describe('credential shapes of current AI and cloud providers (recorded in a SageMaker model environment)', () => {
  it('are redacted in inventory.json and reported by CAFAI-AS-02; ordinary settings are kept', async () => {
    const inventory = buildInventory([{ source: 'test', resources: [model], coverage: [] }]);
    const evaluated = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z'), allResources: true });
    const own = evaluated.find((e) => e.resource.arn === model.arn);
    const redacted = redactInventory(inventory, evaluated).inventory.resources.find((r) => r.arn === model.arn);
    const environment = (redacted?.configuration.PrimaryContainer as { Environment: Record<string, string> }).Environment;
    for (const name of Object.keys(keys)) expect(environment[name], name).toBe(REDACTION_MARKER);
    for (const [name, value] of Object.entries(ordinary)) expect(environment[name], name).toBe(value);
    const as02 = own?.outcomes.find((o) => o.controlId === 'CAFAI-AS-02');
    expect(as02?.status).toBe('fail');
    for (const name of Object.keys(keys)) expect(as02?.messages.join(' '), name).toContain(name);
  });
});
