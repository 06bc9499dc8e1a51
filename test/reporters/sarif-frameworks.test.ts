import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import type { ControlMeta } from '../../src/model/control.js';
import { crosswalkLabel, otherFrameworksOf, shippedCrosswalk, type Crosswalk } from '../../src/frameworks/crosswalk.js';
import type { FrameworkReference } from '../../src/model/frameworks.js';
import type { Finding } from '../../src/model/finding.js';
import { GITHUB_LIMITS, sarifLog } from '../../src/reporters/sarif.js';

/**
 * SARIF rules carry the framework requirements that map each control (rules/) as tags GitHub
 * code scanning can filter on (`owasp-llm-2025/LLM02`) and in their help, within GitHub's 10
 * tags per rule.
 */

const catalog = loadCatalog().controls;
const control = (id: string) => catalog.find((c) => c.id === id)!;

function failing(c: ControlMeta): Finding {
  return {
    controlId: c.id, title: c.title, capability: c.capability, component: c.component, severity: c.severity, status: 'fail', message: 'bad',
    resource: { arn: `arn:aws:s3:::${c.id.toLowerCase()}`, type: c.resourceTypes[0]!, id: c.id, region: 'us-east-1', accountId: '123456789012' },
  };
}

function rules(ids: string[], crosswalk: Crosswalk) {
  const log = sarifLog({
    toolVersion: '1.0.0', controls: catalog, crosswalk, findings: ids.map((id) => failing(control(id))), inventoryUri: 'inventory.json',
    inventoryLines: new Map(), accounts: ['123456789012'], startedAt: 'S', finishedAt: 'F',
  });
  return new Map(log.runs[0]!.tool.driver.rules!.map((r) => [r.id, r]));
}

const fixedTags = (c: ControlMeta) => ['security', 'caf-ai', c.capability, c.component];

describe('SARIF rule tags and help from rules/', () => {
  const shipped = shippedCrosswalk();
  const byId = rules(['CAFAI-DP-02', 'CAFAI-VM-02', 'CAFAI-SG-01'], shipped);

  it('tags a rule with each framework requirement that maps the control, after the fixed tags', () => {
    const dp02 = byId.get('CAFAI-DP-02')!;
    const tags = dp02.properties!.tags!;
    expect(tags.slice(0, 4)).toEqual(fixedTags(control('CAFAI-DP-02')));
    expect(tags).toContain('s3');
    expect(tags).toContain('owasp-llm-2025/LLM02');
    expect(tags.filter((t) => t.includes('/'))).toEqual(otherFrameworksOf(shipped, 'CAFAI-DP-02').map(crosswalkLabel));
    // CAF-AI's requirement is the capability and component tags already.
    expect(tags.some((t) => t.startsWith('caf-ai-security/'))).toBe(false);
    expect(dp02.help!.text).toContain('Frameworks: ');
    expect(dp02.help!.text).toContain('owasp-llm-2025/LLM02 Sensitive Information Disclosure (in part)');
    expect(dp02.help!.markdown).toContain('### Frameworks\n\n');
  });

  it('stops at GitHub\'s 10 tags per rule, keeping the fixed ones; help lists every requirement', () => {
    const vm02 = byId.get('CAFAI-VM-02')!;
    const all = otherFrameworksOf(shipped, 'CAFAI-VM-02');
    expect(all.length + 5).toBeGreaterThan(GITHUB_LIMITS.tagsPerRule);
    const tags = vm02.properties!.tags!;
    expect(tags).toHaveLength(GITHUB_LIMITS.tagsPerRule);
    expect(tags.slice(0, 4)).toEqual(fixedTags(control('CAFAI-VM-02')));
    for (const reference of all) expect(vm02.help!.markdown).toContain(`- ${reference.framework}: `);
    expect(vm02.help!.text).toContain(all.map((r) => crosswalkLabel(r)).at(-1));
  });

  it('a synthetic crosswalk of 30 requirements still gives 10 tags', () => {
    const many: FrameworkReference[] = Array.from({ length: 30 }, (_, i) => ({ framework: 'fw', requirement: `R${i}`, title: `t${i}` }));
    const rule = rules(['CAFAI-DP-02'], new Map([['CAFAI-DP-02', many]])).get('CAFAI-DP-02')!;
    const tags = rule.properties!.tags!;
    expect(tags).toHaveLength(10);
    const fixed = tags.slice(0, tags.indexOf('fw/R0'));
    expect(fixed.slice(0, 4)).toEqual(fixedTags(control('CAFAI-DP-02')));
    // The first requirements, in order, fill what the fixed tags leave.
    expect(tags.slice(fixed.length)).toEqual(Array.from({ length: 10 - fixed.length }, (_, i) => `fw/R${i}`));
    expect(rule.help!.text).toContain('fw/R29 t29');
  });

  it('when they do not all fit, the frameworks take turns, so the last framework by id still has a tag', () => {
    const refs = (framework: string, n: number): FrameworkReference[] => Array.from({ length: n }, (_, i) => ({ framework, requirement: `R${i}`, title: `t${i}` }));
    const rule = rules(['CAFAI-DP-02'], new Map([['CAFAI-DP-02', [...refs('a-first', 8), ...refs('z-last', 2)]]])).get('CAFAI-DP-02')!;
    const tags = rule.properties!.tags!;
    expect(tags).toHaveLength(10);
    const frameworkTags = tags.filter((t) => t.includes('/'));
    expect(frameworkTags.slice(0, 4)).toEqual(['a-first/R0', 'z-last/R0', 'a-first/R1', 'z-last/R1']);
  });

  it('a control no framework beyond CAF-AI maps keeps today\'s tags and no Frameworks section', () => {
    const sg01 = byId.get('CAFAI-SG-01')!;
    expect(otherFrameworksOf(shipped, 'CAFAI-SG-01')).toEqual([]);
    expect(sg01.properties!.tags).toEqual([...fixedTags(control('CAFAI-SG-01')), 'sagemaker']);
    expect(sg01.help!.text).not.toContain('Frameworks:');
    expect(sg01.help!.markdown).toContain('### References');
  });
});
