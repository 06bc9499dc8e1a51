import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { describe, expect, it } from 'vitest';
import { policyBundleDir, loadPolicyBundle } from '../../src/controls/catalog.js';
import { evaluateInventory, type ControlOutcome } from '../../src/engine/evaluate.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import type { JsonObject } from '../../src/json.js';

// The policy semantics of policies/lib/policy.rego run in the compiled bundle (opa-wasm), not
// only under `opa test` (Go): some builtins differ there (sprintf("%q") throws in opa-wasm's
// JavaScript, regex and glob are native C). Each case goes through the engine users run.

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

function resource(type: string, name: string, arn: string, configuration: JsonObject, supplementary: JsonObject = {}): InventoryResource {
  return {
    type,
    id: name,
    arn,
    name,
    accountId: ACCOUNT,
    region: type.startsWith('AWS::IAM::') ? 'global' : REGION,
    capturedAt: null,
    configuration,
    supplementaryConfiguration: supplementary,
    tags: {},
    relationships: [],
  };
}

function bucket(name: string, supplementary: JsonObject): InventoryResource {
  return resource('AWS::S3::Bucket', name, `arn:aws:s3:::${name}`, { name }, supplementary);
}

const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

function role(name: string, statements: JsonObject[]): InventoryResource {
  return resource('AWS::IAM::Role', name, `arn:aws:iam::${ACCOUNT}:role/${name}`, {
    roleName: name,
    arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    assumeRolePolicyDocument: trust,
    attachedManagedPolicies: [],
    rolePolicyList: [{ policyName: 'inline', policyDocument: { Version: '2012-10-17', Statement: statements } }],
  });
}

const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::sid-public/*' };

const tlsDeny = (resources: string[]): JsonObject => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: resources,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

const resources: InventoryResource[] = [
  // No Block Public Access anywhere (the account-level type was collected and none found).
  bucket('sid-public', { BucketPolicy: { policyText: { Version: '2012-10-17', Statement: [publicRead] } } }),
  bucket('outside-org', {
    BucketPolicy: {
      policyText: {
        Version: '2012-10-17',
        Statement: [{ ...publicRead, Sid: 'NotMyOrg', Resource: 'arn:aws:s3:::outside-org/*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }],
      },
    },
  }),
  // aws:SourceIp ranges are judged with native Rego (net.cidr_is_valid is not in opa-wasm).
  bucket('office-only', {
    BucketPolicy: {
      policyText: {
        Version: '2012-10-17',
        Statement: [{ ...publicRead, Sid: 'Office', Resource: 'arn:aws:s3:::office-only/*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/48'] } } }],
      },
    },
    AccessControlList: { grantList: [] },
  }),
  bucket('internet', {
    BucketPolicy: {
      policyText: {
        Version: '2012-10-17',
        Statement: [{ ...publicRead, Sid: 'Internet', Resource: 'arn:aws:s3:::internet/*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }],
      },
    },
  }),
  bucket('tls-other-bucket', { BucketPolicy: { policyText: { Version: '2012-10-17', Statement: [tlsDeny(['arn:aws:s3:::elsewhere', 'arn:aws:s3:::elsewhere/*'])] } } }),
  bucket('tls-ok', { BucketPolicy: { policyText: { Version: '2012-10-17', Statement: [tlsDeny(['arn:aws:s3:::tls-ok', 'arn:aws:s3:::tls-ok/*'])] } } }),
  role('iam-star', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
  role('not-action', [{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }]),
  role('star-colon-star', [{ Effect: 'Allow', Action: '*:*', Resource: '*' }]),
  // Regex metacharacters are literal in IAM: "s3:Get.bject" is no wildcard.
  role('scoped', [{ Effect: 'Allow', Action: ['s3:Get.bject', 's3:(Get|Put)Object', 'sagemaker:Describe*'], Resource: 'arn:aws:s3:::data/*' }]),
  role('pass-role', [
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
    { Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: '*' },
  ]),
  resource('AWS::SageMaker::ModelPackageGroup', 'churn', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`, {
    ModelPackageGroupName: 'churn',
    ModelPackageGroupPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'ShareWithEveryone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sagemaker:DescribeModelPackage', Resource: '*' }] },
  }),
];

async function outcomes(): Promise<Map<string, ControlOutcome[]>> {
  const inventory = buildInventory([
    {
      source: 'test',
      resources,
      coverage: [{ accountId: ACCOUNT, region: REGION, resourceType: 'AWS::S3::AccountPublicAccessBlock', status: 'complete' }],
    },
  ]);
  const results = await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-11-01T00:00:00Z'), allResources: true });
  return new Map(results.map((r) => [r.resource.name ?? r.resource.id, r.outcomes]));
}

function outcome(all: Map<string, ControlOutcome[]>, name: string, controlId: string): ControlOutcome {
  const found = all.get(name)?.find((o) => o.controlId === controlId);
  if (!found) throw new Error(`no ${controlId} outcome for ${name}`);
  return found;
}

/** Builtins opa-wasm implements in JavaScript (node_modules/@open-policy-agent/opa-wasm/src/builtins). */
const JS_BUILTINS = new Set(['sprintf', 'regex.split', 'json.is_valid', 'yaml.is_valid', 'yaml.marshal', 'yaml.unmarshal']);

/** The builtins the compiled policy needs from its host (not compiled into the wasm module). */
async function hostBuiltins(): Promise<string[]> {
  const policy = (await loadPolicy(readFileSync(join(policyBundleDir, 'policy.wasm')))) as unknown as {
    wasmInstance: { exports: Record<string, unknown> };
    mem: { buffer: ArrayBuffer };
  };
  const exports = policy.wasmInstance.exports as Record<string, (...args: number[]) => number>;
  const address = exports.opa_json_dump!(exports.builtins!());
  const bytes = new Uint8Array(policy.mem.buffer, address);
  const json = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0)));
  return Object.keys(JSON.parse(json) as Record<string, number>).sort();
}

describe('policy semantics in the compiled bundle', () => {
  it('needs no builtin that opa-wasm lacks (net.cidr_is_valid, for one, would throw mid-scan)', async () => {
    const missing = (await hostBuiltins()).filter((name) => !JS_BUILTINS.has(name));
    expect(missing).toEqual([]);
  });

  it('names a Sid-named public bucket statement without sprintf %q and fails the bucket', async () => {
    const all = await outcomes();
    const dp09 = outcome(all, 'sid-public', 'CAFAI-DP-09');
    expect(dp09.status).toBe('fail');
    expect(dp09.messages[0]).toContain('(statement "PublicRead")');
    expect(outcome(all, 'outside-org', 'CAFAI-DP-09').status).toBe('fail');
    expect(outcome(all, 'office-only', 'CAFAI-DP-09').status).toBe('pass');
    expect(outcome(all, 'internet', 'CAFAI-DP-09').status).toBe('fail');
    const sg05 = outcome(all, 'churn', 'CAFAI-SG-05');
    expect(sg05.status).toBe('fail');
    expect(sg05.messages[0]).toContain('("ShareWithEveryone")');
  });

  it('requires the TLS deny to cover the bucket itself', async () => {
    const all = await outcomes();
    expect(outcome(all, 'tls-other-bucket', 'CAFAI-DP-03').status).toBe('fail');
    expect(outcome(all, 'tls-ok', 'CAFAI-DP-03').status).toBe('pass');
  });

  it('matches wildcards and treats regex metacharacters literally', async () => {
    const all = await outcomes();
    for (const name of ['iam-star', 'not-action', 'star-colon-star']) {
      expect(outcome(all, name, 'CAFAI-IAM-01').status, name).toBe('fail');
    }
    expect(outcome(all, 'scoped', 'CAFAI-IAM-01').status).toBe('pass');
    expect(outcome(all, 'scoped', 'CAFAI-VM-02').status).toBe('pass');
    const vm02 = outcome(all, 'pass-role', 'CAFAI-VM-02');
    expect(vm02.status).toBe('fail');
    expect(vm02.messages).toContain(
      'Role pass-role, which sagemaker.amazonaws.com can assume, is allowed iam:PassRole on every role and sagemaker:CreateTrainingJob, so it can start work that runs as any role of the account.',
    );
  });
});
