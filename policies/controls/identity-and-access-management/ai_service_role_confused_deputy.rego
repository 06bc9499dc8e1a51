# METADATA
# title: Roles that SageMaker, Bedrock or Bedrock AgentCore can assume are protected against the confused deputy
# description: >-
#   Every Allow statement of the role's trust policy that lets sagemaker.amazonaws.com,
#   bedrock.amazonaws.com or bedrock-agentcore.amazonaws.com assume the role carries a
#   condition that pins the calling resource: aws:SourceAccount equal to account ids,
#   aws:SourceArn whose every value names a fixed account (ArnLike
#   "arn:aws:bedrock:REGION:ACCOUNT:agent/*" is AWS's own example), or aws:SourceOrgID equal to
#   an organization id, tested with StringEquals, StringLike, ArnEquals or ArnLike. A negated or
#   …IfExists operator, a wildcard account or a condition on any other key does not count. Roles
#   no AI service can assume are not applicable; a role whose trust policy is not in the
#   inventory is not evaluated. AWS Config records trust policies (configuration
#   assumeRolePolicyDocument), so live, Config and saved inventories are judged alike.
# custom:
#   id: CAFAI-IAM-81
#   capability: identity-and-access-management
#   component: model
#   severity: medium
#   resource_types: ["AWS::IAM::Role"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI's Data protection section warns that a model's reach to protected data can open a
#     path to data-related privilege escalation. A service role trusted by the bare service
#     principal lets the service assume it on behalf of any caller that can name the role,
#     including a job, agent or runtime in another account (the cross-service confused
#     deputy); the source conditions make the service assume it only for this account's (or
#     organization's) resources. Prowler's iam_role_cross_service_confused_deputy_prevention
#     accepts any aws:SourceAccount or aws:SourceArn condition; this control also rejects
#     negated and IfExists operators and wildcard accounts, which leave the role open.
#   remediation:
#     console: >-
#       IAM console > Roles > the role > Trust relationships > Edit trust policy: add to the
#       statement that trusts the AI service a condition block
#       {"StringEquals": {"aws:SourceAccount": "ACCOUNT_ID"}, "ArnLike": {"aws:SourceArn":
#       "arn:aws:bedrock:REGION:ACCOUNT_ID:agent/*"}} (for SageMaker
#       "arn:aws:sagemaker:REGION:ACCOUNT_ID:*"), then Update policy.
#     cli: >-
#       aws iam update-assume-role-policy --role-name ROLE --policy-document file://trust.json
#       (trust.json: the statement trusting the service with the aws:SourceAccount and
#       aws:SourceArn conditions above)
#     terraform: |-
#       data "aws_iam_policy_document" "bedrock_trust" {
#         statement {
#           actions = ["sts:AssumeRole"]
#           principals {
#             type        = "Service"
#             identifiers = ["bedrock.amazonaws.com"]
#           }
#           condition {
#             test     = "StringEquals"
#             variable = "aws:SourceAccount"
#             values   = [data.aws_caller_identity.current.account_id]
#           }
#           condition {
#             test     = "ArnLike"
#             variable = "aws:SourceArn"
#             values   = ["arn:aws:bedrock:${var.region}:${data.aws_caller_identity.current.account_id}:agent/*"]
#           }
#         }
#       }
#
#       resource "aws_iam_role" "agent" {
#         name               = "AmazonBedrockExecutionRoleForAgents_claims"
#         assume_role_policy = data.aws_iam_policy_document.bedrock_trust.json
#       }
#     cloudformation: |-
#       AgentRole:
#         Type: AWS::IAM::Role
#         Properties:
#           AssumeRolePolicyDocument:
#             Version: "2012-10-17"
#             Statement:
#               - Effect: Allow
#                 Principal: { Service: bedrock.amazonaws.com }
#                 Action: sts:AssumeRole
#                 Condition:
#                   StringEquals: { "aws:SourceAccount": !Ref AWS::AccountId }
#                   ArnLike: { "aws:SourceArn": !Sub "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:agent/*" }
#   references:
#     - id: The confused deputy problem
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#     - id: Cross-service confused deputy prevention in Amazon Bedrock
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/cross-service-confused-deputy-prevention.html
#     - id: Cross-service confused deputy prevention in Amazon SageMaker AI
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html
package cafscan.controls.ai_service_role_confused_deputy

import data.cafscan.lib
import data.cafscan.lib.policy

# bedrock-agentcore is not in lib.ai_services (the other role controls predate AgentCore), but its
# runtimes, gateways and memories assume roles the same way.
services := lib.ai_services | {"bedrock-agentcore.amazonaws.com"}

trusted := {svc |
	some s in policy.trusted_services(lib.role_trust_policy)
	svc := lower(s)
	svc in services
}

out_of_scope if {
	lib.role_trust_recorded
	count(trusted) == 0
}

missing contains "the role's trust policy is not in the inventory" if not lib.role_trust_recorded

unpinned := policy.unpinned_service_statements(lib.role_trust_policy, services)

violations contains concat("", ["Role ", lib.label, " lets ", concat(" and ", sort(trusted)), " assume it without an aws:SourceAccount, aws:SourceArn or aws:SourceOrgID condition naming a fixed account or organization (trust policy ", noun, " ", concat(", ", unpinned), ")."]) if {
	count(unpinned) > 0
	noun := {true: "statement", false: "statements"}[count(unpinned) == 1]
}
