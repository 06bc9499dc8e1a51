// Types for the build-time helpers tests import (the scripts stay plain JS to run without a build).
export type GoVerdict = 'pass' | 'fail' | 'error' | 'skip';
export interface RegoTest {
  entrypoint: string;
  package: string;
  name: string;
  file: string | null;
  row: number | null;
  go: GoVerdict;
  goError?: string;
}
export function buildTestWasm(outDir: string, options?: { quiet?: boolean }): { wasm: string; data: string; manifest: string; tests: RegoTest[] };
