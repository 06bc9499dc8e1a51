import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asffChunks } from '../../src/reporters/asff/asff.js';
import { csvChunks } from '../../src/reporters/csv/csv.js';
import { REPORTERS, outputOf } from '../../src/reporters/registry.js';
import { junitChunks } from '../../src/reporters/junit/junit.js';
import { ocsfChunks } from '../../src/reporters/ocsf/ocsf.js';
import type { ScanResults } from '../../src/model/results.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { joined } from '../helpers/format-fixtures.js';

/** Each format's file, from the registry the CLI writes from. */
const FINDING_FORMATS = Object.fromEntries(['ocsf', 'asff', 'csv', 'junit'].map((name) => [name, { file: outputOf(REPORTERS.find((r) => r.name === name)!) }])) as Record<'ocsf' | 'asff' | 'csv' | 'junit', { file: string }>;

let dir: string;
let results: ScanResults;

beforeAll(() => {
  dir = tempDir();
  const run = runCli(['scan', '--demo', '--output-dir', dir, '--format', 'ocsf', 'asff', 'csv,junit', 'csv', 'none']);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toBe('');
  results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ScanResults;
});

describe('--format ocsf asff csv junit', () => {
  it('writes each file beside results.json, streamed during the scan exactly as the reporter writes it from results.json', () => {
    const expected = { ocsf: ocsfChunks, asff: asffChunks, csv: csvChunks, junit: junitChunks } as const;
    for (const [format, chunks] of Object.entries(expected)) {
      const file = join(dir, FINDING_FORMATS[format as keyof typeof expected].file);
      expect(readFileSync(file, 'utf8'), file).toBe(joined(chunks(results)));
    }
  });

  it('writes only what was asked for', () => {
    const only = tempDir();
    const run = runCli(['scan', '--demo', '--output-dir', only, '--format', 'junit']);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(only, 'results.junit.xml'))).toBe(true);
    for (const format of ['ocsf', 'asff', 'csv'] as const) expect(existsSync(join(only, FINDING_FORMATS[format].file))).toBe(false);
  });

  it('fails as a whole when one of them cannot be written: one line, exit 3, the previous reports untouched', () => {
    const out = tempDir();
    expect(runCli(['scan', '--demo', '--output-dir', out, '--format', 'none']).status).toBe(0);
    mkdirSync(join(out, 'results.csv'));
    const before = Object.fromEntries(readdirSync(out).map((name) => [name, name === 'results.csv' ? 'dir' : readFileSync(join(out, name), 'utf8')]));
    const run = runCli(['scan', '--demo', '--output-dir', out, '--format', 'csv', 'ocsf']);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^cafscan: cannot write to \S+: \S+results\.csv is a directory, which cafscan does not replace; the output directory was left as it was\n$/);
    expect(Object.fromEntries(readdirSync(out).map((name) => [name, name === 'results.csv' ? 'dir' : readFileSync(join(out, name), 'utf8')]))).toEqual(before);
  });

  it('lists the formats in --help and in the error for an unknown one (exit 2)', () => {
    const help = runCli(['scan', '--help']);
    for (const { file } of Object.values(FINDING_FORMATS)) expect(help.stdout.replace(/\s+/g, ' ')).toContain(file);
    const bad = runCli(['scan', '--demo', '--output-dir', tempDir(), '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('choose from table, markdown, html, ocsf, asff, csv, junit, none');
  });
});
