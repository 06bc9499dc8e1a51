import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { isJsonObject } from '../json.js';
import { findingProblem, resultsHeadProblem } from './results-schema.js';
import type { Finding } from '../model/finding.js';
import type { ScanResults } from '../model/results.js';
import { compareText } from '../order.js';
import type { FindingLine } from '../reporters/write-report-set.js';
import { readLines } from '../file-lines.js';
import { describeReadError as describe } from './read-lines.js';

/** A shard's results.json: everything but its findings, which stay in the file and are read as merged. */
export interface ResultsInput {
  path: string;
  head: Omit<ScanResults, 'findings'>;
  findingCount: number;
  /** ARNs with a failing finding: inventory.json keeps their line spans (SARIF locations point at them). */
  failingArns: Set<string>;
  /** Suppression rules (by source) that suppressed at least one finding of this input. */
  suppressedBy: Set<string>;
}

const FINDINGS_OPEN = '  "findings": [';
const FINDINGS_EMPTY = '  "findings": [],';
const FINDING_PREFIX = '    ';

/**
 * Reads a results.json as cafscan writes it (one finding per line between `"findings": [` and
 * `],`) in one streamed pass: checks it is one, that its findings are in results.json order
 * (control id, then resource ARN — the k-way merge depends on it), and keeps what is not a
 * finding. Anything else is an input error naming the file.
 */
export function readResultsInput(path: string, onFinding: (finding: Finding) => void = () => {}): ResultsInput {
  const bad = (why: string) => new InputError(`${path} is not a cafscan results.json: ${why}`);
  checkFile(path);
  const before: string[] = [];
  const after: string[] = [];
  let state: 'head' | 'findings' | 'tail' = 'head';
  let findingCount = 0;
  const failingArns = new Set<string>();
  const suppressedBy = new Set<string>();
  let previous: Finding | undefined;
  let lineNo = 0;
  try {
    for (const line of readLines(path)) {
      lineNo++;
      if (state === 'head') {
        if (line === FINDINGS_OPEN) state = 'findings';
        else if (line === FINDINGS_EMPTY) {
          before.push('  "findings": [],');
          state = 'tail';
        } else before.push(line);
        continue;
      }
      if (state === 'tail') {
        after.push(line);
        continue;
      }
      if (line === '  ],' || line === '  ]') {
        before.push(`  "findings": []${line.slice(3)}`);
        state = 'tail';
        continue;
      }
      const finding = parseFinding(line, lineNo, bad);
      if (previous && (compareText(previous.controlId, finding.controlId) || compareText(previous.resource.arn, finding.resource.arn)) > 0) {
        throw bad(`its findings are not in results.json order at line ${lineNo} (control id, then resource ARN)`);
      }
      previous = finding;
      findingCount++;
      onFinding(finding);
      if (finding.status === 'fail') failingArns.add(finding.resource.arn);
      if (finding.suppression && typeof finding.suppression.source === 'string') suppressedBy.add(finding.suppression.source);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path}: ${describe(error)}`);
  }
  if (state !== 'tail') throw bad(state === 'head' ? 'no findings array where cafscan writes it' : 'it ends inside the findings (truncated?)');
  let parsed: unknown;
  try {
    parsed = JSON.parse([...before, ...after].join('\n'));
  } catch {
    throw bad('it is not valid JSON (truncated?)');
  }
  return { path, head: checkHead(parsed, bad), findingCount, failingArns, suppressedBy };
}

/**
 * What comes before the findings (schemaVersion, tool, scan), read without the findings: the
 * merge checks the inputs belong together before reading any of them whole.
 */
export function readResultsHead(path: string): Pick<ScanResults, 'schemaVersion' | 'tool' | 'scan'> {
  const bad = (why: string) => new InputError(`${path} is not a cafscan results.json: ${why}`);
  checkFile(path);
  const before: string[] = [];
  try {
    for (const line of readLines(path)) {
      if (line === FINDINGS_OPEN || line === FINDINGS_EMPTY) {
        let parsed: unknown;
        try {
          parsed = JSON.parse([...before, '  "findings": [],', '  "scores": {}', '}'].join('\n'));
        } catch {
          throw bad('it is not valid JSON before its findings');
        }
        return checkHead(parsed, bad);
      }
      before.push(line);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path}: ${describe(error)}`);
  }
  throw bad('no findings array where cafscan writes it');
}

/** The findings of an input, in its (results.json) order, each with its line as written. */
export function* findingLines(input: ResultsInput): Generator<FindingLine> {
  let inside = false;
  for (const line of readLines(input.path)) {
    if (!inside) {
      if (line === FINDINGS_OPEN) inside = true;
      else if (line === FINDINGS_EMPTY) return;
      continue;
    }
    if (line === '  ],' || line === '  ]') return;
    const text = unwrap(line);
    yield { finding: JSON.parse(text) as Finding, line: text };
  }
}

/** A finding line without its indentation and the comma that separates it from the next. */
function unwrap(line: string): string {
  const text = line.slice(FINDING_PREFIX.length);
  return text.endsWith(',') ? text.slice(0, -1) : text;
}

function parseFinding(line: string, lineNo: number, bad: (why: string) => InputError): Finding {
  if (!line.startsWith(FINDING_PREFIX)) throw bad(`line ${lineNo} is not a finding as cafscan writes them`);
  let value: unknown;
  try {
    value = JSON.parse(unwrap(line));
  } catch {
    throw bad(`line ${lineNo} is not a finding as cafscan writes them`);
  }
  const problem = findingProblem(value);
  if (problem !== undefined) throw bad(`line ${lineNo} is not a finding cafscan writes (${problem})`);
  return value as Finding;
}

function checkHead(value: unknown, bad: (why: string) => InputError): Omit<ScanResults, 'findings'> {
  if (!isJsonObject(value)) throw bad('not a JSON object');
  const tool = value.tool;
  if (!isJsonObject(tool) || tool.name !== 'cafscan' || typeof tool.version !== 'string') throw bad('no tool "cafscan" with a version');
  if (value.schemaVersion !== '1') throw bad(`schemaVersion ${JSON.stringify(value.schemaVersion)}, this cafscan reads "1"`);
  const scan = value.scan;
  if (!isJsonObject(scan) || typeof scan.startedAt !== 'string' || typeof scan.finishedAt !== 'string' || !Array.isArray(scan.sources) || !Array.isArray(scan.accounts) || !Array.isArray(scan.regions)) {
    throw bad('no scan section (startedAt, finishedAt, sources, accounts, regions)');
  }
  if (!isJsonObject(value.scores)) throw bad('no scores');
  // Every part merge combines, by type: a crafted or damaged head is refused, never copied or crashed on.
  const problem = resultsHeadProblem(value);
  if (problem !== undefined) throw bad(problem);
  const { findings: _findings, ...head } = value;
  return head as unknown as Omit<ScanResults, 'findings'>;
}

function checkFile(path: string): void {
  let file: boolean;
  try {
    file = statSync(path).isFile();
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${describe(error)}`);
  }
  if (!file) throw new InputError(`cannot read ${path}: not a file`);
}
