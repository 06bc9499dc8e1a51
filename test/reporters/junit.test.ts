import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { EMPTY_SCAN_CASE, JunitTally, JunitWriter, junitChunks } from '../../src/reporters/junit/junit.js';
import type { ScanResults } from '../../src/model/results.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { demoResults, HOSTILE, hostileResults, joined } from '../helpers/format-fixtures.js';

const REAL_WORLD = join(import.meta.dirname, '..', '..', '..', 'shared', 'real-world');

let demo: ScanResults;
let hostile: ScanResults;

beforeAll(() => {
  demo = demoResults();
  hostile = hostileResults(demo);
});

interface Attributes {
  [name: `@_${string}`]: string;
}
interface TestCase extends Attributes {
  failure?: Attributes & { '#text'?: string };
  error?: Attributes;
  skipped?: Attributes;
}
interface TestSuite extends Attributes {
  properties: { property: Attributes[] };
  testcase: TestCase[];
}
interface Report {
  testsuites: Attributes & { testsuite?: TestSuite[] };
}

/** Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets). */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function report(results: ScanResults): { xml: string; doc: Report } {
  const xml = joined(junitChunks(results));
  expect(XML_CHARS.test(xml)).toBe(true);
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return { xml, doc: parser.parse(xml) as Report };
}

/** The escapes the report writes for characters XML cannot carry, as cafscan's terminal output does. */
function visible(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}

function caseOf(doc: Report, finding: Finding): TestCase {
  const suite = doc.testsuites.testsuite!.find((s) => s['@_name']!.startsWith(`${finding.controlId} `))!;
  return suite.testcase.find((c) => c['@_name'] === visible(finding.resource.arn).replace(/[\t\n\r]/g, ' '))!;
}

describe('JUnit XML reporter', () => {
  it('is well-formed XML: one suite per control, one test case per finding, with counts that match', () => {
    const { doc } = report(demo);
    const suites = doc.testsuites.testsuite!;
    const controls = [...new Set(demo.findings.map((f) => f.controlId))];
    expect(suites.map((s) => s['@_name']!.split(' ')[0])).toEqual(controls);
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const suite of suites) {
      const cases = suite.testcase;
      expect(Number(suite['@_tests'])).toBe(cases.length);
      expect(Number(suite['@_failures'])).toBe(cases.filter((c) => c.failure).length);
      expect(Number(suite['@_skipped'])).toBe(cases.filter((c) => c.skipped).length);
      tests += cases.length;
      failures += cases.filter((c) => c.failure).length;
      skipped += cases.filter((c) => c.skipped).length;
    }
    const root = doc.testsuites;
    expect([root['@_tests'], root['@_failures'], root['@_skipped'], root['@_errors']]).toEqual([String(tests), String(failures), String(skipped), '0']);
    expect(tests).toBe(demo.findings.length);
    // The same failures --fail-on counts: open ones, not accepted risks.
    expect(failures).toBe(demo.scores.overall.failed);
    expect(skipped).toBe(demo.scores.overall.notEvaluated + demo.scores.overall.suppressed);
  });

  it('fails open failures with the message, severity and the fix; skips not_evaluated with its reason and accepted risks with theirs', () => {
    const { doc } = report(hostile);
    const critical = hostile.findings.find((f) => f.severity === 'critical')!;
    const failure = caseOf(doc, critical).failure!;
    expect(failure['@_type']).toBe('critical');
    expect(failure['#text']).toContain(`Fix: ${hostile.controls!['CAFAI-SG-01']!.remediation.console}`);
    expect(failure['#text']).toContain('cafscan explain CAFAI-SG-01');
    const unknown = hostile.findings.find((f) => f.status === 'not_evaluated')!;
    expect(caseOf(doc, unknown).skipped!['@_message']).toBe(`not evaluated: ${unknown.reason!}`.replace(/[\t\n\r]/g, ' '));
    expect(caseOf(doc, unknown).failure).toBeUndefined();
    const accepted = hostile.findings.find((f) => f.suppression)!;
    expect(caseOf(doc, accepted).skipped!['@_message']).toMatch(/^suppressed \(accepted risk, cafscan\.ignore\.yaml#suppressions\[0\]\): accepted: /);
    const passed = hostile.findings.find((f) => f.status === 'pass')!;
    expect(caseOf(doc, passed)).toEqual({ '@_name': passed.resource.arn, '@_classname': 'CAFAI-IP-01', '@_time': '0' });
    const fresh = hostile.findings.find((f) => f.baselineState === 'new')!;
    expect(caseOf(doc, fresh).failure!['#text']).toContain('Since the baseline: new');
  });

  it('carries hostile text: markup and quotes escaped and read back exactly, astral characters whole, control characters as visible escapes', () => {
    const { xml, doc } = report(hostile);
    expect(xml).not.toContain('<tag attr');
    const markup = hostile.findings.find((f) => f.resource.id === HOSTILE.markup)!;
    const markupCase = caseOf(doc, markup);
    // Attributes hold one line (an XML parser turns raw line breaks there into spaces anyway); the body keeps them.
    expect(markupCase.failure!['@_message']).toBe(markup.message.replace(/[\t\n\r]/g, ' '));
    expect(markupCase.failure!['#text']!.startsWith(`markup: a,b;"quoted" 'single' <tag attr="x">&amp; & ]]> `)).toBe(true);
    expect(markupCase.failure!['#text']).toContain('line2\nline3\ttab');
    const astral = hostile.findings.find((f) => f.resource.id === HOSTILE.astral)!;
    expect(caseOf(doc, astral).failure!['#text']!.startsWith(`astral: ${HOSTILE.astral}`)).toBe(true);
    // A suite is named by its control's title (results.json controls), not by whichever finding came first.
    expect(doc.testsuites.testsuite!.map((s) => s['@_name'])).toEqual(['CAFAI-IP-01 Notebook title', `CAFAI-SG-01 ${hostile.controls!['CAFAI-SG-01']!.title}`]);
    const control = hostile.findings.find((f) => f.resource.id === HOSTILE.control)!;
    const controlCase = caseOf(doc, control);
    expect(controlCase['@_name']).toBe('arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/nul\\u{0000} bell\\u{0007} esc\\u{001B}[31m del\u007f lone\\u{D800} end');
    expect(controlCase.failure!['#text']!.startsWith(`control: ${visible(HOSTILE.control)}`)).toBe(true);
    const role = hostile.findings.find((f) => f.resource.region === 'global')!;
    expect(caseOf(doc, role)['@_name']).toBe('arn:aws:iam::123456789012:role/ml<&>"role"');
  });

  it('writes each suite once: findings of one control that are not together are refused, not split into two suites', () => {
    const [a, b] = [hostile.findings[0]!, hostile.findings.find((f) => f.controlId !== hostile.findings[0]!.controlId)!];
    const tally = new JunitTally();
    for (const f of [a, b, a]) tally.add(f);
    const writer = new JunitWriter(hostile, tally);
    writer.start();
    writer.add(a);
    writer.add(b);
    expect(() => writer.add(a)).toThrow(/not together/);
  });

  it('streams the head, one piece per finding and the tail; no findings is an empty testsuites element', () => {
    expect([...junitChunks(hostile)]).toHaveLength(hostile.findings.length + 2);
    const { doc } = report({ ...demo, findings: [] });
    expect(doc.testsuites.testsuite).toBeUndefined();
    expect(doc.testsuites['@_tests']).toBe('0');
  });

  it('does not go green on a scan that evaluated nothing: an empty input and an all-not-evaluated input each give one error', () => {
    // The CLI as a CI job runs it: one input with no resources cafscan checks, one whose every check is not_evaluated.
    for (const [input, statuses] of [
      ['A10-awsdocs-console-snapshot.json', []],
      ['A2-test_ebs_health_events_filter-history.json', ['not_evaluated']],
    ] as const) {
      const dir = tempDir();
      const run = runCli(['scan', '--input', join(REAL_WORLD, input), '--output-dir', dir, '--format', 'junit']);
      expect(run.status, run.stderr).not.toBe(2);
      const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ScanResults;
      expect(results.scan.empty, input).toBe(true);
      expect([...new Set(results.findings.map((f) => f.status))]).toEqual(statuses);
      const { doc } = report(results);
      const root = doc.testsuites;
      expect([root['@_tests'], root['@_failures'], root['@_errors'], root['@_skipped']]).toEqual([String(results.findings.length + 1), '0', '1', String(results.findings.length)]);
      const suite = root.testsuite!.find((s) => s['@_name'] === 'cafscan')!;
      expect([suite['@_tests'], suite['@_errors'], suite['@_failures'], suite['@_skipped']]).toEqual(['1', '1', '0', '0']);
      expect(suite.testcase).toHaveLength(1);
      expect(suite.testcase[0]!['@_name']).toBe(EMPTY_SCAN_CASE);
      expect(suite.testcase[0]!.error!['@_message']).toBe(`nothing was evaluated: ${results.scan.emptyReason!}`);
      // The file the scan wrote says the same.
      expect(readFileSync(join(dir, 'results.junit.xml'), 'utf8')).toBe(joined(junitChunks(results)));
    }
    // A scan that evaluated something has no such case.
    expect(report(demo).doc.testsuites.testsuite!.some((s) => s['@_name'] === 'cafscan')).toBe(false);
  });
});
