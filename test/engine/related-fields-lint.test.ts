import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import { checkRelatedFields, policySources, relatedReads } from '../../scripts/check-related-fields.mjs';

// The static half of the guard on custom.related_fields (the runtime half is context-trim.test.ts):
// every field of a looked-up resource a policy reads must be declared.
describe('scripts/check-related-fields.mjs', () => {
  it('finds every shipped policy read of a related resource declared', () => {
    const sources = policySources();
    const reads = sources.flatMap((s) => relatedReads(s.text));
    // Not vacuous: the shipped policies read dozens of fields of other resources.
    expect(reads.length).toBeGreaterThan(80);
    expect(checkRelatedFields(loadCatalog(), sources)).toEqual([]);
  });

  it('flags a shipped read once its declaration is dropped (in a control, and in a shared helper)', () => {
    const catalog = loadCatalog();
    const drop = (id: string, type: string, path: string) => ({
      controls: catalog.controls.map((c) => (c.id === id || id === '*' ? { ...c, relatedFields: { ...c.relatedFields, [type]: (c.relatedFields[type] ?? []).filter((p) => p !== path) } } : c)),
    });
    const trail = catalog.controls.find((c) => c.source.endsWith('cloudtrail_multi_region_trail.rego'))!;
    expect(checkRelatedFields(drop(trail.id, 'AWS::CloudTrail::Trail', 'configuration.hasCustomEventSelectors'), policySources()).join('\n'))
      .toMatch(/cloudtrail_multi_region_trail\.rego:\d+: reads configuration\.hasCustomEventSelectors of a related resource, which the control's custom\.related_fields does not declare/);
    // A shared helper's read counts against each control that reaches it, even when others declare it.
    const admin = catalog.controls.find((c) => c.source.endsWith('ai_service_role_not_admin.rego'))!;
    expect(checkRelatedFields(drop(admin.id, 'AWS::IAM::Policy', 'configuration.policyVersionList'), policySources())).toEqual([
      expect.stringMatching(/^policies\/lib\/iam\.rego:\d+: reads configuration\.policyVersionList of a related resource \(through lib\.iam_default_policy_document, used by policies\/controls\/identity-and-access-management\/ai_service_role_not_admin\.rego\), which the control's custom\.related_fields does not declare$/),
    ]);
    const quality = catalog.controls.find((c) => c.source.endsWith('sagemaker_endpoint_model_quality_monitoring.rego'))!;
    expect(checkRelatedFields(drop(quality.id, 'AWS::SageMaker::MonitoringSchedule', 'relationships'), policySources()).join('\n'))
      .toMatch(/policies\/lib\/sagemaker_monitoring\.rego:\d+: reads relationships of a related resource \(through lib\.sagemaker_monitoring\.monitors_endpoint/);
  });

  it('reads dotted paths, object.get, aliases and whole-object counts, not the resource under evaluation', () => {
    const text = [
      'package cafscan.controls.x',
      'import data.cafscan.lib',
      '# t.configuration.InAComment is not read',
      'own := lib.configuration.Mine',
      'own_input := input.resource.configuration.Mine',
      'own_get := object.get(input.resource, "configuration", {})',
      'trails := [t | some t in lib.same_account_of_type("AWS::CloudTrail::Trail"); t.configuration.isMultiRegionTrail == true]',
      'supplementary(t) := object.get(t, "supplementaryConfiguration", {})',
      'logging(t) if supplementary(t).TrailStatus.isLogging == true',
      'features(d) := object.get(d.configuration, "Features", [])',
      'versions(p) := object.get(object.get(p, "configuration", {}), "policyVersionList", [])',
      'empty(p) if count(object.get(p, "configuration", {})) == 0',
      'status := resolve(ref).configuration.Status',
      'errors(t, key) := t.collectionErrors[key]',
      'named := lib.label',
    ].join('\n');
    expect(relatedReads(text).map((r) => `${r.line}:${r.path}${r.whole ? ' (whole)' : ''}`)).toEqual([
      '7:configuration.isMultiRegionTrail',
      '8:supplementaryConfiguration',
      '10:configuration.Features',
      '11:configuration.policyVersionList',
      '12:configuration (whole)',
      '13:configuration.Status',
      '14:collectionErrors',
      '9:supplementaryConfiguration.TrailStatus.isLogging',
    ]);
  });

  it('covers a read by a declared prefix or a declared extension, and a counted object only by itself', () => {
    const file = 'policies/controls/x.rego';
    const sources = [{ file, text: 'package cafscan.controls.x\na(p) if p.configuration.A.B\nb(p) if count(p.configuration) > 0\nc(p) := object.get(p, "tags", {})' }];
    const check = (paths: string[]) => checkRelatedFields({ controls: [{ source: file, relatedFields: { T: paths } }] }, sources);
    expect(check(['configuration', 'tags'])).toEqual([]);
    expect(check(['configuration.A', 'tags'])).toEqual([`${file}:3: reads configuration (as a whole) of a related resource, which the control's custom.related_fields does not declare`]);
    expect(check(['configuration.A.B.C', 'configuration'])).toEqual([`${file}:4: reads tags of a related resource, which the control's custom.related_fields does not declare`]);
    expect(check([])).toHaveLength(3);
  });

  it('follows a control into the helper rules it uses, and only those', () => {
    const control = { file: 'policies/controls/x.rego', text: 'package cafscan.controls.x\nimport data.cafscan.lib.helper as h\nviolations contains "x" if h.used' };
    const helper = {
      file: 'policies/lib/helper.rego',
      text: 'package cafscan.lib.helper\nused if some d in found\nfound := [d | some d in data.x; d.configuration.Used]\nunused if some d in data.x; d.configuration.Unused',
    };
    const check = (paths: string[]) => checkRelatedFields({ controls: [{ source: control.file, relatedFields: { T: paths } }] }, [control, helper]);
    expect(check(['configuration.Used'])).toEqual([]);
    expect(check([])).toEqual([
      "policies/lib/helper.rego:3: reads configuration.Used of a related resource (through lib.helper.found, used by policies/controls/x.rego), which the control's custom.related_fields does not declare",
    ]);
  });
});
