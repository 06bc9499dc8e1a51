import { InputError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { INVENTORY_KIND, INVENTORY_SCHEMA_VERSION, type CoverageEntry, type InventoryResource } from '../model/inventory.js';
import { validateInventoryHeader, validateInventoryResource } from '../inventory/validate-inventory.js';
import type { FileSource } from './source.js';

/** cafscan's own inventory.json (`cafscan collect --output`, or a scan's inventory.json): it says what it is with `kind`. */
export const inventorySource: FileSource = {
  id: 'inventory',
  noun: 'a cafscan inventory',
  containers: ['resources'],
  declaredBy(doc, name) {
    if (doc.root !== 'object' || doc.header.get('kind') !== INVENTORY_KIND) return undefined;
    if (doc.header.get('schemaVersion') !== INVENTORY_SCHEMA_VERSION) {
      throw new InputError(`${name} is a cafscan inventory of schemaVersion ${JSON.stringify(doc.header.get('schemaVersion'))}; this cafscan reads "${INVENTORY_SCHEMA_VERSION}"`);
    }
    if (!Array.isArray(doc.header.get('resources'))) throw new InputError(`${name} is a cafscan inventory without a resources list`);
    const header = Object.fromEntries<JsonValue>([...doc.header].filter(([key]) => key !== 'resources'));
    const checked = validateInventoryHeader(header);
    if ('problem' in checked) throw new InputError(`${name} is not a valid cafscan inventory: ${checked.problem}`);
    return 'resources';
  },
  item(_container, value, index, name) {
    const checked = validateInventoryResource(value, index);
    if ('problem' in checked) throw new InputError(`${name} is not a valid cafscan inventory: ${checked.problem}`);
    return checked.resource as unknown as JsonValue;
  },
  read: (item) => ({ resource: item as unknown as InventoryResource, removal: null }),
  coverage: (header) => (header.coverage ?? []) as unknown as CoverageEntry[],
};
