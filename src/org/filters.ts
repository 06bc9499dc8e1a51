import { InputError } from '../errors.js';

/** An account as the organisation lists it. */
export interface OrgAccount {
  accountId: string;
  name: string | null;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE… (the listing's State, else its older Status). */
  status: string;
}

/** `--accounts` / `--exclude-accounts`: comma-separated 12-digit account ids. */
export function parseAccountIds(flag: string, value: string): string[] {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError(`${flag} needs at least one 12-digit account id`);
  for (const id of ids) if (!/^\d{12}$/.test(id)) throw new InputError(`${flag}: "${id}" is not a 12-digit AWS account id`);
  return [...new Set(ids)].sort();
}

/** `--ou`: organisational unit ids (ou-xxxx-xxxxxxxx) or the root's (r-xxxx). */
export function parseOuIds(value: string): string[] {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError('--ou needs at least one OU or root id (ou-xxxx-xxxxxxxx or r-xxxx)');
  for (const id of ids) {
    // The patterns of the Organizations API's ParentId.
    if (!/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/.test(id)) throw new InputError(`--ou: "${id}" is not an OU id (ou-xxxx-xxxxxxxx) or a root id (r-xxxx)`);
  }
  return [...new Set(ids)].sort();
}

export interface AccountFilters {
  /** Only these (--accounts). */
  accounts?: string[];
  /** Never these (--exclude-accounts). */
  exclude?: string[];
  /** Only accounts under these OUs, as the organisation listed them (--ou, resolved). */
  underOus?: ReadonlySet<string>;
}

/**
 * The organisation's accounts a run covers, sorted by id. An account named in --accounts that
 * the organisation does not hold is a mistake the user should hear about, not a silent gap.
 */
export function filterAccounts(all: OrgAccount[], filters: AccountFilters): OrgAccount[] {
  const known = new Set(all.map((a) => a.accountId));
  const unknown = (filters.accounts ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new InputError(`--accounts: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not an account' : 'are not accounts'} of the organisation`);
  const only = filters.accounts ? new Set(filters.accounts) : undefined;
  const exclude = new Set(filters.exclude ?? []);
  return all
    .filter((a) => (!only || only.has(a.accountId)) && !exclude.has(a.accountId) && (!filters.underOus || filters.underOus.has(a.accountId)))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
