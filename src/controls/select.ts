import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { CAPABILITIES, COMPONENTS, severityRank, type Catalog, type ControlMeta, type Route, type Severity } from './catalog.js';
import { RETIRED_CONTROLS, currentControlId } from './retired.js';

/**
 * What the user asked to run (`--controls`, `--exclude-controls`, `--capability`, `--component`,
 * `--severity`, `--service`), as given: results.json reports it in `scan.selection`. Every list
 * is already split on commas. Criteria combine with AND; exclusions apply last.
 */
export interface SelectionCriteria {
  controls?: string[];
  excludeControls?: string[];
  capabilities?: string[];
  components?: string[];
  /** Minimum severity: this one and the more severe. */
  severity?: Severity;
  services?: string[];
  /** --framework: the controls a rules/ framework maps (applied as a SelectionScope). */
  framework?: string;
}

/** The outcome of a selection: what runs, and what does not (never reported as a pass). */
export interface Selection {
  criteria: SelectionCriteria;
  /** Selected control ids, in catalog order. */
  selected: string[];
  /** Control ids the selection left out, in catalog order. */
  excluded: string[];
}

/**
 * Another source of control ids (a later `--framework <id>`: the controls its rules/ file maps)
 * narrows the selection the same way the criteria do: only ids in every `within` set run.
 */
export interface SelectionScope {
  label: string;
  ids: ReadonlySet<string>;
}

/** The service a resource type belongs to: "AWS::S3::Bucket" → "s3"; account-level records → "account". */
export function serviceOf(resourceType: string): string {
  const service = resourceType.split('::')[1];
  return service ? service.toLowerCase() : 'account';
}

/** Every service some control checks, sorted (for --help and error lines). */
export function servicesOf(controls: readonly ControlMeta[]): string[] {
  return [...new Set(controls.flatMap((c) => c.resourceTypes.map(serviceOf)))].sort();
}

/** Whether any selection flag was given (no flag: every control runs and nothing is reported). */
export function hasCriteria(criteria: SelectionCriteria): boolean {
  return Object.values(criteria).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
}

/**
 * The controls the criteria select. Throws InputError (exit 2) for an id or glob that matches no
 * control, an unknown capability, component or service, or a selection that leaves nothing to run:
 * a typo must not silently turn into a scan of nothing (or of everything).
 */
export function selectControls(controls: readonly ControlMeta[], criteria: SelectionCriteria, scopes: readonly SelectionScope[] = []): Selection {
  const ids = controls.map((c) => c.id);
  const include = criteria.controls?.length ? matchIds(ids, criteria.controls, '--controls') : undefined;
  const exclude = criteria.excludeControls?.length ? matchIds(ids, criteria.excludeControls, '--exclude-controls') : new Set<string>();
  const capabilities = known(criteria.capabilities, CAPABILITIES, '--capability');
  const components = known(criteria.components, COMPONENTS, '--component');
  const services = known(criteria.services, servicesOf(controls), '--service');
  const minimum = criteria.severity === undefined ? undefined : severityRank(criteria.severity);

  const chosen = controls.filter(
    (c) =>
      (!include || include.has(c.id)) &&
      !exclude.has(c.id) &&
      (!capabilities || capabilities.has(c.capability)) &&
      (!components || components.has(c.component)) &&
      (minimum === undefined || severityRank(c.severity) <= minimum) &&
      (!services || c.resourceTypes.some((t) => services.has(serviceOf(t)))) &&
      scopes.every((scope) => scope.ids.has(c.id)),
  );
  if (chosen.length === 0) throw new InputError('the control selection matches no control (see `cafscan controls` with the same flags)');
  const selected = new Set(chosen.map((c) => c.id));
  return { criteria, selected: [...selected], excluded: ids.filter((id) => !selected.has(id)) };
}

/** The catalog limited to the selected controls: the engine routes, and the context loads, only for them. */
export function selectedCatalog(catalog: Catalog, selected: Iterable<string>): Catalog {
  const keep = new Set(selected);
  const routing: Record<string, Route[]> = {};
  for (const [type, routes] of Object.entries(catalog.routing)) {
    const kept = routes.filter((route) => keep.has(route.id));
    // A type with no selected control is left out so that its resources are not sent to the engine at all.
    if (kept.length) routing[type] = kept;
  }
  return { ...catalog, controls: catalog.controls.filter((c) => keep.has(c.id)), routing };
}

/**
 * Whether an id or glob (a suppression's controlId) names any of `ids` — a retired id counting as
 * its replacement. A suppression of controls a selection left out is not "unused" in that scan.
 */
export function namesAny(pattern: string, ids: ReadonlySet<string>): boolean {
  const isMatch = picomatch(pattern, { nocase: true });
  return [...ids, ...RETIRED_CONTROLS.map((r) => r.id)].some((id) => isMatch(id) && ids.has(currentControlId(id)));
}

/**
 * Ids or globs (case-insensitive: ids are upper case, people type them as they like) to current
 * control ids. A retired id, or a glob matching one, means its replacement, as in suppressions.
 */
function matchIds(ids: readonly string[], patterns: readonly string[], flag: string): Set<string> {
  const candidates = [...ids, ...RETIRED_CONTROLS.map((r) => r.id)];
  const matched = new Set<string>();
  for (const pattern of patterns) {
    const isMatch = picomatch(pattern, { nocase: true });
    const hits = candidates.filter((id) => isMatch(id)).map(currentControlId).filter((id) => ids.includes(id));
    if (hits.length === 0) throw new InputError(`${flag}: "${pattern}" matches no control (\`cafscan controls\` lists them)`);
    for (const id of hits) matched.add(id);
  }
  return matched;
}

function known<T extends string>(given: readonly string[] | undefined, allowed: readonly T[], flag: string): Set<string> | undefined {
  if (!given?.length) return undefined;
  const values = given.map((v) => v.toLowerCase());
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) throw new InputError(`${flag}: unknown value "${value}" (choose from ${allowed.join(', ')})`);
  }
  return new Set(values);
}

/** Splits repeated, comma-separated flag values ("a,b" "c" → a, b, c). */
export function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
