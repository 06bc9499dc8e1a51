import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
} from '@aws-sdk/client-config-service';
import type { JsonObject } from '../../json.js';
import type { Collector } from '../collector.js';

/**
 * AWS Config: whether the region's configuration recorder exists, records, and records what
 * (all supported types, global types), as the `configRecorder` fact; null when there is none.
 * Service-linked recorders (AWS services recording for themselves) are not the account's
 * recorder: the customer-managed one is reported when there is one.
 */
export const configRecorderCollector: Collector = {
  service: 'config',
  scope: 'regional',
  operations: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
  resourceTypes: [],
  async collect(ctx) {
    const config = ctx.client(ConfigServiceClient);
    const recorders = await ctx.call(() => config.send(new DescribeConfigurationRecordersCommand({})));
    if (recorders.status !== 'ok') {
      ctx.fact('configRecorder', null, recorders.status === 'failed' ? recorders.failure.reason : `config:DescribeConfigurationRecorders answered ${recorders.code}`);
      return;
    }
    const recorder = primaryRecorder(recorders.output.ConfigurationRecorders ?? []);
    if (!recorder) {
      ctx.fact('configRecorder', null);
      return;
    }
    const statuses = await ctx.call(() => config.send(new DescribeConfigurationRecorderStatusCommand(recorder.name ? { ConfigurationRecorderNames: [recorder.name] } : {})));
    const status = statuses.status === 'ok' ? (statuses.output.ConfigurationRecordersStatus ?? []).find((s) => s.name === recorder.name) : undefined;
    ctx.fact('configRecorder', configRecorderFact(recorder, status));
    if (statuses.status !== 'ok') {
      // The recorder is known; whether it records is not (recording and lastStatus are null).
      ctx.fact('configRecorder', null, statuses.status === 'failed' ? statuses.failure.reason : `config:DescribeConfigurationRecorderStatus answered ${statuses.code}`);
    }
  },
};

/** The customer-managed recorder if there is one, else the first. */
export function primaryRecorder(recorders: ConfigurationRecorder[]): ConfigurationRecorder | undefined {
  return recorders.find((r) => !r.servicePrincipal) ?? recorders[0];
}

export function configRecorderFact(recorder: ConfigurationRecorder, status: ConfigurationRecorderStatus | undefined): JsonObject {
  const group = recorder.recordingGroup;
  return {
    name: recorder.name ?? null,
    // A recorder without a recording group records all supported types (the API default).
    allSupported: group ? (group.allSupported ?? false) : true,
    includeGlobalResourceTypes: group?.includeGlobalResourceTypes ?? false,
    resourceTypes: group?.resourceTypes ?? [],
    exclusionResourceTypes: group?.exclusionByResourceTypes?.resourceTypes ?? [],
    recordingStrategy: group?.recordingStrategy?.useOnly ?? null,
    recordingFrequency: recorder.recordingMode?.recordingFrequency ?? null,
    servicePrincipal: recorder.servicePrincipal ?? null,
    recording: status?.recording ?? null,
    lastStatus: status?.lastStatus ?? null,
    lastErrorCode: status?.lastErrorCode ?? null,
    lastStatusChangeTime: status?.lastStatusChangeTime?.toISOString() ?? null,
  };
}
