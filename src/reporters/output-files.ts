/** The files every scan writes (the registry lists them; runScan writes results.json and inventory.json itself). */
export const OUTPUT_FILES = { results: 'results.json', sarif: 'results.sarif', inventory: 'inventory.json' } as const;

/** results.sarif, then results-2.sarif, results-3.sarif… beyond 20 accounts. */
export function sarifFileName(index: number): string {
  return index === 0 ? OUTPUT_FILES.sarif : `results-${index + 1}.sarif`;
}

/**
 * A previous scan of more accounts may have left results-N.sarif files that this scan did not
 * write; an upload of the directory (the GitHub Action uploads it) would revive their alerts.
 * They are removed as part of replacing the set, so a failed write keeps them with their set.
 */
export function isStaleSarifPart(name: string, written: number): boolean {
  const part = /^results-(\d+)\.sarif$/.exec(name);
  return part !== null && Number(part[1]) > written;
}
