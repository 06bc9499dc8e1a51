import type { Collector } from '../collect/collector.js';
import { buildInventory } from '../inventory/build-inventory.js';
import type { CoverageEntry, Inventory } from '../model/inventory.js';

/**
 * Every account- and region-level fact the collectors put on AWS::::Account resources
 * (CollectorContext.fact). test/org/not-entered.test.ts checks this list against the collectors'
 * sources, so a new fact cannot be forgotten here — which would let a control on it read
 * "not in the inventory" instead of the account's own reason.
 */
export const ACCOUNT_FACT_KEYS = [
  'accessAnalyzer',
  'aiServicesOptOut',
  'bedrockInvocationLogging',
  'cloudtrailMultiRegionTrailsFromOtherRegions',
  'configRecorder',
  'ecrRegistryScanning',
  'guardDuty',
  'iamAccountSummary',
  'iamPasswordPolicy',
  'macie',
  'macieAutomatedDiscovery',
  'rootUser',
  'securityHub',
] as const;

/**
 * What a scan knows of an account it could not enter (role missing, AssumeRole denied by an SCP,
 * account suspended, past its deadline): nothing, and why. Every type the collectors cover is
 * `failed` with the reason in every scanned region (global services' types in "global"), and
 * every account fact is unknown with it, so each control that applies there is not_evaluated
 * with the reason — the account is never silently absent, and never passes.
 */
export function notEnteredInventory(accountId: string, regions: string[], collectors: Collector[], reason: string): Inventory {
  const coverage: CoverageEntry[] = collectors.flatMap((collector) =>
    collector.resourceTypes.flatMap((resourceType) =>
      (collector.scope === 'global' ? ['global'] : regions).map((region) => ({ accountId, region, resourceType, status: 'failed' as const, reason })),
    ),
  );
  const factErrors = Object.fromEntries(ACCOUNT_FACT_KEYS.map((key) => [key, reason]));
  const facts = regions.map((region) => ({ accountId, region, facts: {}, factErrors: { ...factErrors } }));
  const inventory = buildInventory([{ source: 'live', resources: [], coverage, facts }], regions.map((region) => ({ accountId, region })));
  return { ...inventory, regions: [...regions].sort() };
}
