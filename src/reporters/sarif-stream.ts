import { join } from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding } from '../model/finding.js';
import { compareBySeverity } from '../order.js';
import type { FindingFacts } from './reporter.js';
import type { StagedFile } from './durable-file.js';
import { TopK } from './report-summary.js';
import { assembleRun, GITHUB_LIMITS, notification, runRules, type RunHead, type SarifTruncation } from './sarif.js';
import { SpillFile } from './spill-file.js';
import { streamJson } from './stream-json.js';

/**
 * The SARIF of a scan, gathered as its findings go by in results.json order (sarifLog's output
 * without holding the findings): per account run, the counts, the failures it lists — all of
 * them while they fit GitHub's per-run limit, else the most severe `limit` — and its not-evaluated
 * notifications, spilled to disk (they are not capped, and can be many).
 */
export class SarifCollector {
  private readonly runs: Map<string, RunCollector>;

  constructor(
    accounts: string[],
    spillDir: string,
    private readonly limit: number = GITHUB_LIMITS.resultsPerRun,
  ) {
    const ids = accounts.length ? accounts : ['unknown'];
    this.runs = new Map(ids.map((account, i) => [account, new RunCollector(limit, new SpillFile(join(spillDir, `notifications-${i}.jsonl`)))]));
  }

  add(finding: Finding): void {
    this.runs.get(finding.resource.accountId)?.add(finding);
  }

  /** A pass or a not_evaluated finding by its facts: what `add` takes from it. */
  addFacts(facts: FindingFacts): void {
    const run = this.runs.get(facts.accountId);
    if (!run) return;
    if (facts.status === 'pass') run.passed++;
    else run.addNotEvaluated(facts.controlId, facts.reason, facts.arn);
  }

  /** How many files the runs need (GitHub takes at most 20 runs per upload). */
  get fileCount(): number {
    return Math.ceil(this.runs.size / GITHUB_LIMITS.runsPerFile);
  }

  /** Runs whose failures did not all fit, as sarifTruncations reports them. */
  truncations(): SarifTruncation[] {
    return [...this.runs].flatMap(([accountId, run]) => (run.failed > this.limit ? [{ accountId, total: run.failed, kept: this.limit }] : []));
  }

  /** Writes part `index` (runs index×20 … index×20+19) as streamJson(log, 4, 0, true) would, notifications streamed from disk. */
  write(index: number, head: RunHead, out: StagedFile): void {
    for (const piece of this.chunks(index, head)) out.write(piece);
  }

  /** Part `index` in pieces (what `write` writes). */
  *chunks(index: number, head: RunHead): Generator<string> {
    const runs = [...this.runs].slice(index * GITHUB_LIMITS.runsPerFile, (index + 1) * GITHUB_LIMITS.runsPerFile);
    const markers = new Map<string, RunCollector>();
    // Every marker starts so (JSON escapes the NUL): one search per piece, not one per run.
    const prefix = JSON.stringify('\u0000cafscan-notifications-').slice(0, -1);
    const log: Sarif.Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: runs.map(([account, run], i) => {
        // A placeholder the real notifications replace as the run is written: the only string
        // of the log with a NUL in it, so nothing else can be mistaken for it.
        const marker = JSON.stringify(`\u0000cafscan-notifications-${i}\u0000`);
        markers.set(marker, run);
        return assembleRun(head, account, { failures: run.listed(), used: run.used, counts: run.counts(), notifications: () => [JSON.parse(marker) as string] });
      }),
    };
    for (const piece of streamJson(log, 4, 0, true)) {
      const at = piece.indexOf(prefix);
      const found = at === -1 ? undefined : [...markers].find(([marker]) => piece.startsWith(marker, at));
      if (!found) {
        yield piece;
        continue;
      }
      const [marker, run] = found;
      yield piece.slice(0, at);
      const { ruleIndex } = runRules(head.controls, run.used);
      let first = true;
      for (const line of run.notifications.lines()) {
        yield `${first ? '' : ','}${JSON.stringify(notification(JSON.parse(line) as Pick<Finding, 'controlId' | 'reason' | 'resource'>, ruleIndex))}`;
        first = false;
      }
      yield piece.slice(at + marker.length);
    }
    yield '\n';
  }
}

class RunCollector {
  passed = 0;
  failed = 0;
  suppressed = 0;
  notEvaluated = 0;
  readonly used = new Set<string>();
  /** In arrival (results.json) order while they fit; past the limit, the most severe. */
  private failures: Finding[] = [];
  private severest: TopK<Finding> | undefined;

  constructor(
    private readonly limit: number,
    readonly notifications: SpillFile,
  ) {}

  add(finding: Finding): void {
    if (finding.status === 'pass') this.passed++;
    else if (finding.status === 'not_evaluated') this.addNotEvaluated(finding.controlId, finding.reason, finding.resource.arn);
    else {
      this.failed++;
      if (finding.suppression) this.suppressed++;
      if (this.severest) this.severest.add(finding);
      else if (this.failures.length < this.limit) this.failures.push(finding);
      else {
        this.severest = new TopK<Finding>(this.limit, compareBySeverity);
        for (const kept of this.failures) this.severest.add(kept);
        this.severest.add(finding);
        this.failures = [];
      }
    }
  }

  addNotEvaluated(controlId: string, reason: string | undefined, arn: string): void {
    this.notEvaluated++;
    this.used.add(controlId);
    this.notifications.append(JSON.stringify({ controlId, reason, resource: { arn } }));
  }

  /** The failures the run lists; their controls are added to `used` (the rules the run describes). */
  listed(): Finding[] {
    const listed = this.severest ? this.severest.sorted() : this.failures;
    for (const f of listed) this.used.add(f.controlId);
    return listed;
  }

  counts(): { passed: number; failed: number; suppressed: number; notEvaluated: number } {
    return { passed: this.passed, failed: this.failed, suppressed: this.suppressed, notEvaluated: this.notEvaluated };
  }
}
