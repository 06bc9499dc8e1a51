// Types for the build-time helpers tests import (the scripts stay plain JS to run without a build).
export const CAPABILITIES: string[];
export function regoSources(options?: { includeTests?: boolean }): string[];
export function sourceHash(): string;
export function readCatalog(opa: string, options?: { policies?: string; rulesDir?: string }): { controls: unknown[]; routing: Record<string, Array<{ package: string; id: string }>> };
export function writeCatalogData(catalog: unknown, dir: string): void;
export const IDENTITY_FIELDS: string[];
export function validateRelatedFields(control: { relatedResourceTypes: unknown; relatedFields: unknown }, file: string): string[];
