/**
 * Calls cafscan makes in the account it runs from — the organisation's management account or a
 * delegated administrator — to scan a whole organisation (`--org`, `--aggregator`). They are
 * reads; the member accounts' own calls are the collectors' (src/collect/registry.ts). The
 * management-account policy and the member role's trust policy are generated from these lists.
 */
export const ORGANIZATION_OPERATIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListAccounts',
  'organizations:ListAccountsForParent',
  'organizations:ListOrganizationalUnitsForParent',
] as const;

/**
 * What an organisation run asks in the account it runs from besides listing the organisation:
 * whose credentials these are, and (--region all) which regions are enabled, when an account's
 * own answer is not at hand.
 */
export const MANAGEMENT_ORCHESTRATION_OPERATIONS = ['sts:GetCallerIdentity', 'ec2:DescribeRegions'] as const;

/** The AWS Config aggregator source (`--aggregator <name>`). */
export const AGGREGATOR_OPERATIONS = [
  'config:DescribeConfigurationAggregators',
  'config:SelectAggregateResourceConfig',
  'config:ListAggregateDiscoveredResources',
  'config:BatchGetAggregateResourceConfig',
] as const;

/** Not a read of any account: entering a member account through its audit role changes nothing there. */
export const MEMBER_ROLE_ACTION = 'sts:AssumeRole';
