import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readBaseline } from '../baseline/compare-baseline.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load-config.js';
import { DEFAULT_IGNORE_FILES, loadIgnoreFile } from '../config/load-ignore-file.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadCatalog } from '../controls/catalog.js';
import { packageRoot } from '../package-root.js';
import { SEVERITIES, type Severity } from '../model/control.js';
import { InputError, OutputError, ScanError } from '../errors.js';
import { printable } from '../json.js';
import { inputFiles, liveAccount, organizationAccounts, type ScanSource } from '../sources/scan-source.js';
import { cleanUpOnStopSignals } from '../reporters/defer-signals.js';
import { formatChoices, formatHelp } from '../reporters/registry.js';
import { runScan } from '../scan/run-scan.js';
import { runMerge } from '../merge/run-merge.js';
import { MAX_WORKERS, defaultWorkerCount } from '../engine/evaluate.js';
import { accountProgress, collectInventory, liveOptionsFrom, printCollection, printOrganization, type LiveFlags } from './live.js';
import { aggregatorAccountsFrom, orgOptionsFrom } from './org-options.js';
import { addIamPolicyCommand } from './iam-policy-command.js';
import { VERSION } from '../version.js';
import { writeInventoryFile } from '../scan/write-inventory-file.js';
import { renderControls, type ControlsFormat } from './controls-command.js';
import { addFrameworksCommand } from './frameworks-command.js';
import { addSelectionOptions, selectionFrom, type SelectionFlags } from './selection-options.js';
import { renderExplain } from './explain-command.js';
import { shippedCrosswalk, shippedFrameworks } from '../frameworks/crosswalk.js';
import { progressReporter } from './progress.js';
import { aggregatorMembersSource, aggregatorOptionsFrom, collectAggregator, printAggregatorRead } from './aggregator-options.js';
import { phaseDone, reportPhases } from '../timings.js';

export const DEMO_SNAPSHOT = join(packageRoot, 'fixtures', 'demo', 'config-snapshot.json');
/** Account- and region-level facts live collection would add (a Config snapshot cannot carry them). */
export const DEMO_ACCOUNT_FACTS = join(packageRoot, 'fixtures', 'demo', 'account-facts.json');
/** The demo team's cafscan.config.json: maps its API stages into the asset graph by tag. */
export const DEMO_CONFIG = join(packageRoot, 'fixtures', 'demo', 'cafscan.config.json');
/** The demo team's accepted risks, so the reports show a suppressed finding. */
export const DEMO_IGNORE = join(packageRoot, 'fixtures', 'demo', 'cafscan.ignore.yaml');
const SCAN_FORMATS = formatChoices();

interface ScanFlags extends LiveFlags, SelectionFlags {
  aggregator?: string;
  input?: string[];
  demo?: boolean;
  outputDir: string;
  format?: string[];
  failOn?: Severity;
  redact: boolean;
  config?: string;
  allResources?: boolean;
  baseline?: string;
  failOnNew?: boolean;
  ignoreFile?: string;
  category?: string;
  allowEmpty?: boolean;
  workers: number;
  quiet?: boolean;
  color: boolean;
}

function buildProgram(): Command {
  const program = new Command('cafscan')
    .description('Security posture of AI workloads on AWS, scored against the CAF-AI Security perspective.')
    .version(VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const scan = program
    .command('scan')
    .description('Evaluate a live account (default), AWS Config data (--input) or the bundled demo (--demo).')
    .option('-i, --input <file...>', 'AWS Config snapshot (.json/.json.gz), Config items (batch-get / select output) or a cafscan inventory.json; repeatable')
    .option('--demo', 'scan the bundled demo ML account (no AWS account needed)')
    .option('-o, --output-dir <dir>', 'where results.json, results.sarif and inventory.json go', 'cafscan-report')
    .addOption(new Option('-f, --format <formats...>', formatHelp()).argParser(collectFormats))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a failure at or above this severity remains').choices([...SEVERITIES]))
    .option('--no-redact', 'keep credential-looking values (environment variables, tokens and keys anywhere) in inventory.json')
    .option('-c, --config <file>', `asset links and settings (default: ./${DEFAULT_CONFIG_FILE} when present)`)
    .option('--category <name>', 'SARIF category: runs are identified as <name>/<account>/ (default: cafscan)')
    .option('--ignore-file <file>', 'accepted risks in YAML (default: ./cafscan.ignore.yaml when present); adds to the config\'s suppressions')
    .option('--baseline <results.json>', 'a previous results.json: mark findings new / unchanged / fixed')
    .option('--fail-on-new', 'with --fail-on and --baseline: only failures new since the baseline set exit 1')
    .option('--allow-empty', 'with --fail-on: let a scan that evaluated nothing (no resource cafscan checks) pass; by default it exits 1')
    .option('--all-resources', 'check every bucket, key, log group… not only those the AI asset graph links to a workload')
    .option('-q, --quiet', 'print only errors and the --fail-on line (no table, no progress, no warnings)')
    .option('--no-color', 'no colour in the terminal summary (NO_COLOR=1 does the same; colour is used only on a terminal)')
    .option('--workers <n>', `threads evaluating resources (1–${MAX_WORKERS})`, parseWorkers, defaultWorkerCount());
  addSelectionOptions(scan, loadCatalog().controls);
  addLiveOptions(scan)
    .exitOverride()
    .action(async (flags: ScanFlags) => {
      process.exitCode = await scanCommand(flags);
    });

  program
    .command('merge')
    .description('Combine the results.json of scans over different accounts (shards) into the reports one scan over all of them would have written.')
    .argument('<results.json...>', "each shard's results.json, with the inventory.json its scan wrote beside it")
    .requiredOption('-o, --output-dir <dir>', 'where the merged results.json, results.sarif, inventory.json (and --format reports) go')
    .addOption(new Option('-f, --format <formats...>', formatHelp()).argParser(collectFormats))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a failure at or above this severity remains').choices([...SEVERITIES]))
    .option('--allow-empty', 'with --fail-on: let a merge that evaluated nothing pass; by default it exits 1')
    .option('--category <name>', 'SARIF category: runs are identified as <name>/<account>/ (default: cafscan)')
    .option('--baseline <results.json>', 'the baseline the shards were compared with, when it is no longer at the path they recorded')
    .option('-q, --quiet', 'print only errors and the --fail-on line')
    .option('--no-color', 'no colour in the terminal summary')
    .exitOverride()
    .action(async (inputs: string[], flags: MergeFlags) => {
      process.exitCode = await mergeCommand(inputs, flags);
    });

  const collect = program
    .command('collect')
    .description('Collect a live account into an inventory file (no evaluation); scan it later with --input.')
    .requiredOption('--output <file>', 'where to write the inventory (inventory.json)')
    .option('--no-redact', 'keep credential-looking values (environment variables, tokens and keys anywhere) in the inventory');
  addLiveOptions(collect)
    .exitOverride()
    .action(async (flags: LiveFlags & { output: string; redact: boolean; aggregator?: string }) => {
      process.exitCode = await collectCommand(flags);
    });

  const controls = program
    .command('controls')
    .description('List the control catalog (the selection flags list what a scan with them would run).')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'));
  addSelectionOptions(controls, loadCatalog().controls)
    .exitOverride()
    .action((flags: SelectionFlags & { format: ControlsFormat }) => {
      const all = loadCatalog().controls;
      const selection = selectionFrom(flags, all);
      const chosen = selection ? new Set(selection.selected) : undefined;
      process.stdout.write(renderControls(chosen ? all.filter((c) => chosen.has(c.id)) : all, flags.format, shippedCrosswalk()));
    });
  program
    .command('explain')
    .description("Print a control's description, rationale and remediation (console, CLI, Terraform/CloudFormation).")
    .argument('<control-id>', 'e.g. CAFAI-DP-01 (`cafscan controls` lists them)')
    .exitOverride()
    .action((id: string) => {
      process.stdout.write(renderExplain(loadCatalog().controls, id, shippedCrosswalk()));
    });
  addIamPolicyCommand(program);
  addFrameworksCommand(program);
  return program;
}

function parseWorkers(value: string): number {
  const workers = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(workers >= 1 && workers <= MAX_WORKERS)) throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_WORKERS} (got "${value}")`);
  return workers;
}

function collectFormats(value: string, previous: string[] | undefined): string[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  if (formats.length === 0) throw new InvalidArgumentError(`no format given (choose from ${SCAN_FORMATS.join(', ')})`);
  for (const format of formats) {
    if (!SCAN_FORMATS.includes(format)) throw new InvalidArgumentError(`unknown format "${format}" (choose from ${SCAN_FORMATS.join(', ')})`);
  }
  return [...(previous ?? []), ...formats];
}

function addLiveOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'AWS shared config / SSO profile (default: the SDK credential chain)')
    .option('--region <regions>', 'regions to scan: a comma-separated list, or "all" for every enabled region')
    .option('--role-arn <arn>', 'assume this IAM role (e.g. a read-only audit role in another account)')
    .option('--external-id <id>', 'external id for --role-arn')
    .option('--endpoint-url <url>', 'an AWS-compatible endpoint (e.g. a local emulator); AWS_ENDPOINT_URL works too')
    .option('--org', "scan every account of the caller's organisation (from the management account or a delegated administrator; docs/organizations.md)")
    .option('--org-role-name <name>', 'with --org or --aggregator: the role to assume in each member account (name or path/name)')
    .option('--accounts <ids>', 'with --org or --aggregator: only these accounts (comma-separated 12-digit ids)')
    .option('--exclude-accounts <ids>', 'with --org or --aggregator: never these accounts (comma-separated 12-digit ids)')
    .option('--ou <ids>', 'with --org or --aggregator: only accounts under these OUs or roots, at any depth (ou-…, r-…; comma-separated)')
    .option('--account-concurrency <n>', 'with --org: accounts collected at once, 1–64 (default 4)')
    .option('--account-timeout <seconds>', 'with --org: an account still collecting after this long is failed, nothing of it kept (default 1800)')
    .option('--shard <i/n>', 'with --org or --aggregator: scan shard i of n of the accounts (default: the job runner\'s index when it has one)')
    .option('--aggregator <name>', "read the organisation's configuration from this AWS Config aggregator (in AWS_REGION; --region then picks source regions)");
}

async function scanCommand(flags: ScanFlags): Promise<number> {
  const startedAt = new Date();
  phaseDone('startup');
  if (flags.demo && flags.input?.length) throw new InputError('use either --demo or --input, not both');
  const offline = flags.demo || !!flags.input?.length;
  if (flags.org && offline) throw new InputError('--org scans live accounts: drop --input / --demo');
  // Offline: the organisation flags are refused (orgOptionsFrom says which one), not ignored.
  if (offline) orgOptionsFrom(flags);
  if (offline && (flags.profile || flags.region || flags.roleArn || flags.endpointUrl)) {
    throw new InputError('--profile, --region, --role-arn and --endpoint-url are for live scans; drop them with --input or --demo');
  }
  const inputs = flags.demo ? [DEMO_SNAPSHOT, ...(existsSync(DEMO_ACCOUNT_FACTS) ? [DEMO_ACCOUNT_FACTS] : [])] : (flags.input ?? []);
  checkCategory(flags.category);
  if (flags.failOnNew && (!flags.failOn || !flags.baseline)) throw new InputError('--fail-on-new needs --fail-on <severity> and --baseline <results.json>');
  // Read before collecting: a bad config or baseline must fail fast, not after minutes of API calls.
  const config = loadConfig(flags.config, flags.demo ? DEMO_CONFIG : DEFAULT_CONFIG_FILE);
  const baseline = flags.baseline ? { path: flags.baseline, ...(await readBaseline(flags.baseline)) } : undefined;
  const suppressions = [...config.suppressions, ...loadIgnoreFile(flags.ignoreFile, flags.demo ? [DEMO_IGNORE] : DEFAULT_IGNORE_FILES)];
  // Loaded once: --framework checks its id against them and results.json reports each one's posture.
  const frameworks = shippedFrameworks();
  const selection = selectionFrom(flags, loadCatalog().controls, frameworks);
  // Inputs are streamed into a set that keeps large inventories on disk between passes.
  if (offline && flags.aggregator) throw new InputError('--aggregator reads AWS Config in your account; drop it with --input or --demo');
  const source = offline
    ? inputFiles(inputs, flags.demo ? ['demo'] : inputs)
    : flags.aggregator
      ? await aggregatorScanSource(flags, flags.aggregator)
      : liveSource(flags);
  const { resources, collection, organization } = await source.open();
  phaseDone('load');
  // Ctrl-C or SIGTERM mid-scan: the spill file (gigabytes for a large input) goes too. A process
  // 'exit' hook alone would miss it — a signal's default action ends the process without one.
  const releaseSignals = cleanUpOnStopSignals(() => void resources.close());
  let outcome: Awaited<ReturnType<typeof runScan>>;
  try {
    outcome = await runScan({
      resources,
      ...(collection ? { collection } : {}),
      ...(organization ? { organization } : {}),
      sources: source.names,
      outputDir: flags.outputDir,
      failOn: flags.failOn,
      redact: flags.redact,
      assetRules: config.assets,
      allResources: flags.allResources === true || config.allResources,
      suppressions,
      ...(baseline ? { baseline } : {}),
      failOnNewOnly: flags.failOnNew === true,
      humanFormats: flags.format ?? [],
      ...(flags.category ? { category: flags.category } : {}),
      allowEmpty: flags.allowEmpty === true,
      workers: flags.workers,
      ...(selection ? { selection } : {}),
      frameworks,
      startedAt,
      ...(flags.quiet ? {} : { onProgress: progressReporter('evaluating resources') }),
      color: useColor(flags.color),
    });
  } finally {
    releaseSignals();
    await resources.close();
  }
  reportPhases();
  report(outcome, flags);
  return outcome.exitCode;
}

interface MergeFlags {
  outputDir: string;
  format?: string[];
  failOn?: Severity;
  allowEmpty?: boolean;
  category?: string;
  baseline?: string;
  quiet?: boolean;
  color: boolean;
}

async function mergeCommand(inputs: string[], flags: MergeFlags): Promise<number> {
  checkCategory(flags.category);
  const outcome = await runMerge({
    inputs,
    outputDir: flags.outputDir,
    humanFormats: flags.format ?? [],
    ...(flags.category ? { category: flags.category } : {}),
    ...(flags.failOn ? { failOn: flags.failOn } : {}),
    allowEmpty: flags.allowEmpty === true,
    ...(flags.baseline ? { baseline: flags.baseline } : {}),
    color: useColor(flags.color),
  });
  report(outcome, flags);
  return outcome.exitCode;
}

/** What both scan and merge print once the reports are written: warnings, the gate line, the table. */
function report(outcome: Awaited<ReturnType<typeof runScan>>, flags: { quiet?: boolean; format?: string[] }): void {
  if (!flags.quiet) for (const warning of outcome.warnings) process.stderr.write(`cafscan: ${printable(warning)}\n`);
  if (outcome.gate) process.stderr.write(`cafscan: ${printable(outcome.gate)}\n`);
  const formats = flags.format ?? ['table'];
  if (formats.includes('table') && !flags.quiet) {
    process.stdout.write(outcome.summary);
    process.stdout.write(`\nWrote ${outcome.written.join(', ')}\n`);
  }
}

function checkCategory(category: string | undefined): void {
  if (category !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9._-]+)*$/.test(category)) {
    throw new InputError(`--category must be letters, digits, ".", "_", "-" and "/" (got "${category}")`);
  }
}

/** Colour only for a person at a terminal, and never when asked not to (https://no-color.org: NO_COLOR set and not empty). */
function useColor(flag: boolean): boolean {
  return flag && !process.env.NO_COLOR && process.stdout.isTTY === true;
}

/** --aggregator: the aggregator alone, or with --org-role-name completed by each account's own collection. */
async function aggregatorScanSource(flags: ScanFlags, name: string): Promise<ScanSource> {
  const { selection, members } = aggregatorAccountsFrom(flags);
  const options = aggregatorOptionsFrom(flags, name, selection);
  if (members) return aggregatorMembersSource(options, members, flags.quiet === true);
  // Imported here: reading an aggregator loads AWS SDK clients that a scan of files never needs.
  const { aggregatorSource } = await import('../org/aggregator-source.js');
  return aggregatorSource(options, (read) => printAggregatorRead(read, flags.quiet === true));
}

/** The live account, or with --org every account of the organisation. */
function liveSource(flags: ScanFlags): ScanSource {
  const org = orgOptionsFrom(flags);
  if (org) return organizationAccounts({ ...org, ...(flags.quiet ? {} : accountProgress()) }, flags.quiet ? () => undefined : printOrganization);
  return liveAccount(liveOptionsFrom(flags), flags.quiet ? () => undefined : printCollection);
}

async function collectCommand(flags: LiveFlags & { output: string; redact: boolean; aggregator?: string }): Promise<number> {
  if (flags.aggregator) {
    const { selection, members } = aggregatorAccountsFrom(flags);
    const options = aggregatorOptionsFrom(flags, flags.aggregator, selection);
    if (members) {
      const { resources } = await aggregatorMembersSource(options, members, false).open();
      try {
        for (const warning of await writeInventoryFile(flags.output, resources, flags.redact)) process.stderr.write(`cafscan: ${printable(warning)}\n`);
      } finally {
        await resources.close();
      }
      return 0;
    }
    const aggregated = await collectAggregator(options);
    for (const warning of await writeInventoryFile(flags.output, aggregated.inventory, flags.redact)) process.stderr.write(`cafscan: ${printable(warning)}\n`);
    return 0;
  }
  const org = orgOptionsFrom(flags);
  if (org) {
    // The organisation's inventory.json: every account's resources, written from the merged set.
    const { resources } = await organizationAccounts({ ...org, ...accountProgress() }, printOrganization).open();
    try {
      for (const warning of await writeInventoryFile(flags.output, resources, flags.redact)) process.stderr.write(`cafscan: ${printable(warning)}\n`);
    } finally {
      await resources.close();
    }
    return 0;
  }
  const live = await collectInventory(liveOptionsFrom(flags));
  for (const warning of await writeInventoryFile(flags.output, live.inventory, flags.redact)) process.stderr.write(`cafscan: ${printable(warning)}\n`);
  return 0;
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  // `cafscan scan | head`: the reader left before the table was written. Nothing is lost (the
  // reports are files) and the exit code must stay the scan's, not a crash's.
  if (process.stdout.listenerCount('error') === 0) process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and --version are not errors; every usage error is exit 2 (commander says 1).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError || error instanceof ScanError || error instanceof OutputError) {
      process.stderr.write(`cafscan: ${printable(error.message)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cafscan: internal error: ${printable(message)} (set CAFSCAN_DEBUG=1 for details)\n`);
    if (process.env.CAFSCAN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 3;
  }
}
