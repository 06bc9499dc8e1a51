# METADATA
# title: SageMaker AI domains send all traffic through the customer's VPC (VpcOnly)
# description: >-
#   The SageMaker AI (Studio) domain's AppNetworkAccessType is VpcOnly, so the apps, spaces
#   and jobs its users start reach the internet, AWS services and data only through the
#   domain's own subnets, security groups, VPC endpoints and route tables. With
#   PublicInternetOnly (the default when the setting is absent) everything except EFS traffic
#   leaves through a network SageMaker manages, with direct internet access.
# custom:
#   id: CAFAI-IP-06
#   capability: infrastructure-protection
#   component: input
#   severity: high
#   resource_types: ["AWS::SageMaker::Domain"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for network security controls on the systems that
#     run AI workloads, for an explicit allow-list of calls made outside the workload's own
#     VPC, and for development environments used for sensitive work such as model training to
#     be isolated. A Studio domain is exactly such a development environment, with access to
#     training data; only in VpcOnly mode do the account's security groups, endpoint policies
#     and flow logs decide and record where that data can go, instead of an internet path
#     nobody in the account controls.
#   remediation:
#     console: >-
#       SageMaker AI console > Domains > the domain > Domain settings > Network > Edit: choose
#       "Virtual Private Cloud (VPC) only", pick private subnets and security groups, and make
#       sure the VPC has interface endpoints (SageMaker API and runtime, STS, S3 gateway…) or
#       a NAT gateway for what users legitimately need. The network access type can only be
#       changed while no app of the domain is InService, Pending or Deleting, so delete the
#       running apps first (users relaunch them afterwards).
#     cli: >-
#       aws sagemaker update-domain --domain-id DOMAIN_ID --app-network-access-type VpcOnly
#       --subnet-ids SUBNET_ID_1 SUBNET_ID_2
#       --default-user-settings '{"SecurityGroups":["SG_ID"]}'
#     terraform: |-
#       resource "aws_sagemaker_domain" "this" {
#         domain_name             = "research"
#         auth_mode               = "IAM"
#         vpc_id                  = aws_vpc.ml.id
#         subnet_ids              = aws_subnet.private[*].id
#         app_network_access_type = "VpcOnly"
#         default_user_settings {
#           execution_role  = aws_iam_role.studio.arn
#           security_groups = [aws_security_group.studio.id]
#         }
#       }
#     cloudformation: |-
#       Domain:
#         Type: AWS::SageMaker::Domain
#         Properties:
#           DomainName: research
#           AuthMode: IAM
#           VpcId: !Ref Vpc
#           SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
#           AppNetworkAccessType: VpcOnly
#           DefaultUserSettings:
#             ExecutionRole: !GetAtt StudioRole.Arn
#             SecurityGroups: [!Ref StudioSecurityGroup]
#   references:
#     - id: CreateDomain AppNetworkAccessType (default PublicInternetOnly)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html#sagemaker-CreateDomain-request-AppNetworkAccessType
#     - id: Connect Amazon SageMaker Studio in a VPC to external resources
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-and-internet-access.html
package cafscan.controls.sagemaker_domain_vpc_only

import data.cafscan.lib

recorded if count(lib.configuration) > 0

# CreateDomain and CloudFormation default to PublicInternetOnly when the setting is left out.
# Absent or null (AWS Config leaves unset properties out) is that default.
access_type := lib.configuration.AppNetworkAccessType if {
	is_string(lib.configuration.AppNetworkAccessType)
} else := "PublicInternetOnly"

missing contains "the domain's configuration is not in the inventory" if not recorded

# An empty configuration is reported by missing, which wins over violations.
violations contains msg if {
	access_type != "VpcOnly"
	msg := concat("", [
		"Domain ", lib.label, " is not in VPC-only mode (AppNetworkAccessType is ", lib.text(access_type), "), so its apps reach the internet through a network SageMaker manages.",
	])
}
