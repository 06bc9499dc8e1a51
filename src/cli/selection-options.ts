import { InvalidArgumentError, Option, type Command } from 'commander';
import { CAPABILITIES, COMPONENTS, SEVERITIES, type ControlMeta, type Severity } from '../model/control.js';
import { hasCriteria, selectControls, servicesOf, splitList, type Selection, type SelectionScope } from '../controls/select.js';
import type { SelectionCriteria } from '../model/selection.js';
import { InputError } from '../errors.js';
import { shippedFrameworks } from '../frameworks/crosswalk.js';
import type { Framework } from '../model/frameworks.js';

/** The flags `scan` and `controls` share to choose controls (src/controls/select.ts). */
export interface SelectionFlags {
  controls?: string[];
  excludeControls?: string[];
  capability?: string[];
  component?: string[];
  severity?: Severity;
  service?: string[];
  framework?: string;
}

/** Adds the selection flags; each list flag is repeatable and takes comma-separated values. */
export function addSelectionOptions(command: Command, controls: readonly ControlMeta[]): Command {
  const list = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
  return command
    .addOption(new Option('--controls <ids>', 'run only these controls: ids or globs (CAFAI-DP-*), comma-separated, repeatable; a retired id means its replacement').argParser(list))
    .addOption(new Option('--exclude-controls <ids>', 'do not run these controls (ids or globs, comma-separated, repeatable)').argParser(list))
    .addOption(new Option('--capability <names>', `run only controls of these CAF-AI capabilities: ${CAPABILITIES.join(', ')}`).argParser(list))
    .addOption(new Option('--component <names>', `run only controls of these components: ${COMPONENTS.join(', ')}`).argParser(list))
    .addOption(new Option('--severity <min>', 'run only controls of this severity or more severe').choices([...SEVERITIES]))
    .addOption(new Option('--service <names>', `run only controls on these services' resources: ${servicesOf(controls).join(', ')}`).argParser(list))
    .addOption(new Option('--framework <id>', 'run only the controls a rules/ framework maps (`cafscan frameworks` lists the ids); its requirement table comes first in the reports').argParser(oneFramework));
}

/** --framework takes one id: a second one would silently replace the first (the other selection flags add up; this one cannot). */
function oneFramework(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw new InvalidArgumentError(`give one framework (got "${previous}" and "${value}")`);
  return value;
}

/** The selection the flags make, or undefined when none was given (every control runs). Throws InputError on a bad value. */
export function selectionFrom(flags: SelectionFlags, controls: readonly ControlMeta[], frameworks?: readonly Framework[]): Selection | undefined {
  const criteria: SelectionCriteria = {};
  const put = (key: 'controls' | 'excludeControls' | 'capabilities' | 'components' | 'services', values: string[] | undefined) => {
    const split = splitList(values);
    if (split?.length) criteria[key] = split;
  };
  put('controls', flags.controls);
  put('excludeControls', flags.excludeControls);
  put('capabilities', flags.capability);
  put('components', flags.component);
  put('services', flags.service);
  if (flags.severity) criteria.severity = flags.severity;
  const scopes: SelectionScope[] = [];
  if (flags.framework !== undefined) {
    const framework = frameworkNamed(flags.framework, frameworks ?? shippedFrameworks());
    criteria.framework = framework.id;
    scopes.push(frameworkScope(framework));
  }
  return hasCriteria(criteria) ? selectControls(controls, criteria, scopes) : undefined;
}

/** The framework --framework names (ids are lower case; people type them as they like), or exit 2 listing the valid ones. */
export function frameworkNamed(id: string, frameworks: readonly Framework[]): Framework {
  const framework = frameworks.find((f) => f.id === id.toLowerCase());
  if (!framework) throw new InputError(`--framework: unknown framework "${id}" (choose from ${frameworks.map((f) => f.id).join(', ')})`);
  return framework;
}

/** The controls a framework's requirements list; one with none (all manual or not covered) has nothing to run. */
function frameworkScope(framework: Framework): SelectionScope {
  const ids = new Set(framework.requirements.flatMap((r) => (r.kind === 'automated' ? r.controls : [])));
  if (ids.size === 0) throw new InputError(`--framework ${framework.id}: no cafscan control evaluates any of its requirements (all manual or not covered)`);
  return { label: `--framework ${framework.id}`, ids };
}
