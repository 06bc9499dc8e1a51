import type { ScanInfo } from '../model/results.js';

/**
 * "N controls excluded by selection", said in every human report: an excluded control has no
 * findings and is in no score, so a high score over a few controls must not read as the whole
 * posture. Undefined when the scan ran every control.
 */
export function selectionNote(scan: Pick<ScanInfo, 'selection'>): string | undefined {
  const selection = scan.selection;
  if (!selection || selection.excluded.length === 0) return undefined;
  const excluded = selection.excluded.length;
  return `${excluded} control${excluded === 1 ? '' : 's'} excluded by selection; scores cover only the ${selection.selected} that ran (results.json scan.selection lists them)`;
}
