import { describe, expect, it } from 'vitest';
import type { Catalog, ControlMeta } from '../../src/model/control.js';
import { buildContext, ContextBuilder } from '../../src/engine/context.js';
import type { Inventory, InventoryResource } from '../../src/model/inventory.js';
import type { JsonObject } from '../../src/model/json.js';
import { IDENTITY_FIELDS, validateRelatedFields } from '../../scripts/policy-catalog.mjs';

const ACCOUNT = '111122223333';

function control(id: string, relatedFields: Record<string, string[]>): ControlMeta {
  return {
    id, package: id.toLowerCase(), title: id, description: id, capability: 'data-protection', component: 'model', severity: 'high',
    resourceTypes: ['Test::Evaluated'], relatedResourceTypes: Object.keys(relatedFields), relatedFields, scope: 'resource',
    cafSection: 'x', rationale: 'x', remediation: { console: 'x' }, references: [], source: `policies/controls/${id}.rego`,
  };
}

function catalogOf(...controls: ControlMeta[]): Catalog {
  return { opaVersion: 't', sourceHash: 't', entrypoint: 'e', redactionEntrypoint: 'r', controls, routing: {} };
}

function resource(type: string, name: string, configuration: JsonObject, extra: Partial<InventoryResource> = {}): InventoryResource {
  return {
    type, id: name, arn: `arn:aws:test:us-east-1:${ACCOUNT}:${name}`, name, accountId: ACCOUNT, region: 'us-east-1', capturedAt: '2026-01-01T00:00:00Z',
    configuration, supplementaryConfiguration: { Big: 'x'.repeat(100) }, tags: { Owner: 'a' }, relationships: [], ...extra,
  };
}

/** The context as setData loads it, parsed back: what policies see. */
function loaded(builder: ContextBuilder): { resources: Record<string, JsonObject>; by_account: Record<string, Record<string, string[]>> } {
  return JSON.parse(builder.toJson()) as { resources: Record<string, JsonObject>; by_account: Record<string, Record<string, string[]>> };
}

describe('ContextBuilder', () => {
  it('keeps the identity fields and the declared paths of related types, and nothing else', () => {
    const builder = new ContextBuilder(catalogOf(control('A', { 'Test::Policy': ['configuration.versions', 'tags'] })));
    const policy = resource('Test::Policy', 'p', { versions: [{ document: { Statement: [] }, isDefault: true }], description: 'long text' });
    builder.add(policy);
    builder.add(resource('Test::Unrelated', 'u', { anything: 1 }));
    const context = loaded(builder);
    expect(context.resources).toEqual({
      [policy.arn]: {
        arn: policy.arn, type: 'Test::Policy', accountId: ACCOUNT, region: 'us-east-1', name: 'p', id: 'p',
        configuration: { versions: [{ document: { Statement: [] }, isDefault: true }] }, tags: { Owner: 'a' },
      },
    });
    expect(context.by_account).toEqual({ [ACCOUNT]: { 'Test::Policy': [policy.arn] } });
    expect(Object.keys(context.resources[policy.arn]!).sort()).toEqual([...IDENTITY_FIELDS, 'configuration', 'tags'].sort());
  });

  it('keeps absent, null and present apart along a declared path', () => {
    const builder = new ContextBuilder(catalogOf(control('A', { 'Test::Detector': ['configuration.DataSources.S3Logs', 'configuration.Status', 'collectionErrors'] })));
    const absent = resource('Test::Detector', 'absent', { Other: 1 });
    const nullValue = resource('Test::Detector', 'null', { Status: null, DataSources: null });
    const emptied = resource('Test::Detector', 'emptied', { DataSources: { Kubernetes: { Enable: true } } });
    const present = resource('Test::Detector', 'present', { DataSources: { S3Logs: { Enable: false }, Other: 1 }, Status: 'ENABLED' }, { collectionErrors: { Features: 'denied' } });
    const notObject = resource('Test::Detector', 'list', { DataSources: ['S3Logs'] });
    for (const r of [absent, nullValue, emptied, present, notObject]) builder.add(r);
    const { resources } = loaded(builder);
    // No declared key in the resource: the object stays, empty (is_object holds as before).
    expect(resources[absent.arn]!.configuration).toEqual({});
    expect('collectionErrors' in resources[absent.arn]!).toBe(false);
    expect(resources[nullValue.arn]!.configuration).toEqual({ Status: null, DataSources: null });
    expect(resources[emptied.arn]!.configuration).toEqual({ DataSources: {} });
    expect(resources[present.arn]!.configuration).toEqual({ DataSources: { S3Logs: { Enable: false } }, Status: 'ENABLED' });
    expect(resources[present.arn]!.collectionErrors).toEqual({ Features: 'denied' });
    // A value on the path that is not an object is kept as it is (a policy may test its type).
    expect(resources[notObject.arn]!.configuration).toEqual({ DataSources: ['S3Logs'] });
  });

  it('keeps the union of what every control declares; a whole field wins over its parts', () => {
    const builder = new ContextBuilder(catalogOf(
      control('A', { 'Test::Package': ['configuration.Status'] }),
      control('B', { 'Test::Package': ['configuration'], 'Test::Other': [] }),
      control('C', { 'Test::Other': ['configuration.Name'] }),
    ));
    const pkg = resource('Test::Package', 'pkg', { Status: 'Completed', Spec: { big: true } });
    const other = resource('Test::Other', 'other', { Name: 'n', Rest: 1 });
    builder.add(pkg);
    builder.add(other);
    const { resources } = loaded(builder);
    expect(resources[pkg.arn]!.configuration).toEqual(pkg.configuration);
    expect(resources[other.arn]!.configuration).toEqual({ Name: 'n' });
  });

  it('keeps a related type whole when a control does not declare its fields, and everything with full', () => {
    const undeclared = control('A', {});
    undeclared.relatedResourceTypes = ['Test::Policy'];
    const policy = resource('Test::Policy', 'p', { a: 1 });
    const whole = new ContextBuilder(catalogOf(undeclared));
    whole.add(policy);
    expect(loaded(whole).resources[policy.arn]).toEqual(JSON.parse(JSON.stringify(policy)));
    const full = new ContextBuilder(catalogOf(control('B', { 'Test::Policy': [] })), { full: true });
    full.add(policy);
    expect(loaded(full).resources[policy.arn]).toEqual(JSON.parse(JSON.stringify(policy)));
  });

  it('keeps ARNs and account ids such as __proto__ as ordinary keys; a later duplicate ARN wins', () => {
    const builder = new ContextBuilder(catalogOf(control('A', { 'Test::Policy': ['configuration.v'] })));
    const first = resource('Test::Policy', 'p', { v: 1 }, { arn: '__proto__', accountId: '__proto__' });
    const second = resource('Test::Policy', 'p', { v: 2 }, { arn: '__proto__', accountId: '__proto__' });
    const other = resource('Test::Policy', 'q', { v: 3 }, { accountId: 'constructor' });
    builder.add(first);
    builder.add(second);
    builder.add(other);
    const text = builder.toJson();
    expect(text).toContain('"__proto__":{');
    const context = loaded(builder);
    expect(Object.hasOwn(context.resources, '__proto__')).toBe(true);
    expect(context.resources['__proto__']!.configuration).toEqual({ v: 2 });
    expect(Object.hasOwn(context.by_account, '__proto__')).toBe(true);
    expect(context.by_account['__proto__']!['Test::Policy']).toEqual(['__proto__', '__proto__']);
    expect(context.by_account['constructor']!['Test::Policy']).toEqual([other.arn]);
  });

  it('keeps a declared field named __proto__ as an ordinary key of the trimmed resource', () => {
    const builder = new ContextBuilder(catalogOf(control('A', { 'Test::Policy': ['configuration.__proto__.v'] })));
    const configuration = JSON.parse('{"__proto__":{"v":1,"w":2},"other":3}') as JsonObject;
    const policy = resource('Test::Policy', 'p', configuration);
    builder.add(policy);
    expect(builder.toJson()).toContain('"configuration":{"__proto__":{"v":1}}');
    const kept = builder.toContext().resources[policy.arn]!.configuration as JsonObject;
    expect(Object.hasOwn(kept, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
  });

  it('buildContext gives the same context as adding the resources one by one', () => {
    const catalog = catalogOf(control('A', { 'Test::Policy': ['configuration.v'] }));
    const resources = [resource('Test::Policy', 'a', { v: 1, w: 2 }), resource('Test::Policy', 'b', { w: 3 })];
    const inventory: Inventory = { kind: 'cafscan-inventory', schemaVersion: '1', sources: ['t'], accounts: [ACCOUNT], regions: ['us-east-1'], coverage: [], resources };
    const builder = new ContextBuilder(catalog);
    for (const r of resources) builder.add(r);
    expect(JSON.stringify(buildContext(inventory, catalog))).toBe(builder.toJson());
  });
});

describe('custom.related_fields validation (scripts/policy-catalog.mjs)', () => {
  const file = 'policies/controls/x.rego';
  it('accepts a declaration per related type, [] for identity only', () => {
    expect(validateRelatedFields({ relatedResourceTypes: ['AWS::IAM::Policy', 'AWS::::Account'], relatedFields: { 'AWS::IAM::Policy': ['configuration.policyVersionList'], 'AWS::::Account': [] } }, file)).toEqual([]);
  });
  it('rejects a related type without a declaration, a type that is not related, bad paths and identity fields', () => {
    expect(validateRelatedFields({ relatedResourceTypes: ['AWS::IAM::Policy'], relatedFields: {} }, file)).toEqual([
      `${file}: custom.related_fields must list the fields read of AWS::IAM::Policy ([] for identity only)`,
    ]);
    expect(validateRelatedFields({ relatedResourceTypes: [], relatedFields: { 'AWS::IAM::Policy': [] } }, file)[0]).toMatch(/not in related_resource_types/);
    expect(validateRelatedFields({ relatedResourceTypes: ['T'], relatedFields: { T: ['configuration..x'] } }, file)[0]).toMatch(/dotted field paths/);
    expect(validateRelatedFields({ relatedResourceTypes: ['T'], relatedFields: { T: 'configuration' } }, file)[0]).toMatch(/dotted field paths/);
    expect(validateRelatedFields({ relatedResourceTypes: ['T'], relatedFields: { T: ['arn'] } }, file)[0]).toMatch(/identity field/);
    expect(validateRelatedFields({ relatedResourceTypes: ['T'], relatedFields: ['T'] }, file)[0]).toMatch(/must map related resource types/);
  });
});
