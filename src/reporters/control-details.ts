import type { ControlMeta } from '../model/control.js';
import { compareText } from '../order.js';
import type { ControlDetailsMap } from '../model/results.js';
import { frameworksOf, type Crosswalk } from '../frameworks/crosswalk.js';

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
