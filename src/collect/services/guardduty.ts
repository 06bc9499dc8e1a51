import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand, type GetDetectorCommandOutput } from '@aws-sdk/client-guardduty';
import type { JsonObject } from '../../json.js';
import type { Collector } from '../collector.js';
import { toJsonObject } from '../shape.js';

const DETECTOR = 'AWS::GuardDuty::Detector';

/**
 * GuardDuty: every detector of the region (ListDetectors, then GetDetector each), shaped like
 * Config's AWS::GuardDuty::Detector item (PascalCase, `Id`, boolean `Enable`) while keeping the
 * API's `Status`, `DataSources` and `Features`. The region's detectors and whether any is
 * enabled are also a fact on the account resource.
 */
export const guarddutyCollector: Collector = {
  service: 'guardduty',
  scope: 'regional',
  operations: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  resourceTypes: [DETECTOR],
  async collect(ctx) {
    const guardduty = ctx.client(GuardDutyClient);
    const listed = await ctx.listAll<string>([DETECTOR], async (token) => {
      const page = await guardduty.send(new ListDetectorsCommand({ NextToken: token, MaxResults: 50 }));
      return { items: page.DetectorIds, next: page.NextToken };
    });
    if (!listed.complete) {
      ctx.fact('guardDuty', null, 'the GuardDuty detectors could not be listed');
    }

    const states: Array<boolean | null> = [];
    await ctx.each(listed.items, async (detectorId) => {
      const arn = `arn:${ctx.partition}:guardduty:${ctx.region}:${ctx.accountId}:detector/${detectorId}`;
      const got = await ctx.call(() => guardduty.send(new GetDetectorCommand({ DetectorId: detectorId })));
      if (got.status === 'ok') {
        const configuration = detectorConfiguration(detectorId, got.output);
        states.push(configuration.Enable === true);
        ctx.emit({ type: DETECTOR, id: detectorId, arn, name: detectorId, configuration, tags: got.output.Tags ?? {} });
      } else {
        // Known to exist, state unknown: controls report not_evaluated with this reason.
        states.push(null);
        const reason = got.status === 'failed' ? got.failure.reason : `guardduty:GetDetector found no detector ${detectorId} (${got.code})`;
        ctx.emit({ type: DETECTOR, id: detectorId, arn, name: detectorId, configuration: { Id: detectorId }, tags: null, collectionErrors: { Detector: reason } });
      }
    });

    if (listed.complete) {
      // Enabled if any detector is; unknown (null) if none is and some could not be read.
      const enabled = states.includes(true) ? true : states.includes(null) ? null : false;
      ctx.fact('guardDuty', { detectorIds: [...listed.items].sort(), enabled });
    }
  },
};

/** GetDetector output as Config records it: the API's fields plus `Id` and Config's `Enable`. */
export function detectorConfiguration(detectorId: string, output: Omit<GetDetectorCommandOutput, '$metadata'>): JsonObject {
  const { Tags: _tags, ...rest } = output;
  return {
    Id: detectorId,
    Enable: output.Status === 'ENABLED',
    ...toJsonObject(rest),
  };
}
