import {
  ConfigServiceClient,
  DescribeConfigurationAggregatorsCommand,
  type ConfigurationAggregator,
} from '@aws-sdk/client-config-service';
import { InputError, ScanError } from '../errors.js';
import { classifyFailure, errorCode } from '../collect/errors.js';

/** What an aggregator says it covers: accounts and regions, and the resource types it keeps. */
export interface AggregatorScope {
  name: string;
  /** The region the aggregator lives in (where every aggregate call is sent). */
  region: string;
  /** An organisation aggregator covers every account of the organisation. */
  organization: boolean;
  /** Account sources: the accounts each names and their regions ("all": every region with data). */
  accountSources: Array<{ accountIds: string[]; regions: string[] | 'all' }>;
  /** Organisation source: its regions ("all": every region with data); null for account sources. */
  organizationRegions: string[] | 'all' | null;
  /**
   * AggregatorFilters.ResourceType INCLUDE: only these types are aggregated; null when the
   * aggregator keeps every type its sources record.
   */
  includedTypes: string[] | null;
}

/**
 * DescribeConfigurationAggregators for one name. An aggregator that does not exist is a usage
 * error (exit 2: the name or the region is wrong); one that cannot be read means the scan cannot
 * run (exit 3), like missing credentials.
 */
export async function describeAggregator(config: ConfigServiceClient, name: string, region: string): Promise<AggregatorScope> {
  let found: ConfigurationAggregator | undefined;
  try {
    const out = await config.send(new DescribeConfigurationAggregatorsCommand({ ConfigurationAggregatorNames: [name] }));
    found = (out.ConfigurationAggregators ?? []).find((a) => a.ConfigurationAggregatorName === name);
  } catch (error) {
    if (errorCode(error) === 'NoSuchConfigurationAggregatorException') found = undefined;
    else throw new ScanError(`cannot read AWS Config aggregator "${name}" in ${region}: ${classifyFailure(error, 'config:DescribeConfigurationAggregators').reason}`);
  }
  if (!found) throw new InputError(`AWS Config aggregator "${name}" does not exist in ${region} (the aggregator's region is AWS_REGION)`);
  return scopeOf(found, name, region);
}

export function scopeOf(aggregator: ConfigurationAggregator, name: string, region: string): AggregatorScope {
  const regionsOf = (all: boolean | undefined, list: string[] | undefined): string[] | 'all' => (all ? 'all' : [...new Set(list ?? [])].sort());
  const org = aggregator.OrganizationAggregationSource;
  const filter = aggregator.AggregatorFilters?.ResourceType;
  return {
    name,
    region,
    organization: org !== undefined,
    accountSources: (aggregator.AccountAggregationSources ?? []).map((s) => ({ accountIds: [...new Set(s.AccountIds ?? [])].sort(), regions: regionsOf(s.AllAwsRegions, s.AwsRegions) })),
    organizationRegions: org ? regionsOf(org.AllAwsRegions, org.AwsRegions) : null,
    // INCLUDE is the only filter type AWS defines; an unknown one is read as "types unknown"
    // (an empty include list), so nothing is claimed complete on a guess.
    includedTypes: filter ? (filter.Type === 'INCLUDE' ? [...(filter.Value ?? [])] : []) : null,
  };
}
