import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';
import { currentControlId } from '../controls/retired.js';
import { InputError } from '../errors.js';
import type { BaselineState, Finding } from '../model/finding.js';
import { coveredBy } from '../inventory/covered-by.js';
import type { ScannedPlaces } from '../model/inventory.js';
import { isJsonObject } from '../json.js';
import { JsonSplitter, SplitMiss, ValueTooLarge } from '../json-splitter.js';
import type { BaselineFinding, BaselineSummary } from '../model/baseline.js';
import { LineTracker, describeJsonSyntaxError } from '../json-syntax-error.js';

/**
 * Reads a previous results.json; anything else is an input error (exit 2). Streamed: a
 * results.json of any size (past V8's 512 MiB string limit) is read finding by finding, and only
 * what the comparison needs is kept — a failure whole (it may be reported back as removed), any
 * other finding as its identity, status and whether it was suppressed.
 */
export async function readBaseline(path: string): Promise<{ findings: BaselineFinding[]; startedAt: string | null }> {
  let read = new BaselineReader();
  try {
    // The splitter (a bracket scan and JSON.parse per finding, ~4× the tokenizer); a file it
    // does not read — not well-formed JSON — goes through the tokenizer, which words the error.
    const splitter = new JsonSplitter(new Set(['findings']), { begin() {}, member: (key, value) => read.top(key, value), element: (list, _index, value) => list === 'findings' && read.finding(value) });
    for await (const chunk of createReadStream(path)) splitter.write(chunk as Buffer);
    splitter.end();
  } catch (error) {
    if (!(error instanceof SplitMiss || error instanceof ValueTooLarge)) throw readError(path, error);
    // A value too large may be a bracket left open early in a corrupt file: the tokenizer finds
    // that syntax error, and only if it runs out of room itself is the size what the user is told.
    read = await readWithTokenizer(path, error instanceof ValueTooLarge ? error : undefined);
  }
  return read.result(path);
}

/** What a baseline read keeps, whichever reader feeds it. */
class BaselineReader {
  private readonly findings: BaselineFinding[] = [];
  private incomplete = false;
  private findingsList = false;
  private schemaVersion: unknown;
  private startedAt: string | null = null;

  top(key: string | number | undefined, value: unknown): void {
    if (key === 'schemaVersion') this.schemaVersion = value;
    else if (key === 'findings') this.findingsList = Array.isArray(value);
    else if (key === 'scan') this.startedAt = isJsonObject(value) && typeof value.startedAt === 'string' ? value.startedAt : null;
  }

  finding(value: unknown): void {
    const finding = kept(value);
    if (finding) this.findings.push(finding);
    else this.incomplete = true;
  }

  result(path: string): { findings: BaselineFinding[]; startedAt: string | null } {
    if (this.schemaVersion !== '1' || !this.findingsList) {
      throw new InputError(`baseline ${path} is not a cafscan results.json (schemaVersion "1" with findings)`);
    }
    if (this.incomplete) throw new InputError(`baseline ${path} has findings without controlId, status or resource.arn`);
    return { findings: this.findings, startedAt: this.startedAt };
  }
}

async function readWithTokenizer(path: string, tooLarge: ValueTooLarge | undefined): Promise<BaselineReader> {
  const read = new BaselineReader();
  const parser = new JSONParser({ paths: ['$.schemaVersion', '$.scan', '$.findings', '$.findings.*'], keepStack: false, stringBufferSize: 1 << 16, numberBufferSize: 64 });
  parser.onValue = ({ value, key, parent, stack }) => {
    if (stack.length === 1) return read.top(key, value);
    if (typeof key !== 'number' || !Array.isArray(parent)) return;
    // The list is selected too (to know it is one), so the parser would keep its items: drop each.
    parent.pop();
    read.finding(value);
  };
  const lines = new LineTracker();
  try {
    for await (const chunk of createReadStream(path)) {
      lines.parsing(chunk as Buffer);
      parser.write(chunk as Buffer);
      lines.parsed();
    }
    if (!parser.isEnded) parser.end();
  } catch (error) {
    if (tooLarge && error instanceof RangeError) throw new InputError(`cannot read baseline ${path}: one value is larger than ${tooLarge.limitBytes >> 20} MiB`);
    throw readError(path, error, lines);
  }
  return read;
}

function readError(path: string, error: unknown, lines = new LineTracker()): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError(`cannot read baseline ${path}: ${code === 'ENOENT' ? 'no such file' : code ? code : `not valid JSON (${describeJsonSyntaxError((error as Error).message, lines)})`}`);
}

/** What the comparison keeps of one baseline finding, or undefined when it lacks its identity. */
function kept(f: unknown): BaselineFinding | undefined {
  if (!(isJsonObject(f) && typeof f.controlId === 'string' && typeof f.status === 'string' && isJsonObject(f.resource) && typeof f.resource.arn === 'string')) return undefined;
  const finding = f as unknown as BaselineFinding;
  if (failing(finding)) return finding;
  const { controlId, status, resource, suppression } = finding;
  return { controlId, status, resource, ...(suppression ? { suppression: true } : {}) };
}

/**
 * Marks each finding against the baseline, by identity (control id + resource ARN, the same
 * identity as the SARIF fingerprint): an open failure is new or unchanged; a former failure that
 * now passes is fixed; one whose resource disappeared from a place this scan covered is listed
 * as removed (also fixed).
 */
export function compareWithBaseline(
  findings: Iterable<Finding>,
  baseline: { findings: Iterable<BaselineFinding>; startedAt: string | null },
  source: string,
  scanned: ScannedPlaces,
): BaselineSummary {
  const comparison = new BaselineComparison(baseline.findings, baseline.startedAt, source);
  for (const finding of findings) comparison.mark(finding);
  return comparison.summary(scanned);
}

/**
 * compareWithBaseline one finding at a time. Holds the baseline's findings by identity (the
 * previous results, not this scan's) and, for each, whether this scan saw it: what was not seen
 * is "removed" or "not scanned" at the end, so nothing of this scan's findings is kept.
 */
export class BaselineComparison {
  private readonly before = new Map<string, { finding: BaselineFinding; seen: boolean }>();
  private readonly counts = { new: 0, fixed: 0, unchanged: 0, updated: 0 };

  constructor(
    findings: Iterable<BaselineFinding>,
    private readonly startedAt: string | null,
    private readonly source: string,
  ) {
    // A baseline written before a control was retired names the old id: compare it as its
    // replacement (src/controls/retired.ts), keeping a failure over a pass when both are present.
    for (const f of findings) {
      const k = key(currentControlId(f.controlId), f.resource.arn);
      const earlier = this.before.get(k);
      if (!earlier || (!failing(earlier.finding) && failing(f))) this.before.set(k, { finding: f, seen: false });
    }
  }

  /** Sets the finding's baselineState. */
  mark(finding: Finding): void {
    const then = this.before.get(key(finding.controlId, finding.resource.arn));
    if (then) then.seen = true;
    const state = stateOf(finding, then?.finding);
    finding.baselineState = state;
    this.counts[state]++;
  }

  /** `ran`: with a control selection, the controls this scan evaluated (others' failures are not scanned, not fixed). */
  summary(scanned: ScannedPlaces, ran?: ReadonlySet<string>): BaselineSummary {
    const summary: BaselineSummary = { source: this.source, startedAt: this.startedAt, ...this.counts, removed: [], notScanned: 0 };
    // A failure that is gone was fixed (resource deleted, control retired) — but only if this scan
    // looked where it was: scanning one region must not "fix" every other region's failures.
    const covered = coveredBy(scanned);
    for (const { finding: old, seen } of this.before.values()) {
      if (!failing(old) || seen) continue;
      if (covered(old.resource.accountId, old.resource.region) && (!ran || ran.has(currentControlId(old.controlId)))) summary.removed.push(old);
      else summary.notScanned++;
    }
    summary.fixed += summary.removed.length;
    return summary;
  }
}

/** Failing means an open failure: a suppressed one is an accepted risk, not counted. */
function failing(f: { status: string; suppression?: unknown }): boolean {
  return f.status === 'fail' && !f.suppression;
}

function stateOf(now: Finding, then: BaselineFinding | undefined): BaselineState {
  if (failing(now)) return then && failing(then) ? 'unchanged' : 'new';
  if (then && failing(then)) return now.status === 'pass' ? 'fixed' : 'updated';
  // Not failing now nor then: a status or suppression change is an update; a resource new to
  // this scan that does not fail is nothing to report.
  if (!then) return 'unchanged';
  return then.status === now.status && !!then.suppression === !!now.suppression ? 'unchanged' : 'updated';
}

function key(controlId: string, arn: string): string {
  return `${controlId}\0${arn}`;
}
