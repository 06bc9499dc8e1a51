/**
 * The findings table and its filters. Rows are rendered here, in full, so the table reads
 * without JavaScript; each row carries its filter keys as data-* attributes (and data-index, its
 * position in the embedded JSON) for client-script.ts to show and hide.
 */
import { CAPABILITIES, CAPABILITY_TITLES, COMPONENTS, SEVERITIES } from '../../model/control.js';
import type { ControlDetailsMap } from '../../model/results.js';
import { escapeHtml } from './escape.js';
import { RowFixes } from './remediation.js';
import { DISPLAY_STATUSES, DISPLAY_STATUS_LABELS, displayStatus, resourceName, scopeView, suppressionText, type DisplayStatus, type ReportFinding } from './report-view.js';

/** `findings` must already be in table order: row i is element i of the embedded JSON. */
export function renderFindingsSection(findings: readonly ReportFinding[], controls?: ControlDetailsMap): string {
  const fixes = new RowFixes(controls);
  const present = new Set(findings.map(displayStatus));
  // "fixed" only exists next to a baseline; the other statuses are always offered.
  const statuses = DISPLAY_STATUSES.filter((s) => s !== 'fixed' || present.has(s));
  const filters = [
    select('capability', 'Capability', CAPABILITIES.map((c) => [c, CAPABILITY_TITLES[c]])),
    select('component', 'Component', COMPONENTS.map((c) => [c, c])),
    select('severity', 'Severity', SEVERITIES.map((s) => [s, s])),
    select('status', 'Status', statuses.map((s) => [s, DISPLAY_STATUS_LABELS[s]])),
    // The framework view's control chips set this one (client-script.ts).
    select('control', 'Control', [...new Set(findings.map((f) => f.controlId))].sort().map((id) => [id, id])),
  ];
  const total = findings.length;
  return [
    '<form class="filters" id="filters" aria-label="Filter findings">',
    ...filters,
    '<button type="reset" id="filter-reset">Show all</button>',
    `<p id="finding-count" class="count" role="status" aria-live="polite">${total} of ${total} findings</p>`,
    '</form>',
    '<noscript><p class="note">Filtering needs JavaScript; every finding is listed below.</p></noscript>',
    '<div class="table-scroll">',
    '<table class="findings" id="findings-table">',
    '<thead><tr><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Control</th><th scope="col">Capability · component</th><th scope="col">Resource</th><th scope="col">Message</th><th scope="col">Details</th></tr></thead>',
    '<tbody>',
    ...findings.map((f, i) => findingRow(f, i, fixes, i > 0 && findings[i - 1]!.resource.arn === f.resource.arn)),
    '</tbody>',
    '</table>',
    '</div>',
    `<p id="no-findings" class="note"${total === 0 ? '' : ' hidden'}>No findings match these filters.</p>`,
  ].join('\n');
}

function select(key: string, label: string, options: Array<[value: string, text: string]>): string {
  const items = options.map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`).join('');
  return `<label for="filter-${key}">${label} <select id="filter-${key}" name="${key}"><option value="">all</option>${items}</select></label>`;
}

/** `sameResource`: the row above is on the same resource (groupByResource put them together). */
function findingRow(finding: ReportFinding, index: number, fixes: RowFixes, sameResource: boolean): string {
  const status = displayStatus(finding);
  const r = finding.resource;
  const attributes = [
    `data-index="${index}"`,
    `data-capability="${escapeHtml(finding.capability)}"`,
    `data-component="${escapeHtml(finding.component)}"`,
    `data-severity="${escapeHtml(finding.severity)}"`,
    `data-status="${status}"`,
    `data-control="${escapeHtml(finding.controlId)}"`,
    finding.baselineState ? `data-baseline="${escapeHtml(finding.baselineState)}"` : '',
  ].filter(Boolean);
  if (sameResource) attributes.push('class="same-resource"');
  return [
    `<tr ${attributes.join(' ')}>`,
    `<td class="fit">${statusPill(status)}${baselinePill(finding)}</td>`,
    `<td class="fit"><span class="sev sev-${escapeHtml(finding.severity)}">${escapeHtml(finding.severity)}</span></td>`,
    `<td class="control" title="${escapeHtml(finding.title)}">${escapeHtml(finding.controlId)}</td>`,
    `<td>${escapeHtml(CAPABILITY_TITLES[finding.capability] ?? finding.capability)}<br><span class="muted">${escapeHtml(finding.component)}</span></td>`,
    `<td class="resource" title="${escapeHtml(r.arn)}">${escapeHtml(resourceName(r))}<br><span class="muted">${escapeHtml(resourceAbout(r))}</span></td>`,
    `<td class="message">${escapeHtml(finding.message)}</td>`,
    `<td class="details">${details(finding)}${fixes.render(finding)}</td>`,
    '</tr>',
  ].join('');
}

/** The id (when the name shown is not it), type, region and account, on the cell's second line. */
function resourceAbout(r: ReportFinding['resource']): string {
  return [resourceName(r) === r.id ? '' : r.id, r.type, r.region, r.accountId].filter(Boolean).join(' · ');
}

function statusPill(status: DisplayStatus): string {
  return `<span class="pill status-${status}">${DISPLAY_STATUS_LABELS[status]}</span>`;
}

function baselinePill(finding: ReportFinding): string {
  // Only the changes are worth a pill; "unchanged" is the quiet default.
  if (finding.baselineState === 'new') return ' <span class="pill baseline-new" title="not in the baseline">new</span>';
  if (finding.baselineState === 'updated') return ' <span class="pill baseline-updated" title="status changed since the baseline">updated</span>';
  if (finding.baselineState === 'fixed') return ' <span class="pill status-fixed" title="failed in the baseline, passes now">fixed</span>';
  return '';
}

function details(finding: ReportFinding): string {
  const parts: string[] = [];
  if (finding.status === 'not_evaluated') parts.push(`<p>Why not evaluated: ${escapeHtml(finding.reason ?? 'no reason given')}</p>`);
  if (finding.suppression) parts.push(`<p class="suppression">${escapeHtml(suppressionText(finding.suppression))}</p>`);
  if (finding.baselineState === 'absent') parts.push('<p>In the baseline, gone from this scan.</p>');
  if (finding.scope) parts.push(scopeDetails(finding.scope));
  return parts.join('');
}

/** A <details> element: open and closed without JavaScript. */
function scopeDetails(scope: NonNullable<ReportFinding['scope']>): string {
  const view = scopeView(scope);
  const items = view.links.map((link) => `<li>${escapeHtml(link)}</li>`);
  if (view.more) items.push(`<li>… and ${view.more} more</li>`);
  return `<details><summary>Why in scope</summary><p>${escapeHtml(view.basis)}</p>${items.length ? `<ul>${items.join('')}</ul>` : ''}</details>`;
}
