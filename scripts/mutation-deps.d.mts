// Types for the mutation tool's test selection (the scripts stay plain JS to run without a build).
export interface RegoFile { path: string; rel: string; isTest: boolean; pkg: string; refs: string[]; controlId: string | null; text: string }
export function describeFiles(paths: string[], root: string): RegoFile[];
export function testsFor(target: RegoFile, files: RegoFile[], rule?: string | null): RegoFile[];
export function sourcesFor(target: RegoFile, tests: RegoFile[], files: RegoFile[]): RegoFile[];
