/**
 * Capture times compared as instants, not as strings: the AWS CLI prints local offsets
 * ("2026-10-01T06:00:00-04:00" is later than "2026-10-01T09:00:00Z"), and history files mix them.
 */

/** ISO-8601 date, optionally with time, fraction and zone; what Config and the CLI write. */
const ISO_8601 = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Milliseconds since the epoch, or -Infinity when the time is absent or not an ISO-8601 time
 * (so an unknown time is older than every known one — deterministic, never "newest").
 * A time without a zone is UTC, as AWS Config records it; never the machine's local zone.
 */
export function captureInstant(value: string | null | undefined): number {
  if (!value) return Number.NEGATIVE_INFINITY;
  const m = ISO_8601.exec(value.trim());
  if (!m) return Number.NEGATIVE_INFINITY;
  const [, date, time, zone] = m;
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${date}T${time ?? '00:00:00'}${offset}`);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** true when `a` was captured strictly later than `b`; equal or both unknown is false. */
export function capturedLater(a: string | null | undefined, b: string | null | undefined): boolean {
  return captureInstant(a) > captureInstant(b);
}
