import type { Framework, FrameworkCoverage } from '../model/frameworks.js';

/**
 * How much of a framework cafscan can evaluate, in four disjoint counts. A partly automated
 * requirement is never counted as automated: its controls passing does not mean it is met.
 */
export function frameworkCoverage(framework: Framework): FrameworkCoverage {
  const counts = { automated: 0, partial: 0, manual: 0, notCovered: 0 };
  const controls = new Set<string>();
  for (const requirement of framework.requirements) {
    switch (requirement.kind) {
      case 'automated':
        if (requirement.partial !== undefined) counts.partial++;
        else counts.automated++;
        for (const id of requirement.controls) controls.add(id);
        break;
      case 'manual':
        counts.manual++;
        break;
      case 'not-covered':
        counts.notCovered++;
        break;
    }
  }
  return {
    id: framework.id,
    name: framework.name,
    version: framework.version,
    source: framework.source,
    requirements: framework.requirements.length,
    ...counts,
    controls: [...controls].sort(),
  };
}
