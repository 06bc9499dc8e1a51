import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, loadCatalog, packageRoot, type Severity } from '../controls/catalog.js';
import { InputError, ScanError } from '../errors.js';
import { loadInputs } from '../sources/load-inputs.js';
import { runScan } from '../scan/run-scan.js';
import { VERSION } from '../version.js';
import { renderControls, type ControlsFormat } from './controls-command.js';
import { progressReporter } from './progress.js';

export const DEMO_SNAPSHOT = join(packageRoot, 'fixtures', 'demo', 'config-snapshot.json');
const SCAN_FORMATS = ['table', 'none'] as const;

interface ScanFlags {
  input?: string[];
  demo?: boolean;
  outputDir: string;
  format?: string[];
  failOn?: Severity;
  redact: boolean;
}

function buildProgram(): Command {
  const program = new Command('cafscan')
    .description('Security posture of AI workloads on AWS, scored against the CAF-AI Security perspective.')
    .version(VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('scan')
    .description('Evaluate an account (live: not yet available), AWS Config data (--input) or the demo (--demo).')
    .option('-i, --input <file...>', 'AWS Config snapshot (.json/.json.gz), Config items (batch-get / select output) or a cafscan inventory.json; repeatable')
    .option('--demo', 'scan the bundled demo ML account (no AWS account needed)')
    .option('-o, --output-dir <dir>', 'where results.json, results.sarif and inventory.json go', 'cafscan-report')
    .addOption(new Option('-f, --format <formats...>', `human output(s) besides the files: ${SCAN_FORMATS.join(', ')} (default: table)`).argParser(collectFormats))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a failure at or above this severity remains').choices([...SEVERITIES]))
    .option('--no-redact', 'keep credential-looking values (environment variables…) in inventory.json')
    .exitOverride()
    .action(async (flags: ScanFlags) => {
      process.exitCode = await scanCommand(flags);
    });

  program
    .command('controls')
    .description('List the control catalog.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .exitOverride()
    .action((flags: { format: ControlsFormat }) => {
      process.stdout.write(renderControls(loadCatalog().controls, flags.format));
    });
  return program;
}

function collectFormats(value: string, previous: string[] | undefined): string[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const format of formats) {
    if (!(SCAN_FORMATS as readonly string[]).includes(format)) throw new InvalidArgumentError(`unknown format "${format}" (choose from ${SCAN_FORMATS.join(', ')})`);
  }
  return [...(previous ?? []), ...formats];
}

async function scanCommand(flags: ScanFlags): Promise<number> {
  const startedAt = new Date();
  if (flags.demo && flags.input?.length) throw new InputError('use either --demo or --input, not both');
  if (!flags.demo && !flags.input?.length) {
    throw new ScanError('live collection is not available in this version yet: pass --input <AWS Config snapshot or inventory> or --demo');
  }
  const inputs = flags.demo ? [DEMO_SNAPSHOT] : (flags.input ?? []);
  const inventory = loadInputs(inputs);
  const outcome = await runScan({
    inventory,
    sources: flags.demo ? ['demo'] : inputs,
    outputDir: flags.outputDir,
    failOn: flags.failOn,
    redact: flags.redact,
    startedAt,
    onProgress: progressReporter('evaluating resources'),
  });
  const formats = flags.format ?? ['table'];
  if (formats.includes('table')) {
    process.stdout.write(outcome.summary);
    process.stdout.write(`\nWrote ${outcome.written.join(', ')}\n`);
  }
  return outcome.exitCode;
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and --version are not errors; every usage error is exit 2 (commander says 1).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError || error instanceof ScanError) {
      process.stderr.write(`cafscan: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cafscan: internal error: ${message} (set CAFSCAN_DEBUG=1 for details)\n`);
    if (process.env.CAFSCAN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 3;
  }
}
