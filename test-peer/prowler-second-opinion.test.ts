// A second opinion: Prowler (pinned, scripts/ensure-prowler.mjs) and cafscan scan the same
// moto-emulated ML account (test/integration/seed-account.ts, real HTTP), and their verdicts are
// compared check by check and resource by resource through the crosswalk cafscan ships
// (rules/prowler-aws-ai-checks.yaml: each Prowler check and the cafscan controls that cover it).
//
// Every verdict that differs was read and explained in test-peer/prowler-disagreements.yaml,
// with whose mistake it is (or why both are right). The test fails on a difference that is not
// explained there and on an explanation whose difference is gone, so a change on either side is
// looked at. It writes the whole comparison to test-output/second-opinion.md.
//
// Run with `npm run second-opinion` (installs Prowler into .tools/prowler the first time). It is
// not part of `npm test`: Prowler is a few hundred MB of Python and its run takes about a minute.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ScanResults } from '../src/model/results.js';
import { ensureProwler } from '../scripts/ensure-prowler.mjs';
import { cafscanBin, repoRoot, tempDir } from '../test/helpers/cli.js';
import { motoEnv, startMoto, type Moto } from '../test/helpers/moto.js';
import { seedAccount } from '../test/integration/seed-account.js';

const REGION = 'us-east-1';

/** One Prowler finding, from its OCSF output. */
interface PeerFinding {
  check: string;
  status: 'PASS' | 'FAIL' | 'MANUAL';
  resource: string;
  detail: string;
}

type CafscanVerdict = 'pass' | 'fail' | 'not_evaluated' | 'none';

type Comparison = 'agree' | 'cafscan-stricter' | 'cafscan-laxer' | 'cafscan-not-evaluated' | 'not-judged-by-cafscan' | 'peer-manual';

interface Row {
  check: string;
  resource: string;
  prowler: PeerFinding['status'];
  cafscan: CafscanVerdict;
  comparison: Comparison;
  controls: string;
  detail: string;
}

interface Explained {
  check: string;
  resource: string;
  prowler: PeerFinding['status'];
  cafscan: CafscanVerdict;
  why: string;
}

interface Crosswalk {
  version: string;
  requirements: Array<{ id: string; controls?: string[] }>;
}

const crosswalk = parse(readFileSync(join(repoRoot, 'rules', 'prowler-aws-ai-checks.yaml'), 'utf8')) as Crosswalk;
const controlsOf = new Map(crosswalk.requirements.filter((r) => (r.controls ?? []).length > 0).map((r) => [r.id, r.controls!] as const));
const explained = parse(readFileSync(join(repoRoot, 'test-peer', 'prowler-disagreements.yaml'), 'utf8')) as Explained[];

function readPeerFindings(file: string): PeerFinding[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Array<{ metadata: { event_code: string }; status_code: string; status_detail?: string; resources: Array<{ uid: string }> }>;
  return raw.map((f) => ({ check: f.metadata.event_code, status: f.status_code as PeerFinding['status'], resource: f.resources[0]?.uid ?? '', detail: f.status_detail ?? '' }));
}

/**
 * cafscan's verdict on what a Prowler finding judges: the findings of the controls the crosswalk
 * maps the check to, on the same resource (by ARN, or an ARN ending in the resource id); for a
 * Prowler finding on a region or an organization (no resource of its own), the controls' findings
 * on the account resource of that region. Several controls: any fail fails, all pass passes.
 */
function cafscanVerdict(results: ScanResults, controls: readonly string[], resource: string): { verdict: CafscanVerdict; controls: string } {
  const mapped = results.findings.filter((f) => controls.includes(f.controlId));
  let mine = mapped.filter((f) => f.resource.arn === resource || resource.endsWith(`/${f.resource.id}`));
  if (mine.length === 0) mine = mapped.filter((f) => f.resource.type === 'AWS::::Account' && f.resource.region === REGION);
  const shown = mine.map((f) => `${f.controlId} ${f.status}`).join(', ');
  if (mine.length === 0) return { verdict: 'none', controls: '' };
  if (mine.some((f) => f.status === 'fail')) return { verdict: 'fail', controls: shown };
  if (mine.every((f) => f.status === 'pass')) return { verdict: 'pass', controls: shown };
  return { verdict: 'not_evaluated', controls: shown };
}

function compare(prowler: PeerFinding['status'], cafscan: CafscanVerdict): Comparison {
  if (prowler === 'MANUAL') return 'peer-manual';
  if (cafscan === 'none') return 'not-judged-by-cafscan';
  if (cafscan === 'not_evaluated') return 'cafscan-not-evaluated';
  if ((prowler === 'PASS') === (cafscan === 'pass')) return 'agree';
  return cafscan === 'fail' ? 'cafscan-stricter' : 'cafscan-laxer';
}

const key = (r: { check: string; resource: string; prowler: string; cafscan: string }) => `${r.check} | ${r.resource} | Prowler ${r.prowler} | cafscan ${r.cafscan}`;

function report(rows: readonly Row[]): string {
  const counts = new Map<Comparison, number>();
  for (const r of rows) counts.set(r.comparison, (counts.get(r.comparison) ?? 0) + 1);
  const why = new Map(explained.map((e) => [key(e), e.why]));
  const lines = [
    `# Second opinion: Prowler ${crosswalk.version} and cafscan on the same moto account`,
    '',
    'Generated by `npm run second-opinion` (test-peer/prowler-second-opinion.test.ts).',
    '',
    ...[...counts].sort().map(([c, n]) => `- ${c}: ${n}`),
    '',
    '| Prowler check | resource | Prowler | cafscan | controls | comparison | why they differ |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.check} | ${r.resource} | ${r.prowler} | ${r.cafscan} | ${r.controls} | ${r.comparison} | ${r.comparison === 'agree' ? '' : (why.get(key(r)) ?? '**not explained**').replace(/\s+/g, ' ')} |`),
    '',
  ];
  return lines.join('\n');
}

describe('Prowler as a second opinion on a moto-emulated ML account', () => {
  let moto: Moto;
  let rows: Row[] = [];
  let listedChecks: Set<string>;

  beforeAll(async () => {
    const prowler = ensureProwler();
    const list = spawnSync(prowler, ['aws', '--list-checks-json'], { encoding: 'utf8', env: { ...process.env, AWS_DEFAULT_REGION: REGION } });
    listedChecks = new Set(Object.values(JSON.parse(list.stdout) as Record<string, string[]>).flat());

    moto = await startMoto();
    await seedAccount(moto);
    const env = { ...process.env, ...motoEnv(moto) };

    const ours = tempDir();
    const scan = spawnSync(process.execPath, [cafscanBin, 'scan', '--endpoint-url', moto.endpoint, '--region', REGION, '--all-resources', '--output-dir', ours, '--format', 'none'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...env, AWS_ENDPOINT_URL: '', CI: 'true' },
    });
    expect(scan.status, scan.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(ours, 'results.json'), 'utf8')) as ScanResults;

    const theirs = tempDir();
    const checks = [...controlsOf.keys()].filter((c) => listedChecks.has(c));
    const peer = spawnSync(prowler, ['aws', '--checks', ...checks, '--region', REGION, '--output-formats', 'json-ocsf', '--output-directory', theirs, '--output-filename', 'peer', '--no-banner', '--ignore-exit-code-3'], {
      encoding: 'utf8',
      // Prowler's boto3 reads AWS_ENDPOINT_URL for every service (moto answers them all on one port).
      env: { ...env, AWS_DEFAULT_REGION: REGION },
      timeout: 900_000,
    });
    expect(peer.status, peer.stderr.slice(-2000)).toBe(0);

    rows = readPeerFindings(join(theirs, 'peer.ocsf.json')).map((f) => {
      const mine = cafscanVerdict(results, controlsOf.get(f.check) ?? [], f.resource);
      return { check: f.check, resource: f.resource, prowler: f.status, cafscan: mine.verdict, comparison: compare(f.status, mine.verdict), controls: mine.controls, detail: f.detail };
    });
    rows.sort((a, b) => key(a).localeCompare(key(b)));
    mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
    writeFileSync(join(repoRoot, 'test-output', 'second-opinion.md'), report(rows));
  }, 1_200_000);
  afterAll(async () => moto?.stop());

  it('every Prowler check the crosswalk names exists in the pinned Prowler', () => {
    expect([...controlsOf.keys()].filter((c) => !listedChecks.has(c))).toEqual([]);
  });

  it('gets verdicts from both scanners, and agrees on most', () => {
    const agreed = rows.filter((r) => r.comparison === 'agree').length;
    console.log(`second opinion: ${rows.length} Prowler findings, ${agreed} agree (test-output/second-opinion.md)`);
    expect(rows.length).toBeGreaterThan(0);
    expect(agreed).toBeGreaterThan(rows.length / 2);
  });

  it('explains every verdict that differs, and no difference that is gone', () => {
    const differing = rows.filter((r) => r.comparison !== 'agree').map(key).sort();
    expect(differing).toEqual(explained.map(key).sort());
  });

  it('never has cafscan pass what Prowler fails without an explanation naming Prowler\'s mistake', () => {
    const laxer = explained.filter((e) => e.cafscan === 'pass' && e.prowler === 'FAIL');
    expect(laxer.filter((e) => !/prowler/i.test(e.why))).toEqual([]);
  });
});
