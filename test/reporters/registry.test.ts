import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_FACTS, DEMO_SNAPSHOT } from '../../src/cli/main.js';
import type { Finding } from '../../src/model/finding.js';
import { openInputs } from '../../src/sources/open-inputs.js';
import { runScan } from '../../src/scan/run-scan.js';
import { formatChoices, formatHelp, outputOf, REPORTERS } from '../../src/reporters/registry.js';
import { renderOutputsDoc } from '../../src/reporters/outputs-doc.js';
import { fromResults } from '../../src/reporters/from-results.js';
import type { Reporter } from '../../src/reporters/reporter.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

/** A new format as another module would add it: one Reporter object, here passed to runScan in place of a registry line. */
const findingLines: Reporter = {
  kind: 'render',
  name: 'lines',
  file: 'findings.txt',
  human: true,
  readsFindings: true,
  description: 'one line per finding',
  *render(scan) {
    yield `${scan.results.scan.accounts.join(',')} ${scan.inventory.uri}\n`;
    for (const finding of scan.findings()) yield `${finding.controlId} ${finding.status} ${finding.resource.arn}\n`;
  },
};

/** A gathering one: counts failures as results.json goes by and writes two files. */
const failCounter: Reporter = {
  kind: 'gather',
  name: 'fails',
  file: 'fails-N.txt',
  human: false,
  description: 'failure counts',
  gather: () => {
    let fails = 0;
    return {
      add: (finding: Finding) => void (finding.status === 'fail' && fails++),
      files: () => [{ name: 'fails-1.txt', chunks: [`${fails}\n`] }, { name: 'fails-2.txt', chunks: ['second\n'] }],
      notes: () => ['fails: two files'],
    };
  },
};

async function scan(outputDir: string, reporters: readonly Reporter[], humanFormats: string[]) {
  const resources = await openInputs([DEMO_SNAPSHOT, DEMO_ACCOUNT_FACTS]);
  try {
    return await runScan({ resources, sources: ['demo'], outputDir, redact: true, startedAt: new Date('2026-11-01T00:00:00Z'), reporters, humanFormats });
  } finally {
    await resources.close();
  }
}

describe('reporter registry', () => {
  it('a new reporter is written from the registry it is in: every finding in results.json order, chosen by --format when human', async () => {
    const out = tempDir();
    const outcome = await scan(out, [...REPORTERS, findingLines, failCounter], ['lines']);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { findings: Finding[] };
    const lines = readFileSync(join(out, 'findings.txt'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('123456789012 inventory.json');
    expect(lines.slice(1)).toEqual(results.findings.map((f) => `${f.controlId} ${f.status} ${f.resource.arn}`));
    expect(results.findings.length).toBeGreaterThan(10);
    expect(readFileSync(join(out, 'fails-1.txt'), 'utf8')).toBe(`${results.findings.filter((f) => f.status === 'fail').length}\n`);
    expect(outcome.written.map((f) => f.slice(out.length + 1))).toEqual(['inventory.json', 'results.json', 'results.sarif', 'findings.txt', 'fails-1.txt', 'fails-2.txt']);
    expect(outcome.warnings).toContain('fails: two files');
    // A human format not asked for is not written.
    const other = tempDir();
    expect((await scan(other, [...REPORTERS, findingLines], [])).written.map((f) => f.slice(other.length + 1))).toEqual(['inventory.json', 'results.json', 'results.sarif']);
  });

  it('fromResults turns a function of the results (findings iterable, read again on each pass) into a reporter', async () => {
    const out = tempDir();
    const counts = fromResults({ name: 'counts', file: 'counts.txt', human: false, description: 'pass/fail counts' }, function* (results) {
      let n = 0;
      for (const _ of results.findings) n++;
      // A second pass reads them again from disk, in the same order.
      const statuses = [...results.findings].map((f) => f.status);
      yield `${results.tool.name} ${n} ${statuses.length} ${results.scores.overall.failed}\n`;
    });
    await scan(out, [...REPORTERS, counts], []);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { findings: Finding[]; scores: { overall: { failed: number } } };
    const n = results.findings.length;
    expect(readFileSync(join(out, 'counts.txt'), 'utf8')).toBe(`cafscan ${n} ${n} ${results.scores.overall.failed}\n`);
  });

  it('a reporter that reads findings without declaring it fails loudly, not with an empty report', async () => {
    await expect(scan(tempDir(), [...REPORTERS, { ...findingLines, readsFindings: false }], ['lines'])).rejects.toThrow(/without declaring readsFindings/);
  });

  it('--format takes exactly the registry\'s human formats (and none), and --help lists them', () => {
    expect(formatChoices()).toEqual(['table', 'markdown', 'html', 'ocsf', 'asff', 'csv', 'junit', 'none']);
    expect(formatChoices([...REPORTERS, findingLines])).toEqual(['table', 'markdown', 'html', 'ocsf', 'asff', 'csv', 'junit', 'lines', 'none']);
    expect(formatHelp([...REPORTERS, findingLines])).toContain('lines (findings.txt)');
    const help = runCli(['scan', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(formatHelp().replace(/\s+/g, ' '));
    const bad = runCli(['scan', '--demo', '--format', 'pdf', '-o', tempDir()]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`unknown format "pdf" (choose from ${formatChoices().join(', ')})`);
  });

  it('docs/outputs.md is generated from the registry and README names every output', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'outputs.md'), 'utf8')).toBe(renderOutputsDoc(REPORTERS));
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const reporter of REPORTERS) {
      if (reporter.kind !== 'stdout') expect(readme).toContain(`\`${outputOf(reporter).split(' ')[0]}\``);
      expect(readme).toContain('docs/outputs.md');
      if (reporter.human) expect(readme).toContain(`\`${reporter.name}\``);
    }
  });
});
