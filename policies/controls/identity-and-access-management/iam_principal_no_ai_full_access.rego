# METADATA
# title: IAM users and groups do not have full access to SageMaker or Bedrock
# description: >-
#   No IAM user or group is allowed every SageMaker or every Bedrock action on every resource:
#   neither through the AWS managed policies AmazonSageMakerFullAccess, AmazonBedrockFullAccess,
#   AdministratorAccess, PowerUserAccess or DataScientist, nor through inline or customer managed policies
#   (default version) that, alone or together, allow sagemaker:* or bedrock:* — written as
#   such, as "*", or through NotAction/NotResource. These grant creating, changing and
#   deleting models, endpoints, guardrails and agents. Policy semantics follow AWS's
#   evaluation logic (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
#   an unconditional Deny removes a grant, a condition on an Allow does not. Policy lists
#   absent from the inventory, or an attached customer managed policy that is not in it, make
#   the result not evaluated unless a violation is already certain; so does an AWS managed
#   policy cafscan does not know (they are judged by name, policies/lib/iam_aws_managed.rego).
# custom:
#   id: CAFAI-IAM-02
#   capability: identity-and-access-management
#   component: model
#   severity: medium
#   resource_types: ["AWS::IAM::User", "AWS::IAM::Group"]
#   related_resource_types: ["AWS::IAM::Policy"]
#   related_fields:
#     "AWS::IAM::Policy": [configuration.policyVersionList]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI leaves Identity and access management to the base AWS CAF, but its Security
#     governance section asks for defined roles and responsibilities for creating and
#     training models and for an author, approver and publisher split in model release.
#     Blanket full-access policies on people collapse that split: any holder can train,
#     register, deploy, reconfigure or delete models and remove guardrails on their own.
#     Scoped policies, granted through roles, keep each duty with its owner.
#   remediation:
#     console: >-
#       IAM console > Users (or User groups) > the identity > Permissions: remove
#       AmazonSageMakerFullAccess / AmazonBedrockFullAccess and grant a policy scoped to
#       the job (for example a SageMaker Role Manager persona, or only bedrock:InvokeModel
#       on the approved models), preferably through an IAM Identity Center permission set.
#     cli: >-
#       aws iam detach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AmazonSageMakerFullAccess
#       (for groups: aws iam detach-group-policy --group-name GROUP --policy-arn arn:aws:iam::aws:policy/AmazonBedrockFullAccess)
package cafscan.controls.iam_principal_no_ai_full_access

import data.cafscan.lib
import data.cafscan.lib.policy

services := {"sagemaker": "SageMaker", "bedrock": "Bedrock"}

# The question of lib/iam_aws_managed.rego each service answers.
service_questions := {"sagemaker": "all_sagemaker", "bedrock": "all_bedrock"}

# AWS managed policies (never in the inventory) and the services whose every action they allow.
managed_full_services(name) := {svc | some svc, q in service_questions; lib.iam_aws_managed_grants(name, q)}

kind := "User" if input.resource.type == "AWS::IAM::User"

else := "Group"

# SageMaker first, as the policies' names and AWS's documentation put it.
managed_names(svcs) := concat(" and ", [services[s] | some s in ["sagemaker", "bedrock"]; s in svcs])

violations contains concat("", [kind, " ", lib.label, " has the AWS managed policy ", name, " attached, which allows every ", managed_names(svcs), " action."]) if {
	some name in lib.iam_attached_aws_managed_names
	svcs := managed_full_services(name)
	count(svcs) > 0
}

# The services whose every action on every resource the principal's policies, together, allow.
full_services := {svc | some svc, _ in services; policy.allows_all_of_service(lib.iam_documents, svc, lib.iam_partition)}

names(svcs) := concat(" and ", sort([services[s] | some s in svcs]))

# Each policy that grants a whole service (sagemaker:*, *, NotAction without it), unless a Deny
# in any of the principal's policies takes it away (explicit Deny wins across policies).
violations contains concat("", [kind, " ", lib.label, " has ", d.source, ", which allows every ", names(svcs), " action on every resource."]) if {
	some d in lib.iam_policy_documents
	svcs := {svc | some svc in full_services; policy.allows_all_of_service([d.doc], svc, lib.iam_partition)}
	count(svcs) > 0
}

# Unknown policies matter only while no violation is certain.
missing contains gap if {
	count(violations) == 0
	some gap in lib.iam_policy_gaps
}

missing contains gap if {
	count(violations) == 0
	some q in ["all_sagemaker", "all_bedrock"]
	some gap in lib.iam_aws_managed_gaps(q)
}
