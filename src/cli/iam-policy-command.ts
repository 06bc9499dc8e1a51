import { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { DEFAULT_SCANNER_ROLE_NAME, memberTrustPolicy } from '../permissions/member-trust-policy.js';
import { DEFAULT_MEMBER_ROLE_NAME, accountId, externalId, partition, roleResource } from '../permissions/names.js';

interface IamPolicyFlags {
  management?: boolean;
  memberTrust?: boolean;
  memberRoleTemplate?: boolean;
  orgRoleName?: string;
  managementAccount?: string;
  managementRoleName?: string;
  externalId?: string;
  partition?: string;
}

/** Which flag belongs to which document: a flag given to the wrong one is a mistake, not ignored. */
const FLAGS_OF: Record<'readOnly' | 'management' | 'memberTrust' | 'memberRoleTemplate', Array<keyof IamPolicyFlags>> = {
  readOnly: [],
  management: ['orgRoleName', 'partition'],
  memberTrust: ['managementAccount', 'managementRoleName', 'externalId', 'partition'],
  memberRoleTemplate: ['orgRoleName'],
};

const FLAG_NAMES: Partial<Record<keyof IamPolicyFlags, string>> = {
  orgRoleName: '--org-role-name', managementAccount: '--management-account', managementRoleName: '--management-role-name', externalId: '--external-id', partition: '--partition',
};

export function addIamPolicyCommand(program: Command): void {
  program
    .command('iam-policy')
    .description('Print the least-privilege, read-only IAM policy a live scan needs (docs/iam-policy.json), or the organisation-scan documents: --management (docs/iam-policy-management.json), --member-trust (docs/iam-member-trust-policy.json), --member-role-template (a CloudFormation StackSet template).')
    .option('--management', 'the policy for the identity that runs `scan --org` / `--aggregator` in the management or delegated-administrator account (attach docs/iam-policy.json too: that account is scanned with the same credentials)')
    .option('--member-trust', "the trust policy of the member accounts' audit role (needs --management-account)")
    .option('--member-role-template', 'a CloudFormation template (YAML) creating the audit role with that trust and the read-only policy, for a StackSet')
    .option('--org-role-name <name>', `with --management / --member-role-template: the member accounts' audit role, name or path/name (default ${DEFAULT_MEMBER_ROLE_NAME})`)
    .option('--management-account <id>', 'with --member-trust: the 12-digit account cafscan --org runs from')
    .option('--management-role-name <name>', `with --member-trust: the role cafscan runs as in that account, name or path/name (default ${DEFAULT_SCANNER_ROLE_NAME})`)
    .option('--external-id <id>', 'with --member-trust: require this sts:ExternalId (the value given to `scan --external-id`)')
    .addOption(new Option('--partition <partition>', 'with --management / --member-trust: the ARN partition (aws-cn, aws-us-gov…)').default(undefined, 'aws'))
    .exitOverride()
    .action(async (flags: IamPolicyFlags) => {
      process.stdout.write(await renderIamPolicy(flags));
    });
}

export async function renderIamPolicy(flags: IamPolicyFlags): Promise<string> {
  const kinds = (['management', 'memberTrust', 'memberRoleTemplate'] as const).filter((k) => flags[k]);
  if (kinds.length > 1) throw new InputError('choose one of --management, --member-trust and --member-role-template');
  const kind = kinds[0] ?? 'readOnly';
  const misplaced = (Object.keys(FLAG_NAMES) as Array<keyof IamPolicyFlags>).find((flag) => flags[flag] !== undefined && !FLAGS_OF[kind].includes(flag));
  if (misplaced) throw new InputError(`${FLAG_NAMES[misplaced]} does not apply to ${kind === 'readOnly' ? 'the read-only policy' : `--${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`}`);
  const inPartition = partition(flags.partition ?? 'aws');
  const json = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
  switch (kind) {
    // The collectors' registry is imported only here: it loads every AWS SDK client the collectors
    // call (most of the CLI's start-up time), and the policy is generated from those calls.
    case 'readOnly': {
      const [{ readOnlyPolicy }, { ALL_COLLECTORS }] = await Promise.all([import('../collect/iam-actions.js'), import('../collect/registry.js')]);
      return json(readOnlyPolicy(ALL_COLLECTORS));
    }
    case 'management': {
      const { managementPolicy } = await import('../permissions/management-policy.js');
      return json(managementPolicy({ memberRoleResource: roleResource('--org-role-name', flags.orgRoleName ?? DEFAULT_MEMBER_ROLE_NAME), partition: inPartition }));
    }
    case 'memberTrust':
      if (flags.managementAccount === undefined) throw new InputError('--member-trust needs --management-account <12-digit account id>');
      return json(memberTrustPolicy({
        managementAccountId: accountId('--management-account', flags.managementAccount),
        scannerRoleResource: roleResource('--management-role-name', flags.managementRoleName ?? DEFAULT_SCANNER_ROLE_NAME),
        ...(flags.externalId === undefined ? {} : { externalId: externalId(flags.externalId) }),
        partition: inPartition,
      }));
    case 'memberRoleTemplate': {
      const name = flags.orgRoleName ?? DEFAULT_MEMBER_ROLE_NAME;
      roleResource('--org-role-name', name);
      const { memberRoleTemplate } = await import('../permissions/member-role-template.js');
      return memberRoleTemplate(name);
    }
  }
}
