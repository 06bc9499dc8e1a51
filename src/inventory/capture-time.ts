/**
 * Capture times compared as instants, not as strings: the AWS CLI prints local offsets
 * ("2026-10-01T06:00:00-04:00" is later than "2026-10-01T09:00:00Z"), and history files mix them.
 */

/** ISO-8601 date, optionally with time, fraction and zone; what Config and the CLI write. */
const ISO_8601 = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A UTC time with seconds, in the one form ISO_8601 accepts unchanged: `T`, upper-case `Z`, no surrounding space. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Milliseconds since the epoch, or -Infinity when the time is absent or not an ISO-8601 time
 * (so an unknown time is older than every known one — deterministic, never "newest").
 * A time without a zone is UTC, as AWS Config records it; never the machine's local zone.
 */
export function captureInstant(value: string | null | undefined): number {
  if (!value) return Number.NEGATIVE_INFINITY;
  // What Config writes ("2025-10-06T04:10:00.000Z") is exactly the string the general path below
  // rebuilds for Date.parse, so it is parsed as it is: one test instead of trim, exec and a template per resource.
  let ms: number;
  if (CANONICAL_UTC.test(value)) {
    ms = Date.parse(value);
  } else {
    const m = ISO_8601.exec(value.trim());
    if (!m) return Number.NEGATIVE_INFINITY;
    const [, date, time, zone] = m;
    const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    ms = Date.parse(`${date}T${time ?? '00:00:00'}${offset}`);
  }
  // A month 13 or an hour 25 has the shape but no instant.
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** true when `a` was captured strictly later than `b`; equal or both unknown is false. */
export function capturedLater(a: string | null | undefined, b: string | null | undefined): boolean {
  return captureInstant(a) > captureInstant(b);
}
