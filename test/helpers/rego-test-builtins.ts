import { applyPatch, type Operation } from 'fast-json-patch';
import type { CustomBuiltins } from '../../src/engine/policy-runner.js';

/**
 * Builtins Rego *tests* call that opa-wasm does not implement, so that the tests can run in wasm
 * at all. Only tests may use them: test/engine/builtins-audit.test.ts fails if the shipped bundle
 * imports one. Each must behave as OPA's Go builtin for the way the tests call it.
 */
export const TEST_ONLY_BUILTINS: CustomBuiltins & Record<string, unknown> = {
  // Control tests derive variants of a resource (remove or replace a field). OPA's json.patch
  // applies RFC 6902 and is undefined when an operation cannot apply (a missing path); a
  // throw here would be reported as a wasm error, so failure returns undefined like Go.
  'json.patch': (document: unknown, patches: unknown): unknown => {
    try {
      return applyPatch(structuredClone(document), patches as Operation[], true, true).newDocument;
    } catch {
      return undefined;
    }
  },
};
