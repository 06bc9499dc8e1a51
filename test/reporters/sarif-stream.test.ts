import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import { shippedCrosswalk } from '../../src/frameworks/crosswalk.js';
import type { Finding } from '../../src/model/finding.js';
import { compareBySeverity, compareFindings } from '../../src/order.js';
import { StagedFile } from '../../src/reporters/durable-file.js';
import { ReportSummaryBuilder, TopK } from '../../src/reporters/report-summary.js';
import type { FindingFacts } from '../../src/reporters/reporter.js';
import { sarifLog, sarifTruncations, splitRuns } from '../../src/reporters/sarif.js';
import { SarifCollector } from '../../src/reporters/sarif-stream.js';
import { streamJson } from '../../src/reporters/stream-json.js';
import { tempDir } from '../helpers/cli.js';

const controls = loadCatalog().controls;
const SEVERITY_OF = new Map(controls.map((c) => [c.id, c.severity]));

function finding(account: string, controlIndex: number, i: number, status: Finding['status']): Finding {
  const control = controls[controlIndex % controls.length]!;
  return {
    controlId: control.id, title: control.title, capability: control.capability, component: control.component, severity: SEVERITY_OF.get(control.id)!, status,
    resource: { arn: `arn:aws:s3:::${account}-b${String(i).padStart(3, '0')}`, type: 'AWS::S3::Bucket', id: `b${i}`, region: 'us-east-1', accountId: account },
    message: `m${i}`, ...(status === 'not_evaluated' ? { reason: `r${i % 3}` } : {}), ...(status === 'fail' && i % 7 === 0 ? { suppression: { reason: 'ok', source: 's' } } : {}),
  };
}

describe('SARIF streamed per account equals the SARIF built from every finding at once', () => {
  it('21 accounts (two files), truncated runs, suppressed failures and not-evaluated notifications', () => {
    const accounts = Array.from({ length: 21 }, (_, i) => String(100000000000 + i));
    const statuses: Finding['status'][] = ['fail', 'pass', 'fail', 'not_evaluated', 'fail'];
    const findings = accounts.flatMap((account, a) => Array.from({ length: 12 + a }, (_, i) => finding(account, i * 5 + a, i, statuses[(i + a) % statuses.length]!))).sort(compareFindings);
    const lines = new Map(findings.map((f, i) => [f.resource.arn, { startLine: i + 2, endLine: i + 9 }]));
    const head = { toolVersion: '9.9.9', controls, crosswalk: shippedCrosswalk(), inventoryUri: 'inventory.json', inventoryLines: lines, startedAt: 'S', finishedAt: 'F', maxResultsPerRun: 4, category: 'cat' };
    const expected = splitRuns(sarifLog({ ...head, findings, accounts })).map((log) => `${[...streamJson(log, 4, 0, true)].join('')}\n`);

    const dir = tempDir();
    const collector = new SarifCollector(accounts, dir, 4);
    for (const f of findings) collector.add(f);
    expect(collector.fileCount).toBe(2);
    const written = [0, 1].map((i) => {
      const file = new StagedFile(join(dir, `part-${i}.sarif`));
      collector.write(i, head, file);
      file.close();
      return readFileSync(file.path, 'utf8');
    });
    expect(written).toEqual(expected);
    expect(collector.truncations()).toEqual(sarifTruncations(sarifLog({ ...head, findings, accounts })));
    expect(collector.truncations().length).toBeGreaterThan(0);

    // Passes and not_evaluated findings handed over as their facts (a scan's unparsed lines): the same files.
    const byAccount = new SarifCollector(accounts, tempDir(), 4);
    for (const f of findings) {
      const facts = factsOf(f);
      if (facts) byAccount.addFacts(facts);
      else byAccount.add(f);
    }
    expect(findings.filter((f) => f.status === 'pass').length).toBeGreaterThan(20);
    expect(findings.filter((f) => f.status === 'not_evaluated').length).toBeGreaterThan(20);
    const chunks = [0, 1].map((i) => `${[...byAccount.chunks(i, head)].join('')}`);
    expect(chunks).toEqual(expected);
  });
});

/** What a scan's spilled line tells of a pass or a not_evaluated finding (src/scan/part-lines.ts). */
function factsOf(f: Finding): FindingFacts | undefined {
  if (f.status === 'pass') return { status: 'pass', accountId: f.resource.accountId, baselineState: f.baselineState };
  if (f.status === 'not_evaluated') return { status: 'not_evaluated', accountId: f.resource.accountId, controlId: f.controlId, arn: f.resource.arn, reason: f.reason, baselineState: f.baselineState };
  return undefined;
}

describe('ReportSummaryBuilder', () => {
  it('counts a pass or a not_evaluated finding handed over as its facts exactly as the finding itself, when no page is kept', () => {
    const states = [undefined, 'new', 'unchanged', 'updated', 'fixed'] as const;
    const statuses: Finding['status'][] = ['pass', 'fail', 'not_evaluated', 'pass'];
    const findings = Array.from({ length: 300 }, (_, i) => {
      const base = finding(String(100000000000 + (i % 3)), i, i, statuses[i % statuses.length]!);
      const state = states[(i * 3) % states.length];
      return state === undefined ? base : { ...base, baselineState: state };
    });
    const withoutReason = findings.map((f, i) => (f.status === 'not_evaluated' && i % 4 === 2 ? { ...f, reason: undefined } : f));
    for (const subset of [findings, withoutReason, findings.filter((f) => f.status === 'pass' && f.baselineState === undefined), findings.filter((f) => f.status !== 'fail' && f.baselineState === 'fixed')]) {
      const whole = new ReportSummaryBuilder(0);
      const byFacts = new ReportSummaryBuilder(0);
      expect(byFacts.takesFacts).toBe(true);
      for (const f of subset) {
        whole.add(f);
        const facts = factsOf(f);
        if (facts) byFacts.addFacts(facts);
        else byFacts.add(f);
      }
      expect(byFacts.summary()).toEqual(whole.summary());
    }
    const paged = new ReportSummaryBuilder(10);
    expect(paged.takesFacts).toBe(false);
    expect(() => paged.addFacts({ status: 'pass', accountId: '1', baselineState: undefined })).toThrow(/page/);
  });
});

describe('TopK', () => {
  it('keeps what a stable sort of everything would put first, ties in the order added', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ severity: (['critical', 'high', 'low'] as const)[(i * 7) % 3]!, controlId: `C${i % 4}`, resource: { arn: `a${i % 9}` }, i }));
    for (const k of [1, 7, 60, 499, 500, 800]) {
      const top = new TopK<(typeof items)[number]>(k, compareBySeverity);
      for (const item of items) top.add(item);
      expect(top.sorted().map((x) => x.i)).toEqual([...items].sort(compareBySeverity).slice(0, k).map((x) => x.i));
    }
  });
});
