import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listen, readBody } from './fake-aws.js';

/**
 * A local endpoint answering the aggregator account's calls from recorded real-shaped data, so the
 * real SDK clients serialise, sign, paginate and deserialise: AWS Config's JSON 1.1 API
 * (StarlingDoveService.*), Organizations' (AWSOrganizationsV20161128.*) and STS GetCallerIdentity
 * (query protocol, XML). `answer` gets the operation and the parsed JSON body; undefined is a 400
 * UnknownOperationException, and the operation is listed in `unknown`. Listens on 127.0.0.1 only.
 */
export interface FakeAggregatorEndpoint {
  endpoint: string;
  /** Operation and body of every JSON call, in order. */
  calls: Array<{ operation: string; body: Record<string, unknown> }>;
  unknown: string[];
  close: () => Promise<void>;
}

export type AggregatorAnswer = { status?: number; type?: string; body: unknown } | undefined;

export async function fakeAggregatorEndpoint(callerAccount: string, answer: (operation: string, body: Record<string, unknown>) => AggregatorAnswer): Promise<FakeAggregatorEndpoint> {
  const calls: FakeAggregatorEndpoint['calls'] = [];
  const unknown: string[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const text = raw.toString('utf8');
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target && /Action=GetCallerIdentity/.test(text)) {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${callerAccount}:user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>${callerAccount}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`);
        return;
      }
      const operation = target.split('.').pop() ?? '';
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      calls.push({ operation, body });
      const reply = answer(operation, body);
      if (!reply) unknown.push(operation);
      const { status = 200, type, body: json } = reply ?? { status: 400, type: 'UnknownOperationException', body: { message: 'not in this recording' } };
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...(type ? { 'x-amzn-errortype': type } : {}) });
      res.end(JSON.stringify(type ? { __type: type, message: (json as { message?: string }).message ?? type } : json));
    });
  });
  const endpoint = await listen(server);
  return { endpoint, calls, unknown, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Item = Record<string, unknown>;

/**
 * Real AWS Config items (the demo account's snapshot, the AWS Config RDK's example items and
 * cloud-custodian's recorded S3 items, ../shared/real-world) as SelectAggregateResourceConfig rows:
 * the properties cafscan selects, tags as the advanced-query list, and — as the service does for
 * some types — IAM configurations as JSON text inside the row's JSON.
 */
export function recordedSelectRows(repoRoot: string, types: readonly string[]): Array<Record<string, unknown>> {
  const demo = (JSON.parse(readFileSync(join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json'), 'utf8')) as { configurationItems: Item[] }).configurationItems;
  // ../shared beside the main checkout; a worktree sits one level deeper.
  const shared = [join(repoRoot, '..', 'shared', 'real-world'), join(repoRoot, '..', '..', 'shared', 'real-world')].find((dir) => existsSync(dir)) ?? join(repoRoot, '..', 'shared', 'real-world');
  const rdk = (JSON.parse(readFileSync(join(shared, 'A4-rdk-example-ci-snapshot.json'), 'utf8')) as { configurationItems: Item[] }).configurationItems;
  const custodian = JSON.parse(readFileSync(join(shared, 'A1-custodian-config-items.json'), 'utf8')) as Item[] | { configurationItems: Item[] };
  const custodianItems = Array.isArray(custodian) ? custodian : custodian.configurationItems;
  return [...demo, ...rdk, ...custodianItems].filter((i) => types.includes(String(i.resourceType))).map(selectRow);
}

function selectRow(item: Item): Record<string, unknown> {
  const configuration = typeof item.configuration === 'string' ? JSON.parse(item.configuration) as unknown : item.configuration;
  const tags = item.tags && typeof item.tags === 'object' && !Array.isArray(item.tags) ? Object.entries(item.tags as Record<string, string>).map(([key, value]) => ({ key, value })) : (item.tags ?? []);
  const iam = String(item.resourceType).startsWith('AWS::IAM::');
  return {
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    resourceType: item.resourceType,
    arn: item.ARN ?? item.arn,
    accountId: item.awsAccountId ?? item.accountId,
    awsRegion: item.awsRegion,
    availabilityZone: item.availabilityZone,
    configuration: iam ? JSON.stringify(configuration) : configuration,
    supplementaryConfiguration: item.supplementaryConfiguration ?? {},
    tags,
    relationships: item.relationships ?? [],
    configurationItemCaptureTime: item.configurationItemCaptureTime,
    configurationItemStatus: item.configurationItemStatus,
    resourceCreationTime: item.resourceCreationTime,
  };
}
