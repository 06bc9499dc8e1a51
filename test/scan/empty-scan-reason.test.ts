import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Inventory, InventoryResource } from '../../src/model/inventory.js';
import { emptyScanReason } from '../../src/scan/run-scan.js';

const resource = (type: string, id: string) => ({ type, id, arn: `arn:${id}`, accountId: '123456789012', region: 'us-east-1' }) as InventoryResource;
const inventory = (resources: InventoryResource[]) => ({ resources }) as Inventory;
const finding = (status: Finding['status'], type: string) => ({ status, resource: { type, id: 'x' } }) as unknown as Finding;
const request = (resources: InventoryResource[], sources = ['snapshot.json']) => ({ inventory: inventory(resources), sources, allResources: false });

describe('emptyScanReason', () => {
  const notebook = resource('AWS::SageMaker::NotebookInstance', 'nb');
  const account = resource('AWS::::Account', '123456789012/us-east-1');

  it('is undefined as soon as one check passed or failed (a suppressed failure was evaluated too)', () => {
    expect(emptyScanReason(request([notebook]), [finding('not_evaluated', notebook.type), finding('pass', notebook.type)])).toBeUndefined();
    expect(emptyScanReason(request([notebook]), [finding('fail', notebook.type)])).toBeUndefined();
  });

  it('no resources: from an input, or from a live collection', () => {
    expect(emptyScanReason(request([]), [])).toBe('the input has no resources (is it the right file?)');
    // Account facts alone are not resources a user would count.
    expect(emptyScanReason(request([account], ['live']), [finding('not_evaluated', account.type)])).toBe('no resources were collected (check the regions and the scanning role)');
  });

  it('resources no control applies to', () => {
    expect(emptyScanReason(request([resource('AWS::EC2::VPC', 'vpc')]), [])).toMatch(/^no control applies to the 1 resource in the input \(no AI workload or resource type cafscan checks; without --all-resources, /);
    expect(emptyScanReason({ ...request([resource('AWS::EC2::VPC', 'vpc')]), allResources: true }, [])).toBe('no control applies to the 1 resource in the input (no AI workload or resource type cafscan checks)');
  });

  it('checks on resources that were all not evaluated', () => {
    expect(emptyScanReason(request([notebook]), [finding('not_evaluated', notebook.type), finding('not_evaluated', account.type)])).toBe('all 2 checks were not evaluated (results.json gives each reason)');
    expect(emptyScanReason(request([notebook]), [finding('not_evaluated', notebook.type)])).toBe('the only check was not evaluated (results.json gives each reason)');
  });
});
