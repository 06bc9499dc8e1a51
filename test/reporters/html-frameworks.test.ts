import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENT_STATUS_LABELS } from '../../src/reporters/framework-view.js';
import type { ScanResults } from '../../src/model/results.js';
import { launchChromium } from '../helpers/chromium.js';
import { runCli, tempDir } from '../helpers/cli.js';

/**
 * The acceptance line of issue 12 in a browser: `cafscan scan --demo --framework owasp-llm-2025
 * --format html markdown` writes a report.html whose framework view comes first, lists the
 * framework's requirements with their statuses, leads from a control to its findings, and whose
 * findings expand to their remediation — all with nothing loaded from anywhere.
 */
let results: ScanResults;
let pageUrl: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const incidents: string[] = [];

beforeAll(async () => {
  const out = tempDir('cafscan-html-frameworks-');
  const run = runCli(['scan', '--demo', '--framework', 'owasp-llm-2025', '--format', 'html', 'markdown', '--output-dir', out]);
  expect(run.status, run.stderr).toBe(0);
  results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ScanResults;
  pageUrl = pathToFileURL(join(out, 'report.html')).href;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => incidents.push(`pageerror: ${error.message}`));
  await page.route('**', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(pageUrl);
  await page.waitForLoadState('load');
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html of scan --demo --framework owasp-llm-2025', () => {
  it('loads nothing but itself and raises no script error or CSP violation', () => {
    expect(requests).toEqual([pageUrl]);
    expect(incidents).toEqual([]);
  });

  it('shows the framework\'s requirement table first, one row per requirement with its status', async () => {
    const sections = await page.locator('main > section').evaluateAll((all) => all.map((s) => s.id));
    expect(sections[0]).toBe('frameworks');
    expect(sections.indexOf('capabilities')).toBeGreaterThan(0);
    await expect(page.locator('#frameworks-heading').textContent()).resolves.toBe('OWASP Top 10 for LLM Applications 2025 — requirements');
    const view = page.locator('#framework-owasp-llm-2025');
    await expect(view.getAttribute('open')).resolves.toBe('');
    const expected = results.frameworks!['owasp-llm-2025']!.requirements;
    expect(expected.map((r) => r.id)).toEqual(['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10']);
    const rows = await view.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ id: tr.querySelector('th')?.textContent, status: tr.getAttribute('data-status'), pill: tr.querySelector('.pill')?.textContent, visible: tr.getClientRects().length > 0 })),
    );
    expect(rows).toEqual(expected.map((r) => ({ id: r.id, status: r.status, pill: REQUIREMENT_STATUS_LABELS[r.status], visible: true })));
    // Both kinds the demo gives: failing, partly automated requirements and manual ones, said as such.
    await expect(view.locator('tr[data-requirement="LLM01"] td').nth(2).textContent()).resolves.toBe('partly automated');
    await expect(view.locator('tr[data-requirement="LLM05"] .pill').textContent()).resolves.toBe('manual');
    // What to check by hand opens without a script.
    const check = view.locator('tr[data-requirement="LLM05"] details.check');
    await check.locator('summary').click();
    await expect(check.locator('p').textContent()).resolves.toContain('treats model output as untrusted');
  });

  it('lists each requirement\'s controls with their outcome, and a control leads to its findings', async () => {
    const requirement = results.frameworks!['owasp-llm-2025']!.requirements.find((r) => r.id === 'LLM08')!;
    const control = requirement.controls![0]!;
    const chip = page.locator('#framework-owasp-llm-2025 tr[data-requirement="LLM08"] .control-ref', { hasText: control.id });
    await expect(chip.locator('xpath=following-sibling::span[1]').textContent()).resolves.toBe(control.status === 'not_evaluated' ? 'not evaluated' : control.status);
    await chip.click();
    const rows = page.locator('#findings-table tbody tr:visible');
    const own = results.findings.filter((f) => f.controlId === control.id).length;
    expect(own).toBeGreaterThan(0);
    await expect(rows.count()).resolves.toBe(own);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-control'))))).toEqual(new Set([control.id]));
    await expect(page.locator('#filter-control').inputValue()).resolves.toBe(control.id);
    await expect(page.locator('#finding-count').textContent()).resolves.toBe(`${own} of ${results.findings.length} findings`);
    // A matrix cell afterwards shows the whole cell, not the cell's findings of that control only.
    await page.locator('.matrix td.cell[data-capability="data-protection"][data-component="input"]').click();
    await expect(page.locator('#filter-control').inputValue()).resolves.toBe('');
    await expect(page.locator('#filter-capability').inputValue()).resolves.toBe('data-protection');
    // And from the keyboard.
    await page.locator('#filter-reset').click();
    const other = page.locator('#framework-owasp-llm-2025 tr[data-requirement="LLM09"] .control-ref[data-control]').first();
    const otherId = (await other.getAttribute('data-control'))!;
    await other.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#filter-control').inputValue()).resolves.toBe(otherId);
    await page.locator('#filter-reset').click();
    expect(incidents).toEqual([]);
  });

  it('expands a failing finding\'s remediation: console steps, CLI and Terraform', async () => {
    const failing = results.findings.find((f) => f.status === 'fail' && !f.suppression && results.controls?.[f.controlId]?.remediation.terraform && results.controls[f.controlId]!.remediation.cli)!;
    const fix = results.controls![failing.controlId]!.remediation;
    const row = page.locator(`#findings-table tbody tr[data-control="${failing.controlId}"][data-status="fail"]`).first();
    const details = row.locator('details.fix');
    await expect(details.locator('.fix-terraform').isVisible()).resolves.toBe(false);
    await details.locator('summary').click();
    await expect(details.locator('.fix-console').isVisible()).resolves.toBe(true);
    await expect(details.locator('.fix-console').textContent()).resolves.toBe(`Console: ${fix.console}`);
    await expect(details.locator('.fix-cli').textContent()).resolves.toBe(fix.cli);
    await expect(details.locator('.fix-terraform').textContent()).resolves.toBe(fix.terraform);
    await expect(details.locator('.fix-terraform').isVisible()).resolves.toBe(true);
  });
});
