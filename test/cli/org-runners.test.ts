import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

/**
 * The ready-made organisation runs: action.yml's org and merge modes, the GitHub, GitLab and
 * Kubernetes examples. Each file must parse, and every cafscan command line in it may use only
 * flags the real CLI lists in `cafscan <command> --help` (no fallback list: --org, --shard,
 * --aggregator and merge exist, so an example using a flag the CLI lacks is a broken example).
 */

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const yamlOf = <T>(file: string) => parse(read(file)) as T;

/** The long flags `cafscan <command> --help` lists. */
function helpFlags(command: 'scan' | 'merge'): string[] {
  const help = runCli([command, '--help']);
  expect(help.status, help.stderr).toBe(0);
  return [...help.stdout.matchAll(/(?:^|[\s,])(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1]!);
}
const KNOWN = { scan: new Set(helpFlags('scan')), merge: new Set(helpFlags('merge')) };

/** Every `cafscan scan|merge …` in a text, with its long flags (`--no-x` counts as given). */
function cafscanCommands(text: string): Array<{ command: 'scan' | 'merge'; flags: string[]; line: string }> {
  return [...text.matchAll(/\bcafscan(?:\.js)? (scan|merge)\b([^;&|\n]*)/g)].map((m) => ({
    command: m[1] as 'scan' | 'merge',
    flags: [...m[2]!.matchAll(/(?:^|\s)(--[a-z][a-z0-9-]*)/g)].map((f) => f[1]!),
    line: m[0],
  }));
}

function expectKnownFlags(commands: ReturnType<typeof cafscanCommands>): void {
  expect(commands.length).toBeGreaterThan(0);
  for (const { command, flags, line } of commands) for (const flag of flags) expect(KNOWN[command].has(flag), `${flag} in: ${line}`).toBe(true);
}

interface Step { name?: string; id?: string; if?: string; uses?: string; run?: string; with?: Record<string, string | number | boolean>; env?: Record<string, string> }
interface Action { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { steps: Step[] } }
const action = yamlOf<Action>('action.yml');
/** The suite validates every SARIF file tests leave behind, so the stand-in writes a real one. */
const VALID_SARIF = read('test/scan/fixtures/identical/demo/results.sarif');
const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

/**
 * Runs action.yml's scan step as the runner would (bash -e, inputs through its env mapping), with
 * a stand-in for bin/cafscan.js that records its arguments and writes `sarifFiles` SARIF files:
 * what is checked is the step's own logic, which flags it passes and what it reports.
 */
function runActionStep(inputs: Record<string, string>, options: { sarifFiles?: number; exit?: number; files?: string[] } = {}) {
  const dir = tempDir();
  const fake = join(dir, 'action');
  mkdirSync(join(fake, 'bin'), { recursive: true });
  writeFileSync(join(fake, 'bin', 'cafscan.js'), `
const { appendFileSync, mkdirSync, writeFileSync } = require('node:fs');
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(join(dir, 'argv'))}, JSON.stringify(args) + '\\n');
const out = args[args.indexOf('--output-dir') + 1];
mkdirSync(out, { recursive: true });
for (let i = 0; i < ${options.sarifFiles ?? 1}; i++) writeFileSync(out + '/' + (i ? 'results-' + (i + 1) + '.sarif' : 'results.sarif'), ${JSON.stringify(VALID_SARIF)});
writeFileSync(out + '/summary.md', '# cafscan ' + args[0] + '\\n');
process.exit(${options.exit ?? 0});
`);
  for (const file of options.files ?? []) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '{}');
  }
  writeFileSync(join(dir, 'github-output'), '');
  writeFileSync(join(dir, 'step-summary.md'), '');
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(scanStep.env ?? {})) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1];
    expect(input, `${name}: ${value}`).toBeDefined();
    expect(action.inputs[input!], input).toBeDefined();
    env[name] = inputs[input!] ?? action.inputs[input!]!.default;
  }
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', scanStep.run!], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTION_PATH: fake, GITHUB_OUTPUT: join(dir, 'github-output'), GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md'), ...env },
  });
  const argvText = (() => { try { return readFileSync(join(dir, 'argv'), 'utf8'); } catch { return ''; } })();
  const outputs = Object.fromEntries(readFileSync(join(dir, 'github-output'), 'utf8').trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, calls: argvText.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]), outputs, summary: readFileSync(join(dir, 'step-summary.md'), 'utf8') };
}

describe('action.yml: organisation runs', () => {
  it('has the organisation inputs and lists the SARIF files', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['org', 'org-role-name', 'external-id', 'aggregator', 'shard', 'merge']));
    expect(action.outputs['sarif-files']?.value).toBe('${{ steps.scan.outputs.sarif-files }}');
  });

  it('passes the organisation inputs as the design\'s flags, and uploads one SARIF file as before', () => {
    const run = runActionStep({ org: 'true', 'org-role-name': 'cafscan-audit', 'external-id': 'ext-123', shard: '2/4', regions: 'us-east-1', 'fail-on': 'high', category: 'cafscan-org', 'extra-args': '--account-concurrency 8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls).toHaveLength(1);
    const args = run.calls[0]!;
    expect(args[0]).toBe('scan');
    expect(args.join(' ')).toContain('--org --org-role-name cafscan-audit --external-id ext-123 --shard 2/4 --account-concurrency 8');
    expect(args.filter((a) => a.startsWith('--')).filter((flag) => !KNOWN.scan.has(flag))).toEqual([]);
    expect(run.outputs).toEqual({ 'exit-code': '0', 'sarif-files': '["cafscan-report/results.sarif"]', sarif: 'true' });
    expect(run.summary).toBe('# cafscan scan\n');
  });

  it('does not upload a split SARIF (more than 20 accounts) as one, and says why', () => {
    const run = runActionStep({ org: 'true', 'org-role-name': 'cafscan-audit' }, { sarifFiles: 3 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.outputs.sarif).toBe('split');
    expect(JSON.parse(run.outputs['sarif-files']!)).toEqual(['cafscan-report/results.sarif', 'cafscan-report/results-2.sarif', 'cafscan-report/results-3.sarif']);
    expect(run.stdout).toMatch(/^::warning title=cafscan::3 SARIF files .*upload each file separately/m);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toContain("steps.scan.outputs.sarif == 'true'");
  });

  it('merges the shards the globs match, writes the summary, and leaves the upload to one step per file', () => {
    const shards = ['shards/cafscan-shard-1/results.json', 'shards/cafscan-shard-2/results.json', 'shards/cafscan-shard-3/results.json'];
    const run = runActionStep({ merge: 'shards/*/results.json', category: 'cafscan-org', 'output-dir': 'org-report', 'fail-on': 'high' }, { files: shards, sarifFiles: 2 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls).toEqual([['merge', ...shards, '--output-dir', 'org-report', '--format', 'markdown', 'html', '--category', 'cafscan-org', '--fail-on', 'high']]);
    expect(run.calls[0]!.filter((a) => a.startsWith('--')).filter((flag) => !KNOWN.merge.has(flag))).toEqual([]);
    expect(run.outputs).toEqual({ 'exit-code': '0', 'sarif-files': '["org-report/results.sarif","org-report/results-2.sarif"]', sarif: 'merged' });
    expect(run.summary).toBe('# cafscan merge\n');
  });

  it('refuses a merge glob that matches nothing (a missing shard) and scan inputs in merge mode', () => {
    const missing = runActionStep({ merge: 'shards/*/results.json other/results.json' }, { files: ['shards/a/results.json'] });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('::error title=cafscan::merge: nothing matches other/results.json');
    expect(missing.calls).toEqual([]);
    for (const [input, value] of [['shard', '1/4'], ['baseline', 'old/results.json'], ['org-role-name', 'cafscan-audit'], ['org', 'true']] as const) {
      const run = runActionStep({ merge: 'shards/*/results.json', [input]: value }, { files: ['shards/a/results.json'] });
      expect(run.status, input).toBe(2);
      expect(run.stdout, input).toMatch(/::error title=cafscan::.*(is for scanning|are for scanning)/);
      expect(run.calls, input).toEqual([]);
    }
  });
});

describe('examples/github-org-workflow.yml', () => {
  interface Job { needs?: string | string[]; if?: string; permissions?: Record<string, string>; strategy?: { matrix: Record<string, unknown>; 'fail-fast'?: boolean }; outputs?: Record<string, string>; env?: Record<string, string | number>; steps: Step[] }
  const workflow = yamlOf<{ on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> }>('examples/github-org-workflow.yml');
  const { scan, merge, upload } = workflow.jobs as { scan: Job; merge: Job; upload: Job };
  const shards = scan.strategy!.matrix.shard as number[];
  const usesAction = (s: Step) => s.uses?.startsWith('cafscan/cafscan@');

  it('scans a matrix of N shards with --org through OIDC, keeping each shard\'s results as an artifact', () => {
    expect(workflow.on.schedule).toBeDefined();
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(shards.length).toBeGreaterThan(1);
    expect(scan.strategy!['fail-fast']).toBe(false);
    expect(scan.permissions).toMatchObject({ 'id-token': 'write' });
    expect(scan.permissions?.['security-events']).toBeUndefined(); // shards do not upload
    const step = scan.steps.find(usesAction)!;
    expect(step.with).toMatchObject({ org: true, 'org-role-name': 'cafscan-audit', shard: `\${{ matrix.shard }}/${shards.length}`, 'upload-sarif': false });
    expect(step.with!['fail-on']).toBeUndefined(); // the merge gates, once
    expect(String(step.with!['role-to-assume'])).toMatch(/^arn:aws:iam::\d{12}:role\//);
    for (const input of Object.keys(step.with!)) expect(action.inputs[input], input).toBeDefined();
    expectKnownFlags(cafscanCommands(`cafscan scan ${String(step.with!['extra-args'])}`));
    const keep = scan.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(keep.if).toBe('always()');
    expect(keep.with).toMatchObject({ name: 'cafscan-shard-${{ matrix.shard }}', path: `${String(step.with!['output-dir'])}/` });
  });

  it('merges only when every shard wrote results.json, and writes the summary through the action', () => {
    expect(merge.needs).toBe('scan');
    expect(merge.if).toContain('!cancelled()');
    expect(Number(merge.env!.SHARDS)).toBe(shards.length);
    const download = merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'cafscan-shard-*', path: 'shards' });
    const check = merge.steps.find((s) => s.name === 'Every shard is here')!;
    expect(check.run).toContain('shards/*/results.json');
    // The check really stops a merge with a shard missing.
    const dir = tempDir();
    for (const i of shards.slice(1)) {
      mkdirSync(join(dir, 'shards', `cafscan-shard-${i}`), { recursive: true });
      writeFileSync(join(dir, 'shards', `cafscan-shard-${i}`, 'results.json'), '{}');
    }
    const partial = spawnSync('bash', ['-e', '-c', check.run!], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, SHARDS: String(shards.length) } });
    expect(partial.status).toBe(1);
    expect(partial.stdout).toContain(`${shards.length - 1} of ${shards.length} shards wrote results.json`);
    writeFileSync(join(dir, 'shards', 'results.json'), '{}'); // not in a shard directory: still missing
    mkdirSync(join(dir, 'shards', 'cafscan-shard-1'));
    writeFileSync(join(dir, 'shards', 'cafscan-shard-1', 'results.json'), '{}');
    expect(spawnSync('bash', ['-e', '-c', check.run!], { cwd: dir, env: { PATH: process.env.PATH, SHARDS: String(shards.length) } }).status).toBe(0);
    const mergeStep = merge.steps.find(usesAction)!;
    expect(mergeStep.id).toBe('merge');
    expect(mergeStep.with).toMatchObject({ merge: 'shards/*/results.json', 'fail-on': 'high' });
    expect(merge.outputs!['sarif-files']).toBe('${{ steps.merge.outputs.sarif-files }}');
  });

  it('uploads each SARIF file in its own upload, with code scanning permission only there', () => {
    expect(upload.needs).toBe('merge');
    // Also when the merge's gate failed the job: the alerts are uploaded all the same.
    expect(upload.if).not.toContain("needs.merge.result == 'success'");
    expect(upload.if).toContain("needs.merge.outputs.sarif-files != '[]'");
    expect(upload.strategy!.matrix.sarif).toBe('${{ fromJSON(needs.merge.outputs.sarif-files) }}');
    expect(upload.permissions).toMatchObject({ 'security-events': 'write' });
    const step = upload.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(step.with!.sarif_file).toBe('${{ matrix.sarif }}');
    const download = upload.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    const mergeStep = merge.steps.find(usesAction)!;
    // sarif-files holds paths under the merge's output-dir: the artifact must land at the same place.
    expect(download.with).toMatchObject({ name: 'cafscan-org-report', path: mergeStep.with!['output-dir'] });
    for (const job of Object.values(workflow.jobs)) if (job !== upload) expect(job.permissions?.['security-events']).toBeUndefined();
  });
});

describe('examples/gitlab-org.yml', () => {
  interface GitlabJob { extends?: string; stage?: string; parallel?: number; needs?: string[]; rules?: Array<{ if: string; when?: string }>; id_tokens?: unknown; variables?: Record<string, string>; script: string[]; artifacts: { when: string; paths: string[] } }
  const ci = yamlOf<Record<string, GitlabJob> & { variables: Record<string, string> }>('examples/gitlab-org.yml');
  const scan = ci['cafscan-scan']!;
  const merge = ci['cafscan-merge']!;

  it('scans in `parallel: N` jobs that take their shard from CI_NODE_INDEX/CI_NODE_TOTAL, then merges', () => {
    expect(scan.parallel).toBeGreaterThan(1);
    expect(Number(ci.variables.CAFSCAN_SHARDS)).toBe(scan.parallel);
    const scanCommands = cafscanCommands(scan.script.join('\n'));
    expect(scanCommands.map((c) => c.command)).toEqual(['scan']);
    expect(scanCommands[0]!.flags).toEqual(expect.arrayContaining(['--org', '--org-role-name', '--output-dir']));
    expect(scanCommands[0]!.flags).not.toContain('--shard'); // the runner's variables say it
    expect(scanCommands[0]!.flags).not.toContain('--fail-on'); // the merge gates, once
    expect(scanCommands[0]!.line).toContain('cafscan-shard-$CI_NODE_INDEX');
    expect(scan.id_tokens).toBeDefined();
    expect(scan.artifacts.when).toBe('always');
    expect(merge.needs).toEqual(['cafscan-scan']);
    expect(merge.id_tokens).toBeUndefined();
    expect(merge.rules!.every((r) => r.when === 'always')).toBe(true);
    const mergeCommands = cafscanCommands(merge.script.join('\n'));
    expect(mergeCommands.map((c) => c.line)).toEqual([expect.stringContaining('cafscan merge cafscan-shard-*/results.json')]);
    expect(mergeCommands[0]!.flags).toContain('--fail-on');
    expect(merge.artifacts.when).toBe('always');
    expect(merge.script.join('\n')).toContain('"$found" -ne "$CAFSCAN_SHARDS"');
    expectKnownFlags([...scanCommands, ...mergeCommands]);
  });
});

describe('examples/kubernetes', () => {
  type K8s = { kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
  const docsOf = (file: string) => parseAllDocuments(read(file)).map((d) => {
    expect(d.errors, file).toEqual([]);
    return d.toJS() as K8s;
  });
  const scanDocs = docsOf('examples/kubernetes/cafscan-org-scan.yaml');
  const [mergeJob] = docsOf('examples/kubernetes/cafscan-org-merge.yaml') as [K8s];
  const byKind = (kind: string) => scanDocs.filter((d) => d.kind === kind);
  interface Container { name: string; env: Array<{ name: string; value: string }>; args: string[]; volumeMounts: Array<{ name: string; mountPath: string }> }
  interface PodSpec { serviceAccountName?: string; restartPolicy: string; containers: Container[]; volumes: Array<{ name: string; persistentVolumeClaim: { claimName: string } }> }
  const podOf = (job: K8s) => (job.spec as { template: { spec: PodSpec } }).template.spec;
  const scanJob = byKind('Job')[0]!;
  const spec = scanJob.spec as { completionMode: string; completions: number; parallelism: number; podFailurePolicy?: unknown };

  it('an Indexed Job: one completion per shard, CAFSCAN_SHARD_COUNT equal to it, each shard in its own directory', () => {
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.completions).toBeGreaterThan(1);
    expect(spec.parallelism).toBeGreaterThanOrEqual(1);
    expect(spec.parallelism).toBeLessThanOrEqual(spec.completions);
    const pod = podOf(scanJob);
    expect(pod.restartPolicy).toBe('Never'); // podFailurePolicy requires it
    const container = pod.containers[0]!;
    expect(container.env).toContainEqual({ name: 'CAFSCAN_SHARD_COUNT', value: String(spec.completions) });
    const commands = cafscanCommands(container.args.join('\n'));
    expect(commands.map((c) => c.command)).toEqual(['scan']);
    expect(commands[0]!.flags).toEqual(expect.arrayContaining(['--org', '--org-role-name']));
    expect(commands[0]!.flags).not.toContain('--shard'); // JOB_COMPLETION_INDEX + CAFSCAN_SHARD_COUNT say it
    const mount = container.volumeMounts[0]!;
    expect(commands[0]!.line).toContain(`--output-dir "${mount.mountPath}/shard-$JOB_COMPLETION_INDEX"`);
    expectKnownFlags(commands);
  });

  it('runs as a service account with an IRSA role, on a shared claim the merge Job reads', () => {
    const pod = podOf(scanJob);
    const account = byKind('ServiceAccount').find((s) => s.metadata.name === pod.serviceAccountName)!;
    expect(account.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/);
    const claim = byKind('PersistentVolumeClaim')[0]!;
    expect((claim.spec as { accessModes: string[] }).accessModes).toEqual(['ReadWriteMany']); // shards on several nodes
    expect(pod.volumes.find((v) => v.name === pod.containers[0]!.volumeMounts[0]!.name)?.persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    for (const doc of [...scanDocs.filter((d) => d.kind !== 'Namespace'), mergeJob]) expect(doc.metadata.namespace, doc.kind).toBe(byKind('Namespace')[0]!.metadata.name);

    const mergePod = podOf(mergeJob);
    expect(mergeJob.kind).toBe('Job');
    expect(mergePod.volumes[0]!.persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    const container = mergePod.containers[0]!;
    expect(container.env).toContainEqual({ name: 'CAFSCAN_SHARD_COUNT', value: String(spec.completions) });
    const commands = cafscanCommands(container.args.join('\n'));
    expect(commands.map((c) => c.line)).toEqual([expect.stringContaining(`cafscan merge ${container.volumeMounts[0]!.mountPath}/shard-*/results.json`)]);
    expectKnownFlags(commands);
  });

  it('the merge Job refuses to merge when a shard is missing', () => {
    const container = podOf(mergeJob).containers[0]!;
    const dir = tempDir();
    // The script as the container runs it, with the mount path pointed at a temp directory and the merge itself left out.
    const script = container.args.join('\n').replaceAll(container.volumeMounts[0]!.mountPath, dir).replace(/exec npx[\s\S]*$/, 'echo merged');
    const completions = (scanJob.spec as { completions: number }).completions;
    const count = String(completions);
    const writeShard = (i: number) => {
      mkdirSync(join(dir, `shard-${i}`));
      writeFileSync(join(dir, `shard-${i}`, 'results.json'), '{}');
    };
    for (let i = 0; i < completions - 1; i++) writeShard(i);
    const short = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, CAFSCAN_SHARD_COUNT: count } });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain(`${completions - 1} of ${count} shards wrote results.json`);
    writeShard(completions - 1);
    expect(spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, CAFSCAN_SHARD_COUNT: count } }).stdout).toBe('merged\n');
  });
});

describe('docs/organizations.md', () => {
  it('links only to files and headings that exist', () => {
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s/g, '-');
    const headings = (file: string) => new Set([...read(file).matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));
    const links = [...read('docs/organizations.md').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path ? join('docs', path) : 'docs/organizations.md';
      expect(existsSync(join(repoRoot, target)), link).toBe(true);
      if (anchor) expect(headings(target).has(anchor), link).toBe(true);
    }
    for (const section of ['permissions', 'running-on-job-runners']) expect(headings('docs/organizations.md').has(section), section).toBe(true);
  });
});

describe('examples/aws-batch', () => {
  interface JobDefinition { type: string; containerProperties: { command: string[]; environment: Array<{ name: string; value: string }>; jobRoleArn?: string; mountPoints: Array<{ containerPath: string }> }; retryStrategy?: { evaluateOnExit: Array<{ onExitCode: string; action: string }> } }
  const scan = JSON.parse(read('examples/aws-batch/cafscan-org-scan.json')) as JobDefinition;
  const merge = JSON.parse(read('examples/aws-batch/cafscan-org-merge.json')) as JobDefinition;
  const submit = read('examples/aws-batch/submit.sh');
  const shards = Number(/^SHARDS=(\d+)$/m.exec(submit)?.[1]);

  it('an array job of SHARDS children with CAFSCAN_SHARD_COUNT equal to it, then a merge depending on it', () => {
    expect(shards).toBeGreaterThan(1);
    expect(submit).toContain('--array-properties size=$SHARDS');
    expect(submit).toMatch(/--job-definition cafscan-org-merge --depends-on jobId="\$scan"/);
    for (const definition of [scan, merge]) expect(definition.containerProperties.environment).toContainEqual({ name: 'CAFSCAN_SHARD_COUNT', value: String(shards) });
    expect(scan.containerProperties.jobRoleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(merge.containerProperties.jobRoleArn).toBeUndefined(); // the merge reads files only
    expect(scan.retryStrategy!.evaluateOnExit[0]).toEqual({ onExitCode: '2', action: 'EXIT' });
    const mount = scan.containerProperties.mountPoints[0]!.containerPath;
    expect(merge.containerProperties.mountPoints[0]!.containerPath).toBe(mount);
    const scanCommands = cafscanCommands(scan.containerProperties.command.join('\n'));
    expect(scanCommands[0]!.flags).toEqual(expect.arrayContaining(['--org', '--org-role-name']));
    expect(scanCommands[0]!.flags).not.toContain('--shard');
    expect(scanCommands[0]!.line).toContain(`--output-dir "${mount}/shard-$AWS_BATCH_JOB_ARRAY_INDEX"`);
    const mergeCommands = cafscanCommands(merge.containerProperties.command.join('\n'));
    expect(mergeCommands.map((c) => c.line)).toEqual([expect.stringContaining(`cafscan merge ${mount}/shard-*/results.json`)]);
    expect(merge.containerProperties.command.join('\n')).toContain('"$found" -ne "$CAFSCAN_SHARD_COUNT"');
    expectKnownFlags([...scanCommands, ...mergeCommands]);
  });
});
