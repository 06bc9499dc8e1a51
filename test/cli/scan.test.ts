import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, CAPABILITY_TITLES } from '../../src/model/control.js';
import type { ScanResults } from '../../src/model/results.js';
import { repoRoot, runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';

const demoSnapshot = join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json');
// --demo also reads the account facts a Config snapshot cannot carry and the demo team's config
// (which maps its API stages into the asset graph); scans of the same data by hand name both.
const demoAccountFacts = join(repoRoot, 'fixtures', 'demo', 'account-facts.json');
const demoConfig = join(repoRoot, 'fixtures', 'demo', 'cafscan.config.json');
const demoIgnore = join(repoRoot, 'fixtures', 'demo', 'cafscan.ignore.yaml');
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const results = (dir: string) => JSON.parse(read(dir, 'results.json')) as ScanResults;
/** Everything but the clock: what must be identical between two scans of the same input. */
const withoutTimestamps = (text: string) => text.replace(/"(startedAt|finishedAt|startTimeUtc|endTimeUtc)": ?"[^"]+"/g, '"$1": "<time>"');

describe('cafscan scan --demo', () => {
  let dir: string;
  let run: CliRun;
  beforeAll(() => {
    dir = tempDir();
    run = runCli(['scan', '--demo', '--output-dir', dir]);
  });

  it('exits 0, prints the nine-capability table and writes the three files', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const capability of CAPABILITIES) expect(run.stdout).toContain(CAPABILITY_TITLES[capability]);
    expect(run.stdout).toMatch(/Overall\s+\d+\.\d/);
    expect(readdirSync(dir).sort()).toEqual(['inventory.json', 'results.json', 'results.sarif']);
  });

  it('writes results.json per the contract', () => {
    const r = results(dir);
    expect(r).toMatchObject({ schemaVersion: '1', tool: { name: 'cafscan' }, scan: { sources: ['demo'], accounts: ['123456789012'] } });
    expect(Object.keys(r.scores.capabilities)).toEqual([...CAPABILITIES]);
    for (const f of r.findings) {
      expect(Object.keys(f).slice(0, 8)).toEqual(['controlId', 'title', 'capability', 'component', 'severity', 'status', 'resource', 'message']);
      expect(f.message.length).toBeGreaterThan(10);
      if (f.status === 'not_evaluated') expect(f.reason).toBeTruthy();
      else expect(f.reason).toBeUndefined();
    }
  });

  it('shows both passes and failures in every capability of the demo account', () => {
    for (const capability of CAPABILITIES) {
      const cell = results(dir).scores.capabilities[capability];
      expect({ capability, pass: cell.passed > 0, fail: cell.failed > 0 }).toEqual({ capability, pass: true, fail: true });
    }
  });

  it('evaluates every control whose resource types the demo has, and ignores types no control covers', () => {
    const r = results(dir);
    const inventory = JSON.parse(read(dir, 'inventory.json')) as { resources: Array<{ type: string }> };
    const demoTypes = new Set(inventory.resources.map((res) => res.type));
    // The demo snapshot also carries types Config does not record (training jobs, Bedrock…) in the
    // live collectors' shapes, so nearly every control has resources to judge.
    const controls = JSON.parse(runCli(['controls', '--format', 'json']).stdout) as Array<{ id: string; resourceTypes: string[] }>;
    const applicable = controls.filter((c) => c.resourceTypes.some((t) => demoTypes.has(t)));
    expect(applicable.length).toBeGreaterThanOrEqual(controls.length - 1);
    expect(new Set(r.findings.map((f) => f.controlId))).toEqual(new Set(applicable.map((c) => c.id)));
    const uncovered = inventory.resources.filter((res) => res.type === 'AWS::EC2::VPC');
    expect(uncovered.length).toBeGreaterThan(0);
    expect(r.findings.some((f) => f.resource.type === 'AWS::EC2::VPC')).toBe(false);
  });

  it('writes SARIF that passes the SARIF Multitool under the Sarif and Ghas rules with zero errors', () => {
    expect(validateSarif(join(dir, 'results.sarif'))).toEqual([]);
  });

  it('points every SARIF result at the lines of its resource in inventory.json', () => {
    const sarif = JSON.parse(read(dir, 'results.sarif'));
    const inventoryLines = read(dir, 'inventory.json').split('\n');
    const failures = results(dir).findings.filter((f) => f.status === 'fail');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].automationDetails.id).toBe('cafscan/123456789012/');
    expect(sarif.runs[0].results).toHaveLength(failures.length);
    for (const result of sarif.runs[0].results) {
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe('inventory.json');
      const block = inventoryLines.slice(location.region.startLine - 1, location.region.endLine).join('\n');
      expect(block).toContain(`"arn": ${JSON.stringify(result.properties.resourceArn)}`);
      expect(inventoryLines[location.region.startLine - 1]).toMatch(/^\s+"type": /);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}:1$/);
    }
  });

  it('gives byte-identical output apart from timestamps when run again, also from the gzipped snapshot', () => {
    const again = tempDir();
    expect(runCli(['scan', '--demo', '--output-dir', again]).status).toBe(0);
    for (const name of ['results.json', 'results.sarif', 'inventory.json']) {
      expect(withoutTimestamps(read(again, name)), name).toBe(withoutTimestamps(read(dir, name)));
    }
    const gz = join(tempDir(), 'snapshot.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(demoSnapshot)));
    const fromGz = tempDir();
    expect(runCli(['scan', '--input', gz, demoAccountFacts, '--config', demoConfig, '--ignore-file', demoIgnore, '--output-dir', fromGz]).status).toBe(0);
    expect(results(fromGz).findings).toEqual(results(dir).findings);
  });

  it('re-scans its own inventory.json to the same findings', () => {
    const out = tempDir();
    expect(runCli(['scan', '--input', join(dir, 'inventory.json'), '--config', demoConfig, '--ignore-file', demoIgnore, '--output-dir', out]).status).toBe(0);
    expect(results(out).findings).toEqual(results(dir).findings);
  });
});

describe('exit codes', () => {
  it('--fail-on exits 1 when a failure at or above the severity remains, 0 otherwise', () => {
    const r = results((() => { const d = tempDir(); runCli(['scan', '--demo', '-o', d]); return d; })());
    const worst = r.findings.some((f) => f.status === 'fail' && f.severity === 'critical');
    expect(worst).toBe(true);
    expect(runCli(['scan', '--demo', '-o', tempDir(), '--fail-on', 'critical', '--format', 'none']).status).toBe(1);
    expect(runCli(['scan', '--demo', '-o', tempDir(), '--fail-on', 'informational']).status).toBe(1);
  });

  it('--format none prints nothing on stdout; the files are still written', () => {
    const out = tempDir();
    const run = runCli(['scan', '--demo', '-o', out, '--format', 'none']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['inventory.json', 'results.json', 'results.sarif']);
  });

  it('usage errors exit 2', () => {
    const badSeverity = runCli(['scan', '--demo', '--fail-on', 'severe']);
    expect(badSeverity.status).toBe(2);
    expect(badSeverity.stderr).toMatch(/severe/);
    expect(runCli(['scan', '--demo', '--format', 'pdf']).status).toBe(2);
    expect(runCli(['scan', '--bogus']).status).toBe(2);
  });

  it('a live scan without credentials exits 3 with one line, and writes nothing', () => {
    const out = join(tempDir(), 'report');
    const live = runCli(['scan', '-o', out, '--region', 'us-east-1']);
    expect(live.status).toBe(3);
    expect(live.stderr).toMatch(/^cafscan: no AWS credentials found: .+\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('live-scan flags are checked before anything is sent (exit 2)', () => {
    for (const args of [
      ['scan', '--region', 'mars-1'],
      ['scan', '--external-id', 'x'],
      ['scan', '--endpoint-url', 'not a url'],
      ['scan', '--demo', '--region', 'us-east-1'],
      ['collect'],
    ]) {
      const run = runCli(args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr.trim().split('\n').length, args.join(' ')).toBeLessThanOrEqual(2);
    }
  });

  const badInputs: Array<[string, (dir: string) => string]> = [
    ['a missing file', (d) => join(d, 'missing.json')],
    ['invalid JSON', (d) => { writeFileSync(join(d, 'x.json'), '{"configurationItems": [{'); return join(d, 'x.json'); }],
    ['a file that is neither format', (d) => { writeFileSync(join(d, 'x.json'), '{"Records": []}'); return join(d, 'x.json'); }],
    ['a truncated gzip', (d) => { writeFileSync(join(d, 'x.json.gz'), gzipSync(readFileSync(demoSnapshot)).subarray(0, 500)); return join(d, 'x.json.gz'); }],
  ];
  for (const [name, make] of badInputs) {
    it(`${name}: one line on stderr, exit 2, no output files (old ones untouched)`, () => {
      const work = tempDir();
      const out = join(work, 'report');
      const run = runCli(['scan', '--input', make(work), '--output-dir', out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^cafscan: .+\n$/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
      expect(existsSync(out)).toBe(false);

      const previous = tempDir();
      writeFileSync(join(previous, 'results.json'), 'previous');
      expect(runCli(['scan', '--demo', '--input', make(work), '-o', previous]).status).toBe(2);
      expect(runCli(['scan', '--input', make(work), '-o', previous]).status).toBe(2);
      expect(readdirSync(previous)).toEqual(['results.json']);
      expect(read(previous, 'results.json')).toBe('previous');
    });
  }
});

describe('cafscan controls', () => {
  it('lists the catalog as JSON with the metadata from the Rego files', () => {
    const run = runCli(['controls', '--format', 'json']);
    expect(run.status).toBe(0);
    const controls = JSON.parse(run.stdout) as Array<{ id: string; capability: string; component: string; rationale: string; remediation: { console: string }; references: unknown[]; frameworks: Array<{ framework: string; requirement: string }> }>;
    expect(controls.length).toBeGreaterThanOrEqual(15);
    expect(new Set(controls.map((c) => c.capability))).toEqual(new Set(CAPABILITIES));
    for (const c of controls) {
      expect(c.rationale.length, c.id).toBeGreaterThan(40);
      expect(c.remediation.console.length, c.id).toBeGreaterThan(10);
      // Somewhere to read further: documentation links, or requirements beyond CAF-AI's (rules/).
      expect(c.references.length + c.frameworks.filter((r) => r.framework !== 'caf-ai-security').length, c.id).toBeGreaterThan(0);
      // Every control sits in the CAF-AI file under its own capability and component.
      expect(c.frameworks, c.id).toContainEqual(expect.objectContaining({ framework: 'caf-ai-security', requirement: `${c.capability}/${c.component}` }));
    }
  });

  it('prints a table by default', () => {
    const run = runCli(['controls']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+Capability\s+Component\s+Severity\s+Title/);
    // Under each control, the requirements of the frameworks beyond CAF-AI that map it.
    expect(run.stdout).toMatch(/^CAFAI-DP-02 .*\n {2,}.*owasp-llm-2025: LLM02\b/m);
  });
});

describe('redaction of credential-looking values in inventory.json', () => {
  const fakeSecret = (text: string) => /EXAMPLEKEY|"API_TOKEN":\s*"(?!\[redacted)/.test(text);

  it('redacts by default, keeps the finding, and a re-scan of the redacted inventory still reports it', () => {
    const out = tempDir();
    expect(runCli(['scan', '--demo', '-o', out, '--format', 'none']).status).toBe(0);
    const inventory = read(out, 'inventory.json');
    expect(fakeSecret(inventory)).toBe(false);
    expect(inventory).toContain('"AWS_SECRET_ACCESS_KEY": "[redacted by cafscan: looked like a credential]"');
    expect(inventory).toContain('"SAGEMAKER_PROGRAM": "inference.py"'); // ordinary settings stay
    const secretFinding = results(out).findings.find((f) => f.controlId === 'CAFAI-AS-02' && f.status === 'fail');
    expect(secretFinding?.message).toMatch(/AWS_SECRET_ACCESS_KEY/);
    for (const name of ['results.json', 'results.sarif']) expect(fakeSecret(read(out, name)), name).toBe(false);

    const rescan = tempDir();
    expect(runCli(['scan', '--input', join(out, 'inventory.json'), '-o', rescan, '--format', 'none']).status).toBe(0);
    expect(results(rescan).findings.filter((f) => f.controlId === 'CAFAI-AS-02')).toEqual(results(out).findings.filter((f) => f.controlId === 'CAFAI-AS-02'));
  });

  it('keeps the values with --no-redact', () => {
    const out = tempDir();
    expect(runCli(['scan', '--demo', '-o', out, '--no-redact', '--format', 'none']).status).toBe(0);
    expect(fakeSecret(read(out, 'inventory.json'))).toBe(true);
  });

  it('uses the marker the Rego library treats as a secret', async () => {
    const { REDACTION_MARKER } = await import('../../src/inventory/redact.js');
    expect(readFileSync(join(repoRoot, 'policies', 'lib', 'lib.rego'), 'utf8')).toContain(`redaction_marker := ${JSON.stringify(REDACTION_MARKER)}`);
  });
});
