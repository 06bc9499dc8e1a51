/**
 * A summary in GitHub-flavoured markdown, small enough for $GITHUB_STEP_SUMMARY (1 MiB limit):
 * the facts of the scan, the nine capability scores, the worst open failures, what could not be
 * evaluated, and what changed since a baseline. Every finding stays in results.json.
 */
import { selectionNote } from './selection-note.js';
import { CAPABILITIES, CAPABILITY_TITLES, COMPONENTS } from '../model/control.js';
import type { ScoreCell } from '../model/scores.js';
import {
  formatScore,
  formatTime,
  listSome,
  plural,
  resourceName,
  type ReportFinding,
  type ReportResults,
} from './html-template/report-view.js';
import type { ReportHead } from './html.js';
import { summarize, summaryChanges, type ReportSummary } from './report-summary.js';
import { frameworkMarkdown } from './framework-markdown.js';

export type { ReportFinding, ReportResults } from './html-template/report-view.js';

export interface MarkdownOptions {
  baseline?: {
    /** What the scan was compared with (a path or a label); default `scan.baseline.source`. */
    source?: string;
    /** When the baseline was taken (ISO-8601); default `scan.baseline.startedAt`. */
    createdAt?: string;
    /** Fixed failures, overriding `scan.baseline.fixed` and the count of findings marked fixed. */
    fixed?: number;
  };
}

export const MAX_LISTED_FAILURES = 20;
const MAX_LISTED_REASONS = 5;

export function renderMarkdown(results: ReportResults, options: MarkdownOptions = {}): string {
  return renderMarkdownFrom(results, summarize(results.findings, 0, MAX_LISTED_FAILURES), options);
}

/** The summary from what was gathered while the findings streamed by (at most MAX_LISTED_FAILURES listed). */
export function renderMarkdownFrom(results: ReportHead, summary: ReportSummary, options: MarkdownOptions = {}): string {
  const excluded = selectionNote(results.scan);
  const frameworks = frameworkMarkdown(results, cell);
  const sections = [header(results, summary), emptyNotice(results), excluded ? `> ${cell(excluded)}.` : '', frameworks.first, capabilityTable(results), frameworks.overview, failures(summary), fixes(results, summary), notEvaluated(summary), changes(results, summary, options)];
  sections.push(`<sub>Every finding, with its remediation, is in results.json (and results.sarif for code scanning).</sub>`);
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function header(results: ReportHead, summary: ReportSummary): string {
  const { scan, scores, tool } = results;
  const counts = summary.counts;
  const overall = scores.overall;
  const tally = [`${overall.passed} passed`, `${overall.failed} failed`, `${overall.notEvaluated} not evaluated`];
  if (counts.suppressed) tally.push(`${plural(counts.suppressed, 'failure')} suppressed`);
  return [
    '## cafscan — CAF-AI Security perspective',
    '',
    `**Overall score: ${overall.score === null ? 'n/a (nothing evaluated)' : `${formatScore(overall.score)} / 100`}** — ${tally.join(', ')}`,
    '',
    `- **Accounts:** ${cell(listSome(scan.accounts))}`,
    `- **Regions:** ${cell(listSome(scan.regions))}`,
    `- **Sources:** ${cell(listSome(scan.sources))}`,
    `- **Scanned:** ${cell(`${formatTime(scan.startedAt)} – ${formatTime(scan.finishedAt)}, ${tool.name} ${tool.version}`)}`,
  ].join('\n');
}

/** An empty scan said first and plainly: a table of n/a and "No open failures" must not read as clean. */
function emptyNotice(results: ReportHead): string {
  if (!results.scan.empty) return '';
  const reason = results.scan.emptyReason ?? 'no check passed or failed';
  return `> [!WARNING]\n> **Nothing was evaluated:** ${cell(reason)}. This is not a clean result: no control passed or failed.`;
}

function capabilityTable(results: ReportHead): string {
  const caps = results.scores.capabilities;
  const rows = CAPABILITIES.map((id) => {
    const c = caps[id];
    return row([cell(CAPABILITY_TITLES[id]), ...counts(c), ...COMPONENTS.map((component) => formatScore(c.components[component].score))]);
  });
  const overall = results.scores.overall;
  rows.push(row(['**Overall**', ...counts(overall).map((v) => `**${v}**`), '', '', '']));
  return [
    '### Capability scores',
    '',
    row(['Capability', 'Score', 'Passed', 'Failed', 'Not evaluated', 'Input', 'Model', 'Output']),
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Scores weigh each control by severity; *n/a* means nothing could be evaluated there, which is not a pass.',
  ].join('\n');
}

function counts(c: ScoreCell): string[] {
  return [formatScore(c.score), String(c.passed), String(c.failed), String(c.notEvaluated)];
}

function failures(summary: ReportSummary): string {
  const open = summary.open;
  if (open.total === 0) return '### Failures\n\nNo open failures.';
  const bySeverity = open.bySeverity;
  const shown = open.top.slice(0, MAX_LISTED_FAILURES);
  const heading = open.total > shown.length ? `### Top failures (${shown.length} of ${open.total})` : `### Failures (${open.total})`;
  return [heading, '', bySeverity.map(([s, n]) => `${n} ${s}`).join(' · '), '', failureTable(shown)].join('\n');
}

function failureTable(list: readonly ReportFinding[]): string {
  const lines = [row(['Severity', 'Control', 'Resource', 'Message']), '|---|---|---|---|'];
  for (const f of list) {
    const name = resourceName(f.resource);
    const about = [name === f.resource.id ? '' : f.resource.id, f.resource.type, f.resource.region].filter(Boolean).join(' · ');
    lines.push(row([f.severity, cell(f.controlId), `${cell(name)}<br><sub>${cell(about)}</sub>`, cell(f.message)]));
  }
  return lines.join('\n');
}

/**
 * One fix line per control among the listed failures (its failures share the fix): the console
 * step and the CLI command, each cut to its first sentence or line so the summary stays a page.
 * The whole remediation (Terraform, CloudFormation too) is in results.json `controls` and
 * `cafscan explain <id>`. Nothing when results.json has no `controls` (an older file).
 */
function fixes(results: ReportHead, summary: ReportSummary): string {
  const controls = results.controls;
  if (!controls) return '';
  const listed = new Map<string, number>();
  for (const f of summary.open.top.slice(0, MAX_LISTED_FAILURES)) listed.set(f.controlId, (listed.get(f.controlId) ?? 0) + 1);
  const lines: string[] = [];
  for (const [id, count] of listed) {
    const fix = controls[id]?.remediation;
    if (!fix) continue;
    const parts = [`Console: ${cell(firstSentence(fix.console))}`];
    if (fix.cli) parts.push(`CLI: ${codeSpan(fix.cli.split('\n')[0]!)}`);
    lines.push(`- **${cell(id)}**${count > 1 ? ` (${count} failures above)` : ''} — ${parts.join(' · ')}`);
  }
  if (lines.length === 0) return '';
  return ['### How to fix', '', ...lines, '', 'Terraform / CloudFormation and the full steps: `cafscan explain <control-id>`, or results.json `controls`.'].join('\n');
}

/**
 * The start of a console walkthrough: its first sentence ("S3 console > … > Save changes."), and
 * the next ones while that is short — "X cannot be changed." alone says what not to do, not what to.
 */
function firstSentence(text: string): string {
  // A sentence ends at a period before a space; "OutputDataConfig.KmsKeyId" does not end one.
  const sentences = text.split(/(?<=\.)\s+/);
  let out = '';
  for (const sentence of sentences) {
    out = out ? `${out} ${sentence}` : sentence;
    if (out.length >= 80) break;
  }
  return out;
}

/** Inline code that no backtick inside can close early (GFM: a longer fence), on one line. */
function codeSpan(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function notEvaluated(summary: ReportSummary): string {
  const reasons = summary.notEvaluatedReasons;
  const shown = reasons.slice(0, MAX_LISTED_REASONS);
  const total = summary.counts.not_evaluated;
  if (total === 0) return '';
  return [
    `### Not evaluated (${total})`,
    '',
    `cafscan could not decide ${total === 1 ? 'one check' : `${total} checks`}; they count in no score. Usually the scanning identity lacks a read permission ` +
      '(attach docs/iam-policy.json, or run `cafscan iam-policy`), the service is not available in a region, or a snapshot lacks the data. ' +
      'Each has its `reason` in results.json.',
    '',
    row(['Reason', 'Findings']),
    '|---|---:|',
    ...shown.map((r) => row([cell(r.reason), String(r.count)])),
    ...(reasons.length > shown.length ? ['', `… and ${plural(reasons.length - shown.length, 'other reason')}.`] : []),
  ].join('\n');
}

function changes(results: ReportHead, summary: ReportSummary, options: MarkdownOptions): string {
  const diff = summaryChanges(results, summary, options.baseline?.fixed);
  if (!diff) return '';
  const source = options.baseline?.source ?? results.scan.baseline?.source;
  const createdAt = options.baseline?.createdAt ?? results.scan.baseline?.startedAt ?? undefined;
  const about = [source, createdAt ? `taken ${formatTime(createdAt)}` : undefined].filter(Boolean).join(', ');
  const lines = [
    '### Changes since the baseline',
    '',
    ...(about ? [`Baseline: ${cell(about)}`, ''] : []),
    `**${diff.newFailures.total} new** failures · **${diff.fixed} fixed** · ${diff.stillFailing} still failing · ${diff.updated} changed status otherwise`,
  ];
  if (diff.newFailures.total) {
    const shown = diff.newFailures.top.slice(0, MAX_LISTED_FAILURES);
    lines.push('', shown.length < diff.newFailures.total ? `New failures (${shown.length} of ${diff.newFailures.total}):` : 'New failures:', '', failureTable(shown));
  }
  return lines.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * A value from the scan as table-cell text: resource names and messages come from the scanned
 * account, so HTML is neutralised, markdown punctuation is taken literally, `|` cannot end the
 * cell, a newline cannot end the row, and a name like "www.example.com" or "a@b.io" does not
 * become a link (GitHub autolinks those; a zero-width space breaks the pattern, not the text).
 */
export function cell(text: string): string {
  return text
    .replace(/\b(www)\./gi, '$1\u200B.')
    .replace(/:\/\//g, ':\u200B//')
    .replace(/@/g, '@\u200B')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}
