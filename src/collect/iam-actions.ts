import { collectorOperations } from './registry.js';
import type { Collector } from './collector.js';

/**
 * API operations whose IAM action has another name. Everything else is "<service>:<Operation>".
 * (S3 and API Gateway name their permissions differently from their operations.)
 */
const IAM_ACTION_OF: Record<string, string> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3:GetObjectLockConfiguration': 's3:GetBucketObjectLockConfiguration',
  's3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  's3control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  'apigateway:GetRestApis': 'apigateway:GET',
  'apigateway:GetStages': 'apigateway:GET',
  'apigateway:GetRestApi': 'apigateway:GET',
  'apigateway:GetStage': 'apigateway:GET',
  // Needs no permission, but listing it documents the call.
  'sts:GetCallerIdentity': 'sts:GetCallerIdentity',
};

/** Calls the scan makes besides the collectors: who am I, which regions are enabled. */
export const ORCHESTRATION_OPERATIONS = ['sts:GetCallerIdentity', 'ec2:DescribeRegions'];

export function iamActionFor(operation: string): string {
  return IAM_ACTION_OF[operation] ?? operation;
}

/** The least-privilege read-only policy for a live scan, derived from what collectors declare. */
export function readOnlyPolicy(collectors: Collector[]): { Version: string; Statement: Array<{ Sid: string; Effect: 'Allow'; Action: string[]; Resource: string }> } {
  const actions = [...new Set([...collectorOperations(collectors), ...ORCHESTRATION_OPERATIONS].map(iamActionFor))].sort();
  return { Version: '2012-10-17', Statement: [{ Sid: 'CafscanReadOnly', Effect: 'Allow', Action: actions, Resource: '*' }] };
}
