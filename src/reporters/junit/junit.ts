/**
 * results.junit.xml: the scan as a JUnit XML test report, the format GitLab (artifacts:reports:
 * junit) and Jenkins (junit step) show as test results. One <testsuite> per control, one
 * <testcase> per finding (the resource), a <failure> for each open failure, <skipped> for what
 * could not be evaluated and for accepted risks (suppressed failures: known, not counted
 * against the build, as --fail-on does not count them). Elements, attributes and escaping are
 * fast-xml-parser's XMLBuilder; each test case is built on its own and written as it comes (one
 * line each), so a suite of any size is never held. A scan that evaluated nothing (scan.empty)
 * gets one more test case, in errors: a CI test view must not show such a scan green.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Finding } from '../../model/finding.js';
import { referenceUrls, type FindingStreamWriter, type ResultsHead } from '../finding-stream.js';
import { fromResults, type StreamedResults } from '../from-results.js';

export const JUNIT_FILE = 'results.junit.xml';
/** The test case an empty scan (results.json scan.empty) errors in, in a suite named "cafscan". */
export const EMPTY_SCAN_CASE = 'scan evaluated something';

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

/** Attributes are `@_`-prefixed keys, text is `#text`; an element with neither is written `<x/>`. */
const ELEMENT = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', suppressEmptyNode: true, format: false });
/** For start tags: the element built empty as `<x …></x>`, its end tag cut off. */
const START_TAG = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', suppressEmptyNode: false, format: false });

type XmlAttributes = Record<`@_${string}`, string>;

function startTag(name: string, attributes: XmlAttributes): string {
  const element = START_TAG.build({ [name]: attributes });
  return element.slice(0, -`</${name}>`.length);
}

export class JunitWriter implements FindingStreamWriter {
  private current: string | undefined;
  private readonly done = new Set<string>();

  constructor(
    private readonly results: ResultsHead,
    private readonly tally: JunitTally,
  ) {}

  start(): string {
    const { startedAt, finishedAt, empty } = this.results.scan;
    const seconds = Math.max(0, (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000);
    const { tests, failures, skipped } = this.tally.total;
    const errors = empty ? 1 : 0;
    const root = startTag('testsuites', {
      '@_name': 'cafscan',
      '@_tests': String(tests + errors),
      '@_failures': String(failures),
      '@_errors': String(errors),
      '@_skipped': String(skipped),
      '@_time': seconds.toFixed(3),
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${root}${empty ? this.emptySuite() : ''}`;
  }

  /**
   * The scan's own check, ahead of the controls' suites: with nothing passed or failed, zero
   * failures (or only skipped cases) would read as a clean run. An <error>, not a <failure>:
   * the scan could not do its job, no control found a problem.
   */
  private emptySuite(): string {
    const reason = this.results.scan.emptyReason ?? 'no check passed or failed';
    const suite = startTag('testsuite', { '@_name': 'cafscan', '@_tests': '1', '@_failures': '0', '@_errors': '1', '@_skipped': '0', '@_time': '0' });
    const testcase = ELEMENT.build({
      testcase: { '@_name': EMPTY_SCAN_CASE, '@_classname': 'cafscan', '@_time': '0', error: { '@_message': attribute(`nothing was evaluated: ${reason}`), '@_type': 'empty-scan' } },
    });
    return `\n  ${suite}\n    ${testcase}\n  </testsuite>`;
  }

  add(finding: Finding): string {
    const open = finding.controlId === this.current ? '' : this.openSuite(finding);
    const testcase: Record<string, unknown> = { '@_name': attribute(finding.resource.arn), '@_classname': attribute(finding.controlId), '@_time': '0' };
    const outcome = outcomeOf(finding);
    if (outcome === 'failure') {
      testcase.failure = { '@_message': attribute(finding.message), '@_type': finding.severity, '#text': text(this.failureText(finding)) };
    } else if (outcome === 'skipped') {
      const why = finding.suppression ? `suppressed (accepted risk, ${finding.suppression.source}): ${finding.suppression.reason}` : `not evaluated: ${finding.reason ?? finding.message}`;
      testcase.skipped = { '@_message': attribute(why) };
    }
    return `${open}\n    ${ELEMENT.build({ testcase })}`;
  }

  end(): string {
    return `${this.current === undefined ? '' : '\n  </testsuite>'}\n</testsuites>\n`;
  }

  /** Closes the previous control's suite and opens this one's (with its counts and properties). */
  private openSuite(finding: Finding): string {
    const close = this.current === undefined ? '' : '\n  </testsuite>';
    if (this.current !== undefined) this.done.add(this.current);
    // A control whose findings came in two runs would get two suites with wrong counts.
    if (this.done.has(finding.controlId)) throw new Error(`JUnit report: the findings of ${finding.controlId} are not together (results.json order broken)`);
    this.current = finding.controlId;
    const count = this.tally.byControl.get(finding.controlId) ?? { tests: 0, failures: 0, skipped: 0 };
    const suite = startTag('testsuite', {
      '@_name': attribute(`${finding.controlId} ${this.results.controls?.[finding.controlId]?.title ?? finding.title}`),
      '@_tests': String(count.tests),
      '@_failures': String(count.failures),
      '@_errors': '0',
      '@_skipped': String(count.skipped),
      '@_time': '0',
    });
    const properties = ELEMENT.build({
      properties: {
        property: [
          { '@_name': 'severity', '@_value': finding.severity },
          { '@_name': 'capability', '@_value': finding.capability },
          { '@_name': 'component', '@_value': finding.component },
        ],
      },
    });
    return `${close}\n  ${suite}\n    ${properties}`;
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
}

/**
 * XML 1.0 cannot carry most control characters (not even as &#…; references) nor lone
 * surrogates; a hostile resource name with one would make the whole report unreadable. Each is
 * written as a visible \u{…} escape instead, as cafscan's terminal output does.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value.replace(NOT_XML, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
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
export function* junitChunks(results: StreamedResults): Generator<string> {
  const tally = new JunitTally();
  for (const finding of results.findings) tally.add(finding);
  const writer = new JunitWriter(results, tally);
  yield writer.start();
  // results.json lists findings by control, then resource ARN (src/order.ts compareFindings), so
  // each control's test cases come together, as its <testsuite> needs: a second pass, never held.
  for (const finding of results.findings) yield writer.add(finding);
  yield writer.end();
}

/** The registry's entry (src/reporters/registry.ts): chosen with `--format junit`, findings streamed from disk. */
export const junitReporter = fromResults({ name: 'junit', file: JUNIT_FILE, human: true, description: 'JUnit XML test report (GitLab, Jenkins): a suite per control, a failure per open failure, skipped for not evaluated and accepted risks', helpNote: 'GitLab / Jenkins test reports' }, junitChunks);
