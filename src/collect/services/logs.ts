import { CloudWatchLogsClient, DescribeLogGroupsCommand, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { JsonObject } from '../../json.js';
import type { Collector } from '../collector.js';

const LOG_GROUP = 'AWS::Logs::LogGroup';

/**
 * CloudWatch Logs: log groups (where CloudTrail, Bedrock invocation logs and SageMaker endpoint
 * logs land) with retention, KMS key and data-protection status, shaped like CloudFormation's
 * AWS::Logs::LogGroup. One paginated call; tags would cost one call per log group (accounts
 * hold thousands), so they are not read and `tags` is null (unknown).
 */
export const logsCollector: Collector = {
  service: 'logs',
  scope: 'regional',
  operations: ['logs:DescribeLogGroups'],
  resourceTypes: [LOG_GROUP],
  async collect(ctx) {
    const logs = ctx.client(CloudWatchLogsClient);
    const groups = await ctx.listAll<LogGroup>([LOG_GROUP], async (token) => {
      const page = await logs.send(new DescribeLogGroupsCommand({ nextToken: token, limit: 50 }));
      return { items: page.logGroups, next: page.nextToken };
    });
    for (const group of groups.items) {
      const name = group.logGroupName;
      if (!name) continue;
      ctx.emit({
        type: LOG_GROUP,
        id: name,
        // The ARN with the trailing ":*", as CloudTrail's cloudWatchLogsLogGroupArn names it.
        arn: group.arn ?? `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:${name}:*`,
        name,
        configuration: logGroupConfiguration(group),
        tags: null,
      });
    }
  },
};

export function logGroupConfiguration(group: LogGroup): JsonObject {
  return {
    LogGroupName: group.logGroupName ?? null,
    Arn: group.arn ?? null,
    LogGroupArn: group.logGroupArn ?? null,
    KmsKeyId: group.kmsKeyId ?? null,
    RetentionInDays: group.retentionInDays ?? null,
    DataProtectionStatus: group.dataProtectionStatus ?? null,
    LogGroupClass: group.logGroupClass ?? null,
    DeletionProtectionEnabled: group.deletionProtectionEnabled ?? null,
    CreationTime: group.creationTime !== undefined ? new Date(group.creationTime).toISOString() : null,
  };
}
