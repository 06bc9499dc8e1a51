import type { CoverageEntry, InventoryResource } from '../model/inventory.js';
import { configItemRemoval, normalizeConfigItem } from '../inventory/normalize-config-item.js';
import { InputError } from '../errors.js';
import { isJsonObject, type JsonValue } from '../json.js';
import type { FileSource } from './source.js';

/** The lists configuration items come in, in the order they are recognised (the first present wins). */
const CONFIG_ITEM_LISTS = ['configurationItems', 'baseConfigurationItems', 'Results'] as const;

/**
 * AWS Config data: a snapshot (`configurationItems`, also what get-resource-config-history
 * returns), batch-get-resource-config output (`baseConfigurationItems`), select-resource-config
 * output (`Results`, JSON strings), or a bare list of configuration items.
 */
export const configItemsSource: FileSource = {
  id: 'config-items',
  noun: 'an AWS Config snapshot, a list of configuration items (batch-get-resource-config / select-resource-config output)',
  containers: [...CONFIG_ITEM_LISTS, '$'],
  acceptsItem: (item) => isJsonObject(item) && 'resourceType' in item,
  shapedLike(doc) {
    if (doc.root === 'array') return doc.everyItemAccepted ? '$' : undefined;
    return CONFIG_ITEM_LISTS.find((key) => Array.isArray(doc.header.get(key)));
  },
  item(container, value, index, name) {
    // select-resource-config returns each row as a JSON string.
    if (container !== 'Results' || typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as JsonValue;
    } catch {
      throw new InputError(`${name}: Results[${index}] is not valid JSON`);
    }
  },
  read: (item, index, file) => ({
    // Configuration history: a deletion newer than the recorded item removes the resource.
    removal: configItemRemoval(item),
    resource: normalizeConfigItem(item, `${file} item ${index}`),
  }),
  coverage: (_header, resources) => snapshotCoverage(resources),
};

/**
 * A Config snapshot lists everything the recorder recorded, so a type that appears in an
 * account/region was collected completely there. A type that does not appear is unknown
 * (the recorder may not record it), never assumed absent.
 */
export function snapshotCoverage(resources: Iterable<Pick<InventoryResource, 'accountId' | 'region' | 'type'>>): CoverageEntry[] {
  const seen = new Map<string, CoverageEntry>();
  for (const r of resources) {
    seen.set(`${r.accountId}|${r.region}|${r.type}`, { accountId: r.accountId, region: r.region, resourceType: r.type, status: 'complete' });
  }
  return [...seen.values()];
}
