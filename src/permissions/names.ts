import { InputError } from '../errors.js';

/** The member role's name when none is given: the one the examples and the StackSet template use. */
export const DEFAULT_MEMBER_ROLE_NAME = 'cafscan-audit';

/**
 * Checks for the values the permission generators put into ARNs and conditions. A typo here
 * would otherwise surface only when CloudFormation or IAM rejects the policy (or, worse, when a
 * trust policy silently matches nobody), so bad values are refused up front (exit 2).
 */

/** The partitions IAM ARNs use (aws, aws-cn, aws-us-gov, and the isolated ones). */
export const PARTITION = /^aws(-[a-z]+)*$/;

/** IAM role names: 1–64 of [\w+=,.@-]; a path is segments of the same characters (IAM's own rule). */
const ROLE_SEGMENT = /^[\w+=,.@-]{1,64}$/;

/** `name` or `path/name` (the design's --org-role-name), as IAM accepts it. Returns the ARN's resource part. */
export function roleResource(flag: string, value: string): string {
  const segments = value.split('/');
  const name = segments.at(-1) ?? '';
  if (value.length > 512 || !segments.every((s) => ROLE_SEGMENT.test(s)) || name.length > 64) {
    throw new InputError(`${flag} must be an IAM role name, optionally with a path (path/name): letters, digits and +=,.@_- (got "${value}")`);
  }
  return `role/${value}`;
}

export function accountId(flag: string, value: string): string {
  if (!/^\d{12}$/.test(value)) throw new InputError(`${flag} must be a 12-digit AWS account id (got "${value}")`);
  return value;
}

/** sts:AssumeRole's rule for ExternalId: 2–1224 characters of [\w+=,.@:/-]. */
export function externalId(value: string): string {
  if (!/^[\w+=,.@:/-]{2,1224}$/.test(value)) throw new InputError(`--external-id must be 2–1224 characters of letters, digits and +=,.@:/_- (got "${value}")`);
  return value;
}

export function partition(value: string): string {
  if (!PARTITION.test(value)) throw new InputError(`--partition must be an AWS partition such as aws, aws-cn or aws-us-gov (got "${value}")`);
  return value;
}
