import type { ResourceOutcomes } from './evaluate.js';
import type { EvaluationErrorSummary } from '../model/results.js';

export const EVALUATION_ERROR_SAMPLE = 20;

export function summarizeEvaluationErrors(evaluated: ResourceOutcomes[]): EvaluationErrorSummary {
  return addEvaluationErrors({ count: 0, sample: [] }, evaluated);
}

/** Adds a chunk's errors (evaluateResources yields chunks in inventory order) to a running summary. */
export function addEvaluationErrors(summary: EvaluationErrorSummary, chunk: ResourceOutcomes[]): EvaluationErrorSummary {
  for (const { resource, errors } of chunk) {
    for (const error of errors ?? []) {
      summary.count++;
      if (summary.sample.length < EVALUATION_ERROR_SAMPLE) summary.sample.push({ controlId: error.controlId, resource: resource.arn, message: error.message });
    }
  }
  return summary;
}

/** The one stderr line: how many, and the first, so the user knows where to look. */
export function evaluationErrorWarning(summary: EvaluationErrorSummary): string | null {
  const first = summary.sample[0];
  if (!first) return null;
  const what = first.controlId ? `${first.controlId} on ${first.resource}` : `the credential redaction check on ${first.resource} (its environment values were all redacted)`;
  return `${summary.count} evaluation error${summary.count === 1 ? '' : 's'}: reported as not_evaluated, see scan.evaluationErrors in results.json; first: ${what}: ${first.message}`;
}
