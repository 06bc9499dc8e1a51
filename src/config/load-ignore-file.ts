import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { isJsonObject, type JsonValue } from '../json.js';
import type { SuppressionRule } from '../model/suppression.js';
import { parseSuppression } from './load-config.js';

export const DEFAULT_IGNORE_FILES = ['cafscan.ignore.yaml', 'cafscan.ignore.yml'];

/**
 * cafscan.ignore.yaml: the accepted risks as a reviewed file of their own (YAML, so each entry
 * can carry comments for the auditor). Either a list of entries or `{suppressions: [...]}`;
 * entries are exactly those of cafscan.config.json `suppressions` (docs/github.md).
 */
export function loadIgnoreFile(explicit: string | undefined, fallbacks: string[] = DEFAULT_IGNORE_FILES): SuppressionRule[] {
  const path = explicit ?? fallbacks.find((f) => existsSync(f));
  if (!path) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ignore file ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read failed')}`);
  }
  // YAML 1.2 core schema: dates stay strings ("2026-12-31"), "no" stays a string.
  const document = parseDocument(text, { prettyErrors: false });
  const error = document.errors[0];
  if (error) throw new InputError(`ignore file ${path} is not valid YAML: ${error.message.split('\n')[0]}`);
  const value = document.toJS() as JsonValue | null;
  const entries = value === null ? [] : Array.isArray(value) ? value : isJsonObject(value) && Object.keys(value).every((k) => k === 'suppressions') ? (value.suppressions ?? []) : undefined;
  if (!Array.isArray(entries)) throw new InputError(`ignore file ${path}: must be a list of suppressions (or "suppressions:" with a list)`);
  const name = basename(path);
  const fail = (what: string): never => {
    throw new InputError(`ignore file ${path}: ${what}`);
  };
  return entries.map((entry, i) => parseSuppression(entry, `suppressions[${i}]`, `${name}#suppressions[${i}]`, fail));
}
