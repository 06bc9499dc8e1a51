// Types for the build-time helper tests import (the script stays plain JS to run without a build).
export const RULES_DIR: string;
export interface CrosswalkKeys {
  /** Lower-cased framework, requirement and peer-check ids → the rules/ file. */
  ids: Map<string, string>;
  /** Framework and requirement pages (no fragment, lower-cased) → the rules/ file. */
  pages: Map<string, string>;
}
export function readCrosswalkKeys(dir?: string): CrosswalkKeys;
export function crosswalkProblems(controls: ReadonlyArray<{ id: string; source: string; references: unknown }>, keys: CrosswalkKeys): string[];
