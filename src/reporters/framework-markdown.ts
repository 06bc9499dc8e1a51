/**
 * The frameworks in summary.md: with --framework, its requirement table before everything but
 * the scan's facts; without, one row per framework after the capability scores.
 */
import type { FrameworkPosture } from '../model/framework-posture.js';
import { formatScore, type ReportResults } from './html-template/report-view.js';
import { COVERAGE_LABELS, REQUIREMENT_STATUS_LABELS, STATUS_NOTE, countsLine, focusedFramework, requirementWhy } from './framework-view.js';

/** markdown.ts's table-cell escaping, passed in so this module does not import its caller. */
type Cell = (text: string) => string;

export interface FrameworkMarkdown {
  /** The focused framework's requirement table ('' without --framework). */
  first: string;
  /** The one-row-per-framework overview ('' with --framework, or with no frameworks). */
  overview: string;
}

export function frameworkMarkdown(results: Pick<ReportResults, 'scan' | 'frameworks'>, cell: Cell): FrameworkMarkdown {
  const frameworks = results.frameworks;
  if (!frameworks || Object.keys(frameworks).length === 0) return { first: '', overview: '' };
  const focus = focusedFramework(results);
  if (focus) return { first: requirementTable(focus[0], focus[1], cell), overview: '' };
  const rows = Object.entries(frameworks).map(([id, p]) => {
    const c = p.requirementCounts;
    return row([`${cell(p.name)}<br><sub>${cell(id)}</sub>`, formatScore(p.score), String(c.pass), String(c.fail), String(c.not_evaluated), String(c.manual), String(c.not_covered + c.excluded)]);
  });
  return {
    first: '',
    overview: [
      '### Frameworks',
      '',
      row(['Framework', 'Score', 'Pass', 'Fail', 'Not evaluated', 'Manual', 'Not covered / excluded']),
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      'Requirements by status; `--framework <id>` puts one framework\'s requirement table first, and results.json `frameworks` has every requirement.',
    ].join('\n'),
  };
}

function requirementTable(id: string, posture: FrameworkPosture, cell: Cell): string {
  const rows = posture.requirements.map((r) => {
    const controls = (r.controls ?? []).map((c) => `${cell(c.id)} ${c.status.replace('_', ' ')}`).join('<br>');
    return row([cell(r.id), cell(r.title), `**${REQUIREMENT_STATUS_LABELS[r.status]}**`, COVERAGE_LABELS[r.coverage], controls || '—', cell(r.status === 'fail' ? (r.reason ?? '') : requirementWhy(r))]);
  });
  return [
    `### ${cell(posture.name)} — requirements`,
    '',
    `**Score: ${posture.score === null ? 'n/a (nothing evaluated)' : `${formatScore(posture.score)} / 100`}** — ${countsLine(posture)} (\`${cell(id)}\` ${cell(posture.version)}, ${cell(posture.source)})`,
    '',
    row(['Requirement', 'Title', 'Status', 'Coverage', 'Controls', 'Why']),
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    cell(STATUS_NOTE),
  ].join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}
