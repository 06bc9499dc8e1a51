import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, CreateVpcEndpointCommand, DescribeRouteTablesCommand, EC2Client, type State } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ec2Collector, vpcEndpointConfiguration } from '../../src/collect/services/ec2.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const restrictive = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::training-data/*', Condition: { StringEquals: { 'aws:PrincipalAccount': '123456789012' } } }],
};

describe('EC2 (VPC endpoint) collector against moto', () => {
  let moto: Moto;
  let gatewayId: string;
  let interfaceId: string;
  let vpcId: string;
  let groupId: string;
  beforeAll(async () => {
    moto = await startMoto();
    const ec2 = new EC2Client(moto.clientConfig());
    vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
    const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24' }))).Subnet!.SubnetId!;
    groupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'bedrock-vpce', Description: 'endpoint' }))).GroupId!;
    const routeTables = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    const routeTableId = routeTables.RouteTables![0]!.RouteTableId!;
    gatewayId = (
      await ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: vpcId,
          ServiceName: 'com.amazonaws.us-east-1.s3',
          VpcEndpointType: 'Gateway',
          RouteTableIds: [routeTableId],
          PolicyDocument: JSON.stringify(restrictive),
          TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: 's3-gateway' }, { Key: 'owner', Value: 'ml' }] }],
        }),
      )
    ).VpcEndpoint!.VpcEndpointId!;
    interfaceId = (
      await ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: vpcId,
          ServiceName: 'com.amazonaws.us-east-1.bedrock-runtime',
          VpcEndpointType: 'Interface',
          SubnetIds: [subnetId],
          SecurityGroupIds: [groupId],
          PrivateDnsEnabled: true,
        }),
      )
    ).VpcEndpoint!.VpcEndpointId!;
  });
  afterAll(async () => moto?.stop());

  it('emits VPC endpoints with Config’s camelCase configuration and the policy parsed', async () => {
    const part = await runCollectorAgainst(moto, ec2Collector);
    expect(part.resources).toHaveLength(2);
    const gateway = part.resources.find((r) => r.id === gatewayId)!;
    expect(gateway).toMatchObject({
      type: 'AWS::EC2::VPCEndpoint',
      arn: `arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/${gatewayId}`,
      name: 's3-gateway',
      tags: { Name: 's3-gateway', owner: 'ml' },
    });
    expect(gateway.configuration).toMatchObject({
      vpcEndpointId: gatewayId,
      vpcEndpointType: 'Gateway',
      vpcId,
      serviceName: 'com.amazonaws.us-east-1.s3',
      policyDocument: restrictive,
      routeTableIds: [expect.stringMatching(/^rtb-/)],
      subnetIds: [],
      ownerId: '123456789012',
    });
    expect(typeof gateway.configuration.state).toBe('string');
    expect(gateway.configuration.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT/);

    const iface = part.resources.find((r) => r.id === interfaceId)!;
    expect(iface.configuration).toMatchObject({
      vpcEndpointType: 'Interface',
      serviceName: 'com.amazonaws.us-east-1.bedrock-runtime',
      subnetIds: [expect.stringMatching(/^subnet-/)],
      groups: [{ groupId, groupName: 'bedrock-vpce' }],
      privateDnsEnabled: true,
    });
    expect(part.coverage).toEqual([{ accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::EC2::VPCEndpoint', status: 'complete' }]);
    expect(part.log.failures()).toEqual([]);
  });

  it('a denied DescribeVpcEndpoints marks the type failed', async () => {
    const part = await runCollectorAgainst(moto, { ...ec2Collector, operations: [] });
    expect(part.resources).toEqual([]);
    expect(part.coverage).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringContaining('ec2:DescribeVpcEndpoints') })]);
  });

  it('maps a real interface endpoint with AWS’s pretty-printed default policy (recorded real-shaped response)', () => {
    const configuration = vpcEndpointConfiguration({
      VpcEndpointId: 'vpce-0a1b2c3d4e5f67890',
      VpcEndpointType: 'Interface',
      VpcId: 'vpc-0123456789abcdef0',
      ServiceName: 'com.amazonaws.us-east-1.sagemaker.api',
      // The API answers lowercase "available"; the SDK's enum spells it "Available".
      State: 'available' as string as State,
      PolicyDocument: '{\n  "Statement": [\n    {\n      "Action": "*", \n      "Effect": "Allow", \n      "Principal": "*", \n      "Resource": "*"\n    }\n  ]\n}',
      RouteTableIds: [],
      SubnetIds: ['subnet-0aaa', 'subnet-0bbb'],
      Groups: [{ GroupId: 'sg-0123', GroupName: 'sagemaker-vpce' }],
      PrivateDnsEnabled: true,
      RequesterManaged: false,
      NetworkInterfaceIds: ['eni-0aaa', 'eni-0bbb'],
      DnsEntries: [{ DnsName: 'vpce-0a1b2c3d4e5f67890-abcd.api.sagemaker.us-east-1.vpce.amazonaws.com', HostedZoneId: 'Z7HUB22UULQXV' }],
      CreationTimestamp: new Date('2024-05-06T07:08:09.000Z'),
      Tags: [],
      OwnerId: '123456789012',
    });
    expect(configuration).toEqual({
      vpcEndpointId: 'vpce-0a1b2c3d4e5f67890',
      vpcEndpointType: 'Interface',
      vpcId: 'vpc-0123456789abcdef0',
      serviceName: 'com.amazonaws.us-east-1.sagemaker.api',
      state: 'available',
      policyDocument: { Statement: [{ Action: '*', Effect: 'Allow', Principal: '*', Resource: '*' }] },
      routeTableIds: [],
      subnetIds: ['subnet-0aaa', 'subnet-0bbb'],
      groups: [{ groupId: 'sg-0123', groupName: 'sagemaker-vpce' }],
      privateDnsEnabled: true,
      requesterManaged: false,
      networkInterfaceIds: ['eni-0aaa', 'eni-0bbb'],
      dnsEntries: [{ dnsName: 'vpce-0a1b2c3d4e5f67890-abcd.api.sagemaker.us-east-1.vpce.amazonaws.com', hostedZoneId: 'Z7HUB22UULQXV' }],
      creationTimestamp: '2024-05-06T07:08:09.000Z',
      ownerId: '123456789012',
    });
  });
});
