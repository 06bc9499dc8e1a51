import { MEMBER_ROLE_ACTION } from '../org/operations.js';
import type { PolicyCondition, PolicyDocument } from './policy-document.js';

/** The management-account role the scanner runs as when none is given (the examples use it). */
export const DEFAULT_SCANNER_ROLE_NAME = 'cafscan-org-scanner';

export interface MemberTrustOptions {
  managementAccountId: string;
  /** Validated `role/<path/>name` of the scanner's role in the management account. */
  scannerRoleResource: string;
  externalId?: string;
  partition: string;
}

/**
 * The member role's trust policy. Why this shape:
 * - Principal is the management account's root, narrowed by `aws:PrincipalArn` to the scanner's
 *   role. Naming the role itself as Principal would be as narrow, but IAM refuses a trust policy
 *   whose principal role does not exist yet (a StackSet would fail in every account if it rolled
 *   out before the scanner role), and silently breaks it when that role is re-created (the
 *   principal becomes the old role's unique id). A condition on the ARN has neither problem, and
 *   for a role session `aws:PrincipalArn` is the role's ARN, whoever assumed the role.
 * - No `aws:PrincipalOrgID`: the account and role are already pinned, and a management or
 *   delegated-administrator account is always inside its organisation, so it would add nothing
 *   but another value to get wrong.
 * - `sts:ExternalId` only when given: within one organisation there is no third party to
 *   confuse, but teams that require it get it checked on every AssumeRole.
 */
export function memberTrustPolicy(options: MemberTrustOptions): PolicyDocument {
  const condition: PolicyCondition = {
    ArnEquals: { 'aws:PrincipalArn': `arn:${options.partition}:iam::${options.managementAccountId}:${options.scannerRoleResource}` },
    ...(options.externalId === undefined ? {} : { StringEquals: { 'sts:ExternalId': options.externalId } }),
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CafscanScannerMayEnter',
        Effect: 'Allow',
        Principal: { AWS: `arn:${options.partition}:iam::${options.managementAccountId}:root` },
        Action: MEMBER_ROLE_ACTION,
        Condition: condition,
      },
    ],
  };
}
