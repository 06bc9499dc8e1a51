import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNT_FACTS, DEMO_CONFIG, DEMO_SNAPSHOT } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load-config.js';
import { InputError } from '../../src/errors.js';
import type { Finding } from '../../src/model/finding.js';
import type { JsonValue } from '../../src/json.js';
import { runScan } from '../../src/scan/run-scan.js';
import { resourceSetOf } from '../../src/inventory/resource-set.js';
import { loadInputs } from '../../src/sources/load-inputs.js';
import type { SuppressionRule } from '../../src/model/suppression.js';
import type { AssetRule } from '../../src/graph/user-rules.js';
import { tempDir } from '../helpers/cli.js';

/** The anchor: the demo account, whose verdicts no other item in the same scan may change. */
export const ANCHOR_ACCOUNT = '123456789012';
export const ANCHOR_INPUTS = [DEMO_SNAPSHOT, DEMO_ACCOUNT_FACTS];
/** Hostile items live in another account, so they may add findings but never alter the anchor's. */
export const OTHER_ACCOUNT = '999999999999';
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** A fixed scan time: verdicts that depend on age (key rotation, expiry) stay the same. */
const SCAN_TIME = new Date('2026-11-01T00:00:00Z');
const DEMO_ASSETS = loadConfig(DEMO_CONFIG).assets;

export interface PipelineRun {
  /** What the CLI would exit with: 0/1 scan, 2 input error, 3 anything else (a bug). */
  code: 0 | 1 | 2 | 3;
  error?: string;
  findings: Finding[];
  outputDir: string;
}

/** sources → inventory → graph → engine → findings → reporters, in process, as `cafscan scan --input` runs it. */
export async function runPipeline(files: string[], extra: { assets?: AssetRule[]; suppressions?: SuppressionRule[]; outputDir?: string } = {}): Promise<PipelineRun> {
  const outputDir = extra.outputDir ?? tempDir();
  try {
    const inventory = await loadInputs(files);
    const outcome = await runScan({
      resources: resourceSetOf(inventory), sources: files, outputDir, redact: true, startedAt: SCAN_TIME, failOn: 'critical',
      assetRules: [...DEMO_ASSETS, ...(extra.assets ?? [])], suppressions: extra.suppressions ?? [],
      // Every reporter runs: hostile names and values end up in Markdown and HTML too.
      humanFormats: ['markdown', 'html'],
    });
    // The scan streams its findings to results.json and keeps none: read them back.
    const written = JSON.parse(readFileSync(join(outputDir, 'results.json'), 'utf8')) as { findings: PipelineRun['findings'] };
    return { code: outcome.exitCode, findings: written.findings, outputDir };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: error instanceof InputError ? 2 : 3, error: message, findings: [], outputDir };
  }
}

/** The anchor account's verdicts, as "control resource → status" (what must not move). */
export function anchorVerdicts(findings: Finding[]): Map<string, string> {
  return new Map(findings.filter((f) => f.resource.accountId === ANCHOR_ACCOUNT).map((f) => [`${f.controlId} ${f.resource.arn}`, f.status]));
}

let baseline: Promise<Map<string, string>> | undefined;
/** The anchor's verdicts when scanned alone (computed once per test file). */
export function baselineVerdicts(): Promise<Map<string, string>> {
  baseline ??= runPipeline(ANCHOR_INPUTS).then((run) => {
    if (run.code === 3 || run.code === 2) throw new Error(`anchor scan failed: ${run.error}`);
    return anchorVerdicts(run.findings);
  });
  return baseline;
}

/** Writes configuration items as a Config snapshot file. */
export function snapshotFile(items: JsonValue[], name = 'hostile-snapshot.json'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, JSON.stringify({ fileVersion: '1.0', configSnapshotId: 'hostile', configurationItems: items }));
  return file;
}

/** A demo item to build hostile variants from (deep copy, moved to the other account). */
export function demoItem(type: string, index = 0): Record<string, JsonValue> {
  const snapshot = JSON.parse(readFileSync(DEMO_SNAPSHOT, 'utf8')) as { configurationItems: Array<Record<string, JsonValue>> };
  const item = snapshot.configurationItems.filter((i) => i.resourceType === type)[index];
  if (!item) throw new Error(`no demo item of type ${type}`);
  const moved = JSON.parse(JSON.stringify(item).replaceAll(ANCHOR_ACCOUNT, OTHER_ACCOUNT)) as Record<string, JsonValue>;
  return moved;
}
