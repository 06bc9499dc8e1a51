import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apigatewayCollector, methodSettings, restApiConfiguration, restApiPolicy, stageConfiguration } from '../../src/collect/services/apigateway.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const privatePolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0abc' } } }],
};
const logGroup = 'arn:aws:logs:us-east-1:123456789012:log-group:api-access';

describe('API Gateway collector against moto', () => {
  let moto: Moto;
  let apiId: string;
  beforeAll(async () => {
    moto = await startMoto();
    const apigw = new APIGatewayClient(moto.clientConfig());
    const api = await apigw.send(
      new CreateRestApiCommand({ name: 'llm-api', description: 'model front door', endpointConfiguration: { types: ['PRIVATE'] }, policy: JSON.stringify(privatePolicy), tags: { owner: 'ml' } }),
    );
    apiId = api.id!;
    const root = (await apigw.send(new GetResourcesCommand({ restApiId: apiId }))).items!.find((r) => r.path === '/')!;
    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: root.id!, httpMethod: 'POST', authorizationType: 'AWS_IAM' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: root.id!, httpMethod: 'POST', type: 'MOCK' }));
    const deployment = await apigw.send(new CreateDeploymentCommand({ restApiId: apiId }));
    // Good stage: throttled, traced, access-logged. Bad stage: defaults.
    await apigw.send(new CreateStageCommand({ restApiId: apiId, stageName: 'prod', deploymentId: deployment.id!, tracingEnabled: true, tags: { env: 'prod' } }));
    await apigw.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/*/*/throttling/burstLimit', value: '100' },
          { op: 'replace', path: '/*/*/throttling/rateLimit', value: '50' },
          { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
          { op: 'replace', path: '/accessLogSettings/destinationArn', value: logGroup },
          { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' },
        ],
      }),
    );
    await apigw.send(new CreateStageCommand({ restApiId: apiId, stageName: 'dev', deploymentId: deployment.id! }));
  });
  afterAll(async () => moto?.stop());

  it('emits REST APIs and their stages shaped like the CloudFormation types', async () => {
    const part = await runCollectorAgainst(moto, apigatewayCollector);
    const api = part.resources.find((r) => r.type === 'AWS::ApiGateway::RestApi')!;
    expect(api).toMatchObject({ id: apiId, arn: `arn:aws:apigateway:us-east-1::/restapis/${apiId}`, name: 'llm-api', tags: { owner: 'ml' } });
    expect(api.configuration).toMatchObject({
      RestApiId: apiId,
      Name: 'llm-api',
      Description: 'model front door',
      EndpointConfiguration: { Types: ['PRIVATE'] },
      Policy: privatePolicy,
      DisableExecuteApiEndpoint: false,
    });

    const stages = part.resources.filter((r) => r.type === 'AWS::ApiGateway::Stage');
    expect(stages.map((s) => s.id).sort()).toEqual([`${apiId}/dev`, `${apiId}/prod`]);
    const prod = stages.find((s) => s.id === `${apiId}/prod`)!;
    expect(prod).toMatchObject({ arn: `arn:aws:apigateway:us-east-1::/restapis/${apiId}/stages/prod`, name: 'llm-api/prod', tags: { env: 'prod' } });
    expect(prod.configuration).toMatchObject({
      StageName: 'prod',
      RestApiId: apiId,
      DeploymentId: expect.any(String),
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: logGroup, Format: '$context.requestId' },
      MethodSettings: [expect.objectContaining({ ResourcePath: '/*', HttpMethod: '*', ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50, LoggingLevel: 'INFO' })],
      WebAclArn: null,
      ClientCertificateId: null,
    });
    const dev = stages.find((s) => s.id === `${apiId}/dev`)!;
    expect(dev.configuration).toMatchObject({ TracingEnabled: false, AccessLogSetting: null, MethodSettings: [] });

    expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(['AWS::ApiGateway::RestApi:complete', 'AWS::ApiGateway::Stage:complete']);
    expect(part.log.failures()).toEqual([]);
  });

  it('stages that cannot be read leave the stage type failed, the API emitted with the reason', async () => {
    const part = await runCollectorAgainst(moto, { ...apigatewayCollector, operations: ['apigateway:GetRestApis'] });
    expect(part.resources.map((r) => r.type)).toEqual(['AWS::ApiGateway::RestApi']);
    expect(part.resources[0]!.collectionErrors).toEqual({ Stages: expect.stringContaining('apigateway:GetStages') });
    expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(['AWS::ApiGateway::RestApi:complete', 'AWS::ApiGateway::Stage:failed']);
  });

  it('a denied GetRestApis marks both types failed', async () => {
    const part = await runCollectorAgainst(moto, { ...apigatewayCollector, operations: [] });
    expect(part.resources).toEqual([]);
    expect(part.coverage.map((c) => `${c.resourceType}:${c.status}`).sort()).toEqual(['AWS::ApiGateway::RestApi:failed', 'AWS::ApiGateway::Stage:failed']);
  });

  it('maps a real stage and REST API (recorded real-shaped response; moto lacks clientCertificateId and the escaped policy text API Gateway returns)', () => {
    expect(
      methodSettings({
        '*/*': { metricsEnabled: true, loggingLevel: 'ERROR', dataTraceEnabled: false, throttlingBurstLimit: 5000, throttlingRateLimit: 10000, cachingEnabled: false, cacheTtlInSeconds: 300, cacheDataEncrypted: false, requireAuthorizationForCacheControl: true, unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER' },
        '~1v1~1chat/POST': { throttlingBurstLimit: 10, throttlingRateLimit: 5 },
      }),
    ).toEqual([
      { ResourcePath: '/*', HttpMethod: '*', MetricsEnabled: true, LoggingLevel: 'ERROR', DataTraceEnabled: false, ThrottlingBurstLimit: 5000, ThrottlingRateLimit: 10000, CachingEnabled: false, CacheTtlInSeconds: 300, CacheDataEncrypted: false },
      { ResourcePath: '/v1/chat', HttpMethod: 'POST', MetricsEnabled: null, LoggingLevel: null, DataTraceEnabled: null, ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5, CachingEnabled: null, CacheTtlInSeconds: null, CacheDataEncrypted: null },
    ]);
    const stage = stageConfiguration('a1b2c3d4e5', {
      deploymentId: 'dep123',
      clientCertificateId: 'cc-123',
      stageName: 'prod',
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {},
      variables: { apiKey: 'sk-should-not-be-kept' },
      tracingEnabled: false,
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/llm/abc',
      createdDate: new Date('2024-01-01T00:00:00.000Z'),
      lastUpdatedDate: new Date('2024-02-01T00:00:00.000Z'),
    });
    expect(stage).toMatchObject({ ClientCertificateId: 'cc-123', WebAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/llm/abc', TracingEnabled: false });
    expect(JSON.stringify(stage)).not.toContain('sk-should-not-be-kept');

    // The API hands the resource policy back with its quotes escaped.
    const escaped = '{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Deny\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":\\"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5\\/*\\"}]}';
    expect(restApiPolicy(escaped)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*' }],
    });
    expect(
      restApiConfiguration({ id: 'a1b2c3d4e5', name: 'llm', apiKeySource: 'HEADER', endpointConfiguration: { types: ['REGIONAL'], ipAddressType: 'ipv4' }, disableExecuteApiEndpoint: true, rootResourceId: 'root1' }),
    ).toMatchObject({ EndpointConfiguration: { Types: ['REGIONAL'], VpcEndpointIds: [], IpAddressType: 'ipv4' }, DisableExecuteApiEndpoint: true, Policy: null, ApiKeySourceType: 'HEADER' });
  });
});
