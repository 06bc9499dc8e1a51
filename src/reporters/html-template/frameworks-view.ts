/**
 * report.html's framework view: each rules/ framework's requirements with their status, coverage
 * and the outcome of each control they list (results.json `frameworks`). Plain tables and
 * <details>, so it reads without JavaScript; with it, a control that has findings on the page is
 * a button-like chip that filters the findings table to that control (client-script.ts) — the
 * page has no links at all (its CSP test forbids any href).
 *
 * With --framework only that framework is shown (open, before the capability scores); without,
 * a one-row-per-framework overview and each framework's requirements folded.
 */
import type { FrameworkPosture, RequirementControl, RequirementPosture } from '../../model/framework-posture.js';
import { COVERAGE_LABELS, REQUIREMENT_STATUS_LABELS, STATUS_NOTE, countsLine, focusedFramework, requirementWhy } from '../framework-view.js';
import { escapeHtml } from './escape.js';
import { formatScore, type ReportResults } from './report-view.js';
import { scoreBand } from './chart.js';

const CONTROL_STATUS_LABELS: Record<RequirementControl['status'], string> = {
  pass: 'pass',
  fail: 'fail',
  not_evaluated: 'not evaluated',
  not_applicable: 'no resource',
  excluded: 'excluded',
};

/** Whether the view goes first (with --framework) and its HTML ('' when results.json has no frameworks). */
export function renderFrameworksSection(results: Pick<ReportResults, 'scan' | 'frameworks'>, controlsOnPage: ReadonlySet<string>): { first: boolean; html: string } {
  const frameworks = results.frameworks;
  if (!frameworks || Object.keys(frameworks).length === 0) return { first: false, html: '' };
  const focus = focusedFramework(results);
  const body = focus
    ? [frameworkDetails(focus[0], focus[1], controlsOnPage, true)]
    : [overview(frameworks), ...Object.entries(frameworks).map(([id, p]) => frameworkDetails(id, p, controlsOnPage, false))];
  return {
    first: focus !== undefined,
    html: [
      '<section id="frameworks" aria-labelledby="frameworks-heading">',
      `<h2 id="frameworks-heading">${focus ? `${escapeHtml(focus[1].name)} — requirements` : 'Frameworks'}</h2>`,
      ...body,
      `<p class="note">${escapeHtml(STATUS_NOTE)}</p>`,
      '</section>',
    ].join('\n'),
  };
}

function overview(frameworks: Record<string, FrameworkPosture>): string {
  const rows = Object.entries(frameworks).map(([id, p]) => {
    const c = p.requirementCounts;
    const cells = [c.pass, c.fail, c.not_evaluated, c.manual, c.not_covered, c.excluded].map((n) => `<td class="num">${n}</td>`).join('');
    return `<tr data-framework="${escapeHtml(id)}"><th scope="row">${escapeHtml(p.name)}<br><span class="muted">${escapeHtml(id)}</span></th><td class="num"><span class="score-text band-${scoreBand(p.score)}">${formatScore(p.score)}</span></td>${cells}</tr>`;
  });
  return [
    '<div class="table-scroll">',
    '<table class="frameworks-overview" id="frameworks-overview">',
    '<caption>Requirements of each framework by status, and the score of its controls\' checks</caption>',
    '<thead><tr><th scope="col">Framework</th><th scope="col">Score</th><th scope="col">Pass</th><th scope="col">Fail</th><th scope="col">Not evaluated</th><th scope="col">Manual</th><th scope="col">Not covered</th><th scope="col">Excluded</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    '</div>',
  ].join('\n');
}

function frameworkDetails(id: string, posture: FrameworkPosture, controlsOnPage: ReadonlySet<string>, open: boolean): string {
  const summary = `<summary><span class="framework-name">${escapeHtml(posture.name)}</span> <span class="muted">${escapeHtml(`${id} ${posture.version}`)}</span> — score ${formatScore(posture.score)}: ${escapeHtml(countsLine(posture))}</summary>`;
  return [
    `<details class="framework" id="framework-${anchor(id)}" data-framework="${escapeHtml(id)}"${open ? ' open' : ''}>`,
    summary,
    // The source as text: the page has no links; the address can be copied.
    `<p class="muted">Source: ${escapeHtml(posture.source)}</p>`,
    '<div class="table-scroll">',
    '<table class="requirements">',
    '<thead><tr><th scope="col">Requirement</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Coverage</th><th scope="col">Controls</th></tr></thead>',
    `<tbody>${posture.requirements.map((r) => requirementRow(r, controlsOnPage)).join('\n')}</tbody>`,
    '</table>',
    '</div>',
    '</details>',
  ].join('\n');
}

function requirementRow(requirement: RequirementPosture, controlsOnPage: ReadonlySet<string>): string {
  const why = requirementWhy(requirement);
  const check = requirement.check ? `<details class="check"><summary>${requirement.coverage === 'partial' ? 'What the controls leave out' : 'What to check by hand'}</summary><p>${escapeHtml(requirement.check)}</p></details>` : '';
  const controls = (requirement.controls ?? []).map((c) => controlChip(c, controlsOnPage));
  return [
    `<tr data-requirement="${escapeHtml(requirement.id)}" data-status="${requirement.status}" data-coverage="${requirement.coverage}">`,
    `<th scope="row" class="control">${escapeHtml(requirement.id)}</th>`,
    `<td>${escapeHtml(requirement.title)}${why ? `<br><span class="muted why">${escapeHtml(why)}</span>` : ''}${check}</td>`,
    `<td class="fit"><span class="pill status-${requirement.status}">${REQUIREMENT_STATUS_LABELS[requirement.status]}</span></td>`,
    `<td class="fit">${COVERAGE_LABELS[requirement.coverage]}</td>`,
    `<td>${controls.length ? `<ul class="control-refs">${controls.join('')}</ul>` : '—'}</td>`,
    '</tr>',
  ].join('');
}

/** A control with findings on the page carries data-control: the script makes it filter the table. */
function controlChip(control: RequirementControl, controlsOnPage: ReadonlySet<string>): string {
  const target = controlsOnPage.has(control.id) ? ` data-control="${escapeHtml(control.id)}"` : '';
  const counts = `${control.passed} passed, ${control.failed} failed, ${control.notEvaluated} not evaluated${control.suppressed ? `, ${control.suppressed} suppressed` : ''}`;
  return `<li><span class="control control-ref"${target} title="${escapeHtml(counts)}">${escapeHtml(control.id)}</span> <span class="pill status-${control.status}">${CONTROL_STATUS_LABELS[control.status]}</span></li>`;
}

/** Framework ids are lower-case letters, digits and dashes (the schema); anything else is dropped. */
function anchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, '');
}
