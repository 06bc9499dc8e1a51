import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { ListAccountsCommand, OrganizationsClient, type Account } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ClientFactory } from '../collect/aws-clients.js';
import { CallLog } from '../collect/call-log.js';
import { credentialProvider } from '../collect/credentials.js';
import { classifyFailure, errorCode } from '../collect/errors.js';
import { paginate, stoppedReason } from '../collect/paginate.js';
import { CONFIG_SOURCED_TYPES } from '../collect/services/config.js';
import { InputError, ScanError } from '../errors.js';
import { describeAggregator, type AggregatorScope } from './aggregator-describe.js';
import { placeAggregate, type AggregatedPlaces, type OrganizationAccount } from './aggregator-coverage.js';
import { readAggregate, sendCall } from './aggregator-read.js';
import { accountsUnder } from './list-accounts.js';
import { AGGREGATOR_OPERATIONS, ORGANIZATION_OPERATIONS } from './operations.js';
import { inShard, type Shard } from './shard.js';

export interface AggregatorOptions {
  name: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  /** --region: only these source regions (the aggregator itself is in AWS_REGION). */
  regions?: string[];
  endpoint?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** Which accounts to cover (account filters, a shard); default all the aggregator covers. */
  includeAccount?: (accountId: string) => boolean;
  /** --accounts, --exclude-accounts, --ou and the shard, as with --org (applied with includeAccount). */
  selection?: AccountSelection;
}

export interface AccountSelection {
  accounts?: string[];
  excludeAccounts?: string[];
  /** OU or root ids: only accounts under them, at any depth (resolved through Organizations in the aggregator's account). */
  ous?: string[];
  shard?: Shard;
}

export interface AggregatorReading {
  /** The account the credentials belong to (the aggregator's account). */
  callerAccountId: string;
  scope: AggregatorScope;
  via: 'select' | 'batch-get';
  placed: AggregatedPlaces;
  /** Every call made (Config and Organizations, in the aggregator's account). */
  calls: CallLog;
  /** What the user should know that changes what the report means. */
  warnings: string[];
  /** The shard of this run (selection.shard), for scan.organization. */
  shard?: Shard;
}

/**
 * Reads an organisation's configuration through an AWS Config aggregator in the caller's account:
 * which accounts and regions it covers, every item of the types cafscan takes from Config, and —
 * for an organisation aggregator — the organisation's account list, so accounts without data are
 * listed too. Only reads (AGGREGATOR_OPERATIONS, ORGANIZATION_OPERATIONS).
 */
export async function readAggregator(options: AggregatorOptions): Promise<AggregatorReading> {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL;
  const calls = new CallLog();
  const factory = new ClientFactory({
    credentials: credentialProvider({ ...options, region, ...(endpoint ? { endpoint } : {}) }),
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: options.maxAttempts ?? 8,
    requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
    log: calls,
    declaredOperations: new Set<string>([...AGGREGATOR_OPERATIONS, ...ORGANIZATION_OPERATIONS, 'sts:GetCallerIdentity']),
  });
  try {
    const callerAccountId = await callerAccount(factory.client(STSClient, region));
    const config = factory.client(ConfigServiceClient, region);
    const scope = await describeAggregator(config, options.name, region);
    const warnings: string[] = [];
    const organizationAccounts = scope.organization ? await organizationAccountList(factory.client(OrganizationsClient, region), warnings) : undefined;
    const includeAccount = await accountFilter(options, factory, region);
    const read = await readAggregate(config, scope.name, CONFIG_SOURCED_TYPES, options.regions);
    if (read.selectUnavailable) warnings.push(`read AWS Config aggregator ${scope.name} with ListAggregateDiscoveredResources and BatchGetAggregateResourceConfig: SelectAggregateResourceConfig is not available (${read.selectUnavailable}), and those items carry no tags or relationships (tag controls say not_evaluated)`);
    const placed = placeAggregate({ scope, resources: read.resources, failures: read.failures, ...(organizationAccounts ? { organizationAccounts } : {}), ...(options.regions ? { regionFilter: options.regions } : {}), ...(includeAccount ? { includeAccount } : {}) });
    checkNamedAccounts(options.selection, placed.accounts);
    return { callerAccountId, scope, via: read.via, placed, calls, warnings, ...(options.selection?.shard ? { shard: options.selection.shard } : {}) };
  } finally {
    factory.destroy();
  }
}

/**
 * The accounts of this run as --org picks them: the filters first, then the shard (inShard
 * depends on the account id alone, so an --aggregator shard holds the same accounts as an --org one).
 */
async function accountFilter(options: AggregatorOptions, factory: ClientFactory, region: string): Promise<((accountId: string) => boolean) | undefined> {
  const s = options.selection;
  if (!s && !options.includeAccount) return undefined;
  const only = s?.accounts ? new Set(s.accounts) : undefined;
  const exclude = new Set(s?.excludeAccounts ?? []);
  const underOus = s?.ous?.length ? await accountsUnder(factory, region, s.ous) : undefined;
  const shard = s?.shard;
  return (id) => (options.includeAccount?.(id) ?? true) && (!only || only.has(id)) && !exclude.has(id) && (!underOus || underOus.has(id)) && (!shard || inShard(id, shard));
}

/**
 * An --accounts id the aggregator does not cover is the user's mistake, as with --org (exit 2).
 * One outside this run's shard is not: another shard scans it.
 */
function checkNamedAccounts(selection: AccountSelection | undefined, covered: ReadonlyArray<{ accountId: string }>): void {
  // Under --ou an id outside the OUs is simply not selected, as with --org.
  if (!selection?.accounts || selection.ous?.length) return;
  const known = new Set(covered.map((a) => a.accountId));
  const unknown = selection.accounts.filter((id) => !known.has(id) && (!selection.shard || inShard(id, selection.shard)) && !(selection.excludeAccounts ?? []).includes(id));
  if (unknown.length) throw new InputError(`--accounts: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not an account' : 'are not accounts'} the aggregator covers`);
}

/** The organisation's accounts, or undefined (with a warning) when the list cannot be read. */
async function organizationAccountList(org: OrganizationsClient, warnings: string[]): Promise<OrganizationAccount[] | undefined> {
  const listed = await paginate<Account>(sendCall, async (token) => {
    const page = await org.send(new ListAccountsCommand({ NextToken: token }));
    return { items: page.Accounts, next: page.NextToken };
  });
  if (!listed.complete) {
    warnings.push(`the organisation's account list could not be read (${stoppedReason(listed.stopped, 'organizations:ListAccounts')}): the scan covers the accounts that have data in the aggregator, and an account with none is not listed`);
    return undefined;
  }
  return listed.items.flatMap((a) => (a.Id ? [{ accountId: a.Id, name: a.Name ?? null, status: a.State ?? a.Status ?? 'UNKNOWN' }] : []));
}

async function callerAccount(sts: STSClient): Promise<string> {
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account) throw new ScanError('STS did not say which account these credentials belong to');
    return identity.Account;
  } catch (error) {
    if (error instanceof ScanError) throw error;
    if (errorCode(error) === 'CredentialsProviderError' || /credential/i.test(error instanceof Error ? error.message : '')) {
      throw new ScanError('no AWS credentials found: set AWS_PROFILE or use --profile, configure SSO, or export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY');
    }
    throw new ScanError(`cannot identify the account: ${classifyFailure(error, 'sts:GetCallerIdentity').reason}`);
  }
}
