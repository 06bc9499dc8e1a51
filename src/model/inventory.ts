import type { JsonObject } from './json.js';

/**
 * The cafscan inventory, schema version 1: what every source (Config snapshot, Config API
 * output, live collectors, a saved inventory.json) is normalised into, and what policies see.
 * Documented in docs/inventory.md. Add fields freely; renaming or removing one needs version 2.
 */
export const INVENTORY_KIND = 'cafscan-inventory';
export const INVENTORY_SCHEMA_VERSION = '1';

/** Resource type of the synthetic per-account, per-region resource that carries facts. */
export const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';

export interface Relationship {
  /** How AWS Config names it, e.g. "Is attached to Role". */
  name: string;
  resourceType: string;
  resourceId: string | null;
  resourceName: string | null;
}

export interface InventoryResource {
  type: string;
  id: string;
  arn: string;
  name: string | null;
  accountId: string;
  /** AWS region, or "global" for IAM. */
  region: string;
  /** When the source observed this configuration (ISO-8601), when known. */
  capturedAt: string | null;
  /** The service's own configuration, parsed (never a JSON string); IAM policy documents decoded. */
  configuration: JsonObject;
  /** Config's supplementary configuration (e.g. S3 bucket settings), each value parsed. */
  supplementaryConfiguration: JsonObject;
  /** null when the source does not carry tags (e.g. batch-get-resource-config): unknown, not none. */
  tags: Record<string, string> | null;
  relationships: Relationship[];
  /**
   * Parts of this resource a live collector could not read, and why ("BucketPolicy":
   * "s3:GetBucketPolicy was denied (AccessDenied)"). Controls that need them report
   * not_evaluated, and the reason carries this text.
   */
  collectionErrors?: Record<string, string>;
}

/** Whether the source is known to have collected every resource of a type in an account/region. */
export type CoverageStatus = 'complete' | 'failed';

export interface CoverageEntry {
  accountId: string;
  region: string;
  resourceType: string;
  status: CoverageStatus;
  /** Why collection failed (access denied, unsupported region …); only for "failed". */
  reason?: string;
}

export interface Inventory {
  kind: typeof INVENTORY_KIND;
  schemaVersion: typeof INVENTORY_SCHEMA_VERSION;
  /** Where the data came from: "live" or input file names. */
  sources: string[];
  accounts: string[];
  regions: string[];
  /** Which resource types each account/region was fully collected for (absence = unknown). */
  coverage: CoverageEntry[];
  /** Sorted by type, then ARN, so the file is stable across runs. */
  resources: InventoryResource[];
}

/** The accounts and regions a scan covered; IAM's "global" is covered with any region. */
export interface ScannedPlaces {
  accounts: string[];
  regions: string[];
}

/** A path from the resource root to a value, e.g. ["configuration", "Environment", "API_KEY"]. */
export type ValuePath = Array<string | number>;
