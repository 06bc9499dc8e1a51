/**
 * How to fix a failure, in report.html: an expandable <details> (opens without JavaScript) with
 * the console steps and the CLI, Terraform and CloudFormation snippets of the control's
 * remediation (results.json `controls`). The catalog text is ours, but it is escaped like any
 * value all the same: a snippet full of quotes and angle brackets must print, not parse.
 *
 * Bounded: the first INLINE_FIXES failing rows carry the full text; later ones point to the
 * control's entry in the page's "How to fix" section, which has each failing control once, so a
 * page of 10,000 failures does not repeat the same Terraform 10,000 times.
 */
import type { ControlDetailsMap } from '../../model/results.js';
import type { Remediation } from '../../model/control.js';
import { CAF_FRAMEWORK_ID } from '../../model/frameworks.js';
import { escapeHtml } from './escape.js';
import type { ReportFinding } from './report-view.js';

export const INLINE_FIXES = 200;

/** The fix steps, as the body of a <details>. */
export function remediationBody(fix: Remediation): string {
  const parts = [`<p class="fix-console"><strong>Console:</strong> ${escapeHtml(fix.console)}</p>`];
  const snippet = (label: string, kind: string, text: string | undefined) => {
    if (text) parts.push(`<p class="fix-label">${label}</p><pre class="fix-${kind}"><code>${escapeHtml(text)}</code></pre>`);
  };
  snippet('AWS CLI', 'cli', fix.cli);
  snippet('Terraform', 'terraform', fix.terraform);
  snippet('CloudFormation', 'cloudformation', fix.cloudformation);
  return parts.join('');
}

/** Only open failures (suppressed included: the risk is accepted, the fix still applies) get one. */
function needsFix(finding: ReportFinding): boolean {
  return finding.status === 'fail';
}

/** The per-row remediation: full for the first INLINE_FIXES failing rows, a link after that. */
export class RowFixes {
  private inlined = 0;

  constructor(private readonly controls: ControlDetailsMap | undefined) {}

  render(finding: ReportFinding): string {
    const fix = this.controls?.[finding.controlId]?.remediation;
    if (!fix || !needsFix(finding)) return '';
    // Plain text, not a link: the page has no href at all (nothing a click could load).
    if (this.inlined >= INLINE_FIXES) return `<p class="fix-see">How to fix: ${escapeHtml(finding.controlId)} in the How to fix section below</p>`;
    this.inlined++;
    return `<details class="fix"><summary>How to fix</summary>${remediationBody(fix)}</details>`;
  }
}

/** The "How to fix" section: each control with a failure on the page once, most severe first as listed. */
export function renderFixSection(findings: readonly ReportFinding[], controls: ControlDetailsMap | undefined): string {
  if (!controls) return '';
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (needsFix(f) && controls[f.controlId] && !seen.has(f.controlId)) {
      seen.add(f.controlId);
      ids.push(f.controlId);
    }
  }
  if (ids.length === 0) return '';
  const entries = ids.map((id) => {
    const c = controls[id]!;
    // References as text: the page has no links (its CSP test forbids any href), the URL can be copied.
    // Frameworks from rules/ (CAF-AI's is the capability and component shown already), then documentation.
    const frameworks = c.frameworks.filter((r) => r.framework !== CAF_FRAMEWORK_ID).map((r) => `<li>${escapeHtml(r.framework)} ${escapeHtml(r.requirement)}: ${escapeHtml(r.title)}${r.partial ? ' (in part)' : ''}</li>`);
    const refs = [...frameworks, ...c.references.map((r) => `<li>${escapeHtml(r.id)} (${escapeHtml(r.source)})${r.url ? ` ${escapeHtml(r.url)}` : ''}</li>`)];
    return `<details class="fix" id="${fixAnchor(id)}"><summary><span class="control">${escapeHtml(id)}</span> ${escapeHtml(c.title)}</summary><p>${escapeHtml(c.rationale)}</p>${remediationBody(c.remediation)}${refs.length ? `<ul>${refs.join('')}</ul>` : ''}</details>`;
  });
  return ['<section id="remediation" aria-labelledby="remediation-heading">', '<h2 id="remediation-heading">How to fix</h2>', ...entries, '</section>'].join('\n');
}

/** Control ids are letters, digits and dashes; anything else is dropped so the id stays a plain token. */
function fixAnchor(controlId: string): string {
  return `fix-${controlId.replace(/[^A-Za-z0-9-]/g, '')}`;
}

/**
 * The table's order with the findings on one resource together: each resource's findings of a
 * status follow its first (most important) one, so a reader fixes one bucket at a time. Stable,
 * and the status groups stay in order (failures first), since the key includes the status.
 */
export function groupByResource<T extends ReportFinding>(findings: readonly T[], statusOf: (f: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const f of findings) {
    const key = `${statusOf(f)}\u0000${f.resource.arn}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].flat();
}
