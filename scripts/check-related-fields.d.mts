// Types for tests that import the check (the script stays plain JS to run without a build).
export interface RelatedRead {
  path: string;
  /** Read as a whole object (counted), so only a declaration of the whole path covers it. */
  whole: boolean;
  line: number;
}
export function relatedReads(text: string): RelatedRead[];
export function checkRelatedFields(
  catalog: { controls: Array<{ source: string; relatedFields?: Record<string, string[]> }> },
  sources: Array<{ file: string; text: string }>,
): string[];
export function policySources(): Array<{ file: string; text: string }>;
