import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  OrganizationsClient,
  type Account,
} from '@aws-sdk/client-organizations';
import type { ClientFactory } from '../collect/aws-clients.js';
import { classifyFailure, errorCode } from '../collect/errors.js';
import { InputError, ScanError } from '../errors.js';
import type { OrgAccount } from './filters.js';

export interface OrganizationListing {
  organizationId: string | null;
  managementAccountId: string;
  accounts: OrgAccount[];
}

/**
 * The organisation's accounts, listed from the management account or a delegated administrator
 * (DescribeOrganization for the management account, ListAccounts page by page). A listing that
 * fails ends the scan (exit 3): without it there is no list of accounts to report on.
 */
export async function listOrganization(factory: ClientFactory, region: string): Promise<OrganizationListing> {
  const org = factory.client(OrganizationsClient, region);
  const described = await orgCall(() => org.send(new DescribeOrganizationCommand({})), 'organizations:DescribeOrganization');
  const managementAccountId = described.Organization?.MasterAccountId;
  if (!managementAccountId) throw new ScanError('organizations:DescribeOrganization did not name the management account');
  const accounts: OrgAccount[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await orgCall(() => org.send(new ListAccountsCommand({ NextToken: token })), 'organizations:ListAccounts');
    accounts.push(...(page.Accounts ?? []).flatMap(orgAccount));
    token = page.NextToken || undefined;
    // A token handed back twice would loop forever; stopping there would drop the accounts of
    // the pages not read, and the report would read as the whole organisation.
    if (token && seen.has(token)) throw new ScanError('cannot list the organisation\'s accounts: organizations:ListAccounts returned the same NextToken twice (the listing would be incomplete)');
    if (token) seen.add(token);
  } while (token);
  // An account on two pages (a listing that moved under us) is one account.
  const unique = [...new Map(accounts.map((a) => [a.accountId, a] as const)).values()];
  return { organizationId: described.Organization?.Id ?? null, managementAccountId, accounts: unique };
}

/**
 * Every account under the given OUs or roots, at any depth (ListAccountsForParent and
 * ListOrganizationalUnitsForParent, recursively). An id the organisation does not hold is the
 * user's mistake (exit 2).
 */
export async function accountsUnder(factory: ClientFactory, region: string, parents: string[]): Promise<Set<string>> {
  const org = factory.client(OrganizationsClient, region);
  const found = new Set<string>();
  const visited = new Set<string>();
  const walk = async (parentId: string, given: boolean): Promise<void> => {
    if (visited.has(parentId)) return;
    visited.add(parentId);
    const notFound = given ? `--ou: ${parentId} is not an OU or root of this organisation` : undefined;
    for (const id of await pages((token) => org.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken: token })), (p) => (p.Accounts ?? []).map((a) => a.Id), 'organizations:ListAccountsForParent', notFound)) found.add(id);
    const children = await pages((token) => org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken: token })), (p) => (p.OrganizationalUnits ?? []).map((ou) => ou.Id), 'organizations:ListOrganizationalUnitsForParent', notFound);
    for (const child of children) await walk(child, false);
  };
  for (const parent of parents) await walk(parent, true);
  return found;
}

async function pages<P extends { NextToken?: string | undefined }>(send: (token: string | undefined) => Promise<P>, ids: (page: P) => Array<string | undefined>, action: string, notFound: string | undefined): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await orgCall(() => send(token), action, notFound);
    out.push(...ids(page).filter((id): id is string => !!id));
    token = page.NextToken || undefined;
    if (token && seen.has(token)) throw new ScanError(`cannot list the organisation's accounts: ${action} returned the same NextToken twice (the listing would be incomplete)`);
    if (token) seen.add(token);
  } while (token);
  return out;
}

function orgAccount(account: Account): OrgAccount[] {
  if (!account.Id) return [];
  // `State` replaces `Status` (which AWS is retiring); either says whether the account can be entered.
  const status = account.State ?? account.Status ?? 'UNKNOWN';
  return [{ accountId: account.Id, name: account.Name ?? null, status }];
}

async function orgCall<T>(send: () => Promise<T>, action: string, notFound?: string): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const code = errorCode(error);
    if (notFound && (code === 'ParentNotFoundException' || code === 'ChildNotFoundException' || code === 'InvalidInputException')) throw new InputError(notFound);
    if (code === 'AWSOrganizationsNotInUseException') throw new ScanError('--org: the account these credentials belong to is not in an organisation (AWSOrganizationsNotInUseException)');
    const hint = code === 'AccessDeniedException' || code === 'AccessDenied' ? ' (run --org from the management account or a delegated administrator, with the Organizations permissions of docs/organizations.md)' : '';
    throw new ScanError(`cannot list the organisation's accounts: ${classifyFailure(error, action).reason}${hint}`);
  }
}
