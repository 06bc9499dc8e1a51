import { compareText } from '../order.js';
import type { CallLog } from './call-log.js';
import type { CollectionSummary } from '../model/results.js';

export function summarizeCalls(log: CallLog): CollectionSummary {
  const failed = log
    .failures()
    .map(({ action, region, errorCode, message }) => ({ action, region, errorCode: errorCode ?? 'Error', message: (message ?? '').split('\n')[0] ?? '' }))
    .sort((a, b) => compareText(a.region + a.action + a.errorCode, b.region + b.action + b.errorCode));
  // Retries of one call fail the same way: list each distinct failure once.
  const seen = new Set<string>();
  const failedCalls = failed.filter((f) => {
    const key = `${f.region}|${f.action}|${f.errorCode}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { apiCalls: log.records.length, failedCalls };
}

/** The lines printed on stderr after a live collection that had failures. */
export function renderCoverageSummary(summary: CollectionSummary): string {
  if (summary.failedCalls.length === 0) return `Collected with ${summary.apiCalls} API calls, none failed.\n`;
  const lines = [`Collected with ${summary.apiCalls} API calls; ${summary.failedCalls.length} failed (affected controls are not_evaluated):`];
  for (const f of summary.failedCalls) lines.push(`  ${f.region.padEnd(14)} ${f.action.padEnd(48)} ${f.errorCode}`);
  return `${lines.join('\n')}\n`;
}
