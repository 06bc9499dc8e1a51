import type { Severity } from './control.js';

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
