import { InputError } from '../errors.js';

// Apart from aggregator.ts so that checking the flag does not load the AWS SDK clients that
// reading an aggregator needs (src/cli loads those only when a live read starts).

/** Aggregator names: 1–256 letters, digits, "_" and "-" (PutConfigurationAggregator's pattern). */
export function checkAggregatorName(name: string): string {
  if (!/^[\w-]{1,256}$/.test(name)) throw new InputError(`--aggregator: "${name}" is not an AWS Config aggregator name (letters, digits, "_" and "-")`);
  return name;
}
