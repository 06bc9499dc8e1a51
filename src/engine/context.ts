import type { Catalog } from '../controls/catalog.js';
import type { Inventory, InventoryResource } from '../inventory/model.js';

export interface Context {
  resources: Record<string, InventoryResource>;
  /** account → type → ARNs: lookups stay linear in one account, not the whole inventory. */
  by_account: Record<string, Record<string, string[]>>;
}

/**
 * Only the types controls look up (custom.related_resource_types) go into the context.
 * Keyed by ARNs and account ids from the input, so the maps have no prototype: an ARN or account
 * id of "__proto__" stays an ordinary key (JSON.stringify writes it) instead of replacing the
 * object's prototype and merging one account's resources into another's.
 */
export function buildContext(inventory: Inventory, catalog: Catalog): Context {
  const relatedTypes = new Set(catalog.controls.flatMap((control) => control.relatedResourceTypes));
  const context: Context = { resources: nullObject(), by_account: nullObject() };
  for (const resource of inventory.resources) {
    if (!relatedTypes.has(resource.type)) continue;
    context.resources[resource.arn] = resource;
    const types = (context.by_account[resource.accountId] ??= nullObject());
    (types[resource.type] ??= []).push(resource.arn);
  }
  return context;
}

function nullObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
