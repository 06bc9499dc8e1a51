/**
 * Control ids that no longer exist. Ids are never reused (docs/writing-controls.md), so a
 * suppression, baseline or dashboard that still names one of these must be pointed at its
 * replacement: `cafscan controls` and docs/controls.md list them for that reason.
 */
export interface RetiredControl {
  id: string;
  /** The control that now reports what this one did. */
  replacedBy: string;
  why: string;
}

export const RETIRED_CONTROLS: readonly RetiredControl[] = [
  {
    id: 'CAFAI-DP-12',
    replacedBy: 'CAFAI-DP-01',
    why: 'repeated the S3 default-encryption (SSE-KMS) check for buckets linked as AI outputs, so one unencrypted bucket linked as input and output failed twice; CAFAI-DP-01 now checks buckets linked in any component',
  },
  {
    id: 'CAFAI-IR-04',
    replacedBy: 'CAFAI-AS-01',
    why: 'repeated the S3 versioning check for buckets linked as training data, so one unversioned bucket linked as input and model failed twice; CAFAI-AS-01 now checks buckets linked in any component',
  },
  {
    id: 'CAFAI-SG-07',
    replacedBy: 'CAFAI-SG-02',
    why: 'repeated the S3 data classification tag check for buckets linked as AI outputs, so one untagged bucket linked as input and output failed twice; CAFAI-SG-02 now checks buckets linked in any component',
  },
];

const REPLACEMENTS = new Map(RETIRED_CONTROLS.map((c) => [c.id, c.replacedBy]));

/**
 * The id that reports today what `id` reported: itself for a current control, the replacement
 * (followed to the end) for a retired one. Baselines and suppressions written before a control
 * was retired keep working through it: an old CAFAI-DP-12 failure is the same gap as today's
 * CAFAI-DP-01 failure on that bucket, not a "fixed" one plus a "new" one.
 */
export function currentControlId(id: string): string {
  let current = id;
  for (let hops = 0; hops < RETIRED_CONTROLS.length && REPLACEMENTS.has(current); hops++) current = REPLACEMENTS.get(current)!;
  return current;
}

/** Whether an id is one of the retired ones. */
export function isRetired(id: string): boolean {
  return REPLACEMENTS.has(id);
}
