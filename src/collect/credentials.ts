import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface CredentialOptions {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  region: string;
  endpoint?: string;
}

/**
 * The SDK's default chain (environment, shared config and SSO profiles, container and instance
 * roles), optionally a named profile, optionally assuming a role with it. Assuming a role is
 * the one STS call that is not a read of the account; it changes nothing there.
 */
export function credentialProvider(options: CredentialOptions): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  if (!options.roleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: options.roleArn, RoleSessionName: 'cafscan', ...(options.externalId ? { ExternalId: options.externalId } : {}) },
    clientConfig: { region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) },
  });
}
