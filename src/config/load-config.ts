import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { COMPONENTS, type Component } from '../controls/catalog.js';
import { InputError } from '../errors.js';
import type { AssetRule } from '../graph/user-rules.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/** cafscan.config.json: what a team tells the scanner about its account (docs/configuration.md). */
export interface ScanConfig {
  /** Where it was read from, or null when no file was used. */
  path: string | null;
  /** Extra links into the AI asset graph, by tag or ARN pattern. */
  assets: AssetRule[];
  /** Check generic resources even when no AI workload is linked to them. */
  allResources: boolean;
}

export const DEFAULT_CONFIG_FILE = 'cafscan.config.json';
const TOP_LEVEL_KEYS = new Set(['$schema', 'assets', 'allResources']);
const RULE_KEYS = new Set(['component', 'arn', 'tags', 'resourceTypes', 'description']);

export const EMPTY_CONFIG: ScanConfig = { path: null, assets: [], allResources: false };

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
  return {
    path,
    allResources: allResources as boolean,
    assets: assets.map((rule, i) => parseRule(rule, `assets[${i}]`, `${name}#assets[${i}]`, fail)),
  };
}

function parseRule(value: JsonValue, where: string, source: string, fail: (what: string) => never): AssetRule {
  if (!isJsonObject(value)) return fail(`${where} must be an object`);
  for (const key of Object.keys(value)) if (!RULE_KEYS.has(key)) fail(`${where}: unknown key "${key}" (expected ${[...RULE_KEYS].join(', ')})`);
  const component = value.component;
  if (typeof component !== 'string' || !(COMPONENTS as readonly string[]).includes(component)) fail(`${where}.component must be one of ${COMPONENTS.join(', ')}`);
  const rule: AssetRule = { component: component as Component, source };
  if (value.arn !== undefined) {
    if (typeof value.arn !== 'string' || value.arn === '') fail(`${where}.arn must be a non-empty ARN pattern`);
    rule.arn = value.arn as string;
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
    rule.description = value.description as string;
  }
  return rule;
}

function stringMap(value: JsonValue, where: string, fail: (what: string) => never): Record<string, string> {
  if (!isJsonObject(value) || Object.keys(value).length === 0) return fail(`${where} must be an object of tag key → value ("*" for any value)`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as JsonObject)) {
    if (typeof v !== 'string') fail(`${where}.${k} must be a string`);
    out[k] = v as string;
  }
  return out;
}
