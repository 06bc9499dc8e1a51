import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CsvWriter, csvChunks } from '../../src/reporters/csv/csv.js';
import type { ScanResults } from '../../src/model/results.js';
import { demoResults, HOSTILE, hostileResults, joined, wellFormed } from '../helpers/format-fixtures.js';

let demo: ScanResults;
let hostile: ScanResults;

beforeAll(() => {
  demo = demoResults();
  hostile = hostileResults(demo);
});

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** Parsed as a strict RFC 4180 reader would: every row the header's width, quotes only where allowed. */
function rows(results: ScanResults): { header: string[]; rows: Row[] } {
  const records = parse(joined(csvChunks(results)), { record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false, skip_empty_lines: false }) as string[][];
  const [header, ...data] = records;
  return { header: header!, rows: data.map((record) => Object.fromEntries(header!.map((column, i) => [column, record[i]!])) as Row) };
}

describe('CSV reporter', () => {
  it('has a header with the fixed columns, then one row per finding in results.json order', () => {
    const { header, rows: list } = rows(demo);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(list).toHaveLength(demo.findings.length);
    list.forEach((row, i) => {
      const finding = demo.findings[i]!;
      expect([row.control_id, row.resource_arn, row.status, row.severity, row.account_id, row.region]).toEqual([
        finding.controlId,
        finding.resource.arn,
        finding.status,
        finding.severity,
        finding.resource.accountId,
        finding.resource.region,
      ]);
    });
  });

  it('ends each record with CRLF (RFC 4180) and has no byte-order mark', () => {
    const text = joined(csvChunks(demo));
    expect(text.startsWith('account_id,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('reads back hostile text exactly: commas, quotes, line breaks, markup, control characters, astral characters', () => {
    const { rows: list } = rows(hostile);
    expect(list).toHaveLength(hostile.findings.length);
    hostile.findings.forEach((finding, i) => {
      const row = list[i]!;
      if (finding.message === HOSTILE.formula) return; // the formula cell: next test
      // csv-parse reads UTF-8 bytes, as from the file: a lone surrogate arrives as U+FFFD.
      expect(row.message).toBe(wellFormed(finding.message));
      expect(row.resource_id).toBe(wellFormed(finding.resource.id));
      expect(row.resource_arn).toBe(wellFormed(finding.resource.arn));
      expect(row.title).toBe(wellFormed(finding.title));
      expect(row.reason).toBe(finding.reason ?? '');
    });
    const markup = list.find((row) => row.resource_id === HOSTILE.markup)!;
    expect(markup.message).toContain('\r\nline2\nline3\ttab');
    expect(list.find((row) => row.resource_id === wellFormed(HOSTILE.control))!.message).toBe(wellFormed(`control: ${HOSTILE.control}`));
    expect(list.find((row) => row.resource_id === HOSTILE.astral)!.title).toBe(`Title ${HOSTILE.astral}`);
  });

  it('keeps a cell that starts like a formula from running in a spreadsheet (a leading quote)', () => {
    const { rows: list } = rows(hostile);
    const formula = list.find((row) => row.resource_arn.endsWith(HOSTILE.formula))!;
    expect(formula.message).toBe(`'${HOSTILE.formula}`);
    expect(formula.resource_id).toBe(`'${HOSTILE.formula}`);
    // Values that only contain such characters later are unchanged.
    expect(formula.resource_arn).toBe(`arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/${HOSTILE.formula}`);
  });

  it('says suppression, baseline state and the reason for not_evaluated in their own columns, with the fix', () => {
    const { rows: list } = rows(hostile);
    const accepted = list.find((row) => row.suppressed === 'true')!;
    expect([accepted.status, accepted.suppression_expires, accepted.baseline_state]).toEqual(['fail', '2030-01-01', 'unchanged']);
    expect(accepted.suppression_reason).toBe(hostile.findings.find((f) => f.suppression)!.suppression!.reason);
    const unknown = list.find((row) => row.status === 'not_evaluated')!;
    expect([unknown.suppressed, unknown.reason]).toEqual(['false', hostile.findings.find((f) => f.status === 'not_evaluated')!.reason]);
    expect(list.find((row) => row.baseline_state === 'fixed')!.status).toBe('pass');
    const { rows: demoRows } = rows(demo);
    const failed = demoRows.find((row) => row.status === 'fail')!;
    expect(failed.remediation).toBe(demo.controls![failed.control_id]!.remediation.console);
    expect(failed.reference_url).toMatch(/^https:\/\//);
  });

  it('streams the header and one piece per finding; no findings is the header alone', () => {
    expect([...csvChunks(hostile)]).toHaveLength(hostile.findings.length + 2);
    expect(joined(csvChunks({ ...demo, findings: [] }))).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    const writer = new CsvWriter(demo);
    expect(parse(writer.start() + writer.add(demo.findings[0]!) + writer.end())).toHaveLength(2);
  });
});
