// Types for the build-time helpers tests import (the scripts stay plain JS to run without a build).
export const OPA_VERSION: string;
export const repoRoot: string;
export function findOpa(): string | null;
export function ensureOpa(options?: { quiet?: boolean }): string;
