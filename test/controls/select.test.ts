import { describe, expect, it } from 'vitest';
import { loadCatalog, severityRank } from '../../src/controls/catalog.js';
import { namesAny, selectControls, selectedCatalog, serviceOf, servicesOf, splitList } from '../../src/controls/select.js';
import { InputError } from '../../src/errors.js';

const controls = loadCatalog().controls;
const idsOf = (prefix: string) => controls.filter((c) => c.id.startsWith(prefix)).map((c) => c.id);

describe('selectControls', () => {
  it('selects by id glob, case-insensitively, and lists every other control as excluded', () => {
    const selection = selectControls(controls, { controls: ['cafai-dp-*'] });
    expect(selection.selected).toEqual(idsOf('CAFAI-DP-'));
    expect(selection.selected.length).toBeGreaterThan(3);
    expect(selection.excluded).toEqual(controls.map((c) => c.id).filter((id) => !id.startsWith('CAFAI-DP-')));
  });

  it('maps a retired id to its replacement, as suppressions do', () => {
    expect(selectControls(controls, { controls: ['CAFAI-DP-12'] }).selected).toEqual(['CAFAI-DP-01']);
    expect(selectControls(controls, { excludeControls: ['CAFAI-IR-04'] }).excluded).toEqual(['CAFAI-AS-01']);
  });

  it('rejects an id or glob that matches no control, naming the flag and the value', () => {
    expect(() => selectControls(controls, { controls: ['CAFAI-XX-99'] })).toThrow(InputError);
    expect(() => selectControls(controls, { controls: ['CAFAI-DP-01', 'NOPE-*'] })).toThrow('--controls: "NOPE-*" matches no control');
    expect(() => selectControls(controls, { excludeControls: ['CAFAI-DP-99'] })).toThrow('--exclude-controls: "CAFAI-DP-99" matches no control');
  });

  it('rejects unknown capabilities, components and services', () => {
    expect(() => selectControls(controls, { capabilities: ['data-protections'] })).toThrow('--capability: unknown value "data-protections"');
    expect(() => selectControls(controls, { components: ['training'] })).toThrow('--component: unknown value "training"');
    expect(() => selectControls(controls, { services: ['ec3'] })).toThrow(/--service: unknown value "ec3" \(choose from .*s3.*sagemaker/);
  });

  it('rejects a combination that leaves nothing to run rather than scanning nothing', () => {
    expect(() => selectControls(controls, { controls: ['CAFAI-DP-01'], excludeControls: ['CAFAI-DP-*'] })).toThrow('the control selection matches no control');
  });

  it('keeps controls at or above the minimum severity', () => {
    const high = selectControls(controls, { severity: 'high' });
    const expected = controls.filter((c) => c.severity === 'critical' || c.severity === 'high').map((c) => c.id);
    expect(high.selected).toEqual(expected);
    expect(high.selected.length).toBeGreaterThan(0);
    expect(high.excluded.length).toBeGreaterThan(0);
    for (const id of high.excluded) expect(severityRank(controls.find((c) => c.id === id)!.severity)).toBeGreaterThan(severityRank('high'));
    expect(selectControls(controls, { severity: 'informational' }).excluded).toEqual([]);
  });

  it('combines criteria with AND and applies exclusions last', () => {
    const selection = selectControls(controls, { capabilities: ['data-protection'], components: ['input'], excludeControls: ['CAFAI-DP-01'] });
    const expected = controls.filter((c) => c.capability === 'data-protection' && c.component === 'input' && c.id !== 'CAFAI-DP-01').map((c) => c.id);
    expect(selection.selected).toEqual(expected);
    expect(selection.selected.length).toBeGreaterThan(0);
  });

  it('narrows to another source of ids (what --framework will feed)', () => {
    const selection = selectControls(controls, { severity: 'critical' }, [{ label: 'framework x', ids: new Set(['CAFAI-DP-02', 'CAFAI-DP-01']) }]);
    expect(selection.selected).toEqual(['CAFAI-DP-02']);
  });
});

describe('services', () => {
  it('derives the service from the resource type', () => {
    expect(serviceOf('AWS::S3::Bucket')).toBe('s3');
    expect(serviceOf('AWS::SageMaker::NotebookInstance')).toBe('sagemaker');
    expect(serviceOf('AWS::Bedrock::Guardrail')).toBe('bedrock');
    expect(serviceOf('AWS::::Account')).toBe('account');
    expect(servicesOf(controls)).toEqual(expect.arrayContaining(['account', 'bedrock', 'iam', 'kms', 's3', 'sagemaker']));
  });

  it('selects the controls with a resource type of the service, and only those', () => {
    const selection = selectControls(controls, { services: ['s3', 'KMS'] });
    const expected = controls.filter((c) => c.resourceTypes.some((t) => t === 'AWS::S3::Bucket' || t === 'AWS::KMS::Key')).map((c) => c.id);
    expect(selection.selected).toEqual(expected);
    expect(selection.selected).toContain('CAFAI-DP-01');
    expect(selection.selected).not.toContain(controls.find((c) => c.resourceTypes.every((t) => t.startsWith('AWS::SageMaker::')))!.id);
  });
});

describe('selectedCatalog', () => {
  it('routes only the selected controls and drops types left with none', () => {
    const catalog = loadCatalog();
    const limited = selectedCatalog(catalog, ['CAFAI-DP-01']);
    expect(limited.controls.map((c) => c.id)).toEqual(['CAFAI-DP-01']);
    expect(Object.keys(limited.routing)).toEqual(['AWS::S3::Bucket']);
    expect(limited.routing['AWS::S3::Bucket']!.map((r) => r.id)).toEqual(['CAFAI-DP-01']);
    // The full catalog is untouched (it is cached and shared).
    expect(catalog.routing['AWS::S3::Bucket']!.length).toBeGreaterThan(1);
  });
});

describe('helpers', () => {
  it('splits repeated and comma-separated values', () => {
    expect(splitList(['a,b', ' c ', ','])).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toBeUndefined();
  });

  it('tells whether a suppression pattern names a selected control (retired ids included)', () => {
    const ran = new Set(['CAFAI-DP-01']);
    expect(namesAny('CAFAI-DP-*', ran)).toBe(true);
    expect(namesAny('CAFAI-DP-12', ran)).toBe(true);
    expect(namesAny('CAFAI-IAM-*', ran)).toBe(false);
  });
});
