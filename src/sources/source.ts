import type { CoverageEntry, InventoryResource } from '../model/inventory.js';
import type { Removal } from '../inventory/normalize-config-item.js';
import type { JsonObject, JsonValue } from '../json.js';

/**
 * One kind of input file (`--input`). The registry (registry.ts) lists them; the reader
 * (read-input-file.ts) streams a file once, handing the items of every list a source reads to
 * that source, and at the end asks the sources which of them the file is — first whether the
 * document declares itself one source's (a marker such as inventory.json's `kind`), then whether
 * it has one's shape, in registry order. Merging (open-inputs.ts, load-inputs.ts) then reads the
 * winning list's items through that source.
 */
export interface FileSource {
  /** e.g. "config-items", "inventory". */
  id: string;
  /** What the file is, for "x.json is neither A, B, nor C" (registry order). */
  noun: string;
  /**
   * Where its items are: top-level keys holding a list, or "$" for a document that is itself a
   * list. Each container belongs to one source.
   */
  containers: readonly string[];
  /** For "$": whether this item still lets the list be this source's (every item must). */
  acceptsItem?: (item: JsonValue) => boolean;
  /**
   * The document says it is this source's (a marker): the container its items are in. May
   * throw an InputError for a document of this kind that cannot be read (another schema version).
   */
  declaredBy?: (doc: DocumentShape, name: string) => string | undefined;
  /** The document has this source's shape: the container its items are in. */
  shapedLike?: (doc: DocumentShape) => string | undefined;
  /** One parsed item, checked or decoded before it is read (select rows are JSON strings); throws an InputError for a bad one. */
  item: (container: string, value: JsonValue, index: number, name: string) => JsonValue;
  /** What one item of the file's list adds: a resource (null: none, e.g. a deletion record) and a deletion to apply. */
  read: (item: JsonValue, index: number, file: string) => { resource: InventoryResource | null; removal: Removal | null };
  /** The coverage the file gives (which types were collected completely where), from its header and its resources. */
  coverage: (header: JsonObject, resources: Iterable<Pick<InventoryResource, 'accountId' | 'region' | 'type'>>) => CoverageEntry[];
}

/** What the sources see of a parsed document. */
export interface DocumentShape {
  root: 'object' | 'array';
  /** An object's top-level values; the lists sources read are there, emptied of their items. */
  header: ReadonlyMap<string, JsonValue>;
  /** For a list: whether every item was accepted by the source reading "$". */
  everyItemAccepted: boolean;
}
