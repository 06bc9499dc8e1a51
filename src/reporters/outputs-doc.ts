import { formatChoices, outputOf } from './registry.js';
import type { Reporter } from './reporter.js';

/** docs/outputs.md: every output from the registry (`npm run docs` writes it; a test keeps it in step). */
export function renderOutputsDoc(reporters: readonly Reporter[]): string {
  const cells = (r: Reporter) => [...(r.human ? [`\`${r.name}\``] : []), outputOf(r).replace(/^([^ ]+)/, '`$1`'), r.description.replace(/\|/g, '\\|')];
  const row = (r: Reporter) => `| ${cells(r).join(' | ')} |`;
  return [
    '# Outputs',
    '',
    '<!-- Generated from src/reporters/registry.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Written on every scan into `--output-dir` (replaced all together or not at all):',
    '',
    '| Output | What it holds |',
    '| --- | --- |',
    ...reporters.filter((r) => !r.human).map(row),
    '',
    `Human reports and formats other tools ingest, chosen with \`--format\` (${formatChoices(reporters).map((f) => `\`${f}\``).join(', ')}; several may be given):`,
    '',
    '| `--format` | Output | What it holds |',
    '| --- | --- | --- |',
    ...reporters.filter((r) => r.human).map(row),
    '',
    '`cafscan merge <results.json…> --output-dir <dir>` writes the same set (the same `--format` choices) from the results of scans over different accounts — the shards of an organisation scan — identical to what one scan over all of their accounts would have written, apart from its start and finish times ([organizations.md](organizations.md#merging-shards)).',
    '',
    'A new format is a module exporting a `Reporter` (src/reporters/reporter.ts) and one line in src/reporters/registry.ts.',
    '',
  ].join('\n');
}
