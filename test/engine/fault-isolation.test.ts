import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/controls/catalog.js';
import type { Catalog } from '../../src/model/control.js';
import { evaluateInventory, type ResourceOutcomes } from '../../src/engine/evaluate.js';
import { evaluationErrorWarning, summarizeEvaluationErrors } from '../../src/engine/evaluation-errors.js';
import { REDACTION_MARKER, redactInventory } from '../../src/inventory/redact.js';
import type { ScanResults } from '../../src/model/results.js';
import { runScan } from '../../src/scan/run-scan.js';
import { resourceSetOf } from '../../src/inventory/resource-set.js';
import type { Inventory, InventoryResource } from '../../src/model/inventory.js';
import type { JsonObject } from '../../src/model/json.js';
import { ensureBuiltDist } from '../helpers/built-dist.js';
import { buildFaultFixture } from '../helpers/fixture-policy.js';

// The real router (policies/main.rego) with fixture controls that fail at run time in opa-wasm
// the ways real ones can: a JS builtin throwing (sprintf %q) and opa_abort (a rule conflict).
const TYPE = 'Fixture::Thing';
const catalog = {
  opaVersion: 'fixture',
  sourceHash: 'fixture',
  entrypoint: 'cafscan/main/findings',
  redactionEntrypoint: 'cafscan/redaction/paths',
  controls: [],
  routing: {
    [TYPE]: [
      { package: 'fixture_conflict', id: 'FX-CONFLICT' },
      { package: 'fixture_tagged', id: 'FX-TAGGED' },
      { package: 'fixture_throws', id: 'FX-THROWS' },
    ],
  },
} satisfies Catalog;

function thing(name: string, configuration: JsonObject, tags: Record<string, string> = {}): InventoryResource {
  return {
    type: TYPE, id: name, arn: `arn:fixture:::thing/${name}`, name, accountId: '111122223333', region: 'us-east-1',
    capturedAt: null, configuration, supplementaryConfiguration: {}, tags, relationships: [],
  };
}

function inventoryOf(resources: InventoryResource[]): Inventory {
  return { kind: 'cafscan-inventory', schemaVersion: '1', sources: ['test'], accounts: ['111122223333'], regions: ['us-east-1'], coverage: [], resources };
}

let wasm: Uint8Array;
// Fault isolation holds in the calling thread and on a pool of workers, one resource per chunk
// so that consecutive resources land on different workers (each restarting its own instance).
const engines = [{ name: 'in the calling thread' }, { name: 'on a pool of two workers', workers: 2, chunkSize: 1 }] as const;
let engine: (typeof engines)[number] = engines[0];
const evaluate = (resources: InventoryResource[]): Promise<ResourceOutcomes[]> => {
  const { name: _name, ...pool } = engine;
  return evaluateInventory(inventoryOf(resources), { scanTime: new Date('2026-11-01T00:00:00Z'), bundle: { wasm, catalog }, ...pool });
};
const statuses = (outcome: ResourceOutcomes | undefined) => Object.fromEntries((outcome?.outcomes ?? []).map((o) => [o.controlId, o.status]));

beforeAll(() => {
  ensureBuiltDist(); // pool workers run the compiled engine
  wasm = buildFaultFixture();
});

describe.each(engines)('evaluated $name', (current) => {
  beforeEach(() => {
    engine = current;
  });

describe('a runtime error in one control on one resource', () => {
  const sprintfThing = thing('a', { mode: 'sprintf' });
  const conflictThing = thing('b', { mode: 'conflict' }, { owner: 'ml' });
  const offThing = thing('c', { mode: 'off' });
  const fineThing = thing('d', { mode: 'on' }, { owner: 'ml' });

  it('makes only that finding not_evaluated, with the error, and the scan goes on', async () => {
    const results = await evaluate([sprintfThing, conflictThing, offThing, fineThing]);
    expect(results.map(statuses)).toEqual([
      { 'FX-CONFLICT': 'pass', 'FX-TAGGED': 'fail', 'FX-THROWS': 'not_evaluated' },
      { 'FX-CONFLICT': 'not_evaluated', 'FX-TAGGED': 'pass', 'FX-THROWS': 'pass' },
      { 'FX-CONFLICT': 'pass', 'FX-TAGGED': 'fail', 'FX-THROWS': 'fail' },
      { 'FX-CONFLICT': 'pass', 'FX-TAGGED': 'pass', 'FX-THROWS': 'pass' },
    ]);
    const thrown = results[0]!.outcomes.find((o) => o.controlId === 'FX-THROWS')!;
    expect(thrown.messages).toEqual([expect.stringMatching(/^evaluation error: .*\[sprintf\] unexpected placeholder/)]);
    const aborted = results[1]!.outcomes.find((o) => o.controlId === 'FX-CONFLICT')!;
    expect(aborted.messages).toEqual([expect.stringMatching(/^evaluation error: .*conflict/)]);
    expect(results[0]!.errors).toEqual([{ controlId: 'FX-THROWS', message: thrown.messages[0]!.replace('evaluation error: ', '') }]);
    expect(results[2]!.errors).toBeUndefined();
  });

  it('leaves every other verdict as it is without the failing resources, in any order', async () => {
    const alone = await evaluate([offThing, fineThing]);
    const mixed = await evaluate([sprintfThing, offThing, conflictThing, sprintfThing, fineThing, conflictThing]);
    expect([mixed[1], mixed[4]].map((r) => r?.outcomes)).toEqual(alone.map((r) => r.outcomes));
    // Errors repeat, each one isolated: the engine starts a fresh wasm instance after each.
    expect(mixed.map(statuses)[3]).toEqual(mixed.map(statuses)[0]);
    expect(mixed.map(statuses)[5]).toEqual(mixed.map(statuses)[2]);
  });

  it('is counted for results.json and told in one line', async () => {
    const summary = summarizeEvaluationErrors(await evaluate([sprintfThing, fineThing, conflictThing]));
    expect(summary.count).toBe(2);
    expect(summary.sample.map((s) => [s.controlId, s.resource])).toEqual([['FX-THROWS', sprintfThing.arn], ['FX-CONFLICT', conflictThing.arn]]);
    expect(evaluationErrorWarning(summary)).toMatch(/^2 evaluation errors: .* first: FX-THROWS on arn:fixture:::thing\/a: .*sprintf/);
    expect(evaluationErrorWarning(summarizeEvaluationErrors(await evaluate([fineThing])))).toBeNull();
  });
});

describe('a runtime error in the redaction check', () => {
  it('redacts every value of that resource\'s environment maps, and every value of it shaped like a credential, and leaves other resources as judged', async () => {
    // Shaped like a GitHub token and an AWS access key id, assembled so that no secret scanner takes this file for a leak.
    const token = ['ghp', '_', 'abcdefghijklmnopqrstuvwxyz0123456789'].join('');
    const keyId = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
    const failing = thing('e', { Environment: { MODE: 'sprintf', REGION: 'us-east-1' }, Containers: [{ Environment: [{ name: 'X', value: 'y' }] }], Repository: `https://${keyId}@example.com/r` }, { owner: 'ml', deploy: token });
    const judged = thing('f', { Environment: { TOKEN: 'secret', REGION: 'us-east-1' } }, { owner: 'ml' });
    const results = await evaluate([failing, judged]);
    expect(results[0]!.errors).toEqual([{ controlId: null, message: expect.stringContaining('[sprintf] unexpected placeholder') }]);
    expect(results[0]!.secretPaths).toEqual([
      ['configuration', 'Environment', 'MODE'],
      ['configuration', 'Environment', 'REGION'],
      ['configuration', 'Containers', 0, 'Environment', 0, 'name'],
      ['configuration', 'Containers', 0, 'Environment', 0, 'value'],
      ['tags', 'deploy'],
      ['configuration', 'Repository'],
    ]);
    expect(statuses(results[0])).toEqual({ 'FX-CONFLICT': 'pass', 'FX-TAGGED': 'pass', 'FX-THROWS': 'pass' });
    expect(results[1]!.secretPaths).toEqual([['configuration', 'Environment', 'TOKEN']]);
    const written = redactInventory(inventoryOf([failing, judged]), results).inventory.resources;
    expect(JSON.stringify(written[0]!.configuration)).not.toMatch(/sprintf|us-east-1|"y"/);
    expect(JSON.stringify(written[0])).not.toContain(token);
    expect(JSON.stringify(written[0])).not.toContain(keyId);
    expect(written[0]!.tags).toEqual({ owner: 'ml', deploy: REDACTION_MARKER });
    expect(evaluationErrorWarning(summarizeEvaluationErrors(results))).toMatch(/redaction check on arn:fixture:::thing\/e/);
  });
});

});

describe('a scan with a control failing at run time', () => {
  it('writes its findings as not_evaluated, counts the errors in results.json and warns in one line', async () => {
    // Fixture controls under real ids, so that the findings, scores and SARIF have metadata.
    const real = loadCatalog();
    const policy = { wasm, catalog: { ...real, routing: { 'AWS::S3::Bucket': [{ package: 'fixture_throws', id: 'CAFAI-DP-09' }, { package: 'fixture_tagged', id: 'CAFAI-SG-02' }] } } };
    const bucket = (name: string, mode: string): InventoryResource => ({ ...thing(name, { mode }), type: 'AWS::S3::Bucket', arn: `arn:aws:s3:::${name}`, region: 'us-east-1' });
    const outputDir = mkdtempSync(join(tmpdir(), 'cafscan-fault-'));
    const outcome = await runScan({ resources: resourceSetOf(inventoryOf([bucket('crash', 'sprintf'), bucket('plain', 'off')])), sources: ['test'], outputDir, redact: true, startedAt: new Date('2026-11-01T00:00:00Z'), allResources: true, policy });
    const results = JSON.parse(readFileSync(join(outputDir, 'results.json'), 'utf8')) as ScanResults;
    expect(results.findings.map((f) => [f.controlId, f.resource.arn, f.status])).toEqual(expect.arrayContaining([
      ['CAFAI-DP-09', 'arn:aws:s3:::crash', 'not_evaluated'],
      ['CAFAI-DP-09', 'arn:aws:s3:::plain', 'fail'],
      ['CAFAI-SG-02', 'arn:aws:s3:::crash', 'fail'],
      ['CAFAI-SG-02', 'arn:aws:s3:::plain', 'fail'],
    ]));
    expect(results.findings).toHaveLength(4);
    expect(results.scan.evaluationErrors).toEqual({ count: 1, sample: [{ controlId: 'CAFAI-DP-09', resource: 'arn:aws:s3:::crash', message: expect.stringContaining('[sprintf] unexpected placeholder') }] });
    expect(outcome.warnings.filter((w) => w.includes('evaluation error'))).toEqual([expect.stringMatching(/^1 evaluation error: .*first: CAFAI-DP-09 on arn:aws:s3:::crash: SyntaxError: \[sprintf\] unexpected placeholder$/)]);
  });
});
