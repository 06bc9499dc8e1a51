import { summarizeCalls } from '../collect/coverage-summary.js';
import type { CallLog } from '../collect/call-log.js';
import { compare } from '../inventory/build-inventory.js';
import type { CollectionSummary, OrganizationScan } from '../model/results.js';
import { printable } from '../json.js';

/**
 * scan.collection of an organisation run: only the member accounts' collection calls (not the
 * Organizations listing nor the AssumeRole calls), so the shards' counts add up to one run's;
 * each failed call names its account, sorted by account, region, action and error code.
 */
export function summarizeAccounts(logs: Array<{ accountId: string; log: CallLog }>): CollectionSummary {
  let apiCalls = 0;
  const failedCalls: CollectionSummary['failedCalls'] = [];
  for (const { accountId, log } of logs) {
    const one = summarizeCalls(log);
    apiCalls += one.apiCalls;
    failedCalls.push(...one.failedCalls.map((f) => ({ accountId, ...f })));
  }
  failedCalls.sort((a, b) => compare(a.accountId ?? '', b.accountId ?? '') || compare(a.region, b.region) || compare(a.action, b.action) || compare(a.errorCode ?? '', b.errorCode ?? '') || compare(a.message ?? '', b.message ?? ''));
  return { apiCalls, failedCalls };
}

/** The stderr lines after an organisation's collection: failed calls by account, then the accounts not entered and why. */
export function renderOrganizationSummary(summary: CollectionSummary, organization: OrganizationScan): string {
  const scanned = organization.accounts.filter((a) => a.status === 'scanned').length;
  const lines = [`Collected ${scanned} of ${organization.accounts.length} accounts with ${summary.apiCalls} API calls; ${summary.failedCalls.length ? `${summary.failedCalls.length} failed (affected controls are not_evaluated):` : 'none failed.'}`];
  for (const f of summary.failedCalls) lines.push(`  ${(f.accountId ?? '').padEnd(13)} ${f.region.padEnd(14)} ${f.action.padEnd(48)} ${f.errorCode ?? ''}`);
  const notEntered = organization.accounts.filter((a) => a.status === 'failed');
  if (notEntered.length) {
    lines.push(`${notEntered.length} ${notEntered.length === 1 ? 'account was' : 'accounts were'} not scanned (every control there is not_evaluated):`);
    for (const a of notEntered) // Account names come from the organisation (an account's owner chooses them): no control characters on the terminal.
    lines.push(`  ${a.accountId}${a.name ? ` (${printable(a.name)})` : ''}: ${printable(a.reason ?? 'failed')}`);
  }
  return `${lines.join('\n')}\n`;
}
