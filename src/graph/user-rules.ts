import type { Component } from '../model/control.js';
import type { InventoryResource } from '../model/inventory.js';
import { USER_RULE_TYPE, type AssetLink } from './model.js';

/**
 * A user's statement that resources play a part in an AI system the graph cannot see (a bucket
 * filled by a pipeline outside AWS, an API stage in front of a model): cafscan.config.json
 * `assets[]`. Every condition given must hold; at least one of arn and tags is required.
 */
export interface AssetRule {
  component: Component;
  /** ARN glob: `*` any characters, `?` one. */
  arn?: string;
  /** Tag key → value (`*`: any value); keys compare case-insensitively, values exactly. */
  tags?: Record<string, string>;
  /** Limit to these resource types. */
  resourceTypes?: string[];
  /** Shown in findings as why the resource is in scope. */
  description?: string;
  /** Where the rule was written, e.g. "cafscan.config.json#assets[0]". */
  source: string;
}

/** Links what each rule matches; returns how many resources each rule matched. */
export function applyUserRules(resources: InventoryResource[], rules: AssetRule[], link: (target: InventoryResource, l: AssetLink) => void): number[] {
  const compiled = new CompiledRules(rules);
  for (const resource of resources) compiled.match(resource, (l) => link(resource, l));
  return compiled.matches;
}

/** The rules, compiled once, matched against one resource at a time (one pass over a scan's resources). */
export class CompiledRules {
  private readonly compiled: Array<{ rule: AssetRule; arn: RegExp | undefined }>;
  /** How many resources each rule matched so far. */
  readonly matches: number[];

  constructor(rules: AssetRule[]) {
    this.compiled = rules.map((rule) => ({ rule, arn: rule.arn ? globToRegExp(rule.arn) : undefined }));
    this.matches = rules.map(() => 0);
  }

  match(resource: InventoryResource, link: (l: AssetLink) => void): void {
    for (const [i, { rule, arn }] of this.compiled.entries()) {
      if (rule.resourceTypes && !rule.resourceTypes.includes(resource.type)) continue;
      if (arn && !arn.test(resource.arn)) continue;
      if (rule.tags && !tagsMatch(resource.tags, rule.tags)) continue;
      this.matches[i]!++;
      link({
        component: rule.component,
        workload: rule.source,
        workloadType: USER_RULE_TYPE,
        workloadName: rule.description ?? rule.source,
        via: describe(rule),
      });
    }
  }
}

/** Every wanted tag is present (keys case-insensitive) with its value, or any value for "*". */
export function tagsMatch(tags: Record<string, string> | null, wanted: Record<string, string>): boolean {
  if (!tags) return false;
  const lower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.entries(wanted).every(([key, value]) => {
    const actual = lower.get(key.toLowerCase());
    return actual !== undefined && (value === '*' || actual === value);
  });
}

function describe(rule: AssetRule): string {
  const parts: string[] = [];
  if (rule.arn) parts.push(`ARN matches ${rule.arn}`);
  for (const [k, v] of Object.entries(rule.tags ?? {})) parts.push(v === '*' ? `tag ${k}` : `tag ${k}=${v}`);
  return `${parts.join(' and ')} (${rule.source})`;
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}
