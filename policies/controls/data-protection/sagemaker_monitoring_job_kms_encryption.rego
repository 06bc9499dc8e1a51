# METADATA
# title: SageMaker monitoring jobs encrypt their volumes and reports with a KMS key
# description: >-
#   A Model Monitor job — a data quality, model quality, model bias or model explainability job
#   definition, or the job a monitoring schedule carries inline — names a KMS key for the storage
#   volumes of its instances (ClusterConfig.VolumeKmsKeyId) and for the reports it writes to S3
#   (the output config's KmsKeyId). The volume key is not required on instance types with local
#   NVMe instance storage (ml.*d*, ml.g5, ml.p5 and the like), which AWS encrypts in hardware and
#   for which SageMaker rejects a volume key. Without the output key the reports get only the
#   bucket's default encryption. A schedule that names a job definition is not checked itself:
#   the definition is. A job whose instance type is not in the inventory leaves the volume part
#   not evaluated. Naming an AWS managed key by its alias (alias/aws/…) counts as no customer
#   managed key and fails.
# custom:
#   id: CAFAI-DP-40
#   capability: data-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::DataQualityJobDefinition", "AWS::SageMaker::ModelQualityJobDefinition", "AWS::SageMaker::ModelBiasJobDefinition", "AWS::SageMaker::ModelExplainabilityJobDefinition", "AWS::SageMaker::MonitoringSchedule"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that output data be protected at rest with controls that match
#     its sensitivity. A monitoring job copies captured production requests and predictions onto
#     its instance volumes and writes violation reports and statistics that quote them back to
#     S3; customer managed keys on both keep those copies under a key policy and audit trail you
#     control, like the captured data they come from.
#   remediation:
#     console: >-
#       Job definitions cannot be changed: create a new one with
#       JobResources.ClusterConfig.VolumeKmsKeyId and the output config's KmsKeyId set to a
#       customer managed key (SageMaker Python SDK: volume_kms_key and output_kms_key on the
#       monitor), point the schedule at it (UpdateMonitoringSchedule) and delete the old one. For
#       a schedule with an inline job, update the schedule with both keys.
#     cli: >-
#       aws sagemaker create-data-quality-job-definition --job-definition-name NAME
#       --role-arn ROLE_ARN --data-quality-app-specification ImageUri=IMAGE_URI
#       --data-quality-job-input file://input.json
#       --data-quality-job-output-config '{"KmsKeyId": "KEY_ARN", "MonitoringOutputs": [{"S3Output": {"S3Uri": "s3://BUCKET/reports", "LocalPath": "/opt/ml/processing/output"}}]}'
#       --job-resources 'ClusterConfig={InstanceCount=1,InstanceType=ml.m5.xlarge,VolumeSizeInGB=20,VolumeKmsKeyId=KEY_ARN}'
#     terraform: |-
#       resource "aws_sagemaker_data_quality_job_definition" "monitor" {
#         name     = "churn-data-quality"
#         role_arn = aws_iam_role.monitor.arn
#         job_resources {
#           cluster_config {
#             instance_count    = 1
#             instance_type     = "ml.m5.xlarge"
#             volume_size_in_gb = 20
#             volume_kms_key_id = aws_kms_key.monitoring.arn
#           }
#         }
#         data_quality_job_output_config {
#           kms_key_id = aws_kms_key.monitoring.arn
#           monitoring_outputs {
#             s3_output { s3_uri = "s3://${aws_s3_bucket.monitoring.bucket}/reports" }
#           }
#         }
#         # data_quality_app_specification, data_quality_job_input ...
#       }
#     cloudformation: |-
#       Monitor:
#         Type: AWS::SageMaker::DataQualityJobDefinition
#         Properties:
#           RoleArn: !GetAtt MonitorRole.Arn
#           DataQualityAppSpecification: { ImageUri: MODEL_MONITOR_IMAGE_URI }
#           DataQualityJobInput: { EndpointInput: { EndpointName: !Ref EndpointName, LocalPath: /opt/ml/processing/input } }
#           DataQualityJobOutputConfig:
#             KmsKeyId: !GetAtt MonitoringKey.Arn
#             MonitoringOutputs: [{ S3Output: { S3Uri: !Sub "s3://${MonitoringBucket}/reports", LocalPath: /opt/ml/processing/output } }]
#           JobResources:
#             ClusterConfig: { InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 20, VolumeKmsKeyId: !GetAtt MonitoringKey.Arn }
#   references:
#     - id: MonitoringClusterConfig VolumeKmsKeyId
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringClusterConfig.html
#     - id: MonitoringOutputConfig KmsKeyId (optional)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringOutputConfig.html
package cafscan.controls.sagemaker_monitoring_job_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms
import data.cafscan.lib.sagemaker_instances as instances
import data.cafscan.lib.sagemaker_monitoring_jobs as jobs

schedule if input.resource.type == "AWS::SageMaker::MonitoringSchedule"

# A schedule that names a job definition runs it, and this control judges the definition itself:
# one gap, one finding.
out_of_scope if {
	schedule
	not jobs.inline_job
	jobs.definition_name
}

nouns := {
	"AWS::SageMaker::DataQualityJobDefinition": "Data quality job definition",
	"AWS::SageMaker::ModelQualityJobDefinition": "Model quality job definition",
	"AWS::SageMaker::ModelBiasJobDefinition": "Model bias job definition",
	"AWS::SageMaker::ModelExplainabilityJobDefinition": "Model explainability job definition",
	"AWS::SageMaker::MonitoringSchedule": "Monitoring schedule",
}

# The job's cluster and output config, and the names of their key fields, for messages.
job := {
	"cluster": jobs.definition_cluster,
	"volume_field": "JobResources.ClusterConfig.VolumeKmsKeyId",
	"output": object.get(lib.configuration, concat("", [prefix, "JobOutputConfig"]), {}),
	"output_field": concat("", [prefix, "JobOutputConfig.KmsKeyId"]),
} if {
	some prefix, type in jobs.definition_types
	type == input.resource.type
}

job := {
	# A null MonitoringResources or output config is no settings, as an absent one (not undefined).
	"cluster": jobs.field_object(jobs.field_object(jobs.inline_job, "MonitoringResources"), "ClusterConfig"),
	"volume_field": "MonitoringJobDefinition.MonitoringResources.ClusterConfig.VolumeKmsKeyId",
	"output": jobs.field_object(jobs.inline_job, "MonitoringOutputConfig"),
	"output_field": "MonitoringJobDefinition.MonitoringOutputConfig.KmsKeyId",
} if schedule

missing contains jobs.unrecorded_reason if {
	not schedule
	not jobs.recorded
}

# A schedule reaching this carries its job inline or says nothing of it (see out_of_scope).
missing contains reason if {
	schedule
	some reason in jobs.schedule_job_missing
}

# --- the instances' storage volumes ------------------------------------------------------------

volume_key if has_key(job.cluster, "VolumeKmsKeyId")

# AWS rejects a VolumeKmsKeyId on local instance storage (see METADATA).
hardware_encrypted if instances.local_storage(job.cluster.InstanceType)

type_known if instances.family(job.cluster.InstanceType)

missing contains "the monitoring job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown" if {
	jobs.recorded
	job
	not volume_key
	not type_known
}

violations contains concat("", [nouns[input.resource.type], " ", lib.label, " does not encrypt its instance storage volumes with a KMS key."]) if {
	not volume_key
	not hardware_encrypted
	type_known
}

# A key named by its AWS managed alias is named (AWS accepted it, so the storage takes a key) but
# is not a customer managed key, whatever the instance type.
violations contains concat("", [nouns[input.resource.type], " ", lib.label, " encrypts its instance storage volumes with the AWS managed key ", lib.text(job.cluster.VolumeKmsKeyId), " (", job.volume_field, "), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(job.cluster.VolumeKmsKeyId)
}

# --- reports written to S3 (a monitoring job's only kind of output) ------------------------------

violations contains concat("", [nouns[input.resource.type], " ", lib.label, " names no KMS key for its monitoring reports in S3 (", job.output_field, " is not set), so they get only the bucket's default encryption."]) if {
	job

	# lint-rego: allow not-call-on-field — job, when defined, always has an output object ({} when absent)
	not has_key(job.output, "KmsKeyId")
}

violations contains concat("", [nouns[input.resource.type], " ", lib.label, " encrypts its monitoring reports in S3 with the AWS managed key ", lib.text(job.output.KmsKeyId), " (", job.output_field, "), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(job.output.KmsKeyId)
}

has_key(obj, key) if {
	is_string(obj[key])
	obj[key] != ""
}
