# METADATA
# title: Bedrock custom models are encrypted with a customer managed KMS key
# description: >-
#   The custom model (fine-tuned, continued pre-trained, distilled or imported) records a
#   customer managed AWS KMS key (modelKmsKeyArn). Without one, Amazon Bedrock encrypts the
#   model with an AWS owned key that the account cannot restrict, audit or revoke. Naming an AWS
#   managed key by its alias (alias/aws/…) counts as no customer managed key and fails. A model
#   whose customization failed holds no weights and is not checked.
# custom:
#   id: CAFAI-DP-08
#   capability: data-protection
#   component: model
#   severity: high
#   resource_types: ["AWS::Bedrock::CustomModel"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that data used in pre-training and fine-tuning be secured at
#     rest and warns that a model can disclose the sensitive data it was trained on. A custom
#     model's weights carry what was learnt from that data, so they deserve the same protection
#     as the training set: a customer managed key puts every use of the model under a key
#     policy the account controls, logs each decryption in CloudTrail, and lets the model be
#     made unusable by disabling the key.
#   remediation:
#     console: >-
#       A custom model's key cannot be changed. Amazon Bedrock console > Custom models >
#       Customize model: run the same customization job again and under Model encryption choose
#       "Customize encryption settings" with a customer managed KMS key (its key policy must
#       allow the job's service role). Move provisioned throughput and applications to the new
#       model, then delete the old one.
#     cli: >-
#       aws bedrock create-model-customization-job --job-name NAME-cmk --custom-model-name
#       NAME-cmk --role-arn ROLE_ARN --base-model-identifier BASE_MODEL_ID
#       --training-data-config s3Uri=s3://BUCKET/train.jsonl --output-data-config
#       s3Uri=s3://BUCKET/output/ --hyper-parameters epochCount=2 --custom-model-kms-key-id KEY_ARN
#     terraform: |-
#       resource "aws_bedrock_custom_model" "this" {
#         custom_model_name       = "fraud-titan"
#         job_name                = "fraud-titan-ft-2"
#         base_model_identifier   = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
#         role_arn                = aws_iam_role.customization.arn
#         custom_model_kms_key_id = aws_kms_key.models.arn
#         hyperparameters         = { epochCount = "2" }
#         training_data_config {
#           s3_uri = "s3://${aws_s3_bucket.training.id}/train.jsonl"
#         }
#         output_data_config {
#           s3_uri = "s3://${aws_s3_bucket.training.id}/output/"
#         }
#       }
#   references:
#     - id: Encryption of custom models (default an AWS owned key)
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-custom-job.html
package cafscan.controls.bedrock_custom_model_cmk_encryption

import data.cafscan.lib
import data.cafscan.lib.bedrock
import data.cafscan.lib.kms

out_of_scope if lib.configuration.modelStatus == "Failed"

has_key if {
	key := bedrock.field(lib.configuration, "modelKmsKeyArn")
	is_string(key)
	key != ""
}

missing contains bedrock.configuration_missing if not bedrock.known

# An unrecorded configuration is reported by missing, which wins over violations.
violations contains concat("", ["Custom model ", lib.label, " is encrypted with an AWS owned key, not a customer managed KMS key."]) if {
	not has_key
}

violations contains concat("", ["Custom model ", lib.label, " is encrypted with the AWS managed key ", lib.text(key), " (modelKmsKeyArn), not a customer managed KMS key."]) if {
	key := bedrock.field(lib.configuration, "modelKmsKeyArn")
	kms.aws_managed_alias(key)
}
