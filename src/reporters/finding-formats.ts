/**
 * The formats other tools ingest — OCSF, ASFF, CSV, JUnit XML — written beside results.json when
 * `--format` names them. All of the wiring of these four reporters is here (the CLI's format
 * list reads FINDING_FORMATS, run-scan.ts calls FindingFormatFiles at three points): one entry
 * per reporter, ready to move into a reporter registry whole.
 */
import type { Finding } from '../findings/model.js';
import { ASFF_FILE, AsffWriter } from './asff/asff.js';
import { CSV_FILE, CsvWriter } from './csv/csv.js';
import type { StagedFile } from './durable-file.js';
import type { FindingStreamWriter, ResultsHead } from './finding-stream.js';
import { JUNIT_FILE, JunitTally, JunitWriter } from './junit/junit.js';
import { OCSF_FILE, OcsfWriter } from './ocsf/ocsf.js';
import type { StagedSet } from './staged-set.js';

interface FindingFormat {
  file: string;
  description: string;
  writer: (head: ResultsHead, tally: JunitTally) => FindingStreamWriter;
}

export const FINDING_FORMATS = {
  ocsf: { file: OCSF_FILE, description: 'OCSF 1.6.0 Detection Findings (Security Lake, Security Hub, Prowler tooling)', writer: (head) => new OcsfWriter(head) },
  asff: { file: ASFF_FILE, description: 'AWS Security Finding Format, the body of securityhub batch-import-findings', writer: (head) => new AsffWriter(head) },
  csv: { file: CSV_FILE, description: 'one row per finding', writer: (head) => new CsvWriter(head) },
  junit: { file: JUNIT_FILE, description: 'JUnit XML test report (GitLab, Jenkins): a suite per control, a failure per open failure', writer: (head, tally) => new JunitWriter(head, tally) },
} as const satisfies Record<string, FindingFormat>;

export type FindingFormatName = keyof typeof FINDING_FORMATS;

export function isFindingFormat(name: string): name is FindingFormatName {
  return Object.hasOwn(FINDING_FORMATS, name);
}

/**
 * The chosen formats' files in a scan's staging set, written as results.json's findings go by
 * (in its order, holding none): `count` each finding as the scan settles it (JUnit states its
 * counts before its test cases), `start` once the results head is known, `add` each finding,
 * `finish` at the end.
 */
export class FindingFormatFiles {
  private readonly tally = new JunitTally();
  private files: Array<{ name: string; file: StagedFile; writer: FindingStreamWriter }> = [];
  private staged: StagedSet | undefined;

  constructor(private readonly formats: readonly FindingFormatName[]) {}

  count(finding: Finding): void {
    if (this.formats.includes('junit')) this.tally.add(finding);
  }

  start(staged: StagedSet, head: ResultsHead): void {
    this.staged = staged;
    this.files = this.formats.map((format) => {
      const { file: name, writer } = FINDING_FORMATS[format];
      return { name, file: staged.file(name), writer: writer(head, this.tally) };
    });
    this.each((writer) => writer.start());
  }

  add(finding: Finding): void {
    this.each((writer) => writer.add(finding));
  }

  finish(): void {
    this.each((writer) => writer.end());
    for (const { name, file } of this.files) this.staged!.guard(name, () => file.close());
  }

  private each(piece: (writer: FindingStreamWriter) => string): void {
    for (const { name, file, writer } of this.files) this.staged!.guard(name, () => file.write(piece(writer)));
  }
}
