# METADATA
# title: Bedrock imported models are encrypted with a customer managed KMS key
# description: >-
#   The model brought in with Custom Model Import records a customer managed AWS KMS key
#   (modelKmsKeyArn). Without one, Amazon Bedrock encrypts the imported weights with a key AWS
#   manages: GetImportedModel leaves modelKmsKeyArn out in that case (the key is optional at
#   CreateModelImportJob), so an absent key is that default, not an unknown. Imported models
#   are listed by ListImportedModels, not ListCustomModels, so CAFAI-DP-08 does not see them.
#   Imported models come from live collection; AWS Config input carries none. Naming an AWS
#   managed key by its alias (alias/aws/…) counts as no customer managed key and fails.
# custom:
#   id: CAFAI-DP-73
#   capability: data-protection
#   component: model
#   severity: high
#   resource_types: ["AWS::Bedrock::ImportedModel"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that what a model learnt from sensitive data be protected like
#     that data. An imported model is usually an open-weights model fine-tuned elsewhere on the
#     organisation's own data, so its weights carry that data. A customer managed key puts every
#     use of the weights under a key policy the account writes, logs each decryption in
#     CloudTrail and lets the account make the model unusable by disabling the key; a key AWS
#     manages does none of that.
#   remediation:
#     console: >-
#       An imported model's key cannot be changed. Amazon Bedrock console > Imported models >
#       Import model: import the same S3 model files again and under Model encryption choose
#       "Customize encryption settings (advanced)" with a customer managed KMS key (its key
#       policy must allow the import job's service role). Move applications to the new model,
#       then delete the old one. Neither CloudFormation nor the Terraform AWS provider has a
#       model-import resource; use the CLI from the pipeline that builds the model.
#     cli: >-
#       aws bedrock create-model-import-job --job-name NAME-cmk --imported-model-name NAME-cmk
#       --role-arn ROLE_ARN --model-data-source s3DataSource={s3Uri=s3://BUCKET/model/}
#       --imported-model-kms-key-id KEY_ARN
#   references:
#     - id: Encryption of imported models
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-import-model.html
#     - id: GetImportedModel response, modelKmsKeyArn
#       source: Amazon Bedrock API Reference
#       url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetImportedModel.html
package cafscan.controls.bedrock_imported_model_cmk_encryption

import data.cafscan.lib
import data.cafscan.lib.bedrock
import data.cafscan.lib.kms

has_key if {
	key := bedrock.field(lib.configuration, "modelKmsKeyArn")
	is_string(key)
	key != ""
}

missing contains bedrock.configuration_missing if not bedrock.known

# An unrecorded configuration is reported by missing, which wins over violations.
violations contains concat("", ["Imported model ", lib.label, " is not encrypted with a customer managed KMS key (no modelKmsKeyArn)."]) if {
	not has_key
}

violations contains concat("", ["Imported model ", lib.label, " is encrypted with the AWS managed key ", lib.text(key), " (modelKmsKeyArn), not a customer managed KMS key."]) if {
	key := bedrock.field(lib.configuration, "modelKmsKeyArn")
	kms.aws_managed_alias(key)
}
