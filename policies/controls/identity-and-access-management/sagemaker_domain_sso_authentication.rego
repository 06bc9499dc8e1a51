# METADATA
# title: SageMaker AI domains authenticate users through IAM Identity Center (SSO)
# description: >-
#   The SageMaker AI (Studio) domain's AuthMode is SSO: each user profile belongs to an IAM
#   Identity Center user, who signs in with the organization's identity provider. In IAM mode,
#   anyone whose IAM policies allow sagemaker:CreatePresignedDomainUrl on a user profile can
#   open it, so who works as which profile is decided by IAM policies, not by the directory.
#   AuthMode is required by CreateDomain, so an absent value is unknown (not evaluated).
# custom:
#   id: CAFAI-IAM-50
#   capability: identity-and-access-management
#   component: input
#   severity: low
#   resource_types: ["AWS::SageMaker::Domain"]
#   caf_section: "Identity and Access Management"
#   rationale: >-
#     CAF's Identity and Access Management capability asks that people reach workloads with
#     centrally managed identities that are attributable and removed when they leave. A Studio
#     domain is where people handle training data interactively. SSO mode ties each user profile
#     to one directory identity, so access follows the identity provider's joiner-mover-leaver
#     process and the profile's activity is attributable to a person. IAM mode is not insecure
#     in itself: with one role per person and policies that restrict CreatePresignedDomainUrl to
#     the caller's own profile it can give the same guarantees, but those guarantees live in IAM
#     policies this control cannot see from the domain. That is why the severity is low and why a
#     domain in IAM mode that follows that pattern can be accepted with a suppression saying so.
#   remediation:
#     console: >-
#       The authentication mode of an existing domain cannot be changed. Enable IAM Identity
#       Center, then SageMaker console > Domains > Create domain > Set up for organizations >
#       Authentication: AWS IAM Identity Center; assign users and groups, move their work to the
#       new domain and delete the old one.
#     cli: >-
#       aws sagemaker create-domain --domain-name NAME --auth-mode SSO --vpc-id VPC_ID
#       --subnet-ids SUBNET_ID --default-user-settings ExecutionRole=ROLE_ARN
#     terraform: |-
#       resource "aws_sagemaker_domain" "research" {
#         domain_name = "research"
#         auth_mode   = "SSO"
#         vpc_id      = aws_vpc.ml.id
#         subnet_ids  = [aws_subnet.private.id]
#         default_user_settings {
#           execution_role = aws_iam_role.studio.arn
#         }
#       }
#     cloudformation: |-
#       ResearchDomain:
#         Type: AWS::SageMaker::Domain
#         Properties:
#           DomainName: research
#           AuthMode: SSO
#           VpcId: !Ref MlVpc
#           SubnetIds: [!Ref PrivateSubnet]
#           DefaultUserSettings:
#             ExecutionRole: !GetAtt StudioRole.Arn
#   references:
#     - id: CreateDomain (AuthMode SSO | IAM, required)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html
#     - id: Domain authentication with IAM Identity Center
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/onboard-sso-users.html
package cafscan.controls.sagemaker_domain_sso_authentication

import data.cafscan.lib

recorded if count(lib.configuration) > 0

mode := lib.configuration.AuthMode

stated if is_string(mode)

missing contains "the domain's configuration is not in the inventory" if not recorded

# AuthMode is required by CreateDomain: absent means not recorded, not a default.
missing contains "the domain's authentication mode (AuthMode) is not in the inventory" if {
	recorded
	not stated
}

# A mode that is not a string is reported by missing, which wins over violations.
violations contains concat("", ["Domain ", lib.label, " authenticates users with ", mode, " mode, not IAM Identity Center (SSO): who opens which user profile is decided by IAM policies, not by the directory."]) if {
	upper(mode) != "SSO"
}
