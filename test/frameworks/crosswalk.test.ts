import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { crosswalkProblems, readCrosswalkKeys } from '../../scripts/crosswalk-guard.mjs';
import { ensureOpa, repoRoot } from '../../scripts/opa-cli.mjs';
import { readCatalog } from '../../scripts/policy-catalog.mjs';
import { loadCatalog } from '../../src/controls/catalog.js';
import { buildCrosswalk, crosswalkLabel, crosswalkLine, otherFrameworksOf, shippedCrosswalk } from '../../src/frameworks/crosswalk.js';
import { parseFramework } from '../../src/frameworks/load-frameworks.js';
import { tempDir } from '../helpers/cli.js';

/**
 * Crosswalks (which framework requirements a control meets) live only in rules/ (issue 12): the
 * per-control lists are derived from it, and the catalog build rejects a crosswalk id in a
 * control's METADATA.
 */

const framework = (id: string, requirements: unknown[]) => parseFramework(stringify({ id, name: id, version: '1', source: `https://example.com/${id}`, requirements }), `rules/${id}.yaml`);

describe('buildCrosswalk', () => {
  const crosswalk = buildCrosswalk([
    framework('alpha', [
      { id: 'A1', title: 'First', url: 'https://example.com/a1', controls: ['CAFAI-DP-01', 'CAFAI-DP-02'] },
      { id: 'A2', title: 'Second', controls: ['CAFAI-DP-01'], partial: 'the rest by hand' },
      { id: 'A3', title: 'Manual', manual: true, check: 'by hand' },
    ]),
    framework('caf-ai-security', [{ id: 'data-protection/input', title: 'Data protection, input', controls: ['CAFAI-DP-01'] }]),
  ]);

  it('lists, per control, the automated requirements that name it, in framework then file order', () => {
    expect(crosswalk.get('CAFAI-DP-01')).toEqual([
      { framework: 'alpha', requirement: 'A1', title: 'First', url: 'https://example.com/a1' },
      { framework: 'alpha', requirement: 'A2', title: 'Second', partial: true },
      { framework: 'caf-ai-security', requirement: 'data-protection/input', title: 'Data protection, input' },
    ]);
    expect(crosswalk.get('CAFAI-DP-02')).toEqual([{ framework: 'alpha', requirement: 'A1', title: 'First', url: 'https://example.com/a1' }]);
    // A manual requirement names no control; a control no framework lists has none.
    expect(crosswalk.get('CAFAI-DP-03')).toBeUndefined();
    expect(otherFrameworksOf(crosswalk, 'CAFAI-DP-03')).toEqual([]);
  });

  it('leaves CAF-AI out of the human listings, which print capability and component beside it', () => {
    const others = otherFrameworksOf(crosswalk, 'CAFAI-DP-01');
    expect(others.map(crosswalkLabel)).toEqual(['alpha/A1', 'alpha/A2']);
    expect(crosswalkLine([...others, { framework: 'beta', requirement: 'B9', title: 'x' }])).toBe('alpha: A1, A2 · beta: B9');
  });

  it('the shipped crosswalk holds every catalog control under its CAF-AI capability and component', () => {
    const shipped = shippedCrosswalk();
    for (const control of loadCatalog().controls) {
      expect(shipped.get(control.id)?.filter((r) => r.framework === 'caf-ai-security').map((r) => r.requirement), control.id).toEqual([`${control.capability}/${control.component}`]);
    }
    expect(otherFrameworksOf(shipped, 'CAFAI-DP-02').map(crosswalkLabel)).toContain('owasp-llm-2025/LLM02');
  });
});

describe('the catalog build keeps crosswalk ids out of METADATA (scripts/crosswalk-guard.mjs)', () => {
  const keys = readCrosswalkKeys();
  const control = (references: unknown[]) => ({ id: 'CAFAI-XX-01', source: 'policies/controls/x.rego', references });
  const doc = { id: 'Retaining multiple versions of objects', source: 'AWS documentation', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html' };

  it('knows the ids and pages of every rules/ file', () => {
    for (const id of ['llm02', 'gensec01-bp03', 'sagemaker.21', 'bedrock_agent_guardrail_enabled', 'aisf-ml-02', 'data-protection/input', 'owasp-llm-2025']) expect(keys.ids.has(id), id).toBe(true);
    expect(keys.pages.get('https://docs.aws.amazon.com/wellarchitected/latest/generative-ai-lens/gensec01-bp03.html')).toBe('rules/aws-genai-lens-security.yaml');
    expect(keys.pages.get('https://genai.owasp.org/llm-top-10')).toBe('rules/owasp-llm-2025.yaml');
  });

  it('accepts documentation links, and the shipped catalog holds nothing else', () => {
    expect(crosswalkProblems([control([doc])], keys)).toEqual([]);
    expect(crosswalkProblems(loadCatalog().controls, keys)).toEqual([]);
  });

  it.each([
    ['a crosswalk id as it was written before rules/ (no url)', { id: 'GENSEC01-BP01', source: 'AWS Well-Architected Generative AI Lens' }, 'documentation links with id, source and an https url'],
    ['a requirement id with a url', { id: 'LLM02', source: 'OWASP', url: 'https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/' }, 'names LLM02, which rules/owasp-llm-2025.yaml holds'],
    ['a requirement id among other words, any case', { id: 'sagemaker.21 (network isolation)', source: 'AWS Security Hub', url: 'https://docs.aws.amazon.com/securityhub/' }, 'names sagemaker.21, which rules/aws-securityhub-ai-security.yaml holds'],
    ['a Prowler check id', { id: 'bedrock_agent_guardrail_enabled', source: 'Prowler', url: 'https://hub.prowler.com/' }, 'rules/prowler-aws-ai-checks.yaml holds'],
    ['a requirement page under another name', { id: 'Least privilege for data stores', source: 'AWS documentation', url: 'https://docs.aws.amazon.com/wellarchitected/latest/generative-ai-lens/gensec01-bp03.html#x' }, 'a page rules/aws-genai-lens-security.yaml maps'],
    ['an http link', { id: 'Something', source: 'AWS documentation', url: 'http://example.com' }, 'an https url'],
  ])('rejects %s', (_what, reference, message) => {
    const problems = crosswalkProblems([control([doc, reference])], keys);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('policies/controls/x.rego: custom.references');
    expect(problems[0]).toContain(message);
  });

  it('fails the build on a control whose METADATA carries one (opa inspect of a policy folder)', () => {
    const dir = join(tempDir(), 'policies');
    mkdirSync(join(dir, 'controls'), { recursive: true });
    const source = readFileSync(join(repoRoot, 'policies/controls/security-governance/sagemaker_resource_owner_tag.rego'), 'utf8');
    const opa = ensureOpa({ quiet: true });
    writeFileSync(join(dir, 'controls', 'owner_tag.rego'), source);
    expect(readCatalog(opa, { policies: dir }).controls).toHaveLength(1);
    // The reference this control carried before rules/ took the crosswalks over.
    const crosswalked = source.replace(/#   references:\n(#     .*\n)+/, '#   references:\n#     - id: GENSEC01-BP01\n#       source: AWS Well-Architected Generative AI Lens\n');
    expect(crosswalked).not.toBe(source);
    writeFileSync(join(dir, 'controls', 'owner_tag.rego'), crosswalked);
    expect(() => readCatalog(opa, { policies: dir })).toThrow(/owner_tag\.rego: custom\.references entries are documentation links/);
    writeFileSync(join(dir, 'controls', 'owner_tag.rego'), crosswalked.replace('#       source: AWS Well-Architected Generative AI Lens\n', '#       source: AWS Well-Architected Generative AI Lens\n#       url: https://docs.aws.amazon.com/wellarchitected/latest/generative-ai-lens/gensec01-bp01.html\n'));
    expect(() => readCatalog(opa, { policies: dir })).toThrow(/names GENSEC01-BP01, which rules\/aws-genai-lens-security\.yaml holds: crosswalks live only in rules\//);
  });
});
