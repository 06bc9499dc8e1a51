# METADATA
# title: Roles that SageMaker or Bedrock can assume do not have administrator access
# description: >-
#   A role whose trust policy lets sagemaker.amazonaws.com or bedrock.amazonaws.com assume
#   it has no administrator access: neither the AWS managed AdministratorAccess or
#   IAMFullAccess policy, nor inline or customer managed policies (default version) that,
#   alone or together, allow every action on every resource (Action "*" or "*:*",
#   NotAction or NotResource statements included) or let the role grant itself any
#   permission (iam:* on every resource; iam:PutRolePolicy, iam:AttachRolePolicy and the
#   like on the role itself). Policy semantics follow AWS's evaluation logic
#   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
#   an unconditional Deny removes a grant, a condition on an Allow does not (it may hold);
#   permissions boundaries are not taken into account. Other roles are not applicable.
#   Policy lists absent from the inventory (a source that lists roles without their
#   policies) or an attached customer managed policy that is not in it make the result not
#   evaluated unless a violation is already certain. AWS managed policies are judged by name
#   (policies/lib/iam_aws_managed.rego); one cafscan does not know makes the result not
#   evaluated the same way.
# custom:
#   id: CAFAI-IAM-01
#   capability: identity-and-access-management
#   component: model
#   severity: critical
#   resource_types: ["AWS::IAM::Role"]
#   related_resource_types: ["AWS::IAM::Policy"]
#   related_fields:
#     "AWS::IAM::Policy": [configuration.policyVersionList]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI leaves Identity and access management to the base AWS CAF, but its Data
#     protection section warns that letting models reach protected data can open the door
#     to data-related privilege escalation, and its Vulnerability management section asks
#     to limit models to specific authorizations. The execution role of a training job,
#     endpoint, notebook, agent or knowledge base is the model's identity; with
#     administrator access, a prompt injection, a malicious model artifact or a compromised
#     notebook inherits control of the whole account.
#   remediation:
#     console: >-
#       IAM console > Roles > the role > Permissions: remove AdministratorAccess and any
#       policy that allows "*" on "*", and attach a policy limited to the buckets, keys,
#       models and logs the workload uses (SageMaker Role Manager or IAM Access Analyzer
#       policy generation can draft one from the role's recent activity).
#     cli: >-
#       aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
#       ; aws iam delete-role-policy --role-name ROLE --policy-name INLINE_POLICY
#       ; aws iam put-role-policy --role-name ROLE --policy-name scoped --policy-document file://scoped.json
package cafscan.controls.ai_service_role_not_admin

import data.cafscan.lib
import data.cafscan.lib.policy

out_of_scope if lib.role_outside_ai_scope

# AWS managed policies are never in the inventory; these give administrator access (IAMFullAccess
# lets the role attach AdministratorAccess to itself).
violations contains concat("", ["Role ", lib.label, ", assumable by ", lib.role_ai_services_text, ", has the AWS managed policy ", name, " attached."]) if {
	count(lib.role_assumed_by_ai) > 0
	some name in lib.iam_attached_aws_managed_names
	lib.iam_aws_managed_grants(name, "administrator")
}

# A policy that gives administrator access, unless a Deny in any of the role's policies takes
# it away (explicit Deny wins across policies). Every Allow the policy question looks at is one
# statement, so the policy that holds it is the one to name.
violations contains concat("", ["Role ", lib.label, ", assumable by ", lib.role_ai_services_text, ", has ", d.source, ", which gives administrator access: ", policy.administrator_reason(lib.iam_documents, lib.role_arn), "."]) if {
	count(lib.role_assumed_by_ai) > 0
	may_be_administrator
	some d in lib.iam_policy_documents
	policy.administrator([d.doc], lib.role_arn)
	policy.administrator(lib.iam_documents, lib.role_arn)
}

# Necessary for policy.administrator on any of the role's documents: an Allow that may cover
# iam:* or one of the escalation actions (lib.iam_may_allow, cheaper than asking each).
# A role that can rewrite a customer managed policy attached to it can give itself any permission.
violations contains concat("", ["Role ", lib.label, ", assumable by ", lib.role_ai_services_text, ", has ", d.source, ", which gives administrator access: it allows ", action, " on ", t.what, ", so the role can rewrite its own permissions."]) if {
	count(lib.role_assumed_by_ai) > 0
	not policy.administrator(lib.iam_documents, lib.role_arn)
	some t in lib.iam_self_rewrite_targets
	some action in t.actions
	lib.iam_may_allow(action)
	policy.allowed(lib.iam_documents, action, t.arn)
	some d in lib.iam_policy_documents
	policy.allowed([d.doc], action, t.arn)
}

may_be_administrator if {
	some action in array.concat([policy.any_action_of("iam")], policy.escalation_actions)
	lib.iam_may_allow(action)
}

# Missing data only matters while no violation is certain: a role that already has
# administrator access fails whatever the unrecorded policies say.
missing contains gap if {
	count(violations) == 0
	some gap in lib.role_policy_gaps
}

# An AWS managed policy cafscan does not know could give administrator access.
missing contains gap if {
	count(violations) == 0
	some gap in lib.iam_aws_managed_gaps("administrator")
}
