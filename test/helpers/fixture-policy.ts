import { join } from 'node:path';
import { ensureOpa, repoRoot } from '../../scripts/opa-cli.mjs';
import { buildWasm } from '../../scripts/wasm-bundle.mjs';

/**
 * The real router (policies/main.rego) compiled with the fixture controls of
 * test/engine/fixtures/fault-isolation, which fail at run time in opa-wasm the ways real ones can.
 */
export function buildFaultFixture(): Uint8Array {
  return buildWasm(ensureOpa(), ['cafscan/main/findings', 'cafscan/redaction/paths'], [join(repoRoot, 'policies/main.rego'), join(repoRoot, 'test/engine/fixtures/fault-isolation')], { quiet: true });
}
