import type { ScannedPlaces } from '../model/inventory.js';

/** Whether a place was covered; an absent account or region (a rule naming none) is. */
export function coveredBy(scanned: ScannedPlaces): (accountId: string | undefined, region: string | undefined) => boolean {
  const accounts = new Set(scanned.accounts);
  const regions = new Set([...scanned.regions, 'global']);
  return (accountId, region) => (accountId === undefined || accounts.has(accountId)) && (region === undefined || regions.has(region));
}
