import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Credentials resolved once and shared by every client that uses them, refreshed only near
 * expiry. Without it each SDK client (one per service and region) would resolve its own: an
 * AssumeRole per client per account, dozens per member account.
 */
export function shared(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  const memoized = memoizeIdentityProvider<AwsCredentialIdentity>(provider, isIdentityExpired, doesIdentityRequireRefresh);
  return memoized ?? provider;
}

/** The caller's own credentials (the SDK chain or a profile): the management or delegated-administrator account's. */
export function callerCredentials(profile: string | undefined): AwsCredentialIdentityProvider {
  return shared(fromNodeProviderChain(profile ? { profile } : {}));
}

/** A member account's, through its audit role, assumed with the caller's credentials. */
export function memberCredentials(caller: AwsCredentialIdentityProvider, roleArn: string, o: { externalId?: string | undefined; region: string; endpoint?: string | undefined }): AwsCredentialIdentityProvider {
  return shared(
    fromTemporaryCredentials({
      masterCredentials: caller,
      params: { RoleArn: roleArn, RoleSessionName: 'cafscan', ...(o.externalId ? { ExternalId: o.externalId } : {}) },
      clientConfig: { region: o.region, ...(o.endpoint ? { endpoint: o.endpoint } : {}) },
    }),
  );
}

/** arn:<partition>:iam::<account>:role/<name>, where the name may carry a path (path/name). */
export function memberRoleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}
