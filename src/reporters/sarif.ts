import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import { CAPABILITY_TITLES, type ControlMeta, type Severity } from '../model/control.js';
import { crosswalkLabel, otherFrameworksOf } from '../frameworks/crosswalk.js';
import type { Crosswalk, FrameworkReference } from '../model/frameworks.js';
import { USER_RULE_TYPE } from '../graph/model.js';
import type { Finding } from '../model/finding.js';
import { compareBySeverity } from '../order.js';
import type { LineSpan } from './inventory-json.js';

/**
 * GitHub maps security-severity to bands (critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9,
 * low < 4.0); values sit inside each band, away from the edges.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.5',
  informational: '0.5',
};

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  informational: 'note',
};

/**
 * What GitHub code scanning accepts (docs: "SARIF support for code scanning"): it keeps the
 * first 5,000 results of a run, takes at most 20 runs per upload, and rejects rule
 * descriptions longer than 1,024 characters. cafscan respects them instead of letting GitHub
 * drop results silently. Of a rule's tags it keeps 10 (and rejects more than 20: "SARIF
 * results exceed limits"), so a rule carries at most 10.
 */
export const GITHUB_LIMITS = { resultsPerRun: 5000, runsPerFile: 20, ruleTextChars: 1024, tagsPerRule: 10 } as const;

/** A run whose failures did not all fit: the most severe were kept. */
export interface SarifTruncation {
  accountId: string;
  total: number;
  kept: number;
}

export interface SarifInput {
  toolVersion: string;
  controls: ControlMeta[];
  /** The framework requirements each control maps (rules/): rule tags and help. */
  crosswalk: Crosswalk;
  findings: Finding[];
  /** Path of inventory.json relative to the SARIF file (scheme-less, as GitHub requires). */
  inventoryUri: string;
  /** Where inventory.json put each resource: the inventory writer's result (InventoryFileWriter.finish). */
  inventoryLines: ReadonlyMap<string, LineSpan>;
  accounts: string[];
  startedAt: string;
  finishedAt: string;
  /** Override GitHub's per-run result limit (tests). */
  maxResultsPerRun?: number;
  /** First part of each run's automationDetails.id (`<category>/<account>/`); default "cafscan". */
  category?: string;
}

/** One run per account (automationDetails.id names it) so accounts upload side by side. */
export function sarifLog(input: SarifInput): Sarif.Log {
  const accounts = input.accounts.length ? input.accounts : ['unknown'];
  const byAccount = new Map<string, Finding[]>(accounts.map((account) => [account, []]));
  for (const finding of input.findings) byAccount.get(finding.resource.accountId)?.push(finding);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: accounts.map((account) => buildRun(input, account, byAccount.get(account) ?? [])),
  };
}

/** Runs whose results were cut to GitHub's limit (stated in each run's properties too). */
export function sarifTruncations(log: Sarif.Log): SarifTruncation[] {
  return log.runs.flatMap((run) => {
    const truncated = run.properties?.truncated as { total: number; kept: number } | undefined;
    return truncated ? [{ accountId: String(run.properties?.accountId), total: truncated.total, kept: truncated.kept }] : [];
  });
}

/** Splits a log into files of at most 20 runs each (GitHub rejects more in one upload). */
export function splitRuns(log: Sarif.Log, runsPerFile: number = GITHUB_LIMITS.runsPerFile): Sarif.Log[] {
  if (log.runs.length <= runsPerFile) return [log];
  const parts: Sarif.Log[] = [];
  for (let i = 0; i < log.runs.length; i += runsPerFile) parts.push({ ...log, runs: log.runs.slice(i, i + runsPerFile) });
  return parts;
}

function buildRun(input: SarifInput, account: string, here: Finding[]): Sarif.Run {
  const allFailures = here.filter((f) => f.status === 'fail');
  const notEvaluated = here.filter((f) => f.status === 'not_evaluated');
  // Over the limit GitHub keeps an arbitrary 5,000: keep the most severe ourselves, and say so.
  const limit = input.maxResultsPerRun ?? GITHUB_LIMITS.resultsPerRun;
  const failures = allFailures.length > limit ? [...allFailures].sort(compareBySeverity).slice(0, limit) : allFailures;
  const used = new Set([...failures, ...notEvaluated].map((f) => f.controlId));
  return assembleRun(input, account, {
    failures,
    used,
    counts: { passed: here.filter((f) => f.status === 'pass').length, failed: allFailures.length, suppressed: allFailures.filter((f) => f.suppression).length, notEvaluated: notEvaluated.length },
    notifications: (ruleIndex) => notEvaluated.map((finding) => notification(finding, ruleIndex)),
  });
}

/** What a run is made of, however it was gathered (all findings at once, or streamed). */
export interface RunParts {
  /** The failures the run lists: all of them in results.json order, or the most severe `limit` in severity order. */
  failures: Finding[];
  /** Controls the run refers to (its failures' and not-evaluated checks'). */
  used: Set<string>;
  counts: { passed: number; failed: number; suppressed: number; notEvaluated: number };
  notifications: (ruleIndex: Map<string, number>) => unknown[];
}

export type RunHead = Omit<SarifInput, 'findings' | 'accounts'>;

/** The rules a run describes: the controls it refers to, in catalog order. */
export function runRules(controls: ControlMeta[], used: Set<string>): { controls: ControlMeta[]; ruleIndex: Map<string, number> } {
  const kept = controls.filter((control) => used.has(control.id));
  return { controls: kept, ruleIndex: new Map(kept.map((control, index) => [control.id, index])) };
}

/** A not_evaluated finding as a tool notification: the scanner could not decide, the user must see it. */
export function notification(finding: Pick<Finding, 'controlId' | 'reason' | 'resource'>, ruleIndex: Map<string, number>): Sarif.Notification {
  return {
    level: 'warning',
    message: { text: `${finding.controlId} not evaluated for ${finding.resource.arn}: ${finding.reason ?? 'unknown reason'}` },
    descriptor: { id: finding.controlId, index: ruleIndex.get(finding.controlId) ?? -1 },
  };
}

export function assembleRun(input: RunHead, account: string, parts: RunParts): Sarif.Run {
  const { failures, counts } = parts;
  const limit = input.maxResultsPerRun ?? GITHUB_LIMITS.resultsPerRun;
  // Each run describes the rules it refers to (catalog order): with 70+ rules and their help
  // text, repeating all of them in every account's run made multi-account files megabytes larger.
  const { controls, ruleIndex } = runRules(input.controls, parts.used);
  const rules = controls.map((control) => toRule(control, otherFrameworksOf(input.crosswalk, control.id)));
  return {
    tool: {
      driver: {
        name: 'cafscan',
        semanticVersion: input.toolVersion,
        version: input.toolVersion,
        informationUri: 'https://github.com/cafscan/cafscan',
        rules,
      },
    },
    // upload-sarif keeps an id that is already set, so the category must be in it: two jobs
    // scanning one account with different region sets then keep separate alerts.
    automationDetails: { id: `${input.category ?? 'cafscan'}/${account}/` },
    invocations: [
      {
        executionSuccessful: true,
        startTimeUtc: input.startedAt,
        endTimeUtc: input.finishedAt,
        // Controls the scanner could not decide are not alerts, but the user must see them.
        toolExecutionNotifications: parts.notifications(ruleIndex) as Sarif.Notification[],
      },
    ],
    results: failures.map((finding) => toResult(finding, input, ruleIndex)),
    properties: {
      accountId: account,
      passed: counts.passed,
      failed: counts.failed,
      suppressed: counts.suppressed,
      notEvaluated: counts.notEvaluated,
      ...(failures.length < counts.failed
        ? { truncated: { total: counts.failed, kept: failures.length, reason: `GitHub code scanning keeps at most ${limit} results per run; the ${limit} most severe failures are included, results.json has all ${counts.failed}` } }
        : {}),
    },
  };
}

/** GitHub rejects rule descriptions over 1,024 characters; the full text stays in `help`. */
export function limitText(text: string, max: number = GITHUB_LIMITS.ruleTextChars): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function toRule(control: ControlMeta, frameworks: readonly FrameworkReference[]): Sarif.ReportingDescriptor {
  return {
    id: control.id,
    name: pascalName(control.title),
    shortDescription: { text: limitText(control.title) },
    fullDescription: { text: limitText(control.description) },
    help: { text: helpText(control, frameworks), markdown: helpMarkdown(control, frameworks) },
    defaultConfiguration: { level: LEVEL[control.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[control.severity],
      precision: 'high',
      'problem.severity': LEVEL[control.severity] === 'note' ? 'recommendation' : LEVEL[control.severity],
      tags: ruleTags(control, frameworks),
      capability: control.capability,
      component: control.component,
      severity: control.severity,
    },
  };
}

function toResult(finding: Finding, input: RunHead, ruleIndex: Map<string, number>): Sarif.Result {
  const span = input.inventoryLines.get(finding.resource.arn);
  return {
    ruleId: finding.controlId,
    ruleIndex: ruleIndex.get(finding.controlId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: withScope(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: input.inventoryUri },
          region: span ? { startLine: span.startLine, endLine: span.endLine } : { startLine: 1 },
        },
        logicalLocations: [{ name: finding.resource.id, fullyQualifiedName: finding.resource.arn, kind: 'resource' }],
      },
    ],
    // Identity, not line numbers: the alert survives inventory.json shifting around it.
    partialFingerprints: { primaryLocationLineHash: `${fingerprint(finding)}:1` },
    // An accepted risk stays in the log, as SARIF records it, with the reason as justification.
    ...(finding.suppression ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: suppressionText(finding.suppression) }] } : {}),
    ...(finding.baselineState === 'new' || finding.baselineState === 'unchanged' ? { baselineState: finding.baselineState } : {}),
    properties: {
      capability: finding.capability,
      component: finding.component,
      severity: finding.severity,
      resourceType: finding.resource.type,
      resourceArn: finding.resource.arn,
      region: finding.resource.region,
      accountId: finding.resource.accountId,
      ...(finding.scope ? { scope: finding.scope } : {}),
    },
  };
}

function suppressionText(s: NonNullable<Finding['suppression']>): string {
  return `${s.reason} (${s.source}${s.expires ? `, until ${s.expires}` : ''})`;
}

/** The alert says why a generic resource was checked: the AI workload that uses it. */
export function withScope(finding: Finding): string {
  const scope = finding.scope;
  if (!scope) return finding.message;
  if (scope.basis === 'all-resources') return `${finding.message} (Checked because of --all-resources: no AI workload is known to use it.)`;
  const first = scope.links[0];
  if (!first) return finding.message;
  const more = (scope.linkCount ?? scope.links.length) - 1;
  const why = first.workloadType === USER_RULE_TYPE ? `mapped by ${first.via}` : `${first.via} of ${first.workloadName}`;
  return `${finding.message} (In scope as ${first.component}: ${why}${more > 0 ? `, and ${more} more` : ''}.)`;
}

export function fingerprint(finding: Finding): string {
  return createHash('sha256').update(`${finding.controlId}\0${finding.resource.arn}`).digest('hex').slice(0, 32);
}

/**
 * The fixed tags (security, caf-ai, the CAF-AI capability and component, the services), then
 * one `<framework>/<requirement>` per requirement that maps the control in rules/ (e.g.
 * owasp-llm-2025/LLM02, frameworks in id order), so code scanning filters alerts by a
 * framework's requirement. The list stops at GitHub's 10 tags per rule; help lists every one.
 * When they do not all fit, the frameworks take turns (each one's first requirement, then each
 * one's second…), so a filter on any framework finds the rule, not only on the first ones by id.
 */
function ruleTags(control: ControlMeta, frameworks: readonly FrameworkReference[]): string[] {
  const fixed = ['security', 'caf-ai', control.capability, control.component, ...serviceTags(control)];
  const all = [...new Set([...fixed, ...frameworks.map(crosswalkLabel)])];
  if (all.length <= GITHUB_LIMITS.tagsPerRule) return all;
  return [...new Set([...fixed, ...takingTurns(frameworks).map(crosswalkLabel)])].slice(0, GITHUB_LIMITS.tagsPerRule);
}

/** The references reordered round-robin by framework, each framework's in their own order. */
function takingTurns(references: readonly FrameworkReference[]): FrameworkReference[] {
  const byFramework = new Map<string, FrameworkReference[]>();
  for (const reference of references) {
    const list = byFramework.get(reference.framework);
    if (list) list.push(reference);
    else byFramework.set(reference.framework, [reference]);
  }
  const lists = [...byFramework.values()];
  const out: FrameworkReference[] = [];
  for (let round = 0; out.length < references.length; round++) for (const list of lists) if (round < list.length) out.push(list[round]!);
  return out;
}

function helpText(control: ControlMeta, frameworks: readonly FrameworkReference[]): string {
  return [
    control.description,
    `Why (CAF-AI ${control.cafSection}): ${control.rationale}`,
    `Fix: ${control.remediation.console}`,
    control.remediation.cli ? `CLI: ${control.remediation.cli}` : '',
    frameworks.length ? `Frameworks: ${frameworks.map((r) => `${crosswalkLabel(r)} ${r.title}${r.partial ? ' (in part)' : ''}`).join('; ')}` : '',
    control.references.length ? `References: ${control.references.map((r) => `${r.source} ${r.id}`).join('; ')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function helpMarkdown(control: ControlMeta, frameworks: readonly FrameworkReference[]): string {
  const parts = [
    `**${control.title}** — ${CAPABILITY_TITLES[control.capability]} · ${control.component} · ${control.severity}`,
    control.description,
    `### Why\n\n${control.rationale} *(CAF-AI Security perspective — ${control.cafSection})*`,
    `### Fix\n\n${control.remediation.console}`,
  ];
  if (control.remediation.cli) parts.push(`\`\`\`sh\n${control.remediation.cli}\n\`\`\``);
  if (control.remediation.cloudformation) parts.push(`\`\`\`yaml\n${control.remediation.cloudformation}\n\`\`\``);
  if (control.remediation.terraform) parts.push(`\`\`\`hcl\n${control.remediation.terraform}\n\`\`\``);
  if (frameworks.length) parts.push(`### Frameworks\n\n${frameworks.map((r) => `- ${r.framework}: ${r.url ? `[${r.requirement}](${r.url})` : `\`${r.requirement}\``} ${r.title}${r.partial ? ' (in part)' : ''}`).join('\n')}`);
  if (control.references.length) parts.push(`### References\n\n${control.references.map((r) => `- ${r.source}: ${r.url ? `[${r.id}](${r.url})` : `\`${r.id}\``}`).join('\n')}`);
  return parts.join('\n\n');
}

function serviceTags(control: ControlMeta): string[] {
  const services = control.resourceTypes.map((type) => (type === 'AWS::::Account' ? 'account' : (type.split('::')[1] ?? '').toLowerCase()));
  return [...new Set(services)];
}

function pascalName(title: string): string {
  return title
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
