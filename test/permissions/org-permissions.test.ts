import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readOnlyPolicy } from '../../src/collect/iam-actions.js';
import { isReadAction } from '../../src/collect/read-only.js';
import { ALL_COLLECTORS } from '../../src/collect/registry.js';
import { AGGREGATOR_OPERATIONS, MEMBER_ROLE_ACTION, ORGANIZATION_OPERATIONS } from '../../src/org/operations.js';
import { managementPolicy } from '../../src/permissions/management-policy.js';
import { memberRoleTemplate } from '../../src/permissions/member-role-template.js';
import { memberTrustPolicy } from '../../src/permissions/member-trust-policy.js';
import type { PolicyDocument } from '../../src/permissions/policy-document.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { resolveTemplate } from './cloudformation-resolver.js';

const shipped = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const actionsOf = (policy: PolicyDocument) => policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
const cli = (...args: string[]) => {
  const run = runCli(['iam-policy', ...args]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PolicyDocument;
};

describe('the management-account policy (cafscan iam-policy --management)', () => {
  it('is docs/iam-policy-management.json (run `npm run docs` after changing src/org/operations.ts)', () => {
    expect(JSON.parse(shipped('docs/iam-policy-management.json'))).toEqual(cli('--management'));
    expect(cli('--management')).toEqual(managementPolicy({ memberRoleResource: 'role/cafscan-audit', partition: 'aws' }));
  });

  it('grants every organisation and aggregator call, and nothing but reads plus sts:AssumeRole', () => {
    const actions = actionsOf(cli('--management'));
    expect(actions).toEqual(expect.arrayContaining([...ORGANIZATION_OPERATIONS, ...AGGREGATOR_OPERATIONS, MEMBER_ROLE_ACTION]));
    expect(actions.filter((a) => !isReadAction(a))).toEqual(['sts:AssumeRole']);
    expect(isReadAction('organizations:CreateAccount')).toBe(false); // the check would see a write
  });

  it('lets the scanner assume only the audit role, in any account, with path and partition', () => {
    const assume = (policy: PolicyDocument) => policy.Statement.filter((s) => actionsOf({ ...policy, Statement: [s] }).includes('sts:AssumeRole'));
    // …and only in the scanner's own organisation: a same-named role elsewhere is not entered.
    expect(assume(cli('--management'))).toEqual([expect.objectContaining({ Resource: 'arn:aws:iam::*:role/cafscan-audit', Condition: { StringEquals: { 'aws:ResourceOrgID': '${aws:PrincipalOrgID}' } } })]);
    expect(assume(cli('--management', '--org-role-name', 'audit/scanner-ro', '--partition', 'aws-us-gov'))).toEqual([
      expect.objectContaining({ Action: 'sts:AssumeRole', Resource: 'arn:aws-us-gov:iam::*:role/audit/scanner-ro' }),
    ]);
    // Only the AssumeRole statement has a resource narrower than "*".
    expect(cli('--management').Statement.filter((s) => s.Resource === '*').flatMap((s) => s.Action)).not.toContain('sts:AssumeRole');
  });
});

describe("the member role's trust policy (cafscan iam-policy --member-trust)", () => {
  it('is docs/iam-member-trust-policy.json for the placeholder account 111122223333', () => {
    expect(JSON.parse(shipped('docs/iam-member-trust-policy.json'))).toEqual(cli('--member-trust', '--management-account', '111122223333'));
  });

  it("trusts only the management account's scanner role, and checks the external id when given", () => {
    expect(cli('--member-trust', '--management-account', '444455556666').Statement).toEqual([{
      Sid: 'CafscanScannerMayEnter',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'sts:AssumeRole',
      Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/cafscan-org-scanner' } },
    }]);
    const withId = cli('--member-trust', '--management-account', '444455556666', '--management-role-name', 'ci/scanner', '--external-id', 'cafscan-2026', '--partition', 'aws-cn');
    expect(withId.Statement[0]).toMatchObject({
      Principal: { AWS: 'arn:aws-cn:iam::444455556666:root' },
      Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws-cn:iam::444455556666:role/ci/scanner' }, StringEquals: { 'sts:ExternalId': 'cafscan-2026' } },
    });
  });
});

describe('the member-role CloudFormation template (examples/cloudformation/cafscan-member-role.yaml)', () => {
  const template = parse(shipped('examples/cloudformation/cafscan-member-role.yaml')) as Record<string, unknown>;

  it('is what `cafscan iam-policy --member-role-template` prints (run `npm run docs`)', () => {
    expect(shipped('examples/cloudformation/cafscan-member-role.yaml')).toBe(memberRoleTemplate('cafscan-audit'));
    expect(runCli(['iam-policy', '--member-role-template']).stdout).toBe(memberRoleTemplate('cafscan-audit'));
  });

  it('creates the role with exactly the generated trust policy and read-only policy', () => {
    for (const externalId of [undefined, 'cafscan-2026']) {
      const resources = resolveTemplate(template, { ManagementAccountId: '444455556666', ...(externalId ? { ExternalId: externalId } : {}) });
      const role = (resources.CafscanAuditRole as { Type: string; Properties: Record<string, unknown> });
      expect(role.Type).toBe('AWS::IAM::Role');
      expect(role.Properties).toMatchObject({ RoleName: 'cafscan-audit', Path: '/' });
      expect(role.Properties.AssumeRolePolicyDocument).toEqual(memberTrustPolicy({
        managementAccountId: '444455556666', scannerRoleResource: 'role/cafscan-org-scanner', partition: 'aws', ...(externalId ? { externalId } : {}),
      }));
      expect(role.Properties.Policies).toEqual([{ PolicyName: 'cafscan-read-only', PolicyDocument: readOnlyPolicy(ALL_COLLECTORS) }]);
    }
  });

  it('splits a role path from the role name, and takes another scanner role', () => {
    const resources = resolveTemplate(parse(memberRoleTemplate('security/audit/cafscan-ro')) as Record<string, unknown>, { ManagementAccountId: '444455556666', ScannerRoleName: 'ci/scanner' });
    const role = resources.CafscanAuditRole as { Properties: { RoleName: string; Path: string; AssumeRolePolicyDocument: PolicyDocument } };
    expect(role.Properties).toMatchObject({ RoleName: 'cafscan-ro', Path: '/security/audit/' });
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0]?.Condition).toEqual({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/ci/scanner' } });
  });

  it('keeps the read-only policy within IAM\'s inline role-policy size (10,240 characters)', () => {
    expect(JSON.stringify(readOnlyPolicy(ALL_COLLECTORS)).length).toBeLessThan(10_240);
  });
});

describe('bad iam-policy arguments: exit 2, one line', () => {
  it.each([
    [['--member-trust'], '--member-trust needs --management-account'],
    [['--member-trust', '--management-account', '12345'], '--management-account must be a 12-digit AWS account id'],
    [['--member-trust', '--management-account', '111122223333', '--external-id', 'x'], '--external-id must be 2–1224 characters'],
    [['--member-trust', '--management-account', '111122223333', '--management-role-name', 'a b'], '--management-role-name must be an IAM role name'],
    [['--management', '--org-role-name', 'audit/*'], '--org-role-name must be an IAM role name'],
    [['--management', '--external-id', 'abc'], '--external-id does not apply to --management'],
    [['--management', '--partition', 'azure'], '--partition must be an AWS partition'],
    [['--management', '--member-trust'], 'choose one of --management, --member-trust and --member-role-template'],
    [['--org-role-name', 'cafscan-audit'], '--org-role-name does not apply to the read-only policy'],
    [['--member-role-template', '--management-account', '111122223333'], '--management-account does not apply to --member-role-template'],
  ])('%j', (args, message) => {
    const run = runCli(['iam-policy', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`cafscan: ${message}`), run.stderr).toBe(true);
    expect(run.stderr.endsWith('\n') && run.stderr.split('\n')).toHaveLength(2); // one line, no stack trace
  });
});

/**
 * cfn-lint (AWS's CloudFormation linter, pinned and installed by scripts/ensure-moto.mjs, which
 * `npm test` runs) checks the resource schema and,
 * in policy documents, that every IAM action exists in its service: a misspelt or renamed action
 * would otherwise only show as a denied call in a real organisation.
 */
describe('cfn-lint', () => {
  const lint = (file: string) => {
    // Through the Python that scripts/ensure-moto.mjs installed it for, not whatever is on PATH.
    const run = spawnSync(process.env.PYTHON ?? 'python3', ['-c', 'import sys; from cfnlint.runner import main; sys.exit(main())', file], { encoding: 'utf8' });
    expect(run.error, 'cfn-lint is needed (node scripts/ensure-moto.mjs installs it)').toBeUndefined();
    return run;
  };

  it('accepts the member-role template (resource schema, trust and read-only policy actions)', () => {
    const run = lint(join(repoRoot, 'examples', 'cloudformation', 'cafscan-member-role.yaml'));
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('knows every action of the management policy', () => {
    const file = join(tempDir(), 'management.yaml');
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { Management: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: cli('--management') } } },
    };
    writeFileSync(file, stringify(template, { version: '1.1' }));
    const run = lint(file);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
    // And it would say so: a made-up action is reported.
    writeFileSync(file, stringify({ ...template, Resources: { Management: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { ...cli('--management'), Statement: [{ Effect: 'Allow', Action: 'organizations:ListAccountz', Resource: '*' }] } } } } }, { version: '1.1' }));
    expect(lint(file).stdout).toContain('listaccountz');
  });
});
