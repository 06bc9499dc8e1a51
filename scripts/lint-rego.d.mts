// Types for the build-time helpers tests import (the scripts stay plain JS to run without a build).
export type LintRule = 'not-call-on-field' | 'sprintf-verb';
export interface Violation {
  file: string;
  line: number;
  rule: LintRule;
  code: string;
  detail: string;
}
export const BASELINE_FILE: string;
export function lintSource(name: string, source: string): Violation[];
export function lintRego(options?: { strict?: boolean }): { violations: Array<Violation & { known: boolean }>; stale: Array<Pick<Violation, 'file' | 'rule' | 'code'>> };
