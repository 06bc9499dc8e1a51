import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { compareFindings } from '../../src/order.js';
import { FindingParts } from '../../src/scan/finding-parts.js';
import { tempDir } from '../helpers/cli.js';

const f = (controlId: string, type: string, arn: string, message = ''): Finding => ({
  controlId, title: 't', capability: 'data-protection', component: 'input', severity: 'high', status: 'fail', message,
  resource: { arn, type, id: arn, region: 'us-east-1', accountId: '111122223333' },
});

describe('FindingParts', () => {
  it('merges findings produced in inventory order (type, then ARN) into results.json order (control, then ARN), coverage first on a tie', () => {
    // Inventory order: all of type A, then all of type B; each resource's outcomes by control.
    const produced = [f('C2', 'A', 'arn:3'), f('C1', 'A', 'arn:5'), f('C2', 'A', 'arn:5'), f('C1', 'B', 'arn:1'), f('C2', 'B', 'arn:4'), f('C1', 'B', 'arn:9')];
    const coverage = [f('C1', 'AWS::::Account', 'arn:5', 'coverage'), f('C3', 'AWS::::Account', 'arn:0', 'coverage')];
    const parts = new FindingParts(tempDir());
    for (const finding of produced) parts.add(finding);
    const merged = [...parts.merged(coverage)];
    const expected = [...coverage, ...produced].sort(compareFindings);
    expect(merged.map((m) => m.finding)).toEqual(expected);
    expect(merged.map((m) => m.line)).toEqual(expected.map((e) => JSON.stringify(e)));
    expect(merged[1]!.finding.message).toBe('coverage');
  });

  it('an inventory not in ARN order (built by hand) is still merged in order', () => {
    const produced = [f('C1', 'A', 'arn:9'), f('C1', 'A', 'arn:2'), f('C1', 'B', 'arn:5'), f('C1', 'A', 'arn:4')];
    const parts = new FindingParts(tempDir());
    for (const finding of produced) parts.add(finding);
    expect([...parts.merged([])].map((m) => m.finding.resource.arn)).toEqual(['arn:2', 'arn:4', 'arn:5', 'arn:9']);
  });
});
