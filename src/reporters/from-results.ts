import type { Finding } from '../model/finding.js';
import type { RenderingReporter } from './reporter.js';
import type { ScanResults } from '../model/results.js';

/** results.json's content with its findings streamed (read back from disk as they are iterated), not held in an array. */
export type StreamedResults = Omit<ScanResults, 'findings'> & { findings: Iterable<Finding> };

/**
 * A reporter from a function of the scan's results — the shape standalone format modules are
 * written in (findings, scores, scan info, controls' details in; string chunks out):
 * `fromResults({ name: 'csv', file: 'results.csv', human: true, description: '…' }, csvChunks)`.
 * Iterating `findings` more than once reads them from disk again each time.
 */
export function fromResults(
  info: Pick<RenderingReporter, 'name' | 'file' | 'human' | 'description' | 'helpNote'>,
  render: (results: StreamedResults) => Iterable<string>,
): RenderingReporter {
  return {
    ...info,
    kind: 'render',
    readsFindings: true,
    render: (scan) => render({ ...scan.results, findings: { [Symbol.iterator]: () => scan.findings()[Symbol.iterator]() } }),
  };
}
