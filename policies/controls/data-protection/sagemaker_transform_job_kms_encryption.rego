# METADATA
# title: SageMaker batch transform jobs encrypt their volumes and output with a KMS key
# description: >-
#   The batch transform job names a KMS key for the storage volumes attached to its instances
#   (TransformResources.VolumeKmsKeyId) and for the inference results it writes to S3
#   (TransformOutput.KmsKeyId), so the data scored on disk and the predictions at rest are protected
#   by a key whose use is controlled and logged. The volume key is not required when the job runs
#   on an instance type with local NVMe instance storage (the ml.*d* families and ml.g5, ml.g6,
#   ml.p5, ml.trn1 and the like): SageMaker then uses the instance store, which AWS encrypts in
#   hardware, and rejects a VolumeKmsKeyId. Without TransformOutput.KmsKeyId SageMaker encrypts
#   the results with the account's AWS managed key for S3 (aws/s3), whose policy nobody controls:
#   that fails. A job whose instance type or output configuration is not in the inventory leaves
#   that part not evaluated. Naming an AWS managed key by its alias (alias/aws/…) counts as no
#   customer managed key and fails.
# custom:
#   id: CAFAI-DP-32
#   capability: data-protection
#   component: output
#   severity: high
#   resource_types: ["AWS::SageMaker::TransformJob"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that the outputs of AI systems, which can reveal or reconstruct
#     the data they were given, be protected like that data. A batch transform job copies whole
#     data sets onto its instances and writes a prediction for every record back to S3; customer
#     managed keys for both keep those copies under a key policy and audit trail the owner
#     controls, instead of the account-wide defaults.
#   remediation:
#     console: >-
#       Transform jobs cannot be changed after they start: for the next run, in SageMaker AI >
#       Inference > Batch transform jobs > Create batch transform job, set "Volume KMS key" under
#       the resource configuration and "Encryption key" under Output data configuration to a
#       customer managed KMS key (SageMaker Python SDK: volume_kms_key and output_kms_key on the
#       Transformer).
#     cli: >-
#       aws sagemaker create-transform-job --transform-job-name NAME --model-name MODEL
#       --transform-input 'DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://BUCKET/in/}}'
#       --transform-output S3OutputPath=s3://BUCKET/out/,KmsKeyId=KEY_ARN
#       --transform-resources InstanceType=ml.m5.xlarge,InstanceCount=1,VolumeKmsKeyId=KEY_ARN
#     terraform: |-
#       # Transform jobs run from a SageMaker pipeline: the Transform step's Arguments are the
#       # CreateTransformJob request.
#       resource "aws_sagemaker_pipeline" "score" {
#         pipeline_name         = "score"
#         pipeline_display_name = "score"
#         role_arn              = aws_iam_role.pipeline.arn
#         pipeline_definition = jsonencode({
#           Version = "2020-12-01"
#           Steps = [{
#             Name = "Score"
#             Type = "Transform"
#             Arguments = {
#               ModelName          = aws_sagemaker_model.scorer.name
#               TransformResources = { InstanceType = "ml.m5.xlarge", InstanceCount = 1, VolumeKmsKeyId = aws_kms_key.data.arn }
#               TransformOutput    = { S3OutputPath = "s3://${aws_s3_bucket.scores.bucket}/out/", KmsKeyId = aws_kms_key.data.arn }
#               # TransformInput ...
#             }
#           }]
#         })
#       }
#     cloudformation: |-
#       ScorePipeline:
#         Type: AWS::SageMaker::Pipeline
#         Properties:
#           PipelineName: score
#           RoleArn: !GetAtt PipelineRole.Arn
#           PipelineDefinition:
#             PipelineDefinitionBody: !Sub |
#               {"Version": "2020-12-01", "Steps": [{"Name": "Score", "Type": "Transform",
#                 "Arguments": {"ModelName": "${ScorerModel.ModelName}",
#                   "TransformInput": {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://${InputBucket}/in/"}}},
#                   "TransformOutput": {"S3OutputPath": "s3://${ScoresBucket}/out/", "KmsKeyId": "${DataKey.Arn}"},
#                   "TransformResources": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeKmsKeyId": "${DataKey.Arn}"}}}]}
#   references:
#     - id: TransformResources VolumeKmsKeyId (no key with local instance storage)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformResources.html
#     - id: TransformOutput KmsKeyId (default KMS key for Amazon S3)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformOutput.html
package cafscan.controls.sagemaker_transform_job_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms
import data.cafscan.lib.sagemaker_instances as instances

recorded if count(lib.configuration) > 0

# --- the instances' storage volume ---------------------------------------------------------------

resources := object.get(lib.configuration, "TransformResources", {})

volume_key if has_key(resources, "VolumeKmsKeyId")

# AWS rejects a VolumeKmsKeyId on local instance storage (see METADATA).
hardware_encrypted if instances.local_storage(resources.InstanceType)

type_known if instances.family(resources.InstanceType)

missing contains "the transform job's configuration is not in the inventory" if not recorded

missing contains "the transform job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown" if {
	recorded
	not volume_key
	not type_known
}

# Without a configuration the type is unknown, so type_known rules that case out.
violations contains concat("", ["Transform job ", lib.label, " does not encrypt its instance storage volumes with a KMS key."]) if {
	not volume_key
	not hardware_encrypted
	type_known
}

# A key named by its AWS managed alias is named (AWS accepted it, so the storage takes a key) but
# is not a customer managed key, whatever the instance type.
violations contains concat("", ["Transform job ", lib.label, " encrypts its instance storage volumes with the AWS managed key ", lib.text(resources.VolumeKmsKeyId), " (TransformResources.VolumeKmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(resources.VolumeKmsKeyId)
}

# --- inference results in S3 -------------------------------------------------------------------

output := lib.configuration.TransformOutput

has_output if is_object(output)

# TransformOutput is required by CreateTransformJob: absent means not recorded, not "no key".
missing contains "the transform job's output configuration is not in the inventory" if {
	recorded
	not has_output
}

violations contains concat("", ["Transform job ", lib.label, " does not encrypt its results with a customer managed KMS key (TransformOutput.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."]) if {
	has_output
	not has_key(output, "KmsKeyId")
}

violations contains concat("", ["Transform job ", lib.label, " encrypts its results with the AWS managed key ", lib.text(output.KmsKeyId), " (TransformOutput.KmsKeyId), not a customer managed KMS key."]) if {
	has_output
	kms.aws_managed_alias(output.KmsKeyId)
}

has_key(obj, key) if {
	is_string(obj[key])
	obj[key] != ""
}
