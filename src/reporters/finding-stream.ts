import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import type { ScanResults } from '../model/results.js';

/** results.json without its findings: everything a streamed report knows before the first finding. */
export type ResultsHead = Omit<ScanResults, 'findings'>;

/**
 * A report written finding by finding in results.json order (by control, then resource ARN),
 * holding none of them: `start` once, `add` for each finding, `end` once; each returns the text
 * to append. A scan streams its findings from spill files through these (run-scan.ts), and
 * the `…Chunks(results)` generator of each format runs the same writer over a ScanResults.
 */
export interface FindingStreamWriter {
  start(): string;
  add(finding: Finding): string;
  end(): string;
}

/** The writer's text as pieces: one for the head, one per finding, one for the tail. */
export function* writerChunks(writer: FindingStreamWriter, findings: Iterable<Finding>): Generator<string> {
  yield writer.start();
  for (const finding of findings) yield writer.add(finding);
  yield writer.end();
}

/**
 * A JSON array, one item per line (as results.json lists findings): `[`, then each item's
 * compact JSON, then `]`; `open`/`close` wrap it (e.g. `{"Findings": ` … `}`).
 */
export class JsonLinesArray {
  private count = 0;

  constructor(
    private readonly open = '',
    private readonly close = '',
  ) {}

  start(): string {
    return `${this.open}[`;
  }

  item(value: unknown): string {
    const lead = this.count === 0 ? '\n  ' : ',\n  ';
    this.count++;
    return lead + JSON.stringify(value);
  }

  end(): string {
    return `${this.count === 0 ? ']' : '\n]'}${this.close}\n`;
  }
}

/**
 * `text` cut to at most `max` UTF-16 code units, ending in "…" when cut. Formats with length
 * limits (ASFF) reject a longer value outright, which would lose the whole finding; a cut never
 * splits a surrogate pair (a half emoji is not valid Unicode).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`…); `aws` when it is not an ARN or does not say. */
export function partitionOf(arn: string): string {
  return /^arn:([^:]+):/.exec(arn)?.[1] ?? 'aws';
}

/** The documentation links of a finding's control (results.json `controls`), in its order. */
export function referenceUrls(results: ResultsHead, controlId: string): string[] {
  const details = results.controls?.[controlId];
  return (details?.references ?? []).flatMap((r) => (r.url ? [r.url] : []));
}

/**
 * One finding's identity across scans (control × resource), for formats whose consumers update
 * a finding in place when the same id arrives again (ASFF Id, OCSF finding_info.uid): readable
 * while it fits ASFF's 512 characters, a SHA-256 of the ARN beyond that.
 */
export function findingUid(finding: Finding): string {
  const readable = `cafscan/${finding.controlId}/${finding.resource.arn}`;
  if (readable.length <= MAX_UID) return readable;
  return `cafscan/${finding.controlId}/sha256-${createHash('sha256').update(finding.resource.arn).digest('hex')}`;
}

const MAX_UID = 512;
