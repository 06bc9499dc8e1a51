import type { Capability, Component, ControlMeta, Reference, Remediation, Severity } from '../controls/catalog.js';
import { frameworksOf, type Crosswalk } from '../frameworks/crosswalk.js';
import type { FrameworkReference } from '../frameworks/model.js';
import { compareText } from '../order.js';

/**
 * What results.json says once per control (its top-level `controls`), so a reader of a finding
 * finds how to fix it by the finding's `controlId` without the catalog at hand, and the
 * remediation is not repeated on every finding of that control.
 */
export interface ControlDetails {
  title: string;
  severity: Severity;
  capability: Capability;
  component: Component;
  rationale: string;
  remediation: Remediation;
  /** Documentation links (the control's METADATA). */
  references: Reference[];
  /** The framework requirements that map the control (rules/), CAF-AI's included. */
  frameworks: FrameworkReference[];
}

export type ControlDetailsMap = Record<string, ControlDetails>;

/** The details of the controls in `ids` (those with a finding), by id in id order; ids the catalog lacks are left out. */
export function controlDetails(catalog: readonly ControlMeta[], ids: Iterable<string>, crosswalk: Crosswalk): ControlDetailsMap {
  const byId = new Map(catalog.map((c) => [c.id, c]));
  const out: ControlDetailsMap = {};
  for (const id of [...new Set(ids)].sort(compareText)) {
    const c = byId.get(id);
    if (!c) continue;
    out[id] = { title: c.title, severity: c.severity, capability: c.capability, component: c.component, rationale: c.rationale, remediation: c.remediation, references: c.references, frameworks: [...frameworksOf(crosswalk, id)] };
  }
  return out;
}
