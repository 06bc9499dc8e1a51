# METADATA
# title: SageMaker AI domains encrypt their storage volumes with a customer managed KMS key
# description: >-
#   The SageMaker AI (Studio) domain names a KmsKeyId, the key SageMaker encrypts the domain's
#   Amazon EFS home directories and the storage volumes of its apps with. When it is absent,
#   AWS's documented default applies: an AWS managed key, which the account can neither restrict
#   with its own key policy nor disable, and the control fails. Naming the AWS managed key by its
#   alias (alias/aws/…) counts as no customer managed key.
# custom:
#   id: CAFAI-DP-52
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::Domain"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over the data used to build AI. A Studio domain's
#     home directories hold what data scientists pull in to explore and prepare — extracts of
#     training data, notebooks with their outputs, cached credentials of tools — for as long as
#     the user profile exists. A customer managed key puts every read behind a key policy the
#     account writes and logs each use, so access to that copy can be audited and revoked
#     independently of the file system's own permissions.
#   remediation:
#     console: >-
#       The key of an existing domain cannot be changed. SageMaker console > Domains > Create domain
#       > Set up for organizations > Encryption key: a customer managed KMS key; move the user
#       profiles' data to the new domain and delete the old one.
#     cli: >-
#       aws sagemaker create-domain --domain-name NAME --auth-mode SSO --vpc-id VPC_ID
#       --subnet-ids SUBNET_ID --default-user-settings ExecutionRole=ROLE_ARN --kms-key-id KEY_ARN
#     terraform: |-
#       resource "aws_sagemaker_domain" "research" {
#         domain_name = "research"
#         auth_mode   = "SSO"
#         vpc_id      = aws_vpc.ml.id
#         subnet_ids  = [aws_subnet.private.id]
#         kms_key_id  = aws_kms_key.studio.arn
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
#           KmsKeyId: !GetAtt StudioKey.Arn
#           DefaultUserSettings:
#             ExecutionRole: !GetAtt StudioRole.Arn
#   references:
#     - id: CreateDomain (KmsKeyId, AWS managed key by default)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html
#     - id: Protect data at rest in Amazon SageMaker Studio
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-studio.html
package cafscan.controls.sagemaker_domain_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms

recorded if count(lib.configuration) > 0

has_key if {
	is_string(lib.configuration.KmsKeyId)
	trim_space(lib.configuration.KmsKeyId) != ""
}

missing contains "the domain's configuration is not in the inventory" if not recorded

# Absent, null or empty: AWS's documented default, an AWS managed key (see METADATA). An empty
# configuration is reported by missing, which wins over violations.
violations contains concat("", ["Domain ", lib.label, " does not encrypt its storage with a customer managed KMS key (KmsKeyId is not set, so SageMaker uses an AWS managed key)."]) if {
	not has_key
}

violations contains concat("", ["Domain ", lib.label, " encrypts its storage with the AWS managed key ", lib.text(lib.configuration.KmsKeyId), " (KmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(lib.configuration.KmsKeyId)
}
