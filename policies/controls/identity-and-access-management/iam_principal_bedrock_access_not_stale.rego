# METADATA
# title: IAM roles and users that may use Amazon Bedrock have used it in the last 90 days
# description: >-
#   A role or user whose policies allow Amazon Bedrock actions last used Bedrock (IAM service
#   last-accessed data, namespace bedrock) no more than 90 days before the scan; one that never
#   used it fails once it is older than 90 days. The live IAM collector reads the data
#   (GenerateServiceLastAccessedDetails, GetServiceLastAccessedDetails) for the principals whose
#   policies, or whose groups' policies, may grant Bedrock or SageMaker. The report lists every
#   service the principal's policies allow, AWS managed policies included: a principal whose
#   report does not list Bedrock is not applicable, and so is one without a report whose
#   recorded policies grant no Bedrock action (AWS managed policies other than
#   AdministratorAccess, PowerUserAccess, ReadOnlyAccess, ViewOnlyAccess, SecurityAudit and the
#   Bedrock ones are known by name only, and taken not to grant it). A principal that may use
#   Bedrock but has no report (AWS Config does not record last-accessed data, the call was
#   denied, or the 100-principal limit was reached) is not evaluated, with the reason. An absent LastAuthenticated means no use in IAM's 400-day tracking period
#   (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ServiceLastAccessed.html).
# custom:
#   id: CAFAI-IAM-84
#   capability: identity-and-access-management
#   component: input
#   severity: low
#   resource_types: ["AWS::IAM::Role", "AWS::IAM::User"]
#   related_resource_types: ["AWS::IAM::Group", "AWS::IAM::Policy"]
#   related_fields:
#     "AWS::IAM::Group": [configuration.groupName, configuration.groupPolicyList, configuration.attachedManagedPolicies]
#     "AWS::IAM::Policy": [configuration.policyVersionList]
#   caf_section: "Vulnerability management"
#   rationale: >-
#     CAF-AI's Vulnerability management section asks to limit a model's users and tools to the
#     specific authorizations they need. Standing Bedrock permissions nobody uses only widen
#     what a stolen key or a hijacked session can reach: invoking models at the account's
#     expense (LLM-jacking), reading knowledge bases, changing agents or guardrails. Removing
#     them is the access review the AWS CAF asks for, with IAM's own usage data as evidence.
#     Prowler checks users and roles separately (iam_user_access_not_stale_to_bedrock,
#     iam_role_access_not_stale_to_bedrock); this control reads the principal's groups too, so
#     a user who gets Bedrock only through a group is not skipped.
#   remediation:
#     console: >-
#       IAM console > Roles (or Users) > the principal > Last Accessed: confirm Amazon Bedrock
#       was not used recently, then Permissions: remove the Bedrock actions from its policies
#       (or remove the user from the group that grants them); delete the principal when nothing
#       uses it any more.
#     cli: >-
#       aws iam generate-service-last-accessed-details --arn PRINCIPAL_ARN ; aws iam
#       get-service-last-accessed-details --job-id JOB_ID ; aws iam detach-role-policy
#       --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AmazonBedrockFullAccess (or
#       put-role-policy / put-user-policy with the Bedrock statements removed)
#     terraform: |-
#       # Grant Bedrock only to the roles that invoke models, and only the actions they call:
#       resource "aws_iam_role_policy" "invoke" {
#         role = aws_iam_role.app.id
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect   = "Allow"
#             Action   = ["bedrock:InvokeModel"]
#             Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
#           }]
#         })
#       }
#     cloudformation: |-
#       # Keep Bedrock statements only in the policies of principals that use them:
#       AppInvokePolicy:
#         Type: AWS::IAM::RolePolicy
#         Properties:
#           RoleName: !Ref AppRole
#           PolicyName: invoke
#           PolicyDocument:
#             Version: "2012-10-17"
#             Statement:
#               - Effect: Allow
#                 Action: bedrock:InvokeModel
#                 Resource: !Sub arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0
#   references:
#     - id: Refining permissions in AWS using last accessed information
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
package cafscan.controls.iam_principal_bedrock_access_not_stale

import data.cafscan.lib

kind := {"AWS::IAM::Role": "Role", "AWS::IAM::User": "User"}[input.resource.type]

out_of_scope if lib.iam_usage_out_of_scope("bedrock")

missing contains reason if some reason in lib.iam_usage_missing("bedrock")

violations contains msg if {
	reason := lib.iam_stale_reason("bedrock", "Amazon Bedrock")
	msg := concat("", [kind, " ", lib.label, " may use Amazon Bedrock but ", reason, "."])
}
