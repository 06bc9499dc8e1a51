import { html, inventoryJson, markdown, resultsJson, sarif, table } from './builtin-reporters.js';
import { asffReporter } from './asff/asff.js';
import { csvReporter } from './csv/csv.js';
import { junitReporter } from './junit/junit.js';
import { ocsfReporter } from './ocsf/ocsf.js';
import type { Reporter } from './reporter.js';

/**
 * Every output cafscan can write, in the order they are written (and listed in "Wrote …").
 * A new format is a module exporting a Reporter (see reporter.ts) and one line here; the CLI's
 * --format choices and help, runScan and docs/outputs.md all read this list.
 */
export const REPORTERS: readonly Reporter[] = [
  inventoryJson,
  resultsJson,
  sarif,
  table,
  markdown,
  html,
  ocsfReporter,
  asffReporter,
  csvReporter,
  junitReporter,
];

/** What `--format none` asks for: no human output at all. */
export const NO_HUMAN_FORMAT = 'none';

/** The formats `--format` takes: the human reporters, then "none". */
export function formatChoices(reporters: readonly Reporter[] = REPORTERS): string[] {
  return [...reporters.filter((r) => r.human).map((r) => r.name), NO_HUMAN_FORMAT];
}

/** The `--format` help text: each human format with where it goes. */
export function formatHelp(reporters: readonly Reporter[] = REPORTERS): string {
  const listed = reporters.filter((r) => r.human).map((r) => `${r.name} (${[outputOf(r), r.helpNote].filter(Boolean).join(', ')})`);
  return `besides results.json, results.sarif and inventory.json (always written): ${[...listed, NO_HUMAN_FORMAT].join(', ')}`;
}

/** Where a reporter's output goes, as help and docs say it. */
export function outputOf(reporter: Reporter): string {
  return reporter.kind === 'stdout' ? 'stdout' : reporter.file;
}
