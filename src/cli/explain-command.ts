import type { ControlMeta } from '../model/control.js';
import { RETIRED_CONTROLS } from '../controls/retired.js';
import { InputError } from '../errors.js';
import { otherFrameworksOf, type Crosswalk } from '../frameworks/crosswalk.js';

/**
 * `cafscan explain <control-id>`: what a control checks, why, and how to fix a failure, in the
 * terminal — the same text results.json `controls` and report.html carry. Ids are matched
 * case-insensitively (people type them from a report); a retired id names its replacement;
 * anything else is an input error (one line, exit 2).
 */
export function renderExplain(controls: readonly ControlMeta[], id: string, crosswalk: Crosswalk): string {
  const wanted = id.trim().toUpperCase();
  const retired = RETIRED_CONTROLS.find((r) => r.id === wanted);
  if (retired) {
    return `${retired.id} is retired: it ${retired.why}.\nIts findings are now reported by ${retired.replacedBy}: run \`cafscan explain ${retired.replacedBy}\`.\n`;
  }
  const control = controls.find((c) => c.id === wanted);
  if (!control) throw new InputError(`unknown control id "${id}" (\`cafscan controls\` lists them)`);
  const { remediation: fix } = control;
  const out = [
    `${control.id}  ${control.title}`,
    `Severity: ${control.severity}   Capability: ${control.capability}   Component: ${control.component}   Checks: ${control.resourceTypes.join(', ')}`,
    '',
    'What it checks',
    indent(control.description),
    '',
    'Why it matters',
    indent(control.rationale),
    '',
    'How to fix',
    indent(`Console: ${fix.console}`),
  ];
  if (fix.cli) out.push('', '  AWS CLI:', indent(fix.cli, 4));
  if (fix.terraform) out.push('', '  Terraform:', indent(fix.terraform, 4));
  if (fix.cloudformation) out.push('', '  CloudFormation:', indent(fix.cloudformation, 4));
  // CAF-AI's requirement is the capability and component printed at the top.
  const frameworks = otherFrameworksOf(crosswalk, control.id);
  if (frameworks.length) {
    out.push('', 'Frameworks (rules/)');
    for (const r of frameworks) out.push(`  - ${r.framework} ${r.requirement}: ${r.title}${r.partial ? ' (in part)' : ''}${r.url ? ` ${r.url}` : ''}`);
  }
  if (control.references.length) {
    out.push('', 'References');
    for (const ref of control.references) out.push(`  - ${ref.id} (${ref.source})${ref.url ? ` ${ref.url}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

function indent(text: string, by = 2): string {
  const pad = ' '.repeat(by);
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n');
}
