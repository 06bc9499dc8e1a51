import { APIGatewayClient, GetRestApisCommand, GetStagesCommand, type MethodSetting, type RestApi, type Stage } from '@aws-sdk/client-api-gateway';
import type { JsonObject, JsonValue } from '../../json.js';
import type { Collector } from '../collector.js';
import { policyDocument } from '../shape.js';

const REST_API = 'AWS::ApiGateway::RestApi';
const STAGE = 'AWS::ApiGateway::Stage';

/**
 * API Gateway (REST APIs, the usual front door of a model endpoint): every REST API and each of
 * its stages, shaped like CloudFormation's AWS::ApiGateway::RestApi and AWS::ApiGateway::Stage
 * (PascalCase; the API's methodSettings map becomes CloudFormation's MethodSettings list).
 * Stage variables are not kept: they often carry credentials and no control reads them.
 */
export const apigatewayCollector: Collector = {
  service: 'apigateway',
  scope: 'regional',
  operations: ['apigateway:GetRestApis', 'apigateway:GetStages'],
  resourceTypes: [REST_API, STAGE],
  async collect(ctx) {
    const apigateway = ctx.client(APIGatewayClient);
    const apis = await ctx.listAll<RestApi>([REST_API], async (position) => {
      const page = await apigateway.send(new GetRestApisCommand({ position, limit: 500 }));
      return { items: page.items, next: page.position };
    });
    // Stages are complete only if the APIs were listed completely and every API's stages read.
    let stageFailure: string | undefined = apis.complete ? undefined : 'the REST APIs could not be listed';
    await ctx.each(apis.items, async (api) => {
      const apiId = api.id;
      if (!apiId) return;
      const arn = `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${apiId}`;
      const stages = await ctx.call(() => apigateway.send(new GetStagesCommand({ restApiId: apiId })));
      ctx.emit({
        type: REST_API,
        id: apiId,
        arn,
        name: api.name ?? apiId,
        configuration: restApiConfiguration(api),
        tags: api.tags ?? {},
        ...(stages.status === 'ok' ? {} : { collectionErrors: { Stages: stages.status === 'failed' ? stages.failure.reason : `apigateway:GetStages answered ${stages.code}` } }),
      });
      if (stages.status !== 'ok') {
        stageFailure ??= stages.status === 'failed' ? stages.failure.reason : `apigateway:GetStages answered ${stages.code}`;
        return;
      }
      for (const stage of stages.output.item ?? []) {
        if (!stage.stageName) continue;
        ctx.emit({
          type: STAGE,
          id: `${apiId}/${stage.stageName}`,
          arn: `${arn}/stages/${stage.stageName}`,
          name: `${api.name ?? apiId}/${stage.stageName}`,
          configuration: stageConfiguration(apiId, stage),
          tags: stage.tags ?? {},
        });
      }
    });
    if (stageFailure) ctx.failed([STAGE], stageFailure);
    else ctx.covered([STAGE]);
  },
};

export function restApiConfiguration(api: RestApi): JsonObject {
  const endpoint = api.endpointConfiguration;
  return {
    RestApiId: api.id ?? null,
    Name: api.name ?? null,
    Description: api.description ?? null,
    ApiKeySourceType: api.apiKeySource ?? null,
    BinaryMediaTypes: api.binaryMediaTypes ?? [],
    MinimumCompressionSize: api.minimumCompressionSize ?? null,
    EndpointConfiguration: endpoint
      ? { Types: endpoint.types ?? [], VpcEndpointIds: endpoint.vpcEndpointIds ?? [], IpAddressType: endpoint.ipAddressType ?? null }
      : null,
    Policy: restApiPolicy(api.policy),
    DisableExecuteApiEndpoint: api.disableExecuteApiEndpoint ?? false,
    RootResourceId: api.rootResourceId ?? null,
    CreatedDate: api.createdDate?.toISOString() ?? null,
  };
}

/** API Gateway returns the resource policy as JSON with escaped quotes ({\"Version\":…}). */
export function restApiPolicy(policy: string | undefined): JsonValue {
  if (policy === undefined || policy === '') return null;
  const direct = policyDocument(policy);
  if (typeof direct !== 'string') return direct;
  const unescaped = policyDocument(policy.replace(/\\(["\\/])/g, '$1'));
  return unescaped ?? direct;
}

export function stageConfiguration(restApiId: string, stage: Stage): JsonObject {
  return {
    StageName: stage.stageName ?? null,
    RestApiId: restApiId,
    DeploymentId: stage.deploymentId ?? null,
    Description: stage.description ?? null,
    MethodSettings: methodSettings(stage.methodSettings),
    TracingEnabled: stage.tracingEnabled ?? false,
    ClientCertificateId: stage.clientCertificateId ?? null,
    WebAclArn: stage.webAclArn ?? null,
    AccessLogSetting: stage.accessLogSettings
      ? { DestinationArn: stage.accessLogSettings.destinationArn ?? null, Format: stage.accessLogSettings.format ?? null }
      : null,
    CacheClusterEnabled: stage.cacheClusterEnabled ?? false,
    CacheClusterSize: stage.cacheClusterSize ?? null,
    DocumentationVersion: stage.documentationVersion ?? null,
    CreatedDate: stage.createdDate?.toISOString() ?? null,
    LastUpdatedDate: stage.lastUpdatedDate?.toISOString() ?? null,
  };
}

/**
 * The API's {"<resource path>/<METHOD>": settings} map as CloudFormation's list: "*\/*" is every
 * method (ResourcePath "/*", HttpMethod "*"); resource paths come with "/" escaped as "~1".
 */
export function methodSettings(settings: Record<string, MethodSetting> | undefined): JsonObject[] {
  return Object.entries(settings ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, s]) => {
      const cut = key.lastIndexOf('/');
      const path = cut < 0 ? key : key.slice(0, cut);
      const method = cut < 0 ? '*' : key.slice(cut + 1);
      const resourcePath = path.replace(/~1/g, '/');
      return {
        ResourcePath: resourcePath.startsWith('/') ? resourcePath : `/${resourcePath}`,
        HttpMethod: method,
        MetricsEnabled: s.metricsEnabled ?? null,
        LoggingLevel: s.loggingLevel ?? null,
        DataTraceEnabled: s.dataTraceEnabled ?? null,
        ThrottlingBurstLimit: s.throttlingBurstLimit ?? null,
        ThrottlingRateLimit: s.throttlingRateLimit ?? null,
        CachingEnabled: s.cachingEnabled ?? null,
        CacheTtlInSeconds: s.cacheTtlInSeconds ?? null,
        CacheDataEncrypted: s.cacheDataEncrypted ?? null,
      };
    });
}
