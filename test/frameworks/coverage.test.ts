import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import { frameworkCoverage } from '../../src/frameworks/coverage.js';
import { loadFrameworks } from '../../src/frameworks/load-frameworks.js';
import type { Framework } from '../../src/model/frameworks.js';

const base = { name: 'F', version: '1', source: 'https://example.com', sections: [], file: 'rules/f.yaml' };

describe('frameworkCoverage', () => {
  it('counts the four forms apart and lists the controls referenced once, sorted', () => {
    const framework: Framework = {
      ...base,
      id: 'f',
      requirements: [
        { id: 'A', title: 'a', kind: 'automated', controls: ['CAFAI-TD-02', 'CAFAI-DP-01'] },
        { id: 'B', title: 'b', kind: 'automated', controls: ['CAFAI-DP-01'], partial: 'rest by hand' },
        { id: 'C', title: 'c', kind: 'automated', controls: ['CAFAI-AS-01'], partial: 'rest by hand' },
        { id: 'D', title: 'd', kind: 'manual', check: 'by hand' },
        { id: 'E', title: 'e', kind: 'not-covered', notCovered: 'issue 13' },
        { id: 'F', title: 'f', kind: 'not-covered', notCovered: 'issue 13', check: 'console' },
      ],
    };
    expect(frameworkCoverage(framework)).toEqual({
      id: 'f', name: 'F', version: '1', source: 'https://example.com',
      requirements: 6, automated: 1, partial: 2, manual: 1, notCovered: 2,
      controls: ['CAFAI-AS-01', 'CAFAI-DP-01', 'CAFAI-TD-02'],
    });
  });

  it('adds up to the requirement count for every shipped framework', () => {
    const frameworks = loadFrameworks(new Set(loadCatalog().controls.map((c) => c.id)));
    for (const framework of frameworks) {
      const c = frameworkCoverage(framework);
      expect(c.automated + c.partial + c.manual + c.notCovered, framework.id).toBe(framework.requirements.length);
    }
  });

  it('counts the shipped CAF-AI file as every control, every requirement partly automated', () => {
    const catalog = loadCatalog().controls;
    const caf = loadFrameworks(new Set(catalog.map((c) => c.id))).find((f) => f.id === 'caf-ai-security')!;
    expect(frameworkCoverage(caf)).toMatchObject({ requirements: 27, automated: 0, partial: 27, manual: 0, notCovered: 0, controls: catalog.map((c) => c.id).sort() });
  });

  // Issue 13's floor: no capability is judged on one component by a single control (or none).
  it('holds at least two controls in every capability × component cell', () => {
    const catalog = loadCatalog().controls;
    const caf = loadFrameworks(new Set(catalog.map((c) => c.id))).find((f) => f.id === 'caf-ai-security')!;
    const thin = caf.requirements.filter((r) => !('controls' in r) || r.controls.length < 2).map((r) => r.id);
    expect(caf.requirements).toHaveLength(27);
    expect(thin).toEqual([]);
  });
});
