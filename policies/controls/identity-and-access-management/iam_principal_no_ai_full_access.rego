# METADATA
# title: IAM users and groups do not have full access to SageMaker or Bedrock
# description: >-
#   No IAM user or group has the AWS managed policies AmazonSageMakerFullAccess or
#   AmazonBedrockFullAccess attached. These grant every SageMaker or Bedrock action on
#   every resource, including creating, changing and deleting models, endpoints,
#   guardrails and agents and passing roles to them.
# custom:
#   id: CAFAI-IAM-02
#   capability: identity-and-access-management
#   component: model
#   severity: medium
#   resource_types: ["AWS::IAM::User", "AWS::IAM::Group"]
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
#   references:
#     - id: GENSEC01-BP01
#       source: AWS Well-Architected Generative AI Lens
#     - id: bedrock_full_access_policy_attached
#       source: Prowler
package cafscan.controls.iam_principal_no_ai_full_access

import data.cafscan.lib

full_access_policies := {"AmazonSageMakerFullAccess", "AmazonBedrockFullAccess"}

kind := "User" if input.resource.type == "AWS::IAM::User"

else := "Group"

attached := lib.configuration.attachedManagedPolicies

recorded if is_array(attached)

missing contains "the attached managed policies are not in the inventory" if not recorded

violations contains sprintf("%s %s has the AWS managed policy %s attached.", [kind, lib.label, name]) if {
	some p in lib.as_array(attached)
	arn := p.policyArn
	is_string(arn)
	lib.iam_aws_managed_policy(arn)
	name := lib.iam_policy_name(arn)
	name in full_access_policies
}
