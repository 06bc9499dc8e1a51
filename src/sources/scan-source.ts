import { summarizeCalls } from '../collect/coverage-summary.js';
import type { CollectionSummary, OrganizationScan } from '../model/results.js';
import type { OrganizationOptions } from '../org/collect-organization.js';
import type { LiveOptions } from '../collect/run-collection.js';
import { resourceSetOf, type ResourceSet } from '../inventory/resource-set.js';
import { openInputs } from './open-inputs.js';

/**
 * Where a scan's resources come from, behind one interface: input files (each read through the
 * file source it turns out to be, registry.ts) or the live account (src/collect). Either way
 * what comes out is a ResourceSet — account-level facts included, as inventory parts — and the
 * scan after it does not know which it was.
 */
export interface ScanSource {
  /** What results.json's scan.sources names ("live", the input paths, "demo"). */
  names: string[];
  open(): Promise<OpenedSource>;
}

export interface OpenedSource {
  resources: ResourceSet;
  /** Live collection: the API calls made and those that failed (results.json scan.collection). */
  collection?: CollectionSummary;
  /** Organisation scans: the accounts covered, entered or not (results.json scan.organization). */
  organization?: OrganizationScan;
}

/** --input files (or the demo's), merged as openInputs does; `names` is what results.json calls them. */
export function inputFiles(files: string[], names: string[] = files): ScanSource {
  return { names, open: async () => ({ resources: await openInputs(files) }) };
}

/** The live account, collected with the AWS SDK; `onCollected` sees the call summary first (the CLI prints failures). */
export function liveAccount(options: LiveOptions, onCollected: (summary: CollectionSummary) => void = () => {}): ScanSource {
  return {
    names: ['live'],
    async open() {
      // Imported here, not at the top: the collectors load every AWS SDK client they call, ~0.8 s
      // of module loading that a scan of input files never needs (measured, `cafscan --version`).
      const { collectLive } = await import('../collect/run-collection.js');
      const live = await collectLive(options);
      const collection = summarizeCalls(live.calls);
      onCollected(collection);
      return { resources: resourceSetOf(live.inventory), collection };
    },
  };
}

/** An organisation's accounts (--org), each collected live; `onCollected` sees the call summary and the accounts first. */
export function organizationAccounts(options: OrganizationOptions, onCollected: (summary: CollectionSummary, organization: OrganizationScan) => void = () => {}): ScanSource {
  return {
    names: ['live'],
    async open() {
      const { collectOrganization } = await import('../org/collect-organization.js');
      const { resources, collection, organization } = await collectOrganization(options);
      onCollected(collection, organization);
      return { resources, collection, organization };
    },
  };
}
