import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderControls, renderControlsMarkdown } from '../../src/cli/controls-command.js';
import { loadCatalog, policyBundleDir } from '../../src/controls/catalog.js';
import { RETIRED_CONTROLS } from '../../src/controls/retired.js';
import { otherFrameworksOf, shippedCrosswalk } from '../../src/frameworks/crosswalk.js';
import { regoSources, sourceHash } from '../../scripts/policy-catalog.mjs';
import { repoRoot } from '../helpers/cli.js';

describe('the shipped policy bundle', () => {
  it('was built from the current Rego sources (run `npm run build:policies`)', () => {
    expect(loadCatalog().sourceHash).toBe(sourceHash());
  });

  it('has a wasm module and one catalog entry per control file', () => {
    const wasm = readFileSync(join(policyBundleDir, 'policy.wasm'));
    expect(wasm.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
    const controlFiles = regoSources().filter((f) => f.includes(`${join('policies', 'controls')}`));
    expect(loadCatalog().controls.map((c) => join(repoRoot, c.source)).sort()).toEqual(controlFiles.sort());
  });

  it('has a test file beside every control', () => {
    const withTests = new Set(regoSources({ includeTests: true }));
    for (const control of loadCatalog().controls) {
      expect(withTests.has(join(repoRoot, control.source.replace(/\.rego$/, '_test.rego'))), control.source).toBe(true);
    }
  });

  it('documents every control in docs/controls.md, generated from the metadata and rules/ (run `npm run docs`)', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'controls.md'), 'utf8')).toBe(renderControlsMarkdown(loadCatalog().controls, shippedCrosswalk()));
  });
});

describe('every control', () => {
  it('has opa test cases for a failing, a passing and a not-applicable resource', () => {
    for (const control of loadCatalog().controls) {
      const tests = readFileSync(join(repoRoot, control.source.replace(/\.rego$/, '_test.rego')), 'utf8');
      const covers = {
        fail: /testing\.status\(.*\)\s*==\s*"fail"/.test(tests),
        pass: /testing\.status\(.*\)\s*==\s*"pass"/.test(tests),
        notApplicable: /testing\.not_applicable\(/.test(tests),
        // A control on generic resources must also show it ignores what no AI workload uses.
        unlinked: control.scope !== 'linked' || /testing\.unlinked_not_applicable\(/.test(tests),
      };
      expect({ control: control.id, ...covers }).toEqual({ control: control.id, fail: true, pass: true, notApplicable: true, unlinked: true });
    }
  });
});

describe('the catalog (`cafscan controls --format json`)', () => {
  const controls = loadCatalog().controls;
  const ENRICHED = ['vulnerability-management', 'security-governance', 'security-assurance', 'threat-detection', 'infrastructure-protection', 'data-protection', 'application-security'];

  // A linked control checks resources in each of its linked components (CAFAI-SG-02 judges output
  // buckets too, since it replaced CAFAI-SG-07), so it counts towards each of those cells.
  const checks = (c: (typeof controls)[number], component: string) => c.component === component || (c.linkedComponents ?? []).some((x) => x === component);

  it('has at least 60 controls: two or more checking each AI-enriched capability × component, three or more for IAM and incident response', () => {
    expect(controls.length).toBeGreaterThanOrEqual(60);
    const thin = ENRICHED.flatMap((capability) => ['input', 'model', 'output'].map((component) => ({ cell: `${capability}/${component}`, n: controls.filter((c) => c.capability === capability && checks(c, component)).length }))).filter((x) => x.n < 2);
    expect(thin).toEqual([]);
    expect(controls.filter((c) => c.capability === 'identity-and-access-management').length).toBeGreaterThanOrEqual(3);
    expect(controls.filter((c) => c.capability === 'incident-response').length).toBeGreaterThanOrEqual(3);
  });

  it('never reuses a retired id, and names a replacement that exists', () => {
    const ids = new Set(controls.map((c) => c.id));
    expect(RETIRED_CONTROLS.filter((r) => ids.has(r.id) || !ids.has(r.replacedBy))).toEqual([]);
    expect(RETIRED_CONTROLS.map((r) => r.id)).toEqual(['CAFAI-DP-12', 'CAFAI-IR-04', 'CAFAI-SG-07']);
    // `cafscan controls` and docs/controls.md say what replaced each.
    expect(renderControls(controls, 'table', shippedCrosswalk())).toContain(`${controls.length} controls; retired ids: CAFAI-DP-12 (now CAFAI-DP-01), CAFAI-IR-04 (now CAFAI-AS-01), CAFAI-SG-07 (now CAFAI-SG-02)`);
    expect(renderControlsMarkdown(controls, shippedCrosswalk())).toContain('| CAFAI-IR-04 | [CAFAI-AS-01](#cafai-as-01) |');
  });

  it('checks each S3 bucket setting in one control, whatever components link the bucket', () => {
    const bucketControls = controls.filter((c) => c.resourceTypes.includes('AWS::S3::Bucket'));
    const linkedIn = (id: string) => bucketControls.find((c) => c.id === id)?.linkedComponents;
    expect(linkedIn('CAFAI-DP-01')).toEqual(['input', 'model', 'output']);
    expect(linkedIn('CAFAI-SG-02')).toEqual(['input', 'model', 'output']);
    expect(linkedIn('CAFAI-AS-01')).toEqual(['input', 'model', 'output']);
  });

  // Somewhere to read further: a documentation link (METADATA) or a requirement of a framework
  // beyond CAF-AI that maps the control (rules/).
  it('gives every control a CAF-AI rationale, console steps plus a CLI or IaC snippet, and a reference or framework requirement', () => {
    const further = (c: (typeof controls)[number]) => c.references.length > 0 || otherFrameworksOf(shippedCrosswalk(), c.id).length > 0;
    const incomplete = controls.filter((c) => !c.rationale.trim() || !c.remediation.console.trim() || !(c.remediation.cli || c.remediation.terraform || c.remediation.cloudformation) || !further(c) || !c.cafSection);
    expect(incomplete.map((c) => c.id)).toEqual([]);
  });
});
