# METADATA
# title: SageMaker notebook instances encrypt their storage with a customer managed KMS key
# description: >-
#   The notebook instance names a KMS key (KmsKeyId) for its ML storage volume. Without
#   one, SageMaker encrypts the volume with an AWS managed key, whose policy the account
#   cannot restrict and which cannot be disabled to cut off access to the data. Naming the AWS
#   managed key by its alias (alias/aws/…) counts as no customer managed key.
# custom:
#   id: CAFAI-DP-04
#   capability: data-protection
#   component: model
#   severity: high
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for visibility and control over data used to develop AI,
#     including encryption at rest of data gathered for training and fine-tuning. Notebook
#     volumes hold copies of that data, intermediate features and model checkpoints; a
#     customer managed key lets the account decide who may decrypt them, see every use in
#     CloudTrail and revoke access to the volume by disabling the key.
#   remediation:
#     console: >-
#       The key of an existing notebook instance cannot be changed. In the SageMaker console
#       > Notebook instances > Create notebook instance > Permissions and encryption, choose
#       a customer managed KMS key as the encryption key; move the work over, then stop and
#       delete the old instance.
#     cli: >-
#       aws sagemaker create-notebook-instance --notebook-instance-name NAME
#       --instance-type ml.t3.medium --role-arn ROLE_ARN --kms-key-id KEY_ARN
#       --subnet-id SUBNET_ID --security-group-ids SG_ID --direct-internet-access Disabled
#     terraform: |-
#       resource "aws_sagemaker_notebook_instance" "this" {
#         # ...
#         kms_key_id = aws_kms_key.notebooks.arn
#       }
#   references:
#     - id: CreateNotebookInstance KmsKeyId (default an AWS managed key)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html#sagemaker-CreateNotebookInstance-request-KmsKeyId
package cafscan.controls.sagemaker_notebook_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms

missing contains "the notebook instance's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Notebook instance ", lib.label, " does not encrypt its storage volume with a customer managed KMS key."]) if {
	not has_key
}

violations contains concat("", ["Notebook instance ", lib.label, " encrypts its storage volume with the AWS managed key ", lib.text(lib.configuration.KmsKeyId), " (KmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(lib.configuration.KmsKeyId)
}

has_key if {
	key := lib.configuration.KmsKeyId
	is_string(key)
	key != ""
}
