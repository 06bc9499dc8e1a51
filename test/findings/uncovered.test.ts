import { describe, expect, it } from 'vitest';
import { makeFindings } from '../../src/findings/make-findings.js';

describe('types that could not be listed', () => {
  it('leave every control on them not_evaluated on the account resource, with the reason', () => {
    const findings = makeFindings([], [
      { accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::SageMaker::Model', status: 'failed', reason: 'sagemaker:ListModels was denied (AccessDeniedException)' },
      // Collected completely elsewhere in the same place: no gap.
      { accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::S3::Bucket', status: 'failed', reason: 'x' },
      { accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::S3::Bucket', status: 'complete' },
    ]);
    const ids = findings.map((f) => f.controlId).sort();
    expect(ids).toEqual(['CAFAI-AS-02', 'CAFAI-AS-05', 'CAFAI-IP-04', 'CAFAI-IP-11', 'CAFAI-IP-50', 'CAFAI-IP-51', 'CAFAI-SG-01', 'CAFAI-SG-04']);
    for (const f of findings) {
      expect(f).toMatchObject({ status: 'not_evaluated', resource: { type: 'AWS::::Account', arn: 'arn:aws::us-east-1:123456789012:account' } });
      expect(f.reason).toBe('AWS::SageMaker::Model resources could not be listed: sagemaker:ListModels was denied (AccessDeniedException)');
    }
  });
});
