import { Option, type Command } from 'commander';
import { loadCatalog } from '../controls/catalog.js';
import { frameworkCoverage } from '../frameworks/coverage.js';
import { loadFrameworks } from '../frameworks/load-frameworks.js';
import type { FrameworkCoverage } from '../model/frameworks.js';

export const FRAMEWORKS_FORMATS = ['text', 'json'] as const;
export type FrameworksFormat = (typeof FRAMEWORKS_FORMATS)[number];

/** `cafscan frameworks`: the frameworks in rules/ and how much of each cafscan evaluates. */
export function addFrameworksCommand(program: Command): void {
  program
    .command('frameworks')
    .description('List the frameworks in rules/ with their coverage: requirements automated (in full or in part), manual, not covered.')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FRAMEWORKS_FORMATS]).default('text'))
    .exitOverride()
    .action((flags: { format: FrameworksFormat }) => {
      const catalogIds = new Set(loadCatalog().controls.map((c) => c.id));
      process.stdout.write(renderFrameworks(loadFrameworks(catalogIds).map(frameworkCoverage), flags.format));
    });
}

export function renderFrameworks(coverage: FrameworkCoverage[], format: FrameworksFormat): string {
  if (format === 'json') return `${JSON.stringify(coverage, null, 2)}\n`;
  const header = ['ID', 'Version', 'Requirements', 'Automated', 'Partly', 'Manual', 'Not covered', 'Controls', 'Name'];
  const rows = coverage.map((c) => [
    c.id,
    c.version,
    String(c.requirements),
    String(c.automated),
    String(c.partial),
    String(c.manual),
    String(c.notCovered),
    String(c.controls.length),
    c.name,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [
    line(header),
    ...rows.map(line),
    '',
    'Automated: cafscan controls evaluate the requirement. Partly: they evaluate part of it and the rest is checked by hand.',
    'Manual: checked by hand only. Not covered: no cafscan control (not collected yet, or not visible in configuration).',
    'Only automated requirements can pass on the controls\' results alone.',
    'In a scan (results.json `frameworks`, `scan --framework <id>`), each requirement is pass, fail, not evaluated, excluded,',
    'manual (also a partly automated one whose controls passed) or not covered: docs/frameworks.md.',
    '',
  ].join('\n');
}
