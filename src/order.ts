import { severityRank } from './controls/catalog.js';
import type { Severity } from './model/control.js';

/**
 * Orders by code point, never by locale: the same reports on every machine (localeCompare
 * follows LANG, and would change which failures a capped list shows).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Ordered {
  severity: Severity;
  controlId: string;
  resource: { arn: string };
}

/** Control, then resource: the identity order of findings in results.json. */
export function compareFindings(a: Ordered, b: Ordered): number {
  return compareText(a.controlId, b.controlId) || compareText(a.resource.arn, b.resource.arn);
}

/** Most severe first, then by identity: what lists capped for a reader keep. */
export function compareBySeverity(a: Ordered, b: Ordered): number {
  return severityRank(a.severity) - severityRank(b.severity) || compareFindings(a, b);
}
