/**
 * results.csv: one row per finding, for spreadsheets and BI tools. RFC 4180 (comma, CRLF,
 * double-quoted where needed), UTF-8 without a byte-order mark. The columns are fixed and in
 * this order; new ones are only ever added at the end, so a reader may rely on positions.
 * Quoting is csv-stringify's, never ours.
 */
import { stringify, type Options } from 'csv-stringify/sync';
import type { Finding } from '../../model/finding.js';
import { referenceUrls, writerChunks, type FindingStreamWriter, type ResultsHead } from '../finding-stream.js';
import { fromResults, type StreamedResults } from '../from-results.js';

export const CSV_FILE = 'results.csv';

export const CSV_COLUMNS = [
  'account_id',
  'region',
  'resource_type',
  'resource_id',
  'resource_arn',
  'control_id',
  'title',
  'capability',
  'component',
  'severity',
  'status',
  'suppressed',
  'suppression_reason',
  'suppression_expires',
  'baseline_state',
  'message',
  'reason',
  'remediation',
  'reference_url',
] as const;

/**
 * A spreadsheet runs a cell that starts with =, +, -, @, tab or carriage return as a formula
 * (CSV injection): a resource named `=HYPERLINK(…)` must not become a link in the reader's
 * Excel. csv-stringify puts a ' before such a value; the text is otherwise unchanged.
 */
const OPTIONS: Options = { record_delimiter: 'windows', escape_formulas: true };

export class CsvWriter implements FindingStreamWriter {
  constructor(private readonly results: ResultsHead) {}

  start(): string {
    return stringify([[...CSV_COLUMNS]], OPTIONS);
  }

  add(finding: Finding): string {
    return stringify([this.row(finding)], OPTIONS);
  }

  end(): string {
    return '';
  }

  row(finding: Finding): string[] {
    const { resource } = finding;
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      account_id: resource.accountId,
      region: resource.region,
      resource_type: resource.type,
      resource_id: resource.id,
      resource_arn: resource.arn,
      control_id: finding.controlId,
      title: finding.title,
      capability: finding.capability,
      component: finding.component,
      severity: finding.severity,
      status: finding.status,
      suppressed: finding.suppression ? 'true' : 'false',
      suppression_reason: finding.suppression?.reason ?? '',
      suppression_expires: finding.suppression?.expires ?? '',
      baseline_state: finding.baselineState ?? '',
      message: finding.message,
      reason: finding.reason ?? '',
      remediation: this.results.controls?.[finding.controlId]?.remediation.console ?? '',
      reference_url: referenceUrls(this.results, finding.controlId)[0] ?? '',
    };
    return CSV_COLUMNS.map((column) => row[column]);
  }
}

/** results.csv from finished results, in pieces (the header, then a row per finding). */
export function csvChunks(results: StreamedResults): Generator<string> {
  return writerChunks(new CsvWriter(results), results.findings);
}

/** The registry's entry (src/reporters/registry.ts): chosen with `--format csv`, findings streamed from disk. */
export const csvReporter = fromResults({ name: 'csv', file: CSV_FILE, human: true, description: 'one row per finding, RFC 4180, fixed columns (new ones only ever added at the end)' }, csvChunks);
