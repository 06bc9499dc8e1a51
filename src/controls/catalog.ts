import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEVERITIES, type Catalog, type PolicyBundle, type Severity } from '../model/control.js';
import { packageRoot } from '../package-root.js';

export const policyBundleDir = join(packageRoot, 'policy-bundle');

let cached: Catalog | undefined;

export function loadCatalog(): Catalog {
  cached ??= JSON.parse(readFileSync(join(policyBundleDir, 'catalog.json'), 'utf8')) as Catalog;
  return cached;
}

/**
 * The committed policy bundle, for the engine (which loads nothing itself). The wasm is read on
 * each call, not cached: a process that evaluates once should not hold it afterwards.
 */
export function loadPolicyBundle(): PolicyBundle {
  return { wasm: readFileSync(join(policyBundleDir, 'policy.wasm')), catalog: loadCatalog() };
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
