# METADATA
# title: SageMaker processing jobs encrypt their volumes and S3 output with a KMS key
# description: >-
#   The processing job names a KMS key for the storage volumes attached to its instances
#   (ProcessingResources.ClusterConfig.VolumeKmsKeyId) and, when it writes outputs to S3, for
#   those outputs (ProcessingOutputConfig.KmsKeyId), so the data it processes on disk and the
#   data sets it produces are protected by a key whose use is controlled and logged. The volume
#   key is not required when the job runs on an instance type with local NVMe instance storage
#   (the ml.*d* families and ml.g5, ml.g6, ml.p5, ml.trn1 and the like): SageMaker then uses the
#   instance store, which AWS encrypts in hardware, and rejects a VolumeKmsKeyId. Without
#   ProcessingOutputConfig.KmsKeyId SageMaker encrypts S3 outputs with the account's AWS managed
#   key for S3 (aws/s3), whose policy nobody controls: that fails. A job with no S3 output (none
#   at all, or only Feature Store outputs) has nothing to check there. A job whose instance type
#   is not in the inventory leaves the volume part not evaluated. Naming an AWS managed key by its
#   alias (alias/aws/…) counts as no customer managed key and fails.
# custom:
#   id: CAFAI-DP-31
#   capability: data-protection
#   component: input
#   severity: high
#   resource_types: ["AWS::SageMaker::ProcessingJob"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that data collected and prepared for training be secured at
#     rest with controls that match its sensitivity. A processing job copies raw data onto its
#     instance volumes and writes the cleaned, joined feature sets back to S3; naming customer
#     managed keys for both keeps those copies under the same key policy and audit trail as the
#     source data, instead of defaults nobody reviews.
#   remediation:
#     console: >-
#       Processing jobs cannot be changed after they start: for the next run, set
#       ProcessingResources.ClusterConfig.VolumeKmsKeyId and ProcessingOutputConfig.KmsKeyId to a
#       customer managed KMS key (SageMaker Python SDK: volume_kms_key and output_kms_key on the
#       processor, or the pipeline's Processing step).
#     cli: >-
#       aws sagemaker create-processing-job --processing-job-name NAME --role-arn ROLE_ARN
#       --app-specification ImageUri=IMAGE_URI
#       --processing-resources 'ClusterConfig={InstanceCount=1,InstanceType=ml.m5.xlarge,VolumeSizeInGB=30,VolumeKmsKeyId=KEY_ARN}'
#       --processing-output-config file://outputs.json (with "KmsKeyId": "KEY_ARN")
#       --stopping-condition MaxRuntimeInSeconds=3600
#     terraform: |-
#       # Processing jobs run from a SageMaker pipeline: the Processing step's Arguments are the
#       # CreateProcessingJob request.
#       resource "aws_sagemaker_pipeline" "prep" {
#         pipeline_name         = "prep"
#         pipeline_display_name = "prep"
#         role_arn              = aws_iam_role.pipeline.arn
#         pipeline_definition = jsonencode({
#           Version = "2020-12-01"
#           Steps = [{
#             Name = "Prepare"
#             Type = "Processing"
#             Arguments = {
#               AppSpecification = { ImageUri = var.processing_image }
#               RoleArn          = aws_iam_role.processing.arn
#               ProcessingResources = { ClusterConfig = {
#                 InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30,
#                 VolumeKmsKeyId = aws_kms_key.data.arn
#               } }
#               ProcessingOutputConfig = { KmsKeyId = aws_kms_key.data.arn, Outputs = [ /* ... */ ] }
#               # ProcessingInputs, StoppingCondition ...
#             }
#           }]
#         })
#       }
#     cloudformation: |-
#       PrepPipeline:
#         Type: AWS::SageMaker::Pipeline
#         Properties:
#           PipelineName: prep
#           RoleArn: !GetAtt PipelineRole.Arn
#           PipelineDefinition:
#             PipelineDefinitionBody: !Sub |
#               {"Version": "2020-12-01", "Steps": [{"Name": "Prepare", "Type": "Processing",
#                 "Arguments": {"AppSpecification": {"ImageUri": "${ProcessingImage}"},
#                   "RoleArn": "${ProcessingRole.Arn}",
#                   "ProcessingResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge",
#                     "VolumeSizeInGB": 30, "VolumeKmsKeyId": "${DataKey.Arn}"}},
#                   "ProcessingOutputConfig": {"KmsKeyId": "${DataKey.Arn}", "Outputs": []},
#                   "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}}]}
#   references:
#     - id: ProcessingClusterConfig VolumeKmsKeyId (no key with local instance storage)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html
#     - id: ProcessingOutputConfig KmsKeyId (default KMS key for Amazon S3)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingOutputConfig.html
package cafscan.controls.sagemaker_processing_job_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms
import data.cafscan.lib.sagemaker_instances as instances

recorded if count(lib.configuration) > 0

# --- the instances' storage volume ---------------------------------------------------------------

cluster := object.get(object.get(lib.configuration, "ProcessingResources", {}), "ClusterConfig", {})

volume_key if has_key(cluster, "VolumeKmsKeyId")

# AWS rejects a VolumeKmsKeyId on local instance storage (see METADATA).
hardware_encrypted if instances.local_storage(cluster.InstanceType)

type_known if instances.family(cluster.InstanceType)

missing contains "the processing job's configuration is not in the inventory" if not recorded

missing contains "the processing job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown" if {
	recorded
	not volume_key
	not type_known
}

# Without a configuration the type is unknown, so type_known rules that case out.
violations contains concat("", ["Processing job ", lib.label, " does not encrypt its instance storage volumes with a KMS key."]) if {
	not volume_key
	not hardware_encrypted
	type_known
}

# A key named by its AWS managed alias is named (AWS accepted it, so the storage takes a key) but
# is not a customer managed key, whatever the instance type.
violations contains concat("", ["Processing job ", lib.label, " encrypts its instance storage volumes with the AWS managed key ", lib.text(cluster.VolumeKmsKeyId), " (ProcessingResources.ClusterConfig.VolumeKmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(cluster.VolumeKmsKeyId)
}

# --- outputs written to S3 ---------------------------------------------------------------------

output := object.get(lib.configuration, "ProcessingOutputConfig", {})

# The output key applies to S3 outputs; Feature Store outputs are encrypted by the feature group.
writes_to_s3 if {
	some out in object.get(output, "Outputs", [])
	is_object(out.S3Output)
}

violations contains concat("", ["Processing job ", lib.label, " does not encrypt its S3 outputs with a customer managed KMS key (ProcessingOutputConfig.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."]) if {
	writes_to_s3
	not has_key(output, "KmsKeyId")
}

violations contains concat("", ["Processing job ", lib.label, " encrypts its S3 outputs with the AWS managed key ", lib.text(output.KmsKeyId), " (ProcessingOutputConfig.KmsKeyId), not a customer managed KMS key."]) if {
	writes_to_s3
	kms.aws_managed_alias(output.KmsKeyId)
}

has_key(obj, key) if {
	is_string(obj[key])
	obj[key] != ""
}
