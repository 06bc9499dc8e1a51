import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosswalkProblems, readCrosswalkKeys } from '../../scripts/crosswalk-guard.mjs';
import { loadCatalog } from '../../src/controls/catalog.js';
import { CAPABILITIES, COMPONENTS } from '../../src/model/control.js';
import { RETIRED_CONTROLS } from '../../src/controls/retired.js';
import { frameworkControlProblems, loadFrameworks, RULES_DIR } from '../../src/frameworks/load-frameworks.js';
import type { Framework, Requirement } from '../../src/model/frameworks.js';

/**
 * The shipped rules/ files: each validates, names only current catalog controls, and the
 * CAF-AI file holds every control under the capability and component its METADATA gives.
 */

const catalog = loadCatalog().controls;
const catalogIds = new Set(catalog.map((c) => c.id));
const frameworks = loadFrameworks(catalogIds);
const byId = new Map(frameworks.map((f) => [f.id, f]));
const framework = (id: string): Framework => {
  const found = byId.get(id);
  if (!found) throw new Error(`no framework ${id} in rules/`);
  return found;
};
const ids = (f: Framework) => f.requirements.map((r) => r.id);
const controlsOf = (r: Requirement) => (r.kind === 'automated' ? r.controls : []);

describe('rules/', () => {
  it('loads every YAML file in the folder, each named after its framework id', () => {
    const files = readdirSync(RULES_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
    expect(frameworks.map((f) => `${f.id}.yaml`).sort()).toEqual(files);
    expect([...byId.keys()].sort()).toEqual(
      expect.arrayContaining(['aws-genai-lens-security', 'aws-securityhub-ai-security', 'caf-ai-security', 'owasp-llm-2025', 'prowler-aws-ai-checks', 'prowler-aws-ai-security']),
    );
  });

  it.each(frameworks.map((f) => [f.id, f] as const))('%s names only controls in the catalog, none retired', (_id, f) => {
    expect(frameworkControlProblems(f, catalogIds)).toEqual([]);
    for (const requirement of f.requirements) {
      for (const id of controlsOf(requirement)) {
        expect(catalogIds.has(id), `${f.id} ${requirement.id}: ${id}`).toBe(true);
        expect(RETIRED_CONTROLS.map((r) => r.id)).not.toContain(id);
      }
    }
  });

  // rules/ is the only home of crosswalks: no control's METADATA names a requirement, a
  // framework or a page these files hold (the catalog build rejects one: crosswalk.test.ts).
  it('holds every crosswalk: no control\'s METADATA reference names what a rules/ file holds', () => {
    expect(crosswalkProblems(catalog, readCrosswalkKeys())).toEqual([]);
    expect(catalog.flatMap((c) => c.references.filter((r) => !r.url))).toEqual([]);
  });

  it('the catalog has no retired id, so the retired check above is not vacuous', () => {
    for (const retired of RETIRED_CONTROLS) expect(catalogIds.has(retired.id)).toBe(false);
  });
});

describe('caf-ai-security', () => {
  const caf = framework('caf-ai-security');

  it('has one section per capability and one requirement per capability and component', () => {
    expect(caf.sections.map((s) => s.id)).toEqual([...CAPABILITIES]);
    expect(ids(caf).sort()).toEqual(CAPABILITIES.flatMap((cap) => COMPONENTS.map((comp) => `${cap}/${comp}`)).sort());
    for (const requirement of caf.requirements) {
      expect(requirement.id).toBe(`${requirement.section}/${requirement.component}`);
    }
  });

  it('lists every catalog control exactly once, under its METADATA capability and component', () => {
    const listed = caf.requirements.flatMap((r) => controlsOf(r).map((id) => [id, r] as const));
    expect(listed.map(([id]) => id).sort()).toEqual([...catalogIds].sort());
    for (const [id, requirement] of listed) {
      const control = catalog.find((c) => c.id === id)!;
      expect(`${control.capability}/${control.component}`, id).toBe(requirement.id);
    }
  });

  it('gives every section a title and a section reference in the whitepaper', () => {
    for (const section of caf.sections) {
      expect(section.title).not.toBe('');
      expect(section.reference).toMatch(/^Security perspective/);
    }
  });
});

describe('the other frameworks hold the requirement ids their publishers use', () => {
  it('GenAI Lens: GENSEC01 to GENSEC06 with their best-practice ids', () => {
    const lens = framework('aws-genai-lens-security');
    expect(lens.sections.map((s) => s.id)).toEqual(['GENSEC01', 'GENSEC02', 'GENSEC03', 'GENSEC04', 'GENSEC05', 'GENSEC06']);
    expect(ids(lens)).toEqual([
      'GENSEC01-BP01', 'GENSEC01-BP02', 'GENSEC01-BP03', 'GENSEC01-BP04', 'GENSEC02-BP01', 'GENSEC03-BP01',
      'GENSEC04-BP01', 'GENSEC04-BP02', 'GENSEC05-BP01', 'GENSEC06-BP01',
    ]);
    for (const requirement of lens.requirements) expect(requirement.id.startsWith(`${requirement.section}-`)).toBe(true);
  });

  it('Security Hub: the 31 controls of AI Security Best Practices v1.0.0', () => {
    const hub = framework('aws-securityhub-ai-security');
    const sagemaker = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25].map((n) => `SageMaker.${n}`);
    const agentcore = [1, 2, 3, 4, 5, 6, 7].map((n) => `BedrockAgentCore.${n}`);
    expect(ids(hub).sort()).toEqual(['Bedrock.1', ...agentcore, ...sagemaker].sort());
    for (const requirement of hub.requirements) expect(requirement.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/securityhub\/latest\/userguide\/[a-z]+-controls\.html#[a-z]+-\d+$/);
  });

  it('OWASP: LLM01 to LLM10', () => {
    expect(ids(framework('owasp-llm-2025'))).toEqual(Array.from({ length: 10 }, (_, i) => `LLM${String(i + 1).padStart(2, '0')}`));
  });

  it('Prowler: 63 AISF requirements in five sections, each automated one naming the Prowler checks it maps', () => {
    const prowler = framework('prowler-aws-ai-security');
    expect(prowler.requirements).toHaveLength(63);
    expect(prowler.sections).toHaveLength(5);
    for (const requirement of prowler.requirements) {
      expect(requirement.id).toMatch(/^AISF-[A-Z]+-\d{2}$/);
      // Prowler's manual requirements map no check; every other one does.
      if (requirement.peerChecks) expect(requirement.peerChecks.every((c) => /^[a-z0-9_]+$/.test(c))).toBe(true);
    }
    expect(prowler.requirements.filter((r) => !r.peerChecks).map((r) => r.id)).toHaveLength(15);
  });

  it('Prowler checks: one requirement per check id, every Bedrock and SageMaker check listed', () => {
    const checks = framework('prowler-aws-ai-checks');
    for (const requirement of checks.requirements) expect(requirement.id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
    const ai = checks.requirements.filter((r) => r.section !== 'other');
    expect(ai.every((r) => r.id.startsWith(`${r.section}_`))).toBe(true);
    expect(ai).toHaveLength(34);
    // Every check the AI Security Framework file maps to a Bedrock or SageMaker check is listed.
    const prowler = framework('prowler-aws-ai-security');
    const aiChecks = new Set(prowler.requirements.flatMap((r) => r.peerChecks ?? []).filter((c) => /^(bedrock|sagemaker)_/.test(c)));
    for (const check of aiChecks) expect(ids(checks)).toContain(check);
  });
});
