import type { Collector } from './collector.js';
import { iamCollector } from './services/iam.js';

/** Every collector the live scan runs. Add a service here and it is collected, tested read-only and in the IAM policy. */
export const ALL_COLLECTORS: Collector[] = [iamCollector];

export function collectorOperations(collectors: Collector[]): string[] {
  return [...new Set(collectors.flatMap((c) => c.operations))].sort();
}
