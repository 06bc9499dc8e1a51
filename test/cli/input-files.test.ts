import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ScanResults } from '../../src/model/results.js';
import { cafscanBin, repoRoot, runCli, tempDir, type CliRun } from '../helpers/cli.js';

/** File-level input problems, as a user meets them: exit 2, one printable line, outputs untouched. */

const snapshot = JSON.stringify({
  configurationItems: [{
    resourceType: 'AWS::SageMaker::NotebookInstance', resourceId: 'nb', ARN: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/nb',
    awsAccountId: '123456789012', awsRegion: 'us-east-1', configuration: { NotebookInstanceName: 'nb', DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' },
  }],
});

function expectInputError(run: CliRun, message: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^cafscan: [^\n]+\n$/);
  // Nothing from the file that a terminal would act on or hide: controls, BOMs, bidi or zero-width marks.
  expect(run.stderr.slice(0, -1)).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  expect(run.stderr).toMatch(message);
}

/** A previous report that a failed scan must leave alone. */
function previousOutput(): string {
  const out = join(tempDir(), 'out');
  expect(runCli(['scan', '--input', write('prev.json', snapshot), '-o', out, '--format', 'none']).status).toBe(0);
  return out;
}
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));

const work = tempDir();
function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

describe('cafscan scan --input with file-level problems', () => {
  it('a FIFO with no writer is refused at once instead of hanging the scan', () => {
    const fifo = join(work, 'snapshot.fifo');
    execFileSync('mkfifo', [fifo]);
    const out = join(work, 'fifo-out');
    // The timeout only turns a regression (a hang) into a failure instead of a stuck suite.
    const run = spawnSync(process.execPath, [cafscanBin, 'scan', '--input', fifo, '-o', out], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CI: 'true' } });
    expect(run.signal).toBeNull();
    expectInputError(run, new RegExp(`^cafscan: cannot read input ${fifo}: it is a named pipe \\(FIFO\\); cafscan reads regular files \\(save the data to a file first\\)\\n$`));
    expect(existsSync(out)).toBe(false);
  });

  it('a UTF-8 byte-order mark is accepted: the same findings as without it', () => {
    const plain = join(work, 'plain-out');
    const bom = join(work, 'bom-out');
    expect(runCli(['scan', '--input', write('plain.json', snapshot), '-o', plain, '--format', 'none']).status).toBe(0);
    const run = runCli(['scan', '--input', write('bom.json', `\uFEFF${snapshot}`), '-o', bom, '--format', 'none']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const findings = (dir: string) => (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ScanResults).findings;
    expect(findings(bom).length).toBeGreaterThan(0);
    expect(findings(bom)).toEqual(findings(plain));
  });

  it('UTF-16 is one clear line naming the encoding, with no invisible bytes; previous outputs untouched', () => {
    const out = previousOutput();
    const before = contents(out);
    const utf16 = write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(snapshot, 'utf16le')]));
    expectInputError(runCli(['scan', '--input', utf16, '-o', out]), /^cafscan: \S+utf16\.json is UTF-16 little-endian \(byte-order mark FF FE\) text; cafscan reads UTF-8 JSON: convert it, e\.g\. iconv -f UTF-16 -t UTF-8\n$/);
    expect(contents(out)).toEqual(before);
  });

  it('a file that is not JSON: what is unexpected and where, in words (not the parser\'s state names)', () => {
    const markdown = write('README.md', '# Inputs\n\nNot JSON.\n');
    expectInputError(runCli(['scan', '--input', markdown, '-o', join(work, 'x')]), /^cafscan: \S+README\.md is not valid JSON \(unexpected "#" at line 1, column 1\)\n$/);
    const comma = write('comma.json', '{\n  "configurationItems": [\n    {"resourceType": "AWS::S3::Bucket"},\n  ]\n}');
    expectInputError(runCli(['scan', '--input', comma, '-o', join(work, 'x')]), /comma\.json is not valid JSON \(unexpected "\]" where a value should be\)\n$/);
  });

  it('control characters in the JSON and in the file name are shown escaped, on one line', () => {
    const ansi = write('ansi.json', '{"configurationItems": \u001b[2J\u001b[31m [] }');
    expectInputError(runCli(['scan', '--input', ansi, '-o', join(work, 'x')]), /is not valid JSON \(.*\\u\{001B\}.*\)\n$/);
    const oddName = write('bad\nname\u202E.json', '{');
    expectInputError(runCli(['scan', '--input', oddName, '-o', join(work, 'x')]), /bad\\u\{000A\}name\\u\{202E\}\.json is not valid JSON/);
  });

  it('no size limit: a gzip input whose text is past V8\'s 512 MiB string limit is read as it streams', () => {
    // Concatenated gzip members: a snapshot whose two items are 513 MiB of whitespace apart
    // (JSON allows it), in a file of about 0.5 MB. Read whole, it could never be one string.
    const items = (JSON.parse(snapshot) as { configurationItems: Array<Record<string, unknown>> }).configurationItems;
    const second = { ...items[0], resourceId: 'nb2', ARN: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/nb2' };
    const spaces = gzipSync(Buffer.alloc(1 << 20, 0x20));
    const members = [
      gzipSync(`{"configurationItems": [${JSON.stringify(items[0])},`),
      ...Array.from({ length: 513 }, () => spaces),
      gzipSync(`${JSON.stringify(second)}]}`),
    ];
    const gz = write('huge.json.gz', Buffer.concat(members));
    const out = join(work, 'huge-out');
    const run = runCli(['scan', '--input', gz, '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const inventory = JSON.parse(readFileSync(join(out, 'inventory.json'), 'utf8')) as { resources: Array<{ id: string }> };
    expect(inventory.resources.map((r) => r.id).filter((id) => id.startsWith('nb'))).toEqual(['nb', 'nb2']);
  });
});
