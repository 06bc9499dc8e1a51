import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { COMPONENTS, type Component } from '../model/control.js';
import { InputError } from '../errors.js';
import type { AssetRule } from '../graph/user-rules.js';
import type { SuppressionRule } from '../model/suppression.js';
import { isJsonObject, type JsonValue } from '../json.js';

/** cafscan.config.json: what a team tells the scanner about its account (docs/configuration.md). */
export interface ScanConfig {
  /** Where it was read from, or null when no file was used. */
  path: string | null;
  /** Extra links into the AI asset graph, by tag or ARN pattern. */
  assets: AssetRule[];
  /** Check generic resources even when no AI workload is linked to them. */
  allResources: boolean;
  /** Accepted risks: matching failures are marked, not deleted (docs/suppressions.md). */
  suppressions: SuppressionRule[];
}

export const DEFAULT_CONFIG_FILE = 'cafscan.config.json';
const TOP_LEVEL_KEYS = new Set(['$schema', 'assets', 'allResources', 'suppressions']);
const SUPPRESSION_KEYS = new Set(['controlId', 'resource', 'accountId', 'region', 'tags', 'reason', 'expires']);
const RULE_KEYS = new Set(['component', 'arn', 'tags', 'resourceTypes', 'description']);

export const EMPTY_CONFIG: ScanConfig = { path: null, assets: [], allResources: false, suppressions: [] };

/**
 * Reads the config named by --config, or ./cafscan.config.json when it exists. Any mistake is an
 * InputError (exit 2, one line) naming the file and the key, so a typo never silently narrows
 * what is checked.
 */
export function loadConfig(explicit: string | undefined, fallback: string | undefined = DEFAULT_CONFIG_FILE): ScanConfig {
  const path = explicit ?? (fallback && existsSync(fallback) ? fallback : undefined);
  if (!path) return EMPTY_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read config ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read failed')}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`config ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(parsed, path);
}

export function parseConfig(value: unknown, path: string): ScanConfig {
  const name = basename(path);
  const fail = (what: string): never => {
    throw new InputError(`config ${path}: ${what}`);
  };
  if (!isJsonObject(value)) return fail('must be a JSON object');
  for (const key of Object.keys(value)) if (!TOP_LEVEL_KEYS.has(key)) fail(`unknown key "${key}" (expected ${[...TOP_LEVEL_KEYS].filter((k) => k !== '$schema').join(', ')})`);
  const allResources = value.allResources ?? false;
  if (typeof allResources !== 'boolean') fail('allResources must be true or false');
  const assets = value.assets ?? [];
  if (!Array.isArray(assets)) return fail('assets must be a list of rules');
  const suppressions = value.suppressions ?? [];
  if (!Array.isArray(suppressions)) return fail('suppressions must be a list');
  return {
    path,
    allResources: allResources as boolean,
    assets: assets.map((rule, i) => parseRule(rule, `assets[${i}]`, `${name}#assets[${i}]`, fail)),
    suppressions: suppressions.map((entry, i) => parseSuppression(entry, `suppressions[${i}]`, `${name}#suppressions[${i}]`, fail)),
  };
}

export function parseSuppression(value: JsonValue, where: string, source: string, fail: (what: string) => never): SuppressionRule {
  if (!isJsonObject(value)) return fail(`${where} must be an object`);
  for (const key of Object.keys(value)) if (!SUPPRESSION_KEYS.has(key)) fail(`${where}: unknown key "${key}" (expected ${[...SUPPRESSION_KEYS].join(', ')})`);
  // An accepted risk without a recorded reason is not an audit trail: refuse it.
  if (typeof value.reason !== 'string' || value.reason.trim() === '') fail(`${where} needs a "reason" (why the risk is accepted, and by whom)`);
  const rule: SuppressionRule = { reason: value.reason.trim(), source };
  for (const key of ['controlId', 'resource', 'accountId', 'region'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '') fail(`${where}.${key} must be a non-empty string`);
    rule[key] = v;
  }
  if (rule.accountId !== undefined && !/^\d{12}$/.test(rule.accountId)) fail(`${where}.accountId must be a 12-digit account id`);
  if (value.tags !== undefined) rule.tags = stringMap(value.tags, `${where}.tags`, fail);
  if (!rule.controlId && !rule.resource && !rule.accountId && !rule.region && !rule.tags) {
    fail(`${where} must name what it suppresses (controlId, resource, accountId, region or tags)`);
  }
  if (value.expires !== undefined) {
    const expires = value.expires;
    if (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) || new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires) {
      fail(`${where}.expires must be a date like 2026-12-31`);
    }
    rule.expires = expires;
  }
  return rule;
}

function parseRule(value: JsonValue, where: string, source: string, fail: (what: string) => never): AssetRule {
  if (!isJsonObject(value)) return fail(`${where} must be an object`);
  for (const key of Object.keys(value)) if (!RULE_KEYS.has(key)) fail(`${where}: unknown key "${key}" (expected ${[...RULE_KEYS].join(', ')})`);
  const component = value.component;
  if (typeof component !== 'string' || !(COMPONENTS as readonly string[]).includes(component)) fail(`${where}.component must be one of ${COMPONENTS.join(', ')}`);
  const rule: AssetRule = { component: component as Component, source };
  if (value.arn !== undefined) {
    if (typeof value.arn !== 'string' || value.arn === '') fail(`${where}.arn must be a non-empty ARN pattern`);
    rule.arn = value.arn;
  }
  if (value.tags !== undefined) rule.tags = stringMap(value.tags, `${where}.tags`, fail);
  if (!rule.arn && !rule.tags) fail(`${where} needs "arn" or "tags" to say which resources it covers`);
  if (value.resourceTypes !== undefined) {
    const types = value.resourceTypes;
    if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string' && /^AWS::\w+::\w+$/.test(t))) {
      fail(`${where}.resourceTypes must be a list of types like "AWS::S3::Bucket"`);
    }
    rule.resourceTypes = types as string[];
  }
  if (value.description !== undefined) {
    if (typeof value.description !== 'string') fail(`${where}.description must be text`);
    rule.description = value.description;
  }
  return rule;
}

function stringMap(value: JsonValue, where: string, fail: (what: string) => never): Record<string, string> {
  if (!isJsonObject(value) || Object.keys(value).length === 0) return fail(`${where} must be an object of tag key → value ("*" for any value)`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') fail(`${where}.${k} must be a string`);
  }
  // fromEntries defines own properties: a "__proto__" tag key stays a key, not a prototype
  // (assigning it would leave an empty map that matches every resource).
  return Object.fromEntries(Object.entries(value as Record<string, string>));
}
