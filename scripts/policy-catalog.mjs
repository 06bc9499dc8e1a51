// Reads every control's METADATA annotations (the single source of truth for a control's
// id, capability, component, severity, resource types, rationale, remediation, documentation
// links) and derives the catalog and the type → controls routing the engine and main.rego use.
// Which framework requirements a control meets is not here: rules/ holds it (crosswalk-guard.mjs).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { crosswalkProblems, readCrosswalkKeys } from './crosswalk-guard.mjs';
import { repoRoot } from './opa-cli.mjs';

export const CAPABILITIES = [
  'vulnerability-management', 'security-governance', 'security-assurance', 'threat-detection',
  'infrastructure-protection', 'data-protection', 'application-security',
  'identity-and-access-management', 'incident-response',
];
const COMPONENTS = ['input', 'model', 'output'];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'];
// Generic resources whose relevance to AI comes from the asset graph (src/graph/asset-types.ts).
export const LINKABLE_TYPES = [
  'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::IAM::Role', 'AWS::Logs::LogGroup', 'AWS::ECR::Repository',
  'AWS::ApiGateway::Stage', 'AWS::ApiGateway::RestApi',
];
const policiesDir = join(repoRoot, 'policies');

export function regoSources({ includeTests = false } = {}) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.rego') && (includeTests || !entry.name.endsWith('_test.rego'))) files.push(path);
    }
  };
  walk(policiesDir);
  return files.sort();
}

/** Hash of the policy sources (not tests): the shipped bundle records it to detect staleness. */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of regoSources()) {
    hash.update(relative(repoRoot, file).replaceAll('\\', '/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** `policies` and `rulesDir` default to the repository's (tests point them at fixtures). */
export function readCatalog(opa, { policies = 'policies', rulesDir } = {}) {
  const out = execFileSync(opa, ['inspect', '-a', '--format', 'json', policies], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  const problems = [];
  const controls = [];
  for (const entry of JSON.parse(out).annotations ?? []) {
    const custom = entry.annotations?.custom;
    const path = entry.path.map((p) => p.value);
    if (entry.annotations?.scope !== 'package' || path[1] !== 'cafscan' || path[2] !== 'controls') continue;
    const file = entry.location.file;
    const control = {
      id: custom?.id,
      package: path.slice(3).join('.'),
      title: entry.annotations.title,
      description: entry.annotations.description,
      capability: custom?.capability,
      component: custom?.component,
      severity: custom?.severity,
      resourceTypes: custom?.resource_types,
      relatedResourceTypes: custom?.related_resource_types ?? [],
      // Which fields of each related type the control reads (besides the identity fields, always
      // kept): the engine puts only these into the context (src/engine/context.ts).
      relatedFields: custom?.related_fields ?? {},
      // "linked": a generic resource (bucket, key, role, log group…) is checked only where the
      // AI asset graph links it to a workload in this control's component (src/graph).
      scope: custom?.scope ?? 'resource',
      // Which link components bring a resource in scope (default: the control's own), e.g. key
      // rotation matters for a key whatever AI data it protects.
      ...(custom?.scope === 'linked' ? { linkedComponents: custom?.linked_components ?? [custom?.component] } : {}),
      cafSection: custom?.caf_section,
      rationale: custom?.rationale,
      remediation: custom?.remediation,
      references: custom?.references ?? [],
      source: file,
    };
    problems.push(...validate(control, file));
    controls.push(control);
  }
  problems.push(...crosswalkProblems(controls, readCrosswalkKeys(rulesDir)));
  const ids = new Map();
  for (const c of controls) {
    if (ids.has(c.id)) problems.push(`${c.source}: id ${c.id} is also used by ${ids.get(c.id)}`);
    ids.set(c.id, c.source);
  }
  if (problems.length) throw new Error(`control metadata is invalid:\n  ${problems.join('\n  ')}`);
  controls.sort((a, b) => (a.id < b.id ? -1 : 1));
  const routing = {};
  for (const c of controls) {
    for (const type of c.resourceTypes) {
      (routing[type] ??= []).push(c.scope === 'linked' ? { package: c.package, id: c.id, linked: c.linkedComponents } : { package: c.package, id: c.id });
    }
  }
  return { controls, routing };
}

function validate(c, file) {
  const problems = [];
  const need = (ok, what) => ok || problems.push(`${file}: ${what}`);
  need(typeof c.id === 'string' && /^CAFAI-[A-Z]+-\d{2,3}$/.test(c.id), `custom.id must look like CAFAI-XX-01 (got ${c.id})`);
  need(typeof c.title === 'string' && c.title.length > 0, 'title is required');
  need(typeof c.description === 'string' && c.description.length > 0, 'description is required');
  need(CAPABILITIES.includes(c.capability), `custom.capability must be one of ${CAPABILITIES.join(', ')}`);
  need(COMPONENTS.includes(c.component), `custom.component must be one of ${COMPONENTS.join(', ')}`);
  need(SEVERITIES.includes(c.severity), `custom.severity must be one of ${SEVERITIES.join(', ')}`);
  need(Array.isArray(c.resourceTypes) && c.resourceTypes.length > 0, 'custom.resource_types must list at least one type');
  need(Array.isArray(c.relatedResourceTypes), 'custom.related_resource_types must be a list');
  problems.push(...validateRelatedFields(c, file));
  need(c.scope === 'resource' || c.scope === 'linked', `custom.scope must be "linked" or absent (got ${c.scope})`);
  need(c.scope !== 'linked' || (Array.isArray(c.linkedComponents) && c.linkedComponents.length > 0 && c.linkedComponents.every((x) => COMPONENTS.includes(x))), 'custom.linked_components must list components');
  need(c.scope !== 'linked' || c.resourceTypes.every((t) => LINKABLE_TYPES.includes(t)), `custom.scope "linked" needs resource types the asset graph links (${LINKABLE_TYPES.join(', ')})`);
  need(typeof c.cafSection === 'string' && c.cafSection.length > 0, 'custom.caf_section is required');
  need(typeof c.rationale === 'string' && c.rationale.length > 40, 'custom.rationale is required');
  need(c.remediation && typeof c.remediation.console === 'string', 'custom.remediation.console is required');
  // Each entry's shape (a documentation link, no crosswalk id) is crosswalkProblems' to check.
  need(Array.isArray(c.references), 'custom.references must be a list of documentation links');
  const text = readFileSync(isAbsolute(file) ? file : join(repoRoot, file), 'utf8');
  need(!/data\.inventory|lib\.related|lib\.same_account_of_type/.test(text) || c.relatedResourceTypes.length > 0,
    'looks up other resources, so custom.related_resource_types must name their types');
  return problems;
}

// The fields every resource in the context keeps, whatever a control declares.
export const IDENTITY_FIELDS = ['arn', 'type', 'accountId', 'region', 'name', 'id'];
// A field path: dot-separated keys from the resource root ("configuration.policyVersionList").
const FIELD_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

/**
 * related_fields must name exactly the related types, each with a list of field paths ([] when
 * the control only needs a resource's identity, e.g. to count or find it). An omission is an
 * error, not a default: identity only would hide fields the control reads (a wrong verdict), and
 * whole resources (what src/engine/context.ts falls back to) would silently keep the context big.
 */
export function validateRelatedFields(c, file) {
  const problems = [];
  const fields = c.relatedFields;
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return [`${file}: custom.related_fields must map related resource types to field lists`];
  const related = Array.isArray(c.relatedResourceTypes) ? c.relatedResourceTypes : [];
  for (const type of related) {
    if (!Object.hasOwn(fields, type)) problems.push(`${file}: custom.related_fields must list the fields read of ${type} ([] for identity only)`);
  }
  for (const [type, paths] of Object.entries(fields)) {
    if (!related.includes(type)) problems.push(`${file}: custom.related_fields names ${type}, which is not in related_resource_types`);
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && FIELD_PATH.test(p))) {
      problems.push(`${file}: custom.related_fields.${type} must be a list of dotted field paths (configuration.Key.Sub)`);
    } else if (paths.some((p) => IDENTITY_FIELDS.includes(p.split('.')[0]))) {
      problems.push(`${file}: custom.related_fields.${type} lists an identity field (${IDENTITY_FIELDS.join(', ')}), which is always kept`);
    }
  }
  return problems;
}

/** Writes the catalog as OPA data (data.cafscan_catalog) for `opa test`. */
export function writeCatalogData(catalog, dir) {
  const target = join(dir, 'cafscan_catalog');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'data.json'), JSON.stringify({ routing: catalog.routing }));
}
