import {
  AttachPolicyCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationsCollector, parseContent } from '../../src/collect/services/organizations.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, type Moto } from '../helpers/moto.js';

const OPT_OUT_ALL = { services: { default: { opt_out_policy: { '@@operators_allowed_for_child_policies': ['@@none'], '@@assign': 'optOut' } } } };
const LEX_IN = { services: { lex: { opt_out_policy: { '@@assign': 'optIn' } } } };

describe('Organizations collector against moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  it('an account outside any organization is an answer (inOrganization false), not a failed call', async () => {
    const part = await runCollectorAgainst(moto, organizationsCollector);
    expect(part.facts.get('global')?.facts.aiServicesOptOut).toEqual({ inOrganization: false });
    expect(part.log.failures()).toEqual([]);
    expect(part.log.records).toEqual([expect.objectContaining({ action: 'organizations:DescribeOrganization', ok: true, absent: 'AWSOrganizationsNotInUseException' })]);
  });

  it('reads the opt-out policies, their content and where each is attached, and the policy type on the root', async () => {
    const org = new OrganizationsClient(moto.clientConfig('us-east-1'));
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
    await org.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'AISERVICES_OPT_OUT_POLICY' }));
    const ou = await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Research' }));
    const all = await org.send(new CreatePolicyCommand({ Name: 'opt-out-all', Description: 'all', Type: 'AISERVICES_OPT_OUT_POLICY', Content: JSON.stringify(OPT_OUT_ALL) }));
    const lex = await org.send(new CreatePolicyCommand({ Name: 'lex-in', Description: 'lex', Type: 'AISERVICES_OPT_OUT_POLICY', Content: JSON.stringify(LEX_IN) }));
    await org.send(new AttachPolicyCommand({ PolicyId: all.Policy?.PolicySummary?.Id, TargetId: rootId }));
    await org.send(new AttachPolicyCommand({ PolicyId: lex.Policy?.PolicySummary?.Id, TargetId: ou.OrganizationalUnit?.Id }));

    const part = await runCollectorAgainst(moto, organizationsCollector);
    expect(part.log.failures()).toEqual([]);
    const fact = part.facts.get('global')?.facts.aiServicesOptOut as Record<string, unknown>;
    expect(fact).toMatchObject({ inOrganization: true, featureSet: 'ALL', roots: [{ id: rootId, policyTypes: [{ type: 'AISERVICES_OPT_OUT_POLICY', status: 'ENABLED' }] }] });
    const policies = fact.policies as Array<{ name: string; content: unknown; targets: Array<{ targetId: string; type: string }> }>;
    expect(policies.map((p) => p.name).sort()).toEqual(['lex-in', 'opt-out-all']);
    expect(policies.find((p) => p.name === 'opt-out-all')).toMatchObject({ content: OPT_OUT_ALL, targets: [{ targetId: rootId, type: 'ROOT' }] });
    expect(policies.find((p) => p.name === 'lex-in')).toMatchObject({ content: LEX_IN, targets: [{ targetId: ou.OrganizationalUnit?.Id, type: 'ORGANIZATIONAL_UNIT' }] });
    for (const record of part.log.records) expect(organizationsCollector.operations).toContain(record.action);
  });

  it('a refused call (a member account may not list roots or policies) leaves the fact unknown with the reason', async () => {
    const part = await runCollectorAgainst(moto, { ...organizationsCollector, operations: ['organizations:DescribeOrganization'] });
    const slot = part.facts.get('global')!;
    expect(slot.facts).not.toHaveProperty('aiServicesOptOut');
    expect(slot.factErrors.aiServicesOptOut).toContain('organizations:ListRoots');
  });

  it('keeps policy text that is not JSON as text, so the control reports it', () => {
    expect(parseContent('{"services":{}}')).toEqual({ services: {} });
    expect(parseContent('{not json')).toBe('{not json');
    expect(parseContent(undefined)).toBeNull();
  });
});
