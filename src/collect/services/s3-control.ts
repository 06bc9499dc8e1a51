import type { PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { syntheticArn } from '../../inventory/normalize-config-item.js';
import type { JsonObject } from '../../json.js';
import type { CollectorContext } from '../collector.js';

// Part of the S3 collector (s3.ts), in a file of its own because S3 and S3 Control both name
// their command GetPublicAccessBlockCommand, and commands keep their own names (the read-only
// test finds every command the collection code constructs by that name).

export const ACCOUNT_BLOCK = 'AWS::S3::AccountPublicAccessBlock';

/** The four Block Public Access settings as Config records them; one the API leaves out is off. */
export function publicAccessBlock(block: PublicAccessBlockConfiguration | undefined): JsonObject {
  return {
    blockPublicAcls: block?.BlockPublicAcls ?? false,
    ignorePublicAcls: block?.IgnorePublicAcls ?? false,
    blockPublicPolicy: block?.BlockPublicPolicy ?? false,
    restrictPublicBuckets: block?.RestrictPublicBuckets ?? false,
  };
}

/**
 * The account-level public access block. Config records it only when one is set, so "none"
 * emits nothing; the type still counts as collected, because that absence is an answer.
 */
export async function accountPublicAccessBlock(ctx: CollectorContext): Promise<void> {
  const control = ctx.client(S3ControlClient);
  const result = await ctx.call(() => control.send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId })), {
    absentOn: ['NoSuchPublicAccessBlockConfiguration'],
  });
  if (result.status === 'failed') {
    ctx.failed([ACCOUNT_BLOCK], result.failure.reason);
    return;
  }
  if (result.status === 'ok') {
    ctx.emit({
      type: ACCOUNT_BLOCK,
      id: ctx.accountId,
      arn: syntheticArn(ACCOUNT_BLOCK, ctx.accountId, ctx.accountId, ctx.region),
      name: ctx.accountId,
      region: ctx.region,
      configuration: publicAccessBlock(result.output.PublicAccessBlockConfiguration),
    });
  }
  ctx.covered([ACCOUNT_BLOCK]);
}
