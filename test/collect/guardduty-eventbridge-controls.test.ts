import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectedPart, Collector } from '../../src/collect/collector.js';
import { eventbridgeCollector } from '../../src/collect/services/eventbridge.js';
import { guarddutyCollector } from '../../src/collect/services/guardduty.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import type { Finding } from '../../src/model/finding.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

const GOOD = 'us-east-1';
const BAD = 'eu-west-1';
const EMPTY = 'us-west-2';
const DENIED = 'ap-southeast-1';
const gdPattern = JSON.stringify({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] });

/**
 * The live GuardDuty and EventBridge shapes, run through the real controls: what the
 * collectors emit must make CAFAI-TD-02 and CAFAI-IR-01 decide as they do on Config data.
 */
describe('GuardDuty and EventBridge collectors feed CAFAI-TD-02 and CAFAI-IR-01', () => {
  let moto: Moto;
  let findings: Finding[];
  beforeAll(async () => {
    moto = await startMoto();
    const gd = (region: string) => new GuardDutyClient(moto.clientConfig(region));
    const ev = (region: string) => new EventBridgeClient(moto.clientConfig(region));
    // Good region: an enabled detector, an enabled GuardDuty rule with a target.
    await gd(GOOD).send(new CreateDetectorCommand({ Enable: true }));
    await ev(GOOD).send(new PutRuleCommand({ Name: 'guardduty-findings', EventPattern: gdPattern, State: 'ENABLED' }));
    await ev(GOOD).send(new PutTargetsCommand({ Rule: 'guardduty-findings', Targets: [{ Id: 'oncall', Arn: `arn:aws:sns:${GOOD}:123456789012:oncall` }] }));
    // Bad region: a suspended detector; a GuardDuty rule without targets; a disabled one with a target.
    await gd(BAD).send(new CreateDetectorCommand({ Enable: false }));
    await ev(BAD).send(new PutRuleCommand({ Name: 'gd-no-target', EventPattern: gdPattern, State: 'ENABLED' }));
    await ev(BAD).send(new PutRuleCommand({ Name: 'gd-disabled', EventPattern: gdPattern, State: 'DISABLED' }));
    await ev(BAD).send(new PutTargetsCommand({ Rule: 'gd-disabled', Targets: [{ Id: 'oncall', Arn: `arn:aws:sns:${BAD}:123456789012:oncall` }] }));
    await ev(BAD).send(new PutRuleCommand({ Name: 'ec2-events', EventPattern: JSON.stringify({ source: ['aws.ec2'] }), State: 'ENABLED' }));
    await ev(BAD).send(new PutTargetsCommand({ Rule: 'ec2-events', Targets: [{ Id: 'oncall', Arn: `arn:aws:sns:${BAD}:123456789012:oncall` }] }));

    const parts: CollectedPart[] = [];
    for (const region of [GOOD, BAD, EMPTY]) {
      parts.push(await runCollectorAgainst(moto, guarddutyCollector, region));
      parts.push(await runCollectorAgainst(moto, eventbridgeCollector, region));
    }
    // A region where the credentials may not list either: nothing can be concluded there.
    const denied = (c: Collector): Collector => ({ ...c, operations: [] });
    parts.push(await runCollectorAgainst(moto, denied(guarddutyCollector), DENIED));
    parts.push(await runCollectorAgainst(moto, denied(eventbridgeCollector), DENIED));

    const inventory = buildInventory([{ source: 'live', resources: parts.flatMap((p) => p.resources), coverage: parts.flatMap((p) => p.coverage) }]);
    findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z') }));
  });
  afterAll(async () => moto?.stop());

  const statusOf = (controlId: string, region: string) =>
    findings.filter((f) => f.controlId === controlId && f.resource.type === 'AWS::::Account' && f.resource.region === region).map((f) => f.status);

  it('CAFAI-TD-02: an enabled detector passes, a suspended one or none fails, an unlisted region is not evaluated', () => {
    expect(statusOf('CAFAI-TD-02', GOOD)).toEqual(['pass']);
    expect(statusOf('CAFAI-TD-02', BAD)).toEqual(['fail']);
    expect(findings.find((f) => f.controlId === 'CAFAI-TD-02' && f.resource.region === BAD)?.message).toMatch(/suspended/);
    expect(statusOf('CAFAI-TD-02', EMPTY)).toEqual(['fail']);
    expect(findings.find((f) => f.controlId === 'CAFAI-TD-02' && f.resource.region === EMPTY)?.message).toMatch(/no detector/);
    expect(statusOf('CAFAI-TD-02', DENIED)).toEqual(['not_evaluated']);
  });

  it('CAFAI-IR-01: an enabled aws.guardduty rule with a target passes; targetless, disabled or other-source rules fail', () => {
    expect(statusOf('CAFAI-IR-01', GOOD)).toEqual(['pass']);
    expect(statusOf('CAFAI-IR-01', BAD)).toEqual(['fail']);
    expect(statusOf('CAFAI-IR-01', EMPTY)).toEqual(['fail']);
    expect(statusOf('CAFAI-IR-01', DENIED)).toEqual(['not_evaluated']);
  });
});
