import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import type { Collector } from '../../src/collect/collector.js';
import { collectAccount } from '../../src/collect/run-collection.js';
import { configRecorderCollector } from '../../src/collect/services/config.js';
import { MOTO_ACCOUNT, TEST_CREDENTIALS, motoEnv, startMoto, type Moto } from '../helpers/moto.js';

/** Collectors that make no call: what they do depends only on what the context lets them. */
function collectors(asked: string[]): Collector[] {
  const config: Collector = {
    service: 'fake-config',
    scope: 'regional',
    claimsTypes: true,
    operations: [],
    resourceTypes: [],
    async collect(ctx) {
      for (const type of ['T::A', 'T::B']) {
        if (!ctx.wants(type, ctx.region)) continue;
        asked.push(`${type} ${ctx.region}`);
        ctx.emit({ type, id: `config-${type}`, arn: `arn:aws:fake:${ctx.region}:111111111111:config/${type}`, configuration: { from: 'config' } });
        ctx.claim(type, ctx.region);
        ctx.covered([type]);
      }
    },
  };
  const service: Collector = {
    service: 'fake-service',
    scope: 'regional',
    operations: [],
    resourceTypes: ['T::A', 'T::B', 'T::C'],
    async collect(ctx) {
      for (const type of ['T::A', 'T::B', 'T::C']) {
        ctx.emit({ type, id: `service-${type}`, arn: `arn:aws:fake:${ctx.region}:111111111111:service/${type}`, configuration: { from: 'service' } });
      }
      ctx.covered(['T::A', 'T::B', 'T::C']);
    },
  };
  return [config, service];
}

const factory = () => new ClientFactory({ credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }), maxAttempts: 1, requestTimeoutMs: 1000, log: new CallLog(), declaredOperations: new Set() });

describe('pre-claimed types (the seam for the Config aggregator source)', () => {
  it('a pre-claimed type in a region is left alone there: AWS Config is not asked, the service emits nothing, no coverage is reported', async () => {
    const asked: string[] = [];
    const { inventory } = await collectAccount(factory(), {
      accountId: '111111111111',
      partition: 'aws',
      homeRegion: 'us-east-1',
      regions: ['us-east-1', 'eu-west-1'],
      collectors: collectors(asked),
      preclaimed: [{ resourceType: 'T::A', region: 'us-east-1' }],
    });
    expect(asked.sort()).toEqual(['T::A eu-west-1', 'T::B eu-west-1', 'T::B us-east-1']);
    const found = inventory.resources.filter((r) => r.type.startsWith('T::')).map((r) => `${r.region} ${r.type} ${String(r.configuration.from)}`);
    expect(found.sort()).toEqual(['eu-west-1 T::A config', 'eu-west-1 T::B config', 'eu-west-1 T::C service', 'us-east-1 T::B config', 'us-east-1 T::C service']);
    expect(inventory.coverage.map((c) => `${c.region} ${c.resourceType}`).sort()).toEqual(['eu-west-1 T::A', 'eu-west-1 T::B', 'eu-west-1 T::C', 'us-east-1 T::B', 'us-east-1 T::C']);
  });

  it('without pre-claims the account collects as before (Config first, the service for the rest)', async () => {
    const asked: string[] = [];
    const { inventory } = await collectAccount(factory(), { accountId: '111111111111', partition: 'aws', homeRegion: 'us-east-1', collectors: collectors(asked) });
    expect(asked.sort()).toEqual(['T::A us-east-1', 'T::B us-east-1']);
    expect(inventory.resources.filter((r) => r.type.startsWith('T::')).map((r) => `${r.type} ${String(r.configuration.from)}`).sort()).toEqual(['T::A config', 'T::B config', 'T::C service']);
  });
});

describe('pre-claimed types and the account’s own AWS Config recorder (against moto)', () => {
  let moto: Moto;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    Object.assign(process.env, motoEnv(moto));
    const config = new ConfigServiceClient(moto.clientConfig());
    await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${MOTO_ACCOUNT}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }));
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'cfg-bucket' } }));
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    config.destroy();
  });
  afterAll(async () => {
    process.env = saved;
    await moto?.stop();
  });

  /** The resource types the Config recorder collector asked ListDiscoveredResources about. */
  async function listedTypes(preclaimed?: Array<{ resourceType: string; region: string }>): Promise<string[]> {
    const log = new CallLog();
    const live = new ClientFactory({ credentials: async () => TEST_CREDENTIALS, endpoint: moto.endpoint, maxAttempts: 2, requestTimeoutMs: 10_000, log, declaredOperations: new Set(configRecorderCollector.operations) });
    const asked: string[] = [];
    live.client(ConfigServiceClient, 'us-east-1').middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { resourceType?: string };
        if (context.commandName === 'ListDiscoveredResourcesCommand' && input.resourceType) asked.push(input.resourceType);
        return next(args);
      },
      { step: 'initialize', name: 'testSeeTypes' },
    );
    try {
      await collectAccount(live, { accountId: MOTO_ACCOUNT, partition: 'aws', homeRegion: 'us-east-1', collectors: [configRecorderCollector], ...(preclaimed ? { preclaimed } : {}) });
    } finally {
      live.destroy();
    }
    return asked.sort();
  }

  it('is not asked for the types another source already collected there', async () => {
    const all = await listedTypes();
    expect(all).toContain('AWS::S3::Bucket');
    expect(all).toContain('AWS::IAM::Role');
    const rest = await listedTypes([{ resourceType: 'AWS::S3::Bucket', region: 'us-east-1' }, { resourceType: 'AWS::IAM::Role', region: 'global' }, { resourceType: 'AWS::KMS::Key', region: 'eu-west-1' }]);
    expect(rest).toEqual(all.filter((t) => t !== 'AWS::S3::Bucket' && t !== 'AWS::IAM::Role'));
  });
});
