// Types for the build-time helpers tests import (the scripts stay plain JS to run without a build).
export type LintRule = 'not-call-on-field' | 'js-builtin';
export interface Violation {
  file: string;
  line: number;
  rule: LintRule;
  code: string;
  detail: string;
}
/** Builtins opa-wasm implements in JavaScript that the shipped policies must not call. */
export const JS_BUILTINS: readonly string[];
export function lintSource(name: string, source: string): Violation[];
export function lintRego(): { violations: Violation[] };
