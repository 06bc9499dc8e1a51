# METADATA
# title: No IAM principal may pass every role to AI services
# description: >-
#   No IAM role, user or group is allowed iam:PassRole on every role: neither through the AWS
#   managed policies AdministratorAccess, IAMFullAccess or AmazonSageMakerFullAccess (its
#   AllowPassRoleToSageMaker statement: every role, when passed to SageMaker AI), nor through inline or customer
#   managed policies (default version) that, alone or together, allow iam:PassRole (written as
#   such, as iam:*, iam:Pass*, "*" or through NotAction) on Resource "*",
#   "arn:aws:iam::*:role/*", "arn:aws:iam::ACCOUNT:role/*" or any other pattern that covers
#   every role of the account. A condition on the Allow does not remove it: iam:PassedToService
#   (sagemaker.amazonaws.com, bedrock.amazonaws.com) limits the service the role goes to, not
#   which role is passed. An unconditional Deny that covers every role does (AWS's evaluation
#   logic, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
#   AWS managed policies are judged by name (policies/lib/iam_aws_managed.rego): one cafscan
#   does not know is unknown, like a missing policy. Policy lists absent
#   from the inventory, or an attached customer managed policy that is not in it, make the result
#   not evaluated unless a violation is already certain. AWS Config records roles, users, groups
#   and customer managed policies with their documents, so every source is judged alike.
# custom:
#   id: CAFAI-IAM-80
#   capability: identity-and-access-management
#   component: model
#   severity: high
#   resource_types: ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
#   related_resource_types: ["AWS::IAM::Policy"]
#   related_fields:
#     "AWS::IAM::Policy": [configuration.policyVersionList]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI's Data protection section warns that a model's access to protected data can open
#     the way to data-related privilege escalation. Whoever can pass any role can start a
#     SageMaker notebook, training or processing job, or a Bedrock agent, knowledge base or
#     customization job, with the most privileged role in the account, and run their own code
#     or prompts as that role. The check covers every principal, not only those whose own
#     policies let them create SageMaker or Bedrock resources: that permission also comes from
#     groups, AWS managed policies the scanner reads by name only (AmazonSageMakerFullAccess),
#     or a grant added tomorrow, so "cannot create AI resources" cannot be proven from one
#     principal's policies, and a scanner must not pass what it cannot prove. Passing roles
#     should be scoped to the execution roles each workload needs.
#   remediation:
#     console: >-
#       IAM console > Roles / Users / User groups > the principal > Permissions: edit the policy
#       that allows iam:PassRole so that its Resource lists the execution roles the principal
#       hands to SageMaker or Bedrock (for example
#       arn:aws:iam::ACCOUNT_ID:role/service-role/AmazonSageMaker-ExecutionRole-*), keep the
#       iam:PassedToService condition, and detach AdministratorAccess or IAMFullAccess where
#       they are not needed.
#     cli: >-
#       aws iam put-role-policy --role-name ROLE --policy-name pass-execution-roles
#       --policy-document file://passrole-scoped.json (for users and groups put-user-policy /
#       put-group-policy; for a customer managed policy create-policy-version --set-as-default)
#       ; aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/IAMFullAccess
#     terraform: |-
#       data "aws_iam_policy_document" "pass_execution_roles" {
#         statement {
#           actions   = ["iam:PassRole"]
#           resources = [aws_iam_role.sagemaker_execution.arn] # never "*"
#           condition {
#             test     = "StringEquals"
#             variable = "iam:PassedToService"
#             values   = ["sagemaker.amazonaws.com"]
#           }
#         }
#       }
#     cloudformation: |-
#       PassExecutionRoles:
#         Type: AWS::IAM::ManagedPolicy
#         Properties:
#           PolicyDocument:
#             Version: "2012-10-17"
#             Statement:
#               - Effect: Allow
#                 Action: iam:PassRole
#                 Resource: !GetAtt SageMakerExecutionRole.Arn
#                 Condition:
#                   StringEquals: { "iam:PassedToService": sagemaker.amazonaws.com }
#   references:
#     - id: Granting a user permissions to pass a role to an AWS service
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#     - id: Passing a role to SageMaker AI
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-pass-role
package cafscan.controls.iam_principal_no_passrole_on_every_role

import data.cafscan.lib
import data.cafscan.lib.policy

kinds := {"AWS::IAM::Role": "Role", "AWS::IAM::User": "User", "AWS::IAM::Group": "Group"}

kind := kinds[input.resource.type]

# A role of the account that no real pattern names except those covering every role
# ("*", "arn:aws:iam::*:role/*", "arn:aws:iam::ACCOUNT:role/*").
any_role := concat("", ["arn:", lib.iam_partition, ":iam::", lib.iam_account, ":role/\u0001\u0002\u0001\u0002"])

violations contains concat("", [kind, " ", lib.label, " has the AWS managed policy ", name, " attached, which allows iam:PassRole on every role."]) if {
	some name in lib.iam_attached_aws_managed_names
	lib.iam_aws_managed_grants(name, "pass_every_role")
}

# Each policy that allows it, unless a Deny in any of the principal's policies takes it away.
violations contains concat("", [kind, " ", lib.label, " has ", d.source, ", which allows iam:PassRole on every role."]) if {
	policy.allowed(lib.iam_documents, "iam:PassRole", any_role)
	some d in lib.iam_policy_documents
	policy.allowed([d.doc], "iam:PassRole", any_role)
}

# Unknown policies matter only while no violation is certain.
missing contains gap if {
	count(violations) == 0
	some gap in lib.iam_policy_gaps
}

missing contains gap if {
	count(violations) == 0
	some gap in lib.iam_aws_managed_gaps("pass_every_role")
}
