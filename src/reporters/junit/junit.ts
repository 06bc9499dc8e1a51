/**
 * results.junit.xml: the scan as a JUnit XML test report, the format GitLab (artifacts:reports:
 * junit) and Jenkins (junit step) show as test results. One <testsuite> per control, one
 * <testcase> per finding (the resource), a <failure> for each open failure, <skipped> for what
 * could not be evaluated and for accepted risks (suppressed failures: known, not counted
 * against the build, as --fail-on does not count them). The XML is xmlbuilder2's.
 */
import { createCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import type { Finding } from '../../findings/model.js';
import { compareText } from '../../order.js';
import type { ScanResults } from '../results-json.js';
import { referenceUrls, type FindingStreamWriter, type ResultsHead } from '../finding-stream.js';

export const JUNIT_FILE = 'results.junit.xml';

export interface SuiteCount {
  tests: number;
  failures: number;
  skipped: number;
}

/**
 * How many findings of each control fail or are skipped: a <testsuite> states its counts in its
 * start tag, before its test cases, so they are counted while the scan settles each finding
 * (run-scan.ts), ahead of writing.
 */
export class JunitTally {
  readonly byControl = new Map<string, SuiteCount>();
  readonly total: SuiteCount = { tests: 0, failures: 0, skipped: 0 };

  add(finding: Finding): void {
    let count = this.byControl.get(finding.controlId);
    if (!count) this.byControl.set(finding.controlId, (count = { tests: 0, failures: 0, skipped: 0 }));
    const kind = outcomeOf(finding);
    for (const c of [count, this.total]) {
      c.tests++;
      if (kind === 'failure') c.failures++;
      if (kind === 'skipped') c.skipped++;
    }
  }
}

function outcomeOf(finding: Finding): 'passed' | 'failure' | 'skipped' {
  if (finding.status === 'pass') return 'passed';
  if (finding.status === 'fail' && !finding.suppression) return 'failure';
  return 'skipped';
}

export class JunitWriter implements FindingStreamWriter {
  private readonly chunks: string[] = [];
  private readonly xml: XMLBuilderCB;
  private current: string | undefined;
  private readonly done = new Set<string>();

  constructor(
    private readonly results: ResultsHead,
    private readonly tally: JunitTally,
  ) {
    this.xml = createCB({ data: (piece: string) => this.chunks.push(piece), prettyPrint: true, wellFormed: true });
  }

  start(): string {
    const { startedAt, finishedAt } = this.results.scan;
    const seconds = Math.max(0, (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000);
    const { tests, failures, skipped } = this.tally.total;
    this.xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites').att({
      name: 'cafscan',
      tests: String(tests),
      failures: String(failures),
      errors: '0',
      skipped: String(skipped),
      time: seconds.toFixed(3),
    });
    return this.flush();
  }

  add(finding: Finding): string {
    if (finding.controlId !== this.current) this.openSuite(finding);
    const testcase = this.xml.ele('testcase').att({ name: attribute(finding.resource.arn), classname: attribute(finding.controlId), time: '0' });
    const outcome = outcomeOf(finding);
    if (outcome === 'failure') {
      testcase.ele('failure').att({ message: attribute(finding.message), type: finding.severity }).txt(text(this.failureText(finding))).up();
    } else if (outcome === 'skipped') {
      const why = finding.suppression ? `suppressed (accepted risk, ${finding.suppression.source}): ${finding.suppression.reason}` : `not evaluated: ${finding.reason ?? finding.message}`;
      testcase.ele('skipped').att({ message: attribute(why) }).up();
    }
    testcase.up();
    return this.flush();
  }

  end(): string {
    if (this.current !== undefined) this.xml.up();
    this.xml.up().end();
    return `${this.flush()}\n`;
  }

  private openSuite(finding: Finding): void {
    if (this.current !== undefined) {
      this.xml.up();
      this.done.add(this.current);
    }
    // A control whose findings came in two runs would get two suites with wrong counts.
    if (this.done.has(finding.controlId)) throw new Error(`JUnit report: the findings of ${finding.controlId} are not together (results.json order broken)`);
    this.current = finding.controlId;
    const count = this.tally.byControl.get(finding.controlId) ?? { tests: 0, failures: 0, skipped: 0 };
    this.xml.ele('testsuite').att({
      name: attribute(`${finding.controlId} ${this.results.controls?.[finding.controlId]?.title ?? finding.title}`),
      tests: String(count.tests),
      failures: String(count.failures),
      errors: '0',
      skipped: String(count.skipped),
      time: '0',
    });
    this.xml
      .ele('properties')
      .ele('property').att({ name: 'severity', value: finding.severity }).up()
      .ele('property').att({ name: 'capability', value: finding.capability }).up()
      .ele('property').att({ name: 'component', value: finding.component }).up()
      .up();
  }

  /** The failure's body: what is wrong, where, and how to fix it. */
  private failureText(finding: Finding): string {
    const details = this.results.controls?.[finding.controlId];
    const url = referenceUrls(this.results, finding.controlId)[0];
    return [
      finding.message,
      '',
      `Control: ${finding.controlId} (${finding.severity}) ${finding.title}`,
      `Resource: ${finding.resource.arn} (${finding.resource.type}, ${finding.resource.accountId}, ${finding.resource.region})`,
      ...(finding.baselineState ? [`Since the baseline: ${finding.baselineState}`] : []),
      ...(details ? [`Fix: ${details.remediation.console}`] : []),
      ...(details?.remediation.cli ? [`CLI: ${details.remediation.cli}`] : []),
      ...(url ? [`More: ${url}`] : []),
      `Details: cafscan explain ${finding.controlId}`,
    ].join('\n');
  }

  private flush(): string {
    const out = this.chunks.join('');
    this.chunks.length = 0;
    return out;
  }
}

/**
 * XML 1.0 cannot carry most control characters (not even as &#…; references) nor lone
 * surrogates; a hostile resource name with one would make the whole report unreadable. Each is
 * written as a visible \u{…} escape instead, as cafscan's terminal output does.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  const visible = value.replace(NOT_XML, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
  // xmlbuilder2 leaves an "&" that already starts "&amp;", "&lt;"… as it is (no double encoding),
  // so a name that contains the text "&lt;" would be read back as "<". Handing it every "&" as
  // "&amp;" makes it write each one escaped exactly once; it escapes "<", ">" and quotes itself.
  return visible.replace(/&/g, '&amp;');
}

/**
 * An attribute value on one line: a parser turns a raw newline or tab in an attribute into a
 * space anyway (attribute-value normalization), so it is written as one, and what a reader gets
 * is what was written. The full text is in the element's body where it matters (<failure>).
 */
function attribute(value: string): string {
  return text(value).replace(/[\t\n\r]/g, ' ');
}

/** results.junit.xml from finished results, in pieces (findings grouped by control, as results.json orders them). */
export function* junitChunks(results: ScanResults): Generator<string> {
  const tally = new JunitTally();
  for (const finding of results.findings) tally.add(finding);
  const writer = new JunitWriter(results, tally);
  yield writer.start();
  // Stable: within a control, results.json's order (by resource ARN) is kept.
  for (const finding of [...results.findings].sort((a, b) => compareText(a.controlId, b.controlId))) yield writer.add(finding);
  yield writer.end();
}
