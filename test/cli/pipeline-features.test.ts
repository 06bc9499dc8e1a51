import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { ScanResults } from '../../src/model/results.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';

const ACCOUNT = '123456789012';

function notebook(name: string, settings: { internet: boolean; root: boolean }) {
  return {
    type: 'AWS::SageMaker::NotebookInstance', id: name, name, accountId: ACCOUNT, region: 'us-east-1', capturedAt: null,
    arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:notebook-instance/${name}`,
    configuration: {
      NotebookInstanceName: name, DirectInternetAccess: settings.internet ? 'Enabled' : 'Disabled', RootAccess: settings.root ? 'Enabled' : 'Disabled',
      SubnetId: 'subnet-1', KmsKeyId: 'key-1', PlatformIdentifier: 'notebook-al2023-v1',
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    },
    supplementaryConfiguration: {}, tags: { owner: 'ml', team: name.startsWith('lab') ? 'lab' : 'prod' }, relationships: [],
  };
}

function vpc(i: number) {
  const id = `vpc-${String(i).padStart(8, '0')}`;
  return { type: 'AWS::EC2::VPC', id, name: id, accountId: ACCOUNT, region: 'us-east-1', capturedAt: null, arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${id}`, configuration: { vpcId: id }, supplementaryConfiguration: {}, tags: {}, relationships: [] };
}

function inventoryFile(resources: object[]): string {
  const file = join(tempDir(), 'inventory.json');
  writeFileSync(file, JSON.stringify({ kind: 'cafscan-inventory', schemaVersion: '1', sources: ['test'], accounts: [ACCOUNT], regions: ['us-east-1'], coverage: [], resources }));
  return file;
}

function scan(input: string, extra: string[] = []) {
  const out = tempDir();
  const run = runCli(['scan', '--input', input, '--output-dir', out, '--format', 'none', ...extra]);
  const read = <T>(name: string) => JSON.parse(readFileSync(join(out, name), 'utf8')) as T;
  return { run, out, results: () => read<ScanResults>('results.json'), sarif: () => read<Sarif.Log>('results.sarif') };
}

const find = (results: ScanResults, controlId: string, name: string) => results.findings.find((f) => f.controlId === controlId && f.resource.id === name);

describe('baselines', () => {
  it('with the previous results.json, one resource fixed and one newly broken show as exactly one fixed and one new', () => {
    const before = scan(inventoryFile([notebook('lab-open', { internet: true, root: false }), notebook('prod-tight', { internet: false, root: false })]));
    expect(before.run.status).toBe(0);
    const baseline = join(before.out, 'results.json');
    // lab-open loses its internet access (IP-01 fixed); prod-tight gains root access (IP-02 new).
    const after = scan(inventoryFile([notebook('lab-open', { internet: false, root: false }), notebook('prod-tight', { internet: false, root: true })]), ['--baseline', baseline, '--format', 'table']);
    expect(after.run.status).toBe(0);
    const results = after.results();
    expect(results.scan.baseline).toMatchObject({ source: baseline, new: 1, fixed: 1, removed: [] });
    expect(results.findings.filter((f) => f.baselineState === 'new').map((f) => `${f.controlId} ${f.resource.id}`)).toEqual(['CAFAI-IP-02 prod-tight']);
    expect(results.findings.filter((f) => f.baselineState === 'fixed').map((f) => `${f.controlId} ${f.resource.id}`)).toEqual(['CAFAI-IP-01 lab-open']);
    expect(after.run.stdout).toContain('Since the baseline: 1 new failure, 1 fixed');
    const sarifResults = after.sarif().runs[0]!.results!;
    expect(sarifResults.map((r) => `${r.ruleId} ${r.baselineState}`).sort()).toEqual(['CAFAI-IP-02 new']);
    expect(validateSarif(join(after.out, 'results.sarif'))).toEqual([]);

    // --fail-on-new: the old failure does not break the build, the new one does.
    expect(scan(inventoryFile([notebook('lab-open', { internet: true, root: false })]), ['--baseline', baseline, '--fail-on', 'high', '--fail-on-new']).run.status).toBe(0);
    expect(scan(inventoryFile([notebook('lab-open', { internet: true, root: true })]), ['--baseline', baseline, '--fail-on', 'medium', '--fail-on-new']).run.status).toBe(1);
  });

  it('rejects a baseline that is not a results.json, and --fail-on-new without a baseline, with exit 2', () => {
    const input = inventoryFile([notebook('lab-open', { internet: true, root: false })]);
    const bad = scan(input, ['--baseline', input]);
    expect(bad.run.status).toBe(2);
    expect(bad.run.stderr).toMatch(/^cafscan: baseline .* is not a cafscan results\.json/);
    expect(scan(input, ['--fail-on', 'high', '--fail-on-new']).run.stderr).toBe('cafscan: --fail-on-new needs --fail-on <severity> and --baseline <results.json>\n');
  });
});

describe('suppressions (accepted risks)', () => {
  const input = inventoryFile([notebook('lab-open', { internet: true, root: false }), notebook('prod-tight', { internet: false, root: false })]);
  const config = (suppressions: object[]) => {
    const file = join(tempDir(), 'cafscan.config.json');
    writeFileSync(file, JSON.stringify({ suppressions }));
    return file;
  };

  it('marks the matched failure, keeps it in results.json and SARIF, and leaves it out of scores and --fail-on', () => {
    const s = scan(input, ['--config', config([{ controlId: 'CAFAI-IP-01', tags: { team: 'lab' }, reason: 'lab notebooks need PyPI; approved by secops (JIRA SEC-42)', expires: '2099-12-31' }]), '--fail-on', 'high']);
    expect(s.run.status).toBe(0);
    const results = s.results();
    expect(find(results, 'CAFAI-IP-01', 'lab-open')).toMatchObject({ status: 'fail', suppression: { reason: 'lab notebooks need PyPI; approved by secops (JIRA SEC-42)', expires: '2099-12-31', source: 'cafscan.config.json#suppressions[0]' } });
    expect(results.scores.capabilities['infrastructure-protection'].components.input).toMatchObject({ failed: 0, suppressed: 1 });
    expect(results.scan.suppressions).toEqual({ applied: 1, expired: [], unused: [] });
    const result = s.sarif().runs[0]!.results!.find((r) => r.ruleId === 'CAFAI-IP-01')!;
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'lab notebooks need PyPI; approved by secops (JIRA SEC-42) (cafscan.config.json#suppressions[0], until 2099-12-31)' }]);
    expect(validateSarif(join(s.out, 'results.sarif'))).toEqual([]);
  });

  it('stops suppressing after the expiry date and reports the expired entry', () => {
    const s = scan(input, ['--config', config([{ resource: '*:notebook-instance/lab-*', controlId: 'CAFAI-IP-01', reason: 'temporary exception', expires: '2020-01-31' }]), '--fail-on', 'high']);
    expect(s.run.status).toBe(1);
    const results = s.results();
    expect(find(results, 'CAFAI-IP-01', 'lab-open')?.suppression).toBeUndefined();
    expect(results.scan.suppressions?.expired).toEqual([{ source: 'cafscan.config.json#suppressions[0]', reason: 'temporary exception', expires: '2020-01-31', wouldMatch: 1 }]);
    expect(s.run.stderr).toContain('cafscan: suppression cafscan.config.json#suppressions[0] expired on 2020-01-31 and no longer suppresses (1 failing finding it matches are reported): temporary exception');
  });

  it('rejects a suppression without a reason (exit 2, one line, nothing written)', () => {
    const s = scan(input, ['--config', config([{ controlId: 'CAFAI-IP-01' }])]);
    expect(s.run.status).toBe(2);
    expect(s.run.stderr).toMatch(/^cafscan: config .*cafscan\.config\.json: suppressions\[0\] needs a "reason" \(why the risk is accepted, and by whom\)\n$/);
    expect(() => readFileSync(join(s.out, 'results.json'))).toThrow();
  });
});

describe('cafscan.ignore.yaml (accepted risks in a reviewed file)', () => {
  const input = inventoryFile([notebook('lab-open', { internet: true, root: false })]);

  it('is read from the working directory by default; comments are allowed; entries suppress as in the config', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'cafscan.ignore.yaml'), [
      '# Accepted risks, reviewed every quarter by secops.',
      '- controlId: CAFAI-IP-01   # lab notebooks install packages from PyPI',
      '  resource: "arn:aws:sagemaker:*:notebook-instance/lab-*"',
      '  reason: lab notebooks need PyPI (SEC-42)',
      '  expires: 2099-12-31',
      '',
    ].join('\n'));
    const out = tempDir();
    const run = runCli(['scan', '--input', input, '--output-dir', out, '--format', 'none', '--fail-on', 'high'], { cwd });
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults;
    expect(find(results, 'CAFAI-IP-01', 'lab-open')?.suppression).toEqual({ reason: 'lab notebooks need PyPI (SEC-42)', expires: '2099-12-31', source: 'cafscan.ignore.yaml#suppressions[0]' });
  });

  it('rejects an entry without a reason, and YAML that does not parse, with exit 2 and one line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'no-reason.yaml'), 'suppressions:\n  - controlId: CAFAI-IP-01\n');
    writeFileSync(join(dir, 'broken.yaml'), '- controlId: [CAFAI-IP-01\n');
    const noReason = runCli(['scan', '--input', input, '--output-dir', tempDir(), '--ignore-file', join(dir, 'no-reason.yaml')]);
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toMatch(/^cafscan: ignore file .*no-reason\.yaml: suppressions\[0\] needs a "reason" .*\n$/);
    const broken = runCli(['scan', '--input', input, '--output-dir', tempDir(), '--ignore-file', join(dir, 'broken.yaml')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^cafscan: ignore file .*broken\.yaml is not valid YAML: .*\n$/);
  });
});

describe('asset rules in cafscan.config.json', () => {
  it('say on stderr when a rule matches nothing, and results.json counts what the graph could not resolve', () => {
    const job = {
      type: 'AWS::SageMaker::TrainingJob', id: 'train', name: 'train', accountId: ACCOUNT, region: 'us-east-1', capturedAt: null,
      arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-job/train`,
      configuration: { TrainingJobName: 'train', InputDataConfig: [{ ChannelName: 'c', DataSource: { S3DataSource: { S3Uri: 's3://partner-bucket/x' } } }] },
      supplementaryConfiguration: {}, tags: {}, relationships: [],
    };
    const file = join(tempDir(), 'cafscan.config.json');
    writeFileSync(file, JSON.stringify({ assets: [{ component: 'input', tags: { 'ai:component': 'input' }, resourceTypes: ['AWS::S3::Buckets'] }] }));
    const s = scan(inventoryFile([job]), ['--config', file]);
    expect(s.run.status).toBe(0);
    expect(s.run.stderr).toContain('cafscan: asset rule cafscan.config.json#assets[0] matched no resource (a typo in arn, tags or resourceTypes?)');
    expect(s.results().scan.assetGraph).toMatchObject({ linkedResources: 0, unresolvedReferences: 1, unresolvedSample: [{ value: 's3://partner-bucket/x' }] });
  });
});

describe('SARIF fingerprints', () => {
  it('stay the same when unrelated resources are added and the inventory lines move', () => {
    const notebooks = [notebook('lab-open', { internet: true, root: true })];
    const before = scan(inventoryFile(notebooks)).sarif().runs[0]!.results!;
    // VPCs sort before SageMaker in inventory.json, so every notebook line moves down.
    const after = scan(inventoryFile([...Array.from({ length: 40 }, (_, i) => vpc(i)), ...notebooks])).sarif().runs[0]!.results!;
    const identity = (results: Sarif.Result[]) => results.map((r) => `${r.ruleId} ${r.partialFingerprints!.primaryLocationLineHash}`).sort();
    const lines = (results: Sarif.Result[]) => results.map((r) => r.locations![0]!.physicalLocation!.region!.startLine);
    expect(identity(after)).toEqual(identity(before));
    expect(lines(after)).not.toEqual(lines(before));
  });
});
