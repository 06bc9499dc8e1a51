import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';

/** YAML → JSON with Python's yaml (installed with moto); YAML 1.1 reads the key `on` as true. */
function readYaml(file: string): Record<string, unknown> {
  const run = spawnSync('python3', ['-c', 'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1])), default=str))', join(repoRoot, file)], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

interface Step { name?: string; id?: string; if?: string; uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }

describe('the GitHub Action (action.yml)', () => {
  const action = readYaml('action.yml') as { inputs: Record<string, unknown>; runs: { using: string; steps: Step[] } };
  const steps = action.runs.steps;

  it('is a composite action with the inputs teams need', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['role-to-assume', 'regions', 'fail-on', 'fail-on-new', 'baseline', 'category', 'config']));
  });

  it('uploads the SARIF even when the scan fails the gate, then gates', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toMatch(/^always\(\)/);
    // Not hashFiles(): it cannot see an output-dir outside the workspace.
    expect(upload?.if).toContain("steps.scan.outputs.sarif == 'true'");
    expect(upload?.with?.category).toBe('${{ inputs.category }}');
    const order = steps.map((s) => s.id ?? s.uses ?? s.name);
    expect(order.indexOf('scan')).toBeLessThan(order.indexOf(upload!.uses!));
    expect(steps.at(-1)).toMatchObject({ name: 'Gate', if: 'always()' });
  });

  it("its scan step runs cafscan, records the exit code and writes the job summary (the demo, fail-on high)", () => {
    const scan = steps.find((s) => s.id === 'scan')!;
    const dir = tempDir();
    const output = join(dir, 'github-output');
    const summary = join(dir, 'step-summary.md');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const run = spawnSync('bash', ['-e', '-c', scan.run!], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true',
        GITHUB_ACTION_PATH: repoRoot, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary,
        CAFSCAN_OUTPUT_DIR: 'cafscan-report', CAFSCAN_FAIL_ON: 'high', CAFSCAN_FAIL_ON_NEW: 'false', CAFSCAN_EXTRA_ARGS: '--demo',
        CAFSCAN_REGIONS: '', CAFSCAN_BASELINE: '', CAFSCAN_CONFIG: '', CAFSCAN_CATEGORY: 'cafscan-ml-prod',
      },
    });
    expect(run.status, run.stderr).toBe(0); // the step records the code; the Gate step fails the job
    expect(readFileSync(output, 'utf8')).toBe('exit-code=1\nsarif-files=["cafscan-report/results.sarif"]\nsarif=true\n');
    const written = readFileSync(summary, 'utf8');
    expect(written).toMatch(/\| Data Protection \|/);
    for (const file of ['results.json', 'results.sarif', 'inventory.json', 'summary.md', 'report.html']) expect(existsSync(join(dir, 'cafscan-report', file)), file).toBe(true);
    expect(validateSarif(join(dir, 'cafscan-report', 'results.sarif'))).toEqual([]);
    // upload-sarif keeps an automationDetails.id that is set, so the category must be in it.
    const sarif = JSON.parse(readFileSync(join(dir, 'cafscan-report', 'results.sarif'), 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
    expect(sarif.runs.map((r) => r.automationDetails.id)).toEqual(['cafscan-ml-prod/123456789012/']);
  });
});

describe('the example pipelines', () => {
  it('GitHub: scheduled, OIDC and code scanning permissions, one category per account, reports kept', () => {
    const workflow = readYaml('examples/github-workflow.yml') as { true: { schedule: unknown[] }; permissions: Record<string, string>; jobs: { scan: { steps: Step[] } } };
    expect(workflow.true.schedule).toHaveLength(1);
    expect(workflow.permissions).toMatchObject({ 'id-token': 'write', 'security-events': 'write', contents: 'read' });
    const steps = workflow.jobs.scan.steps;
    expect(steps.find((s) => s.id === 'cafscan')?.with).toMatchObject({ 'fail-on': 'high', category: 'cafscan-${{ matrix.account.name }}' });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.if).toBe('always()');
  });

  it('GitLab: OIDC id token, the scan, reports kept when the gate fails', () => {
    const ci = readYaml('examples/gitlab-ci.yml') as { cafscan: { id_tokens: unknown; script: string[]; artifacts: { when: string } } };
    expect(ci.cafscan.id_tokens).toBeDefined();
    expect(ci.cafscan.script.join('\n')).toMatch(/cafscan scan .*--fail-on high/s);
    expect(ci.cafscan.artifacts.when).toBe('always');
  });
});
