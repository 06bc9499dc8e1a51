import { configItemsSource } from './config-items-source.js';
import { inventorySource } from './inventory-source.js';
import type { FileSource } from './source.js';

/**
 * Every kind of input file, in the order they are asked whether a file is theirs (a document's
 * own marker is asked of all of them before any shape). A new source — infrastructure as code,
 * say — is a module exporting a FileSource (source.ts) and one line here. Live collection
 * (src/collect, through live-source.ts) is the source when there is no --input.
 */
export const FILE_SOURCES: readonly FileSource[] = [
  configItemsSource,
  inventorySource,
];

/** The source whose items are in `container` (containers are each one source's: a test checks). */
export function sourceOfContainer(container: string, sources: readonly FileSource[] = FILE_SOURCES): FileSource | undefined {
  return sources.find((source) => source.containers.includes(container));
}
