# METADATA
# title: IAM roles and users that may use Amazon SageMaker AI have used it in the last 90 days
# description: >-
#   A role or user whose policies allow SageMaker actions last used SageMaker (IAM service
#   last-accessed data, namespace sagemaker) no more than 90 days before the scan; one that never
#   used it fails once it is older than 90 days. The live IAM collector reads the data
#   (GenerateServiceLastAccessedDetails, GetServiceLastAccessedDetails) for the principals whose
#   policies, or whose groups' policies, may grant Bedrock or SageMaker. The report lists every
#   service the principal's policies allow, AWS managed policies included: a principal whose
#   report does not list SageMaker is not applicable, and so is one without a report whose
#   recorded policies grant no SageMaker action (AWS managed policies other than
#   AdministratorAccess, PowerUserAccess, ReadOnlyAccess, ViewOnlyAccess, SecurityAudit,
#   job-function/DataScientist and the SageMaker ones are known by name only, and taken not to
#   grant it). A principal that may use SageMaker but has no report (AWS Config does not record
#   last-accessed data, the call was denied, or the 100-principal limit was reached) is not
#   evaluated, with the reason. An absent LastAuthenticated means no use in IAM's 400-day
#   tracking period (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ServiceLastAccessed.html).
# custom:
#   id: CAFAI-IAM-85
#   capability: identity-and-access-management
#   component: model
#   severity: low
#   resource_types: ["AWS::IAM::Role", "AWS::IAM::User"]
#   related_resource_types: ["AWS::IAM::Group", "AWS::IAM::Policy"]
#   related_fields:
#     "AWS::IAM::Group": [configuration.groupName, configuration.groupPolicyList, configuration.attachedManagedPolicies]
#     "AWS::IAM::Policy": [configuration.policyVersionList]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI's Security governance section asks for defined roles and responsibilities for
#     creating, training and releasing models. SageMaker permissions that a person or workload
#     no longer uses are standing rights to train, deploy, reconfigure or delete models outside
#     those duties, and a ready target for stolen credentials. Removing them is the access
#     review the AWS CAF asks for, with IAM's own usage data as evidence. Prowler checks users
#     only (iam_user_access_not_stale_to_sagemaker); this control also checks roles and reads a
#     user's groups, so a pipeline role or a user who gets SageMaker through a group is not
#     skipped.
#   remediation:
#     console: >-
#       IAM console > Roles (or Users) > the principal > Last Accessed: confirm Amazon SageMaker
#       was not used recently, then Permissions: detach AmazonSageMakerFullAccess or remove the
#       SageMaker actions from its policies (or remove the user from the group that grants
#       them); delete the principal when nothing uses it any more.
#     cli: >-
#       aws iam generate-service-last-accessed-details --arn PRINCIPAL_ARN ; aws iam
#       get-service-last-accessed-details --job-id JOB_ID ; aws iam detach-user-policy
#       --user-name USER --policy-arn arn:aws:iam::aws:policy/AmazonSageMakerFullAccess
#     terraform: |-
#       # Attach SageMaker access only where it is used, scoped to the team's resources:
#       resource "aws_iam_role_policy" "training" {
#         role = aws_iam_role.pipeline.id
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect   = "Allow"
#             Action   = ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"]
#             Resource = "arn:aws:sagemaker:us-east-1:111122223333:training-job/fraud-*"
#           }]
#         })
#       }
#     cloudformation: |-
#       PipelineTrainingPolicy:
#         Type: AWS::IAM::RolePolicy
#         Properties:
#           RoleName: !Ref PipelineRole
#           PolicyName: training
#           PolicyDocument:
#             Version: "2012-10-17"
#             Statement:
#               - Effect: Allow
#                 Action: [sagemaker:CreateTrainingJob, sagemaker:DescribeTrainingJob]
#                 Resource: !Sub arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:training-job/fraud-*
#   references:
#     - id: Refining permissions in AWS using last accessed information
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
package cafscan.controls.iam_principal_sagemaker_access_not_stale

import data.cafscan.lib

kind := {"AWS::IAM::Role": "Role", "AWS::IAM::User": "User"}[input.resource.type]

out_of_scope if lib.iam_usage_out_of_scope("sagemaker")

missing contains reason if some reason in lib.iam_usage_missing("sagemaker")

violations contains msg if {
	reason := lib.iam_stale_reason("sagemaker", "Amazon SageMaker AI")
	msg := concat("", [kind, " ", lib.label, " may use Amazon SageMaker AI but ", reason, "."])
}
