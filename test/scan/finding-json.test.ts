import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingJson } from '../../src/scan/finding-json.js';
import type { Finding } from '../../src/model/finding.js';
import { finding } from '../helpers/finding-arbitrary.js';

describe('FindingJson', () => {
  it('writes exactly JSON.stringify(finding), one encoder over many findings (its per-control and per-resource texts reused)', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 12 }), (findings) => {
        const json = new FindingJson();
        for (const f of findings) {
          expect(json.line(f)).toBe(JSON.stringify(f));
          // The pieces were used (not JSON.stringify of the whole) for every finding in the scan's shape.
          if (!Object.values(f).includes(undefined)) expect(json.lastHead).toBeDefined();
        }
        // The same findings again, so every cached head and resource text is used.
        for (const f of findings) expect(json.line(f)).toBe(JSON.stringify(f));
        // Runs of findings sharing one resource object, as makeFindings makes a resource's findings.
        const shared = new FindingJson();
        let previous: Finding | undefined;
        findings.forEach((f, i) => {
          const one = previous && i % 3 !== 0 ? ({ ...f, resource: previous.resource } as Finding) : f;
          expect(shared.line(one)).toBe(JSON.stringify(one));
          previous = one;
        });
      }),
      { numRuns: 400 },
    );
  });

  it('reuses a resource text only for a resource equal in every field', () => {
    const json = new FindingJson();
    const base = { controlId: 'C', title: 't', capability: 'data-protection', component: 'input', severity: 'high', status: 'pass', message: 'm' } as const;
    const a = { ...base, resource: { arn: 'arn:a', type: 'T', id: 'a', region: 'us-east-1', accountId: '1' } } as Finding;
    const b = { ...base, resource: { arn: 'arn:a', type: 'T', id: 'a', region: 'us-east-1', accountId: '2' } } as Finding;
    expect(json.line(a)).toBe(JSON.stringify(a));
    expect(json.line(b)).toBe(JSON.stringify(b));
    expect(json.line(b)).toContain('"accountId":"2"');
  });

  it('remakes a control head when the control fields change', () => {
    const json = new FindingJson();
    const f = (title: string, severity: string) => ({ controlId: 'C', title, capability: 'data-protection', component: 'input', severity, status: 'fail', resource: { arn: 'x', type: 'T', id: 'x', region: 'r', accountId: '1' }, message: 'm' }) as Finding;
    for (const one of [f('a', 'high'), f('b', 'high'), f('b', 'low')]) expect(json.line(one)).toBe(JSON.stringify(one));
  });

  it('stringifies whole, and says so (no head), any finding not in the expected shape', () => {
    const json = new FindingJson();
    const good = { controlId: 'C', title: 't', capability: 'data-protection', component: 'input', severity: 'high', status: 'fail', resource: { arn: 'x', type: 'T', id: 'x', region: 'r', accountId: '1' }, message: 'm' } as Finding;
    const odd: unknown[] = [
      // message before resource (another key order)
      { controlId: 'C', title: 't', capability: 'data-protection', component: 'input', severity: 'high', status: 'fail', message: 'm', resource: { arn: 'x', type: 'T', id: 'x', region: 'r', accountId: '1' } },
      { ...good, extra: 1 },
      { ...good, baselineState: 'new', reason: 'r' },
      { ...good, status: 'unknown' },
      { ...good, baselineState: 'absent' },
      { ...good, resource: { type: 'T', arn: 'x', id: 'x', region: 'r', accountId: '1' } },
      { ...good, resource: { arn: 'x', type: 'T', id: 'x', region: undefined, accountId: '1' } },
      { ...good, resource: { arn: 'x', type: 'T', id: 'x', region: 'r', accountId: 1 } },
      { ...good, message: 5 },
      { ...good, reason: null },
      { ...good, scope: { basis: 'linked', links: [], toJSON: () => 'x' } },
      { ...good, scope: [] },
      Object.assign(Object.create({ inherited: true }) as object, good),
    ];
    for (const o of odd) {
      expect(json.line(o as Finding)).toBe(JSON.stringify(o));
      expect(json.lastHead).toBeUndefined();
    }
    expect(json.line(good)).toBe(JSON.stringify(good));
    expect(JSON.stringify(good).startsWith(json.lastHead!)).toBe(true);
  });
});
