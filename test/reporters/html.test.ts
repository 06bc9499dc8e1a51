import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, CAPABILITY_TITLES, COMPONENTS } from '../../src/model/control.js';
import type { Finding } from '../../src/model/finding.js';
import { renderHtml } from '../../src/reporters/html.js';
import { displayStatus, formatScore, type ReportFinding, type ReportResults } from '../../src/reporters/html-template/report-view.js';
import type { ScanResults } from '../../src/model/results.js';
import { computeScores } from '../../src/scores/compute-scores.js';
import { launchChromium } from '../helpers/chromium.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const PAYLOAD = '</script><img src=x onerror=alert(1)>';
const SCREENSHOT = join(repoRoot, 'test-output', 'html-report.png');

let results: ReportResults;
let pageUrl: string;
let browser: Browser;
let page: Page;
/** Every request the page made, and every dialog, console error or script error it raised. */
const requests: string[] = [];
const incidents: string[] = [];

function extra(overrides: Partial<ReportFinding>, id: string): ReportFinding {
  return {
    controlId: 'CAFAI-DP-01',
    title: 'Training data buckets are encrypted',
    capability: 'data-protection',
    component: 'input',
    severity: 'high',
    status: 'fail',
    resource: { arn: `arn:aws:s3:::${id}`, type: 'AWS::S3::Bucket', id, region: 'us-east-1', accountId: '123456789012' },
    message: `Bucket ${id} is not encrypted with a customer managed KMS key.`,
    ...overrides,
  };
}

beforeAll(async () => {
  const dir = tempDir();
  const run = runCli(['scan', '--demo', '--output-dir', dir, '--format', 'none']);
  expect(run.status, run.stderr).toBe(0);
  const demo = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ScanResults;
  // The demo, minus every incident-response finding (so one capability scores n/a), plus a
  // hostile resource name and the fields other changes add: suppression, baseline, scope.
  const findings: ReportFinding[] = demo.findings.filter((f) => f.capability !== 'incident-response');
  findings.push(
    extra({ severity: 'critical', message: `Bucket ${PAYLOAD} is public.`, resource: { arn: `arn:aws:s3:::${PAYLOAD}`, type: 'AWS::S3::Bucket', id: PAYLOAD, region: 'us-east-1', accountId: '123456789012' } }, 'unused'),
    extra({ suppression: { reason: 'accepted until the migration', expires: '2027-03-31', source: 'cafscan.config.json' } }, 'legacy-training-data'),
    extra(
      {
        baselineState: 'new',
        scope: {
          basis: 'linked',
          links: [{ component: 'input', workload: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/fraud-xgb-train', workloadType: 'AWS::SageMaker::TrainingJob', workloadName: 'fraud-xgb-train', via: 'training data (InputDataConfig S3Uri)' }],
          linkCount: 3,
        },
      },
      'fraud-training-data',
    ),
    extra({ status: 'pass', baselineState: 'fixed' }, 'now-private-bucket'),
    extra({ baselineState: 'absent' }, 'old-scratch-bucket'),
  );
  // A remediation snippet with markup in it must print as text (the catalog's own text is ours,
  // but it is escaped like any value).
  const dp01 = demo.controls!['CAFAI-DP-01']!;
  const controls = { ...demo.controls, 'CAFAI-DP-01': { ...dp01, remediation: { ...dp01.remediation, cli: `${dp01.remediation.cli} # ${PAYLOAD}` } } };
  results = { ...demo, findings, scores: computeScores(findings as Finding[]), controls };

  const file = join(tempDir('cafscan-html-'), 'report.html');
  writeFileSync(file, renderHtml(results));
  pageUrl = pathToFileURL(file).href;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => incidents.push(`pageerror: ${error.message}`));
  // Everything but the page itself fails: the report must need nothing from anywhere.
  await page.route('**', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(pageUrl);
});

afterAll(async () => {
  await browser?.close();
});

async function visibleRows(): Promise<number> {
  return page.locator('#findings-table tbody tr:visible').count();
}

async function filter(values: Partial<Record<'capability' | 'component' | 'severity' | 'status', string>>): Promise<void> {
  await page.locator('#filter-reset').click();
  for (const [key, value] of Object.entries(values)) await page.locator(`#filter-${key}`).selectOption(value);
}

describe('renderHtml in Chromium', () => {
  it('is self-contained: no request but the page itself, no script errors, no CSP violations', async () => {
    await page.waitForLoadState('load');
    expect(requests).toEqual([pageUrl]);
    expect(incidents).toEqual([]);
    // Nothing that could load something later either (a click, a lazy image).
    await expect(page.locator('[src], [href], [srcset], [action], link, iframe, object, embed, img, image, use').count()).resolves.toBe(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/^default-src 'none'; script-src 'sha256-/);
  });

  it('draws a bar per capability with its score, and n/a where nothing was evaluated', async () => {
    const bars = page.locator('svg.chart g.bar');
    await expect(bars.count()).resolves.toBe(9);
    expect(await page.locator('svg.chart .bar-label').allTextContents()).toEqual(CAPABILITIES.map((id) => CAPABILITY_TITLES[id]));
    expect(await page.locator('svg.chart .bar-value').allTextContents()).toEqual(CAPABILITIES.map((id) => formatScore(results.scores.capabilities[id].score)));
    expect(results.scores.capabilities['incident-response'].score).toBeNull();
    const ir = page.locator('svg.chart g.bar[data-capability="incident-response"]');
    expect(await ir.getAttribute('aria-label')).toContain('Incident Response: n/a');
    await expect(ir.locator('rect.fill').count()).resolves.toBe(0);
    await expect(page.locator('svg.chart title#chart-title').count()).resolves.toBe(1);
    await expect(page.locator('svg.chart g.bar > title').count()).resolves.toBe(9);
  });

  it('has the 9 × 3 capability × component matrix with each score', async () => {
    const cells = page.locator('table.matrix td.cell');
    await expect(cells.count()).resolves.toBe(27);
    for (const capability of CAPABILITIES) {
      for (const component of COMPONENTS) {
        const cell = page.locator(`table.matrix td.cell[data-capability="${capability}"][data-component="${component}"]`);
        const expected = results.scores.capabilities[capability].components[component];
        expect(await cell.locator('.cell-score').textContent()).toBe(formatScore(expected.score));
        expect(await cell.getAttribute('class')).toContain(expected.score === null ? 'band-none' : 'band-');
      }
    }
  });

  it('embeds the findings as JSON the page can parse, in table order', async () => {
    const embedded = JSON.parse((await page.locator('#cafscan-data').textContent()) ?? '') as { findings: ReportFinding[] };
    expect(embedded.findings).toHaveLength(results.findings.length);
    await expect(page.locator('#findings-table tbody tr').count()).resolves.toBe(results.findings.length);
    const statuses = await page.locator('#findings-table tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses).toEqual(embedded.findings.map(displayStatus));
    expect(await page.locator('#finding-count').textContent()).toBe(`${results.findings.length} of ${results.findings.length} findings`);
  });

  it('filters by capability, component, severity and status, with the count following', async () => {
    const all = results.findings;
    const total = all.length;
    const cases: Array<[Parameters<typeof filter>[0], (f: ReportFinding) => boolean]> = [
      [{ capability: 'data-protection' }, (f) => f.capability === 'data-protection'],
      [{ status: 'fail' }, (f) => displayStatus(f) === 'fail'],
      [{ capability: 'data-protection', status: 'fail' }, (f) => f.capability === 'data-protection' && displayStatus(f) === 'fail'],
      [{ component: 'model', severity: 'high' }, (f) => f.component === 'model' && f.severity === 'high'],
      [{ status: 'suppressed' }, (f) => f.suppression !== undefined && f.status === 'fail'],
      [{ status: 'not_evaluated' }, (f) => f.status === 'not_evaluated'],
      [{ capability: 'incident-response' }, () => false],
    ];
    for (const [values, predicate] of cases) {
      await filter(values);
      const expected = all.filter(predicate).length;
      expect(await visibleRows(), JSON.stringify(values)).toBe(expected);
      expect(await page.locator('#finding-count').textContent()).toBe(`${expected} of ${total} findings`);
      expect(await page.locator('#no-findings').isVisible()).toBe(expected === 0);
    }
    const suppressed = page.locator('#findings-table tbody tr:visible', { hasText: 'legacy-training-data' });
    await filter({ status: 'suppressed' });
    expect(await suppressed.locator('.pill').textContent()).toBe('suppressed');
    expect(await suppressed.locator('.details').textContent()).toContain('accepted until the migration (until 2027-03-31, from cafscan.config.json)');
    await filter({});
    expect(await visibleRows()).toBe(total);
    expect(await page.locator('#finding-count').textContent()).toBe(`${total} of ${total} findings`);
  });

  it('shows why a resource is in scope and its baseline state', async () => {
    const row = page.locator('#findings-table tbody tr', { hasText: 'fraud-training-data' });
    expect(await row.getAttribute('data-baseline')).toBe('new');
    expect(await row.locator('.baseline-new').textContent()).toBe('new');
    await row.locator('details:not(.fix) summary').click();
    const details = row.locator('details:not(.fix)');
    expect(await details.locator('li').allTextContents()).toEqual(['fraud-xgb-train (AWS::SageMaker::TrainingJob): input, via training data (InputDataConfig S3Uri)', '… and 2 more']);
    expect(await details.locator('p').textContent()).toBe('Used by these AI workloads');
    // Fixed as src/baseline marks it: passes now, with a pill.
    const fixed = page.locator('#findings-table tbody tr', { hasText: 'now-private-bucket' });
    expect(await fixed.getAttribute('data-status')).toBe('pass');
    expect(await fixed.locator('.pill').allTextContents()).toEqual(['pass', 'fixed']);
    // Gone from this scan (SARIF's "absent"): listed as fixed, never as an open failure.
    const gone = page.locator('#findings-table tbody tr', { hasText: 'old-scratch-bucket' });
    expect(await gone.getAttribute('data-status')).toBe('fixed');
    // The header sums up the comparison.
    expect(await page.locator('.facts').textContent()).toContain('1 new failure, 2 fixed');
  });

  it('a matrix cell filters the table to its capability and component', async () => {
    await filter({});
    await page.locator('table.matrix td.cell[data-capability="data-protection"][data-component="input"]').click();
    const expected = results.findings.filter((f) => f.capability === 'data-protection' && f.component === 'input').length;
    expect(await visibleRows()).toBe(expected);
    expect(await page.locator('#filter-capability').inputValue()).toBe('data-protection');
    expect(await page.locator('#filter-component').inputValue()).toBe('input');
    await filter({});
  });

  it('expands a failure\'s remediation: console steps, CLI and Terraform, escaped', async () => {
    const row = page.locator('#findings-table tbody tr', { hasText: 'fraud-training-data' });
    const fix = row.locator('details.fix');
    await expect(fix.locator('.fix-cli').isVisible()).resolves.toBe(false);
    await fix.locator('summary').click();
    await expect(fix.locator('.fix-cli').isVisible()).resolves.toBe(true);
    const control = results.controls!['CAFAI-DP-01']!;
    expect(await fix.locator('.fix-console').textContent()).toBe(`Console: ${control.remediation.console}`);
    expect(await fix.locator('.fix-cli').textContent()).toBe(control.remediation.cli);
    expect(await fix.locator('.fix-cli').textContent()).toContain(PAYLOAD);
    expect(await fix.locator('.fix-terraform').textContent()).toBe(control.remediation.terraform);
    await expect(page.locator('img').count()).resolves.toBe(0);
    // A pass has nothing to fix.
    await expect(page.locator('#findings-table tbody tr[data-status="pass"] details.fix').count()).resolves.toBe(0);
    // Each failing control once in the How to fix section, with its rationale.
    const entry = page.locator('#fix-CAFAI-DP-01');
    await entry.locator('summary').click();
    expect(await entry.textContent()).toContain(control.rationale);
    expect(incidents).toEqual([]);
  });

  it('lists the findings on one resource together', async () => {
    const rows = await page.locator('#findings-table tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-status')} ${tr.querySelector('.resource')?.getAttribute('title')}`));
    const groups = rows.filter((key, i) => i === 0 || rows[i - 1] !== key);
    expect(new Set(groups).size).toBe(groups.length);
    expect(rows.length).toBeGreaterThan(groups.length);
    // Still failures first.
    expect(rows.findIndex((r) => r.startsWith('pass'))).toBeGreaterThan(rows.findLastIndex((r) => r.startsWith('fail')));
  });

  it('renders a hostile resource name as text', async () => {
    await expect(page.locator('img').count()).resolves.toBe(0);
    // By its resource cell: the remediation test's CLI snippet carries the payload too.
    const row = page.locator('#findings-table tbody tr', { has: page.locator('.resource', { hasText: PAYLOAD }) });
    await expect(row.count()).resolves.toBe(1);
    expect(await row.locator('.resource').textContent()).toContain(PAYLOAD);
    expect(await row.locator('.message').textContent()).toBe(`Bucket ${PAYLOAD} is public.`);
    expect(await row.locator('.resource').getAttribute('title')).toBe(`arn:aws:s3:::${PAYLOAD}`);
    const embedded = (await page.locator('#cafscan-data').textContent()) ?? '';
    expect(embedded).not.toContain('<');
    expect((JSON.parse(embedded) as { findings: ReportFinding[] }).findings.some((f) => f.resource.id === PAYLOAD)).toBe(true);
    await expect(page.locator('script').count()).resolves.toBe(2);
    expect(incidents).toEqual([]);
    expect(requests).toEqual([pageUrl]);
  });

  it('renders the chart, matrix and every row without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      const seen: string[] = [];
      plain.on('request', (request) => seen.push(request.url()));
      await plain.route('**', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort('blockedbyclient')));
      await plain.goto(pageUrl);
      await expect(plain.locator('svg.chart g.bar').count()).resolves.toBe(9);
      await expect(plain.locator('table.matrix td.cell').count()).resolves.toBe(27);
      await expect(plain.locator('#findings-table tbody tr:visible').count()).resolves.toBe(results.findings.length);
      expect(seen).toEqual([pageUrl]);
    } finally {
      await context.close();
    }
  });

  it('writes a full-page screenshot', async () => {
    await filter({});
    mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });
});
