import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { packageRoot } from '../package-root.js';
import { currentControlId, isRetired } from '../controls/retired.js';
import { InputError } from '../errors.js';
import { printable } from '../json.js';
import type { Framework, FrameworkSection, Requirement } from '../model/frameworks.js';

/** Shipped with the package (package.json `files`). */
export const RULES_DIR = join(packageRoot, 'rules');
export const FRAMEWORK_SCHEMA_FILE = join(RULES_DIR, 'framework.schema.json');

/** The YAML as the schema admits it, before normalization. */
interface RawRequirement {
  id: string;
  title: string;
  description?: string;
  section?: string;
  component?: Requirement['component'];
  url?: string;
  peerChecks?: string[];
  controls?: string[];
  partial?: string;
  manual?: true;
  check?: string;
  notCovered?: string;
}

interface RawFramework {
  id: string;
  name: string;
  version: string;
  source: string;
  description?: string;
  sections?: FrameworkSection[];
  requirements: RawRequirement[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // allErrors off: the first problem is the one reported (one line on stderr). strictRequired
  // off: the schema says "one of these keys" with required inside anyOf/not, which is its point.
  compiled ??= new Ajv({ strict: true, strictRequired: false, allErrors: false }).compile(JSON.parse(readFileSync(FRAMEWORK_SCHEMA_FILE, 'utf8')) as object);
  return compiled;
}

/**
 * Parses and validates one framework file's text; `file` names it in messages. Checks what the
 * schema cannot say: requirement and section ids unique, sections referenced exist, the file
 * named after the framework id. Control ids are checked against a catalog by
 * {@link frameworkControlProblems}, so this stays usable without one.
 */
export function parseFramework(text: string, file: string): Framework {
  const fail = (what: string): never => {
    throw new InputError(`framework file ${file}: ${what}`);
  };
  // YAML 1.2 core schema: "no" and dates stay strings, so a version like 2024-02-13 is text.
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const yamlError = document.errors[0];
  if (yamlError) fail(`not valid YAML: ${yamlError.message.split('\n')[0]}`);
  const value: unknown = document.toJS();
  const validate = validator();
  if (!validate(value)) fail(describe(validate.errors ?? []));
  const raw = value as RawFramework;

  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (stem !== raw.id) fail(`id "${raw.id}" must match the file name (${raw.id}.yaml)`);
  const sections = raw.sections ?? [];
  const sectionIds = new Set<string>();
  for (const section of sections) {
    if (sectionIds.has(section.id)) fail(`section id "${section.id}" appears twice`);
    sectionIds.add(section.id);
  }
  const requirementIds = new Set<string>();
  raw.requirements.forEach((requirement, i) => {
    if (requirementIds.has(requirement.id)) fail(`/requirements/${i}/id: "${requirement.id}" appears twice`);
    requirementIds.add(requirement.id);
    if (requirement.section !== undefined && !sectionIds.has(requirement.section)) fail(`/requirements/${i}/section: no section "${requirement.section}"`);
  });
  return {
    id: raw.id,
    name: raw.name,
    version: raw.version,
    source: raw.source,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    sections,
    requirements: raw.requirements.map(normalize),
    file,
  };
}

function normalize(raw: RawRequirement): Requirement {
  const { controls, partial, manual, check, notCovered, ...base } = raw;
  // The schema guarantees exactly one of the three forms.
  if (controls) return { ...base, kind: 'automated', controls, ...(partial !== undefined ? { partial } : {}) };
  if (manual) return { ...base, kind: 'manual', check: check! };
  return { ...base, kind: 'not-covered', notCovered: notCovered!, ...(check !== undefined ? { check } : {}) };
}

/** Control ids a framework names that the catalog does not hold: unknown ones and retired ones. */
export function frameworkControlProblems(framework: Framework, catalogIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const requirement of framework.requirements) {
    if (requirement.kind !== 'automated') continue;
    for (const id of requirement.controls) {
      // A retired id would silently evaluate nothing: name its replacement instead.
      if (isRetired(id)) problems.push(`requirement ${requirement.id}: ${id} is retired, use ${currentControlId(id)}`);
      else if (!catalogIds.has(id)) problems.push(`requirement ${requirement.id}: no control ${id} in the catalog`);
    }
  }
  return problems;
}

/**
 * Every framework in `dir` (rules/ by default), sorted by id; the first problem in any file —
 * YAML, schema, ids, a control the catalog does not hold — is one InputError line.
 */
export function loadFrameworks(catalogIds: ReadonlySet<string>, dir: string = RULES_DIR): Framework[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read framework folder ${dir}: ${code === 'ENOENT' ? 'no such folder' : (code ?? 'read failed')}`);
  }
  const frameworks: Framework[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot read framework file ${shown}: ${code ?? 'read failed'}`);
    }
    const framework = parseFramework(text, shown);
    const other = seen.get(framework.id);
    if (other) throw new InputError(`framework file ${shown}: id "${framework.id}" is also used by ${other}`);
    seen.set(framework.id, shown);
    const problem = frameworkControlProblems(framework, catalogIds)[0];
    if (problem) throw new InputError(`framework file ${shown}: ${problem}`);
    frameworks.push(framework);
  }
  return frameworks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The most useful of ajv's errors, as "JSON path: message". */
function describe(errors: ErrorObject[]): string {
  // if/then and not/anyOf failures come with their sub-errors first; the combinator's own
  // message ("must NOT be valid") says nothing, so name the rule the requirement broke.
  const error = errors[0];
  if (!error) return '/: does not match rules/framework.schema.json';
  const path = printable(error.instancePath || '/');
  // The requirement-form rules are the schema's allOf; a plain missing key (id, title) is not.
  const requirementForm = /^\/requirements\/\d+$/.test(error.instancePath) && error.schemaPath.includes('/allOf/');
  if (requirementForm && error.keyword === 'required' && (error.params as { missingProperty: string }).missingProperty === 'check') {
    return `${path}: manual: true needs check (what to check by hand)`;
  }
  if (requirementForm) {
    return `${path}: a requirement has exactly one of controls (optionally with partial), manual: true with check, or notCovered (optionally with check)`;
  }
  const detail =
    error.keyword === 'additionalProperties' ? `unknown key "${printable((error.params as { additionalProperty: string }).additionalProperty)}"` :
    error.keyword === 'const' ? `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` :
    error.keyword === 'enum' ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` :
    error.message ?? 'does not match rules/framework.schema.json';
  return `${path}: ${detail}`;
}
