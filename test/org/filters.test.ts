import { describe, expect, it } from 'vitest';
import { filterAccounts, parseAccountIds, parseOuIds, type OrgAccount } from '../../src/org/filters.js';
import { aggregatorAccountsFrom, orgOptionsFrom } from '../../src/cli/org-options.js';

const org: OrgAccount[] = [
  { accountId: '333333333333', name: 'c', status: 'ACTIVE' },
  { accountId: '111111111111', name: 'a', status: 'ACTIVE' },
  { accountId: '222222222222', name: 'b', status: 'SUSPENDED' },
  { accountId: '444444444444', name: null, status: 'ACTIVE' },
];

describe('account filters', () => {
  it('with none, every account, sorted by id (suspended ones too: they are reported, not dropped)', () => {
    expect(filterAccounts(org, {}).map((a) => a.accountId)).toEqual(['111111111111', '222222222222', '333333333333', '444444444444']);
  });

  it('--accounts keeps only those, --exclude-accounts removes, --ou keeps the accounts under the OUs', () => {
    expect(filterAccounts(org, { accounts: ['333333333333', '111111111111'] }).map((a) => a.accountId)).toEqual(['111111111111', '333333333333']);
    expect(filterAccounts(org, { exclude: ['111111111111'] }).map((a) => a.accountId)).toEqual(['222222222222', '333333333333', '444444444444']);
    expect(filterAccounts(org, { underOus: new Set(['444444444444', '222222222222']), exclude: ['222222222222'] }).map((a) => a.accountId)).toEqual(['444444444444']);
  });

  it('an --accounts id the organisation does not hold is an input error, not a silent gap', () => {
    expect(() => filterAccounts(org, { accounts: ['999999999999'] })).toThrow(expect.objectContaining({ exitCode: 2, message: '--accounts: 999999999999 is not an account of the organisation' }));
  });

  it('parses ids and refuses malformed ones', () => {
    expect(parseAccountIds('--accounts', ' 222222222222,111111111111,222222222222 ')).toEqual(['111111111111', '222222222222']);
    expect(() => parseAccountIds('--exclude-accounts', '12345')).toThrow('--exclude-accounts: "12345" is not a 12-digit AWS account id');
    expect(() => parseAccountIds('--accounts', ',')).toThrow(/needs at least one/);
    expect(parseOuIds('ou-ab12-cdef3456,r-ab12')).toEqual(['ou-ab12-cdef3456', 'r-ab12']);
    expect(() => parseOuIds('ou-x')).toThrow(/not an OU id/);
  });
});

describe('organisation flags', () => {
  const ok = { org: true, orgRoleName: 'audit/cafscan-audit' };

  it('--org needs --org-role-name, refuses --role-arn, checks the role name', () => {
    expect(() => orgOptionsFrom({ org: true }, {})).toThrow(/--org needs --org-role-name/);
    expect(() => orgOptionsFrom({ ...ok, roleArn: 'arn:aws:iam::111111111111:role/x' }, {})).toThrow(/--org and --role-arn do not go together/);
    expect(() => orgOptionsFrom({ org: true, orgRoleName: 'bad name' }, {})).toThrow(/is not an IAM role name/);
  });

  it('organisation flags without --org are refused, and the runners’ variables ignored', () => {
    expect(() => orgOptionsFrom({ shard: '1/4' }, {})).toThrow('--shard needs --org');
    expect(() => orgOptionsFrom({ accounts: '111111111111' }, {})).toThrow('--accounts needs --org');
    expect(orgOptionsFrom({}, { JOB_COMPLETION_INDEX: '1' })).toBeUndefined();
  });

  it('defaults and ranges', () => {
    const options = orgOptionsFrom({ ...ok, externalId: 'x-1', region: 'eu-west-1' }, {});
    expect(options).toEqual({ roleName: 'audit/cafscan-audit', externalId: 'x-1', regions: ['eu-west-1'], accountConcurrency: 4, accountTimeoutMs: 1_800_000 });
    expect(() => orgOptionsFrom({ ...ok, accountConcurrency: '65' }, {})).toThrow('--account-concurrency must be a whole number from 1 to 64 (got "65")');
    expect(() => orgOptionsFrom({ ...ok, accountTimeout: '0' }, {})).toThrow(/--account-timeout must be a whole number/);
    expect(orgOptionsFrom(ok, { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' })?.shard).toEqual({ index: 2, count: 4 });
  });
});

describe('--aggregator takes the account filters and the shard of --org', () => {
  it('selects with --accounts, --exclude-accounts, --ou and --shard, without or with --org-role-name', () => {
    expect(aggregatorAccountsFrom({ accounts: '222222222222,111111111111', excludeAccounts: '333333333333', ou: 'ou-ab12-cdef3456', shard: '2/4' }, {})).toEqual({
      selection: { accounts: ['111111111111', '222222222222'], excludeAccounts: ['333333333333'], ous: ['ou-ab12-cdef3456'], shard: { index: 2, count: 4 } },
    });
    const withRole = aggregatorAccountsFrom({ orgRoleName: 'cafscan-audit', externalId: 'x-1', accountConcurrency: '8' }, {});
    expect(withRole.selection).toEqual({});
    expect(withRole.members).toMatchObject({ roleName: 'cafscan-audit', externalId: 'x-1', accountConcurrency: 8, accountTimeoutMs: 1_800_000 });
  });

  it('takes the shard from the job runner, as --org does', () => {
    expect(aggregatorAccountsFrom({}, { JOB_COMPLETION_INDEX: '1', CAFSCAN_SHARD_COUNT: '4' }).selection.shard).toEqual({ index: 2, count: 4 });
    expect(aggregatorAccountsFrom({}, { CI_NODE_INDEX: '3', CI_NODE_TOTAL: '3' }).selection.shard).toEqual({ index: 3, count: 3 });
    expect(() => aggregatorAccountsFrom({}, { AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toThrow(/set CAFSCAN_SHARD_COUNT/);
  });

  it('refuses what does not go with it, and malformed values', () => {
    expect(() => aggregatorAccountsFrom({ org: true }, {})).toThrow(/--org and --aggregator do not go together/);
    expect(() => aggregatorAccountsFrom({ accountTimeout: '60' }, {})).toThrow('--account-timeout needs --org, or --aggregator with --org-role-name');
    expect(() => aggregatorAccountsFrom({ orgRoleName: 'a', roleArn: 'arn:aws:iam::111111111111:role/x' }, {})).toThrow(/do not go together/);
    expect(() => aggregatorAccountsFrom({ orgRoleName: 'bad name' }, {})).toThrow(/is not an IAM role name/);
    expect(() => aggregatorAccountsFrom({ accounts: '12345' }, {})).toThrow('--accounts: "12345" is not a 12-digit AWS account id');
    expect(() => aggregatorAccountsFrom({ shard: '5/4' }, {})).toThrow(/--shard must be/);
  });

  it('without --org or --aggregator the filters are refused, naming both', () => {
    expect(() => orgOptionsFrom({ ou: 'r-ab12' }, {})).toThrow('--ou needs --org or --aggregator');
    expect(() => orgOptionsFrom({ accountConcurrency: '2' }, {})).toThrow(/^--account-concurrency needs --org$/);
  });
});
