import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import type { JsonObject, JsonValue } from '../../json.js';
import type { Collector, CollectorContext } from '../collector.js';
import { tagMap, toJson } from '../shape.js';

const TRAIL = 'AWS::CloudTrail::Trail';

/**
 * CloudTrail: the trails whose home is this region, shaped like AWS Config's
 * AWS::CloudTrail::Trail (camelCase configuration, `trailARN`/`snsTopicARN`). Each trail is
 * reported once, in its home region, however many regions it covers. Config records neither
 * logging status nor event selectors; live collection adds them as
 * supplementaryConfiguration.TrailStatus / EventSelectors / AdvancedEventSelectors.
 */
export const cloudtrailCollector: Collector = {
  service: 'cloudtrail',
  scope: 'regional',
  operations: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors', 'cloudtrail:ListTags'],
  resourceTypes: [TRAIL],
  async collect(ctx) {
    const cloudtrail = ctx.client(CloudTrailClient);
    // Shadow trails included, then only those whose home is here: a multi-region trail is
    // reported once, and an organization trail still shows up in a member account (with
    // includeShadowTrails false a member account would not see it at all).
    const described = await ctx.listAll<Trail>([TRAIL], async () => {
      const out = await cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      return { items: out.trailList };
    });
    const home = described.items.filter((trail) => trail.HomeRegion === ctx.region && trail.TrailARN);
    // The multi-region trails that cover this region from another home: when that home is not
    // scanned they are not in the inventory, and "no multi-region trail" would be a false
    // failure; SA-01 reads this fact to say "not evaluated" instead.
    if (described.complete) {
      const elsewhere = described.items
        .filter((trail) => trail.HomeRegion !== ctx.region && trail.IsMultiRegionTrail === true && trail.TrailARN)
        .map((trail): JsonObject => ({ trailARN: trail.TrailARN ?? null, name: trail.Name ?? null, homeRegion: trail.HomeRegion ?? null }));
      ctx.fact('cloudtrailMultiRegionTrailsFromOtherRegions', { trails: elsewhere });
    }
    await ctx.each(home, (trail) => collectTrail(ctx, cloudtrail, trail));
  },
};

async function collectTrail(ctx: CollectorContext, cloudtrail: CloudTrailClient, trail: Trail): Promise<void> {
  const arn = trail.TrailARN ?? '';
  const errors: Record<string, string> = {};
  const supplementary: JsonObject = {};

  const status = await ctx.call(() => cloudtrail.send(new GetTrailStatusCommand({ Name: arn })));
  if (status.status === 'ok') supplementary.TrailStatus = camelKeys(toJson(status.output)); // toJson drops $metadata
  else if (status.status === 'failed') errors.TrailStatus = status.failure.reason;

  const selectors = await ctx.call(() => cloudtrail.send(new GetEventSelectorsCommand({ TrailName: arn })));
  if (selectors.status === 'ok') {
    // A trail has either basic or advanced event selectors, never both. Recorded as answered:
    // for a trail whose selectors were never set AWS answers the default selector (management
    // events, All) while moto 5.2 answers []; SA-01 reads an empty list together with
    // DescribeTrails' HasCustomEventSelectors false as that default, and as unknown otherwise.
    if (selectors.output.EventSelectors) supplementary.EventSelectors = camelKeys(toJson(selectors.output.EventSelectors));
    if (selectors.output.AdvancedEventSelectors) supplementary.AdvancedEventSelectors = camelKeys(toJson(selectors.output.AdvancedEventSelectors));
  } else if (selectors.status === 'failed') errors.EventSelectors = selectors.failure.reason;

  let tags: Record<string, string> | null = null;
  const listed = await ctx.call(() => cloudtrail.send(new ListTagsCommand({ ResourceIdList: [arn] })));
  if (listed.status === 'ok') tags = tagMap(listed.output.ResourceTagList?.find((r) => r.ResourceId === arn)?.TagsList ?? listed.output.ResourceTagList?.[0]?.TagsList);
  else if (listed.status === 'failed') errors.Tags = listed.failure.reason;

  ctx.emit({
    type: TRAIL,
    id: trail.Name ?? arn,
    arn,
    name: trail.Name ?? null,
    configuration: trailConfiguration(trail),
    supplementaryConfiguration: supplementary,
    tags,
    collectionErrors: errors,
  });
}

/**
 * DescribeTrails' trail the way Config records it. The API leaves out unset values: strings
 * become null, as in Config, and booleans false, which is what their absence means.
 */
function trailConfiguration(trail: Trail): JsonObject {
  return {
    name: trail.Name ?? null,
    trailARN: trail.TrailARN ?? null,
    homeRegion: trail.HomeRegion ?? null,
    s3BucketName: trail.S3BucketName ?? null,
    s3KeyPrefix: trail.S3KeyPrefix ?? null,
    snsTopicName: trail.SnsTopicName ?? null,
    snsTopicARN: trail.SnsTopicARN ?? null,
    includeGlobalServiceEvents: trail.IncludeGlobalServiceEvents ?? false,
    isMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
    isOrganizationTrail: trail.IsOrganizationTrail ?? false,
    logFileValidationEnabled: trail.LogFileValidationEnabled ?? false,
    kmsKeyId: trail.KmsKeyId ?? null,
    cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn ?? null,
    cloudWatchLogsRoleArn: trail.CloudWatchLogsRoleArn ?? null,
    hasCustomEventSelectors: trail.HasCustomEventSelectors ?? false,
    hasInsightSelectors: trail.HasInsightSelectors ?? false,
  };
}

/** API output (PascalCase) in Config's camelCase: IsLogging → isLogging, ReadWriteType → readWriteType. */
function camelKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) out[key.charAt(0).toLowerCase() + key.slice(1)] = camelKeys(v);
    return out;
  }
  return value;
}
