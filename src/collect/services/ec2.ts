import { DescribeVpcEndpointsCommand, EC2Client, type VpcEndpoint } from '@aws-sdk/client-ec2';
import type { JsonObject } from '../../json.js';
import type { Collector } from '../collector.js';
import { policyDocument, tagMap } from '../shape.js';

const VPC_ENDPOINT = 'AWS::EC2::VPCEndpoint';

/**
 * EC2: VPC endpoints (how AI workloads reach Bedrock, SageMaker, S3 … without the internet),
 * shaped like Config's AWS::EC2::VPCEndpoint item (camelCase, as DescribeVpcEndpoints in the
 * Java SDK) with the endpoint policy parsed.
 */
export const ec2Collector: Collector = {
  service: 'ec2',
  scope: 'regional',
  operations: ['ec2:DescribeVpcEndpoints'],
  resourceTypes: [VPC_ENDPOINT],
  async collect(ctx) {
    const ec2 = ctx.client(EC2Client);
    const endpoints = await ctx.listAll<VpcEndpoint>([VPC_ENDPOINT], async (token) => {
      const page = await ec2.send(new DescribeVpcEndpointsCommand({ NextToken: token, MaxResults: 1000 }));
      return { items: page.VpcEndpoints, next: page.NextToken };
    });
    for (const endpoint of endpoints.items) {
      if (!endpoint.VpcEndpointId) continue;
      const owner = endpoint.OwnerId ?? ctx.accountId;
      ctx.emit({
        type: VPC_ENDPOINT,
        id: endpoint.VpcEndpointId,
        arn: `arn:${ctx.partition}:ec2:${ctx.region}:${owner}:vpc-endpoint/${endpoint.VpcEndpointId}`,
        name: endpoint.Tags?.find((t) => t.Key === 'Name')?.Value ?? endpoint.VpcEndpointId,
        configuration: vpcEndpointConfiguration(endpoint),
        tags: tagMap(endpoint.Tags),
      });
    }
  },
};

export function vpcEndpointConfiguration(endpoint: VpcEndpoint): JsonObject {
  return {
    vpcEndpointId: endpoint.VpcEndpointId ?? null,
    vpcEndpointType: endpoint.VpcEndpointType ?? null,
    vpcId: endpoint.VpcId ?? null,
    serviceName: endpoint.ServiceName ?? null,
    state: endpoint.State ?? null,
    policyDocument: policyDocument(endpoint.PolicyDocument),
    routeTableIds: endpoint.RouteTableIds ?? [],
    subnetIds: endpoint.SubnetIds ?? [],
    groups: (endpoint.Groups ?? []).map((g) => ({ groupId: g.GroupId ?? null, groupName: g.GroupName ?? null })),
    privateDnsEnabled: endpoint.PrivateDnsEnabled ?? null,
    requesterManaged: endpoint.RequesterManaged ?? null,
    networkInterfaceIds: endpoint.NetworkInterfaceIds ?? [],
    dnsEntries: (endpoint.DnsEntries ?? []).map((d) => ({ dnsName: d.DnsName ?? null, hostedZoneId: d.HostedZoneId ?? null })),
    creationTimestamp: endpoint.CreationTimestamp?.toISOString() ?? null,
    ownerId: endpoint.OwnerId ?? null,
  };
}
