import { CAPABILITIES, CAPABILITY_TITLES, type ControlMeta } from '../model/control.js';
import { RETIRED_CONTROLS } from '../controls/retired.js';
import { crosswalkLine, frameworksOf, otherFrameworksOf, type Crosswalk } from '../frameworks/crosswalk.js';
import type { FrameworkReference } from '../model/frameworks.js';

export type ControlsFormat = 'table' | 'json' | 'markdown';

/**
 * The catalog, each control with the framework requirements that map it: METADATA gives the
 * control, rules/ (through `crosswalk`) the requirements; the JSON lists every framework, the
 * human formats leave out CAF-AI's, which is the capability and component printed beside it.
 */
export function renderControls(controls: ControlMeta[], format: ControlsFormat, crosswalk: Crosswalk): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(controls.map(({ package: _package, ...rest }) => ({ ...rest, frameworks: frameworksOf(crosswalk, rest.id) })), null, 2)}\n`;
    case 'markdown':
      return renderControlsMarkdown(controls, crosswalk);
    case 'table':
      return renderControlsTable(controls, crosswalk);
  }
}

function renderControlsTable(controls: ControlMeta[], crosswalk: Crosswalk): string {
  const rows = controls.map((c) => [c.id, c.capability, c.component, c.severity, c.title]);
  const header = ['ID', 'Capability', 'Component', 'Severity', 'Title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  // The requirements on a line of their own under the control: as a column they would make
  // every row wider than a terminal.
  const withFrameworks = (c: ControlMeta, i: number) => {
    const others = otherFrameworksOf(crosswalk, c.id);
    return others.length ? [line(rows[i]!), `${' '.repeat(widths[0]! + 2)}${crosswalkLine(others)}`] : [line(rows[i]!)];
  };
  const retired = RETIRED_CONTROLS.map((r) => `${r.id} (now ${r.replacedBy})`).join(', ');
  return `${[line(header), ...controls.flatMap(withFrameworks)].join('\n')}\n\n${controls.length} controls; retired ids: ${retired}\n`;
}

/** docs/controls.md is this output; a test fails when the committed file is stale. */
export function renderControlsMarkdown(controls: ControlMeta[], crosswalk: Crosswalk): string {
  const out = [
    '# cafscan controls',
    '',
    '<!-- Generated from the METADATA of policies/controls/**.rego and the frameworks in rules/ by `cafscan controls --format markdown`. Do not edit. -->',
    '',
    `${controls.length} controls over the nine capabilities of the CAF-AI Security perspective.`,
    '',
    '| ID | Capability | Component | Severity | Title |',
    '|---|---|---|---|---|',
    ...controls.map((c) => `| [${c.id}](#${c.id.toLowerCase()}) | ${c.capability} | ${c.component} | ${c.severity} | ${c.title} |`),
  ];
  for (const capability of CAPABILITIES) {
    const here = controls.filter((c) => c.capability === capability);
    if (!here.length) continue;
    out.push('', `## ${CAPABILITY_TITLES[capability]}`);
    for (const c of here) {
      out.push(
        '',
        `### ${c.id}`,
        '',
        `**${c.title}** — component \`${c.component}\`, severity \`${c.severity}\`, resources ${c.resourceTypes.map((t) => `\`${t}\``).join(', ')}${c.scope === 'linked' ? ` that the AI asset graph links to a workload as ${(c.linkedComponents ?? [c.component]).map((x) => `\`${x}\``).join(' or ')} (or all, with \`--all-resources\`)` : ''}`,
        '',
        c.description,
        '',
        `**Why (CAF-AI ${c.cafSection}).** ${c.rationale}`,
        '',
        `**Fix.** ${c.remediation.console}`,
      );
      if (c.remediation.cli) out.push('', '```sh', c.remediation.cli, '```');
      if (c.remediation.cloudformation) out.push('', '```yaml', c.remediation.cloudformation, '```');
      if (c.remediation.terraform) out.push('', '```hcl', c.remediation.terraform, '```');
      const others = otherFrameworksOf(crosswalk, c.id);
      if (others.length) out.push('', '**Frameworks.**', '', ...others.map(markdownFramework));
      if (c.references.length) out.push('', `**References.** ${c.references.map((r) => `${r.source}: [${r.id}](${r.url})`).join(' · ')}`);
      out.push('', `Source: \`${c.source}\``);
    }
  }
  out.push(
    '',
    '## Retired ids',
    '',
    'Ids are never reused. A suppression, baseline or dashboard naming one of these should name its replacement.',
    '',
    '| Retired ID | Replaced by | Why |',
    '|---|---|---|',
    ...RETIRED_CONTROLS.map((r) => `| ${r.id} | [${r.replacedBy}](#${r.replacedBy.toLowerCase()}) | ${r.why} |`),
  );
  return `${out.join('\n')}\n`;
}

/** "- `owasp-llm-2025` LLM02 Sensitive Information Disclosure (in part)", the id linked where the framework gives a page. */
function markdownFramework(r: FrameworkReference): string {
  const id = r.url ? `[${r.requirement}](${r.url})` : r.requirement;
  return `- \`${r.framework}\` ${id} ${r.title}${r.partial ? ' *(in part)*' : ''}`;
}
