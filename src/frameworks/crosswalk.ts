import { loadCatalog } from '../controls/catalog.js';
import { loadFrameworks } from './load-frameworks.js';
import { CAF_FRAMEWORK_ID, type Crosswalk, type Framework, type FrameworkReference } from '../model/frameworks.js';

export type { Crosswalk } from '../model/frameworks.js';

/** Inverts the frameworks' requirement → controls lists: the crosswalk ids of each control. */
export function buildCrosswalk(frameworks: readonly Framework[]): Crosswalk {
  const out = new Map<string, FrameworkReference[]>();
  for (const framework of frameworks) {
    for (const requirement of framework.requirements) {
      // Manual and uncovered requirements name no control: nothing to cross-reference.
      if (requirement.kind !== 'automated') continue;
      const reference: FrameworkReference = {
        framework: framework.id,
        requirement: requirement.id,
        title: requirement.title,
        ...(requirement.url !== undefined ? { url: requirement.url } : {}),
        ...(requirement.partial !== undefined ? { partial: true as const } : {}),
      };
      for (const id of requirement.controls) {
        const list = out.get(id);
        if (list) list.push(reference);
        else out.set(id, [reference]);
      }
    }
  }
  return out;
}

let shippedList: readonly Framework[] | undefined;
let shipped: Crosswalk | undefined;

/**
 * The shipped rules/, checked against the shipped catalog (a broken rules/ file is one
 * InputError line): read and validated once per process, however many parts of a command
 * (selection, posture, crosswalk) need them.
 */
export function shippedFrameworks(): readonly Framework[] {
  shippedList ??= loadFrameworks(new Set(loadCatalog().controls.map((c) => c.id)));
  return shippedList;
}

/** The crosswalk of the shipped rules/ (shippedFrameworks). */
export function shippedCrosswalk(): Crosswalk {
  shipped ??= buildCrosswalk(shippedFrameworks());
  return shipped;
}

/** The requirements that map a control; none for a control no framework lists (a fixture policy's). */
export function frameworksOf(crosswalk: Crosswalk, controlId: string): readonly FrameworkReference[] {
  return crosswalk.get(controlId) ?? [];
}

/** The same, without the CAF-AI requirement (for listings that show capability and component already). */
export function otherFrameworksOf(crosswalk: Crosswalk, controlId: string): readonly FrameworkReference[] {
  return frameworksOf(crosswalk, controlId).filter((r) => r.framework !== CAF_FRAMEWORK_ID);
}

/** `<framework>/<requirement>`, e.g. owasp-llm-2025/LLM02: a SARIF tag and a compact label. */
export function crosswalkLabel(reference: FrameworkReference): string {
  return `${reference.framework}/${reference.requirement}`;
}

/** "owasp-llm-2025: LLM02, LLM04 · aws-genai-lens-security: GENSEC01-BP03": one line, grouped by framework. */
export function crosswalkLine(references: readonly FrameworkReference[]): string {
  const groups = new Map<string, string[]>();
  for (const reference of references) {
    const group = groups.get(reference.framework);
    if (group) group.push(reference.requirement);
    else groups.set(reference.framework, [reference.requirement]);
  }
  return [...groups].map(([framework, ids]) => `${framework}: ${ids.join(', ')}`).join(' · ');
}
