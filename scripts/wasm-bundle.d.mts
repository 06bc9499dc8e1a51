// Types for the build-time helpers tests import (the scripts stay plain JS to run without a build).
export function buildWasm(opa: string, entrypoints: string[], paths: string[], options?: { ignore?: string[]; quiet?: boolean }): Buffer;
export function extractFromTar(tar: Buffer, wanted: string): Buffer;
