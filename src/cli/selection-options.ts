import { Option, type Command } from 'commander';
import { CAPABILITIES, COMPONENTS, SEVERITIES, type ControlMeta, type Severity } from '../model/control.js';
import { hasCriteria, selectControls, servicesOf, splitList, type Selection } from '../controls/select.js';
import type { SelectionCriteria } from '../model/selection.js';

/** The flags `scan` and `controls` share to choose controls (src/controls/select.ts). */
export interface SelectionFlags {
  controls?: string[];
  excludeControls?: string[];
  capability?: string[];
  component?: string[];
  severity?: Severity;
  service?: string[];
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
    .addOption(new Option('--service <names>', `run only controls on these services' resources: ${servicesOf(controls).join(', ')}`).argParser(list));
}

/** The selection the flags make, or undefined when none was given (every control runs). Throws InputError on a bad value. */
export function selectionFrom(flags: SelectionFlags, controls: readonly ControlMeta[]): Selection | undefined {
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
  return hasCriteria(criteria) ? selectControls(controls, criteria) : undefined;
}
