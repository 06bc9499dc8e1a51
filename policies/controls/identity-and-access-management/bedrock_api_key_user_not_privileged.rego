# METADATA
# title: Users with a Bedrock API key have neither administrator nor full Bedrock access
# description: >-
#   An IAM user that holds a usable long-term Amazon Bedrock API key (an Active IAM
#   service-specific credential for bedrock.amazonaws.com that has not expired at the scan time)
#   has no administrator access and no access to every Bedrock action on every resource. A call
#   made with the key carries the user's permissions, so the check reads the user's inline and
#   attached policies and those of every group the user belongs to: the AWS managed policies
#   AdministratorAccess, IAMFullAccess, PowerUserAccess and AmazonBedrockFullAccess, and inline
#   or customer managed policies (default version) that, together, allow every action, let the
#   user grant itself any permission, or allow bedrock:* on every resource. Policy semantics
#   follow AWS's evaluation logic (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
#   an unconditional Deny removes a grant, a condition on an Allow does not. Users without a
#   usable Bedrock API key are not applicable. AWS Config does not record service-specific
#   credentials: where the keys were not collected (a Config-only source, or a denied
#   ListServiceSpecificCredentials) every user is not evaluated. A group or policy that is not
#   in the inventory makes the result not evaluated unless a violation is already certain, and
#   so does an AWS managed policy cafscan does not know (judged by name,
#   policies/lib/iam_aws_managed.rego; AmazonBedrockLimitedAccess, which the console attaches
#   to keys, is known).
# custom:
#   id: CAFAI-IAM-83
#   capability: identity-and-access-management
#   component: input
#   severity: high
#   resource_types: ["AWS::IAM::User"]
#   related_resource_types: ["AWS::IAM::ServiceSpecificCredential", "AWS::IAM::Group", "AWS::IAM::Policy", "AWS::::Account"]
#   related_fields:
#     "AWS::IAM::ServiceSpecificCredential": [configuration.userName, configuration.serviceName, configuration.status, configuration.expirationDate]
#     "AWS::IAM::Group": [configuration.groupName, configuration.groupPolicyList, configuration.attachedManagedPolicies]
#     "AWS::IAM::Policy": [configuration.policyVersionList]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI's Security governance section asks for safeguards that protect the integrity and
#     confidentiality of the AI environment, and its Vulnerability management section asks to
#     limit access to models to the specific authorizations needed. A Bedrock API key is a
#     static bearer token that is easy to paste into a notebook or a chat; on a user with
#     administrator or full Bedrock access, whoever finds it can delete guardrails, read
#     knowledge bases, change agents or take over the account. The check includes the user's
#     groups (Prowler's bedrock_api_key_no_administrative_privileges reads the user's own
#     policies, so an administrator group passes there), because the key carries them too.
#   remediation:
#     console: >-
#       IAM console > Users > the user: either remove the long-term Bedrock API key (Security
#       credentials > API keys for Amazon Bedrock > Deactivate, Delete) or, if the key is
#       needed, move the user out of administrator groups and replace AdministratorAccess /
#       AmazonBedrockFullAccess with AmazonBedrockLimitedAccess or a policy allowing only
#       bedrock:InvokeModel on the models the key's application uses.
#     cli: >-
#       aws iam detach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AmazonBedrockFullAccess
#       ; aws iam remove-user-from-group --user-name USER --group-name ADMINS
#       ; aws iam attach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess
#     terraform: |-
#       resource "aws_iam_user" "bedrock_client" {
#         name = "bedrock-api-client"
#       }
#
#       resource "aws_iam_user_policy" "invoke_only" {
#         user = aws_iam_user.bedrock_client.name
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect   = "Allow"
#             Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
#             Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
#           }]
#         })
#       }
#     cloudformation: |-
#       BedrockClientUser:
#         Type: AWS::IAM::User
#         Properties:
#           Policies:
#             - PolicyName: invoke-only
#               PolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Action: [bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream]
#                     Resource: !Sub arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0
#   references:
#     - id: Use an Amazon Bedrock API key
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html
#     - id: AmazonBedrockLimitedAccess
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonBedrockLimitedAccess.html
package cafscan.controls.bedrock_api_key_user_not_privileged

import data.cafscan.lib
import data.cafscan.lib.policy

credential_type := "AWS::IAM::ServiceSpecificCredential"

user_name := lib.configuration.userName if is_string(lib.configuration.userName)

else := input.resource.name

# --- the user's usable Bedrock API keys -------------------------------------------------------------

bedrock_key(k) if {
	is_string(k.configuration.serviceName)
	lower(k.configuration.serviceName) == "bedrock.amazonaws.com"
}

key_label(k) := k.name if {
	is_string(k.name)
	k.name != ""
} else := lib.text(k.id)

# An expiration date at or before the scan time ends the key; without one (or without a readable
# one, or a scan time) it is taken as usable, so the user stays in scope.
expired(k) if lib.iso_seconds(k.configuration.expirationDate) <= lib.scan_seconds

usable_keys := sort([key_label(k) |
	some k in lib.same_account_of_type(credential_type)
	k.configuration.userName == user_name
	bedrock_key(k)
	k.configuration.status == "Active"
	not expired(k)
])

keys_text := concat(", ", usable_keys)

keys_collected if lib.account_collected(credential_type)

out_of_scope if {
	keys_collected
	count(usable_keys) == 0
}

collection_failures := {reason |
	some account in lib.same_account_of_type("AWS::::Account")
	reason := account.configuration.failedTypes[credential_type]
}

missing contains concat("", ["the account's Bedrock API keys could not be collected: ", concat("; ", sort(collection_failures))]) if {
	not keys_collected
	count(collection_failures) > 0
}

missing contains "the account's Bedrock API keys (IAM service-specific credentials) were not collected; AWS Config does not record them, a live scan lists them" if {
	not keys_collected
	count(collection_failures) == 0
}

# --- the permissions the key carries: the user's and its groups' (lib/iam_groups.rego) ------------

sources := lib.iam_principal_documents

documents := [d.doc | some d in sources]

# What each privileged AWS managed policy gives.
privileged_managed := {
	"AdministratorAccess": "administrator access",
	"IAMFullAccess": "administrator access (every IAM action)",
	"PowerUserAccess": "every Bedrock action",
	"AmazonBedrockFullAccess": "every Bedrock action",
}

prefix := concat("", ["User ", lib.label, " has a usable Bedrock API key (", keys_text, ") and "])

# No "has a key" condition on the violations: a user without a usable key is out of scope (or,
# when the keys were not collected, not evaluated) before they are looked at.
violations contains concat("", [prefix, "the AWS managed policy ", name, via, ", which gives ", managed_grant(name), "."]) if {
	some [name, via] in lib.iam_principal_managed
}

managed_grant(name) := text if {
	text := privileged_managed[name]
} else := "administrator access" if lib.iam_aws_managed_grants(name, "administrator")

else := "every Bedrock action" if lib.iam_aws_managed_grants(name, "all_bedrock")

# The policy library words the escalation reason for roles ("on the role itself").
violations contains concat("", [prefix, d.source, ", which gives administrator access: ", replace(policy.administrator_reason(documents, lib.role_arn), "the role", "the user"), "."]) if {
	policy.administrator(documents, lib.role_arn)
	some d in sources
	policy.administrator([d.doc], lib.role_arn)
}

# A user that can rewrite a customer managed policy attached to it or its groups, or write a
# policy onto one of its groups, can give itself any permission.
violations contains concat("", [prefix, d.source, ", which gives administrator access: it allows ", action, " on ", t.what, ", so the user can rewrite its own permissions."]) if {
	not policy.administrator(documents, lib.role_arn)
	some t in lib.iam_user_self_rewrite_targets
	some action in t.actions
	policy.allowed(documents, action, t.arn)
	some d in sources
	policy.allowed([d.doc], action, t.arn)
}

# Administrator access already says it all; otherwise each policy that alone allows bedrock:*
# (a grant the union allows is one statement, so some policy allows it alone).
violations contains concat("", [prefix, d.source, ", which allows every Bedrock action on every resource."]) if {
	not policy.administrator(documents, lib.role_arn)
	policy.allows_all_of_service(documents, "bedrock", lib.iam_partition)
	some d in sources
	policy.allows_all_of_service([d.doc], "bedrock", lib.iam_partition)
}

missing contains gap if {
	keys_collected
	count(violations) == 0
	some gap in lib.iam_principal_gaps
}

# An AWS managed policy cafscan does not know (the user's or a group's) could give either.
missing contains lib.iam_aws_managed_unknown_reason(name, question) if {
	keys_collected
	count(violations) == 0
	some [name, _] in lib.iam_principal_managed
	some question in ["administrator", "all_bedrock"]
	not lib.iam_aws_managed_answers(name, question)
}
