import { styleText } from 'node:util';
import { CAPABILITIES, CAPABILITY_TITLES } from '../model/control.js';
import type { BaselineSummary } from '../model/baseline.js';
import type { Finding } from '../model/finding.js';
import { summarize, type ReportSummary } from './report-summary.js';
import type { ScoreCell, Scores } from '../model/scores.js';

/** The readable summary: the nine capabilities with score and counts, then the worst failures. */
export function renderTerminalSummary(scores: Scores, findings: Finding[], maxFailures = 10, baseline?: BaselineSummary, emptyReason?: string): string {
  return renderTerminalSummaryFrom(scores, summarize(findings, 0, maxFailures), maxFailures, baseline, emptyReason);
}

/** The same from a summary gathered while the findings streamed by (it must keep at least `maxFailures` failures). */
export function renderTerminalSummaryFrom(scores: Scores, summary: ReportSummary, maxFailures = 10, baseline?: BaselineSummary, emptyReason?: string, selection?: string, color = false): string {
  // Restrained: only the words a reader scans for (a failure's severity, NEW, a clean table's pass
  // counts) — and only when the caller knows stdout is a terminal that wants it.
  const paint = (style: 'red' | 'green' | 'yellow' | 'bold', text: string) => (color ? styleText(style, text) : text);
  const severityStyle = (s: string) => (s === 'critical' || s === 'high' ? 'red' : 'yellow');
  const header = ['Capability', 'Score', 'Pass', 'Fail', 'Not evaluated'];
  const rows = CAPABILITIES.map((id) => row(CAPABILITY_TITLES[id], scores.capabilities[id]));
  rows.push(row('Overall', scores.overall));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [paint('bold', line(header)), rule, ...rows.slice(0, -1).map(line), rule, line(rows[rows.length - 1]!)];
  // Said under the table, where the eye lands after "Overall": n/a everywhere is not a pass.
  if (selection) out.push('', `${selection[0]!.toUpperCase()}${selection.slice(1)}.`);
  if (emptyReason) out.push('', `NOTHING WAS EVALUATED: ${emptyReason}.`, 'This is not a clean result: no control passed or failed.');

  const suppressed = summary.counts.suppressed;
  const failures = summary.open;
  if (failures.total) {
    out.push('', `Failures: ${failures.bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')}`);
    for (const f of failures.top.slice(0, maxFailures)) out.push(`  ${paint(severityStyle(f.severity), f.severity.toUpperCase().padEnd(8))} ${f.controlId.padEnd(12)} ${f.message}`);
    if (failures.total > maxFailures) out.push(`  … and ${failures.total - maxFailures} more in results.json`);
  }
  if (suppressed) out.push('', `Suppressed: ${suppressed} accepted failure${suppressed === 1 ? '' : 's'} (see results.json), not counted in scores or --fail-on`);
  if (baseline) {
    const { new: newOnes, fixed } = baseline;
    out.push('', `Since the baseline: ${newOnes} new failure${newOnes === 1 ? '' : 's'}, ${fixed} fixed (results.json scan.baseline has the details)`);
    // The new open failures by name: what this change broke, which is what a reviewer acts on.
    const fresh = summary.baseline?.newFailures;
    if (fresh?.total) {
      for (const f of fresh.top.slice(0, maxFailures)) out.push(`  ${paint('red', 'NEW')} ${paint(severityStyle(f.severity), f.severity.toUpperCase().padEnd(8))} ${f.controlId.padEnd(12)} ${f.resource.arn}`);
      if (fresh.total > maxFailures) out.push(`  … and ${fresh.total - maxFailures} more new in results.json (baselineState "new")`);
    }
  }
  return `${out.join('\n')}\n`;
}

function row(name: string, cell: ScoreCell): string[] {
  return [name, cell.score === null ? 'n/a' : cell.score.toFixed(1), String(cell.passed), String(cell.failed), String(cell.notEvaluated)];
}
