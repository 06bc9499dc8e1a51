import { CAPABILITIES, CAPABILITY_TITLES, type ControlMeta } from '../model/control.js';
import { RETIRED_CONTROLS } from '../controls/retired.js';

export type ControlsFormat = 'table' | 'json' | 'markdown';

export function renderControls(controls: ControlMeta[], format: ControlsFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(controls.map(({ package: _package, ...rest }) => rest), null, 2)}\n`;
    case 'markdown':
      return renderControlsMarkdown(controls);
    case 'table':
      return renderControlsTable(controls);
  }
}

function renderControlsTable(controls: ControlMeta[]): string {
  const rows = controls.map((c) => [c.id, c.capability, c.component, c.severity, c.title]);
  const header = ['ID', 'Capability', 'Component', 'Severity', 'Title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const retired = RETIRED_CONTROLS.map((r) => `${r.id} (now ${r.replacedBy})`).join(', ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${controls.length} controls; retired ids: ${retired}\n`;
}

/** docs/controls.md is this output; a test fails when the committed file is stale. */
export function renderControlsMarkdown(controls: ControlMeta[]): string {
  const out = [
    '# cafscan controls',
    '',
    '<!-- Generated from the METADATA of policies/controls/**.rego by `cafscan controls --format markdown`. Do not edit. -->',
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
      if (c.references.length) out.push('', `**References.** ${c.references.map((r) => `${r.source} \`${r.id}\``).join(' · ')}`);
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
