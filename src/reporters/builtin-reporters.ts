import { MAX_HTML_FINDINGS, renderHtmlFrom } from './html.js';
import { renderMarkdownFrom } from './markdown.js';
import { isStaleSarifPart, OUTPUT_FILES, sarifFileName } from './output-files.js';
import type { GatheringReporter, PipelineOutput, RenderingReporter, StdoutReporter } from './reporter.js';
import { GITHUB_LIMITS } from './sarif.js';
import { SarifCollector } from './sarif-stream.js';
import { selectionNote } from './selection-note.js';
import { renderTerminalSummaryFrom } from './terminal-summary.js';
import { withFrameworks } from './framework-terminal.js';

/** The reporters cafscan has always had, as registry entries (registry.ts lists them). */

export const resultsJson: PipelineOutput = {
  kind: 'pipeline',
  name: 'results',
  file: OUTPUT_FILES.results,
  human: false,
  description: 'every finding (one per line), the scores per capability and overall, the scan\'s facts and each control\'s details and remediation — the contract other tools read',
};

export const inventoryJson: PipelineOutput = {
  kind: 'pipeline',
  name: 'inventory',
  file: OUTPUT_FILES.inventory,
  human: false,
  description: 'the resources the scan read, normalised and redacted (re-scan it with --input); SARIF locations point into it',
};

export const sarif: GatheringReporter = {
  kind: 'gather',
  name: 'sarif',
  file: `${OUTPUT_FILES.sarif} (results-2.sarif… beyond ${GITHUB_LIMITS.runsPerFile} accounts)`,
  human: false,
  description: 'SARIF 2.1.0 for GitHub code scanning: one run per account, failures as results pointing at inventory.json, not-evaluated checks as notifications',
  gather(context) {
    const collector = new SarifCollector(context.accounts, context.workDir('sarif'));
    let files: string[] = [];
    return {
      add: (finding) => collector.add(finding),
      addFacts: (facts) => collector.addFacts(facts),
      files(scan) {
        files = Array.from({ length: collector.fileCount }, (_, i) => sarifFileName(i));
        const head = {
          toolVersion: scan.results.tool.version,
          controls: [...scan.catalog],
          crosswalk: scan.crosswalk,
          inventoryUri: scan.inventory.uri,
          inventoryLines: scan.inventory.lines,
          startedAt: scan.results.scan.startedAt,
          finishedAt: scan.results.scan.finishedAt,
          ...(scan.category ? { category: scan.category } : {}),
        };
        return files.map((name, i) => ({ name, chunks: collector.chunks(i, head) }));
      },
      warnings: () =>
        collector.truncations().map(
          (t) => `results.sarif: account ${t.accountId} has ${t.total} failures; GitHub code scanning keeps ${t.kept} per run, so the ${t.kept} most severe are in the SARIF (all are in results.json)`,
        ),
      notes: () =>
        files.length > 1
          ? [`${Math.max(1, context.accounts.length)} accounts: SARIF split into ${files.join(', ')} (GitHub takes at most ${GITHUB_LIMITS.runsPerFile} runs per upload; upload each file)`]
          : [],
      isStale: (name) => isStaleSarifPart(name, files.length),
    };
  },
};

export const table: StdoutReporter = {
  kind: 'stdout',
  name: 'table',
  human: true,
  helpNote: 'default',
  description: 'the nine capabilities with score and counts, then the worst failures, on stdout (the default when --format is not given)',
  render: (scan) => {
    const { results } = scan;
    // The frameworks go where they belong: with --framework its requirement table first, else a one-line-per-framework overview after.
    return withFrameworks(renderTerminalSummaryFrom(results.scores, scan.summary, 10, results.scan.baseline, results.scan.emptyReason, selectionNote(results.scan), scan.color), results);
  },
};

export const markdown: RenderingReporter = {
  kind: 'render',
  name: 'markdown',
  file: 'summary.md',
  human: true,
  helpNote: 'for $GITHUB_STEP_SUMMARY',
  description: 'GitHub-flavoured markdown summary, fit for $GITHUB_STEP_SUMMARY',
  render: (scan) => [renderMarkdownFrom(scan.results, scan.summary)],
};

export const html: RenderingReporter = {
  kind: 'render',
  name: 'html',
  file: 'report.html',
  human: true,
  pageFindings: MAX_HTML_FINDINGS,
  description: 'one self-contained HTML page: score chart, capability × component matrix, filterable findings',
  render: (scan) => [renderHtmlFrom(scan.results, scan.summary)],
};
