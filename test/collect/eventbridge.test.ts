import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventbridgeCollector, ruleConfiguration } from '../../src/collect/services/eventbridge.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const guarddutyPattern = JSON.stringify({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] });
const topic = 'arn:aws:sns:us-east-1:123456789012:oncall';

describe('EventBridge collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    const events = new EventBridgeClient(moto.clientConfig('us-east-1'));
    await events.send(new PutRuleCommand({ Name: 'guardduty-findings', EventPattern: guarddutyPattern, State: 'ENABLED', Description: 'to on-call' }));
    await events.send(new PutTargetsCommand({ Rule: 'guardduty-findings', Targets: [{ Id: 'oncall', Arn: topic }, { Id: 'ticket', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:ticket' }] }));
    await events.send(new PutRuleCommand({ Name: 'nightly', ScheduleExpression: 'rate(1 day)', State: 'DISABLED' }));
    // Enough rules in another region to need several ListRules pages (100 per page).
    const west = new EventBridgeClient(moto.clientConfig('us-west-2'));
    for (let i = 0; i < 105; i++) {
      await west.send(new PutRuleCommand({ Name: `rule-${String(i).padStart(3, '0')}`, EventPattern: JSON.stringify({ source: ['aws.ec2'] }) }));
    }
  });
  afterAll(async () => moto?.stop());

  it('emits default-bus rules with their targets, shaped like the Config / CloudFormation item', async () => {
    const part = await runCollectorAgainst(moto, eventbridgeCollector, 'us-east-1');
    const rule = part.resources.find((r) => r.id === 'guardduty-findings')!;
    expect(rule).toMatchObject({
      type: 'AWS::Events::Rule',
      arn: 'arn:aws:events:us-east-1:123456789012:rule/guardduty-findings',
      name: 'guardduty-findings',
      region: 'us-east-1',
      tags: null,
    });
    expect(rule.configuration).toMatchObject({
      Name: 'guardduty-findings',
      Arn: 'arn:aws:events:us-east-1:123456789012:rule/guardduty-findings',
      State: 'ENABLED',
      Description: 'to on-call',
      EventBusName: 'default',
      Targets: [
        { Id: 'oncall', Arn: topic },
        { Id: 'ticket', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:ticket' },
      ],
    });
    // The pattern stays the string the API returns (the control parses either form).
    expect(typeof rule.configuration.EventPattern).toBe('string');
    expect(JSON.parse(rule.configuration.EventPattern as string)).toEqual(JSON.parse(guarddutyPattern));
    const nightly = part.resources.find((r) => r.id === 'nightly')!;
    expect(nightly.configuration).toMatchObject({ State: 'DISABLED', ScheduleExpression: 'rate(1 day)', EventPattern: null, Targets: [] });
    expect(part.coverage).toEqual([{ accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS::Events::Rule', status: 'complete' }]);
    expect(part.log.failures()).toEqual([]);
  });

  it('follows ListRules pagination to the end', async () => {
    const part = await runCollectorAgainst(moto, eventbridgeCollector, 'us-west-2');
    expect(part.resources).toHaveLength(105);
    expect(part.log.records.filter((r) => r.action === 'events:ListRules').length).toBeGreaterThanOrEqual(2);
    expect(part.coverage.map((c) => c.status)).toEqual(['complete']);
  });

  it('a rule whose targets cannot be read keeps no Targets key and says why', async () => {
    const part = await runCollectorAgainst(moto, { ...eventbridgeCollector, operations: ['events:ListRules'] }, 'us-east-1');
    const rule = part.resources.find((r) => r.id === 'guardduty-findings')!;
    expect(rule.configuration).not.toHaveProperty('Targets');
    expect(rule.collectionErrors).toEqual({ Targets: expect.stringContaining('events:ListTargetsByRule') });
    expect(part.coverage.map((c) => c.status)).toEqual(['complete']);
  });

  it('a denied ListRules marks the type failed', async () => {
    const part = await runCollectorAgainst(moto, { ...eventbridgeCollector, operations: [] }, 'us-east-1');
    expect(part.resources).toEqual([]);
    expect(part.coverage).toEqual([expect.objectContaining({ resourceType: 'AWS::Events::Rule', status: 'failed', reason: expect.stringContaining('events:ListRules') })]);
  });

  it('maps a managed rule with a role and a custom-bus name (recorded real-shaped response)', () => {
    expect(
      ruleConfiguration(
        {
          Name: 'AutoScalingManagedRule',
          Arn: 'arn:aws:events:us-east-1:123456789012:rule/AutoScalingManagedRule',
          EventPattern: '{"source":["aws.ec2"],"detail-type":["EC2 Instance Rebalance Recommendation"]}',
          State: 'ENABLED',
          Description: 'This rule is used to route Instance notifications to EC2 Auto Scaling',
          ManagedBy: 'autoscaling.amazonaws.com',
          EventBusName: 'default',
        },
        [{ Id: 'autoscaling', Arn: 'arn:aws:autoscaling:us-east-1:::', RoleArn: 'arn:aws:iam::123456789012:role/r' }],
      ),
    ).toEqual({
      Name: 'AutoScalingManagedRule',
      Arn: 'arn:aws:events:us-east-1:123456789012:rule/AutoScalingManagedRule',
      EventPattern: '{"source":["aws.ec2"],"detail-type":["EC2 Instance Rebalance Recommendation"]}',
      State: 'ENABLED',
      Description: 'This rule is used to route Instance notifications to EC2 Auto Scaling',
      ScheduleExpression: null,
      EventBusName: 'default',
      RoleArn: null,
      ManagedBy: 'autoscaling.amazonaws.com',
      Targets: [{ Id: 'autoscaling', Arn: 'arn:aws:autoscaling:us-east-1:::', RoleArn: 'arn:aws:iam::123456789012:role/r' }],
    });
  });
});
