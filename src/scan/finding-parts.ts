import { join } from 'node:path';
import type { Finding } from '../model/finding.js';
import { compareText } from '../order.js';
import { SpillFile } from '../reporters/spill-file.js';

/**
 * results.json lists findings by control, then resource ARN; a scan produces them resource by
 * resource, in inventory order (type, then ARN). Rather than hold them all to sort at the end,
 * each goes to a spill file for its control and resource type — already in ARN order, since
 * the inventory is — and `merged` reads the files of one control at a time, merging its types
 * by ARN. Memory holds one line per file being merged, whatever the number of findings.
 */
/** A control × type part buffers this much before writing: a catalog's worth of parts stays a few MB. */
const PART_BUFFER_BYTES = 64 * 1024;

export class FindingParts {
  private readonly parts = new Map<string, Part>();

  constructor(private readonly dir: string) {}

  /** A finding, final (suppression and baseline state set), in the order the scan produced it. */
  add(finding: Finding): void {
    const key = `${finding.controlId}\u0000${finding.resource.type}`;
    let part = this.parts.get(key);
    if (!part) {
      part = { controlId: finding.controlId, file: new SpillFile(join(this.dir, `part-${this.parts.size}.jsonl`), PART_BUFFER_BYTES), lastArn: '', ordered: true };
      this.parts.set(key, part);
    }
    // An inventory not in ARN order (one built by hand) is still reported right, by sorting that part.
    if (compareText(finding.resource.arn, part.lastArn) < 0) part.ordered = false;
    part.lastArn = finding.resource.arn;
    part.file.append(JSON.stringify(finding));
  }

  /**
   * Every finding in results.json order, with its JSON line. `first` (the coverage findings,
   * sorted) come before the parts' findings of the same control and ARN, as they did when
   * everything was sorted in one array.
   */
  *merged(first: Finding[]): Generator<{ finding: Finding; line: string }> {
    const byControl = new Map<string, Array<Iterator<{ finding: Finding; line: string }>>>();
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
    for (const part of this.parts.values()) sourcesOf(part.controlId).push(readPart(part));
    for (const controlId of [...byControl.keys()].sort(compareText)) yield* mergeByArn(byControl.get(controlId)!);
  }
}

interface Part {
  controlId: string;
  file: SpillFile;
  lastArn: string;
  ordered: boolean;
}

function* readPart(part: Part): Generator<{ finding: Finding; line: string }> {
  const entries = function* () {
    for (const line of part.file.lines()) yield { finding: JSON.parse(line) as Finding, line };
  };
  if (part.ordered) yield* entries();
  else yield* [...entries()].sort((a, b) => compareText(a.finding.resource.arn, b.finding.resource.arn));
  // Merged: its disk space goes back before results.json grows further.
  part.file.remove();
}

/** A k-way merge by ARN; on equal ARNs the earlier source first (a stable sort's order). */
function* mergeByArn(sources: Array<Iterator<{ finding: Finding; line: string }>>): Generator<{ finding: Finding; line: string }> {
  const heads = sources.map((source) => source.next());
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i]!;
      if (head.done) continue;
      if (best === -1 || compareText(head.value.finding.resource.arn, (heads[best] as IteratorYieldResult<{ finding: Finding }>).value.finding.resource.arn) < 0) best = i;
    }
    if (best === -1) return;
    const head = heads[best] as IteratorYieldResult<{ finding: Finding; line: string }>;
    yield head.value;
    heads[best] = sources[best]!.next();
  }
}
