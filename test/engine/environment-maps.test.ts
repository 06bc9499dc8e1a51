import { describe, expect, it } from 'vitest';
import { environmentMaps } from '../../src/engine/evaluate.js';

describe('environmentMaps (what redaction asks the Rego to judge)', () => {
  it('finds environment-like maps and lists at any depth, with their paths, and ignores plain values', () => {
    expect(
      environmentMaps({
        PrimaryContainer: { Environment: { A: '1' } },
        Containers: [{ Environment: { B: '2' } }],
        environment: { variables: { C: '3' } },
        containerDefinitions: [{ environment: [{ name: 'D', value: '4' }] }],
        HyperParameters: { epochs: '3', hf_token: 'x' },
        Tags: { Environment: 'prod' },
      }),
    ).toEqual([
      { path: ['PrimaryContainer', 'Environment'], env: { A: '1' } },
      { path: ['Containers', 0, 'Environment'], env: { B: '2' } },
      { path: ['environment'], env: { variables: { C: '3' } } },
      { path: ['environment', 'variables'], env: { C: '3' } },
      { path: ['containerDefinitions', 0, 'environment'], env: [{ name: 'D', value: '4' }] },
      { path: ['HyperParameters'], env: { epochs: '3', hf_token: 'x' } },
    ]);
  });
});
