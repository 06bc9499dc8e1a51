import { join } from 'node:path';
import { FindingJson } from './finding-json.js';
import type { Finding } from '../model/finding.js';
import { compareText } from '../order.js';
import type { FindingLine } from '../reporters/write-report-set.js';
import { SpillFile } from '../reporters/spill-file.js';
import { PartLine, readPartLines } from './part-lines.js';

/**
 * results.json lists findings by control, then resource ARN; a scan produces them resource by
 * resource, in inventory order (type, then ARN). Rather than hold them all to sort at the end,
 * each goes to a spill file for its control and resource type — already in ARN order, since
 * the inventory is — and `merged` reads the files of one control at a time, merging its types
 * by ARN. Memory holds one block per file being merged, whatever the number of findings.
 *
 * The lines are read back as bytes (part-lines.ts): results.json takes them as they are, and a
 * line is decoded and parsed only for a reader that needs the finding itself.
 */
/** A control × type part buffers this much before writing: a catalog's worth of parts stays a few MB. */
const PART_BUFFER_BYTES = 64 * 1024;

export class FindingParts {
  /** By control, then resource type: looked up with the finding's own strings, no key made per finding. */
  private readonly parts = new Map<string, Map<string, Part>>();
  private count = 0;
  private readonly json = new FindingJson();

  constructor(private readonly dir: string) {}

  /** A finding, final (suppression and baseline state set), in the order the scan produced it. */
  add(finding: Finding): void {
    let types = this.parts.get(finding.controlId);
    if (!types) this.parts.set(finding.controlId, (types = new Map<string, Part>()));
    const rest = this.json.rest(finding);
    const head = this.json.lastHead;
    let part = types.get(finding.resource.type);
    if (!part) {
      part = { controlId: finding.controlId, file: new SpillFile(join(this.dir, `part-${this.count++}.jsonl`), PART_BUFFER_BYTES), lastArn: '', ordered: true, head: undefined };
      types.set(finding.resource.type, part);
    }
    // An inventory not in ARN order (one built by hand) is still reported right, by sorting that part.
    if (compareText(finding.resource.arn, part.lastArn) < 0) part.ordered = false;
    part.lastArn = finding.resource.arn;
    // The part's head is written once, not on every line (a quarter of a line's bytes): a line
    // stored without it starts with its status's quote, a whole line with its brace.
    part.head ??= head;
    if (rest === undefined) part.file.append(JSON.stringify(finding));
    else if (head === part.head) part.file.append(rest);
    else part.file.append(`${head}${rest}`);
  }

  /**
   * Every finding in results.json order, with its JSON line. `first` (the coverage findings,
   * sorted) come before the parts' findings of the same control and ARN, as they did when
   * everything was sorted in one array.
   */
  *merged(first: Finding[]): Generator<FindingLine> {
    const byControl = new Map<string, Array<Iterator<FindingLine>>>();
    const sourcesOf = (controlId: string) => {
      let list = byControl.get(controlId);
      if (!list) byControl.set(controlId, (list = []));
      return list;
    };
    const coverage = new Map<string, Finding[]>();
    for (const finding of first) {
      const list = coverage.get(finding.controlId) ?? [];
      list.push(finding);
      coverage.set(finding.controlId, list);
    }
    for (const [controlId, list] of coverage) sourcesOf(controlId).push(list.map((finding) => ({ finding, line: JSON.stringify(finding) }))[Symbol.iterator]());
    // A control's types in the order their parts were made: a tie on ARN keeps that order.
    for (const types of this.parts.values()) for (const part of types.values()) sourcesOf(part.controlId).push(readPart(part));
    for (const controlId of [...byControl.keys()].sort(compareText)) {
      const sources = byControl.get(controlId)!;
      // One source (a control on one type, no coverage finding): already in order, no ARN needed.
      if (sources.length === 1) for (let next = sources[0]!.next(); !next.done; next = sources[0]!.next()) yield next.value;
      else yield* mergeByArn(sources);
    }
  }
}

interface Part {
  controlId: string;
  file: SpillFile;
  lastArn: string;
  ordered: boolean;
  /** The control head (FindingJson) its lines stored without one start with; undefined until a line has one. */
  head: string | undefined;
}

function* readPart(part: Part): Generator<FindingLine> {
  const lines = readPartLines(part.file, part.head, part.controlId);
  if (part.ordered) yield* lines;
  else yield* [...lines].sort((a, b) => compareText(a.arn, b.arn));
  // Merged: its disk space goes back before results.json grows further.
  part.file.remove();
}

function arnOf(entry: FindingLine): string {
  return entry instanceof PartLine ? entry.arn : entry.finding.resource.arn;
}

/** A k-way merge by ARN; on equal ARNs the earlier source first (a stable sort's order). */
function* mergeByArn(sources: Array<Iterator<FindingLine>>): Generator<FindingLine> {
  const heads = sources.map((source) => source.next());
  const arns = heads.map((head) => (head.done ? '' : arnOf(head.value)));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      if (heads[i]!.done) continue;
      if (best === -1 || compareText(arns[i]!, arns[best]!) < 0) best = i;
    }
    if (best === -1) return;
    const head = heads[best] as IteratorYieldResult<FindingLine>;
    yield head.value;
    const next = sources[best]!.next();
    heads[best] = next;
    if (!next.done) arns[best] = arnOf(next.value);
  }
}
