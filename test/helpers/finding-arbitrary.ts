import fc from 'fast-check';
import { ALL_RESOURCES_SCOPE } from '../../src/findings/make-findings.js';
import type { Finding } from '../../src/model/finding.js';

/** Findings for property tests of their JSON lines (FindingJson, FindingParts). */
/** Strings that need escaping: quotes, backslashes, control characters, lone surrogates, U+2028/9, and any code unit. */
export const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\ud800', '\udfff', '\u2028', '\u2029', '😀', 'é', 'a', '/', '<'), maxLength: 10 }),
  fc.string({ maxLength: 8 }),
);

/** fc.record's objects have no prototype; the scan's are plain objects (a copy makes one, keys in the same order). */
const plain = <T extends object>(value: T): T => ({ ...value });
const resource = fc.record({ arn: text, type: text, id: text, region: text, accountId: text }).map(plain);
const link = fc.record({ component: text, workload: text, workloadType: text, workloadName: text, via: text }).map(plain);
const scope = fc.oneof(
  fc.constant(ALL_RESOURCES_SCOPE),
  fc.constant({ basis: 'all-resources', links: [] }),
  fc.record({ basis: fc.constant('linked'), links: fc.array(link, { maxLength: 3 }) }).map(plain),
  fc.record({ basis: fc.constant('linked'), links: fc.array(link, { maxLength: 2 }), linkCount: fc.nat() }).map(plain),
);
const suppression = fc.oneof(fc.record({ reason: text, source: text }).map(plain), fc.record({ reason: text, expires: text, source: text }).map(plain));

/** A finding built as makeFindings and the scan's settle step build one: that key order, optional keys in theirs. */
export const finding = fc
  .record({
    controlId: fc.oneof(fc.constantFrom('CAFAI-DP-01', 'CAFAI-IAM-05'), text),
    title: fc.oneof(fc.constant('Buckets block public access'), text),
    capability: fc.oneof(fc.constant('data-protection'), text),
    component: fc.oneof(fc.constant('training-data'), text),
    severity: fc.constantFrom('critical', 'high', 'medium', 'low', 'informational'),
    status: fc.constantFrom('pass', 'fail', 'not_evaluated'),
    resource,
    message: text,
    reason: fc.option(text, { nil: undefined }),
    scope: fc.option(scope, { nil: undefined }),
    suppression: fc.option(suppression, { nil: undefined }),
    baselineState: fc.option(fc.constantFrom('new', 'unchanged', 'updated', 'fixed'), { nil: undefined }),
    /** A key present with the value undefined (JSON.stringify leaves it out), not absent. */
    undefinedKept: fc.boolean(),
  })
  .map(({ reason, scope: s, suppression: sup, baselineState, undefinedKept, ...required }) => {
    const f = { ...required } as Record<string, unknown>;
    if (reason !== undefined || undefinedKept) f.reason = reason;
    if (s !== undefined) f.scope = s;
    if (sup !== undefined) f.suppression = sup;
    if (baselineState !== undefined || undefinedKept) f.baselineState = baselineState;
    return f as unknown as Finding;
  });

