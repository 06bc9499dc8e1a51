import { iamActionFor } from '../collect/iam-actions.js';
import { AGGREGATOR_OPERATIONS, MANAGEMENT_ORCHESTRATION_OPERATIONS, MEMBER_ROLE_ACTION, ORGANIZATION_OPERATIONS } from '../org/operations.js';
import type { PolicyDocument } from './policy-document.js';

export { DEFAULT_MEMBER_ROLE_NAME } from './names.js';

export interface ManagementPolicyOptions {
  /** Validated `role/<path/>name` (see names.ts roleResource). */
  memberRoleResource: string;
  partition: string;
}

/**
 * What the identity running `cafscan scan --org` / `--aggregator` needs in the management (or
 * delegated-administrator) account, derived from src/org/operations.ts so it cannot drift from
 * the calls made. The management account's own resources are scanned with these same
 * credentials, so that identity also needs the read-only policy (docs/iam-policy.json); it is a
 * separate document because together they would exceed IAM's 6,144-character managed-policy limit.
 */
export function managementPolicy(options: ManagementPolicyOptions): PolicyDocument {
  const actions = (operations: readonly string[]) => [...new Set(operations.map(iamActionFor))].sort();
  return {
    Version: '2012-10-17',
    Statement: [
      // Organizations reads take no resource-level restriction worth having (DescribeOrganization
      // and ListAccounts accept only "*"), so "*" is the least privilege here.
      { Sid: 'CafscanListOrganization', Effect: 'Allow', Action: actions(ORGANIZATION_OPERATIONS), Resource: '*' },
      // Who the caller is, and (--region all) the enabled regions: asked in this account even when it is not scanned.
      { Sid: 'CafscanOrchestrate', Effect: 'Allow', Action: actions(MANAGEMENT_ORCHESTRATION_OPERATIONS), Resource: '*' },
      // Aggregator ARNs carry a generated id, not the name given to --aggregator, so they cannot
      // be written down before the aggregator exists; DescribeConfigurationAggregators takes only "*".
      { Sid: 'CafscanReadConfigAggregator', Effect: 'Allow', Action: actions(AGGREGATOR_OPERATIONS), Resource: '*' },
      // Only the audit role, in any account: the account id is the one part cafscan cannot know in advance.
      {
        Sid: 'CafscanEnterMemberAccounts',
        Effect: 'Allow',
        Action: iamActionFor(MEMBER_ROLE_ACTION),
        Resource: `arn:${options.partition}:iam::*:${options.memberRoleResource}`,
        // Only roles of the scanner's own organisation: a role of that name in an account outside
        // it (anyone can create one and trust this principal) would feed its data into the report.
        Condition: { StringEquals: { 'aws:ResourceOrgID': '${aws:PrincipalOrgID}' } },
      },
    ],
  };
}
