# METADATA
# title: SageMaker training jobs encrypt their volumes and output with a KMS key
# description: >-
#   The training job names a KMS key for the storage volumes attached to its instances
#   (ResourceConfig.VolumeKmsKeyId) and for the model artifacts it writes to S3
#   (OutputDataConfig.KmsKeyId), so training data on disk and the trained model at rest are
#   protected by a key whose use is controlled and logged. The volume key is not required when
#   the job runs on an instance type with local NVMe instance storage (ml.*d* families such as
#   ml.c5d, ml.m5d, ml.r5d, ml.g4dn, ml.p3dn, ml.p4d, ml.p4de, and ml.g5, ml.g6, ml.g6e,
#   ml.p5, ml.p5e, ml.p5en, ml.trn1, ml.trn1n, ml.trn2): SageMaker then uses the instance
#   store, which AWS encrypts in hardware, and rejects a VolumeKmsKeyId. Without
#   OutputDataConfig.KmsKeyId SageMaker encrypts the artifacts with the account's AWS managed
#   key for S3 (aws/s3), whose policy nobody controls: that fails, except for output to an S3
#   Express One Zone directory bucket, where SageMaker supports no KMS key. A job whose instance type
#   or output configuration is not in the inventory leaves that part not evaluated. Naming an AWS
#   managed key by its alias (alias/aws/…) counts as no customer managed key and fails.
# custom:
#   id: CAFAI-DP-07
#   capability: data-protection
#   component: model
#   severity: high
#   resource_types: ["AWS::SageMaker::TrainingJob"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that data collected for pre-training and fine-tuning be
#     secured at rest, and that data stores feeding models be guarded against manipulation.
#     A training job copies that data onto instance volumes and produces the model artifact;
#     naming customer managed keys for both keeps the copy and the result under the same key
#     policy and audit trail as the source data, instead of defaults nobody reviews.
#   remediation:
#     console: >-
#       Training jobs cannot be changed after they start: for the next run, in SageMaker AI >
#       Training jobs > Create training job, set "Encryption key" under Resource configuration
#       and "Encryption key" under Output data configuration to a customer managed KMS key
#       (or set VolumeKmsKeyId / OutputDataConfig.KmsKeyId in your pipeline or SDK estimator).
#     cli: >-
#       aws sagemaker create-training-job ... --resource-config
#       InstanceType=ml.m5.xlarge,InstanceCount=1,VolumeSizeInGB=50,VolumeKmsKeyId=KEY_ARN
#       --output-data-config S3OutputPath=s3://BUCKET/output,KmsKeyId=KEY_ARN
#   references:
#     - id: ResourceConfig VolumeKmsKeyId (no key with local instance storage)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html
#     - id: OutputDataConfig KmsKeyId (default KMS key for Amazon S3)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OutputDataConfig.html
package cafscan.controls.sagemaker_training_job_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms
import data.cafscan.lib.sagemaker_instances as instances

recorded if count(lib.configuration) > 0

# --- the instances' storage volume ---------------------------------------------------------------

resources := lib.configuration.ResourceConfig

volume_key if has_key(resources, "VolumeKmsKeyId")

# The job's instance types: ResourceConfig.InstanceType, or each group of a heterogeneous cluster.
instance_types := array.concat(
	instances.types_of(resources),
	[t | some group in object.get(resources, "InstanceGroups", []); some t in instances.types_of(group)],
) if is_object(resources)

# AWS rejects a VolumeKmsKeyId on local instance storage (see METADATA).
hardware_encrypted if {
	some t in instance_types
	instances.local_storage(t)
}

has_resources if is_object(resources)

volume_unknown if not has_resources

volume_unknown if count(instance_types) == 0

missing contains "the training job's configuration is not in the inventory" if not recorded

# A hardware-encrypted type is a known type, so volume_unknown already rules that case out.
missing contains "the training job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown" if {
	recorded
	not volume_key
	volume_unknown
}

# Without a configuration there are no resources, so volume_unknown rules that case out.
violations contains concat("", ["Training job ", lib.label, " does not encrypt its instance storage volumes with a KMS key."]) if {
	not volume_key
	not hardware_encrypted
	not volume_unknown
}

# A key named by its AWS managed alias is named (AWS accepted it, so the storage takes a key) but
# is not a customer managed key, whatever the instance type.
violations contains concat("", ["Training job ", lib.label, " encrypts its instance storage volumes with the AWS managed key ", lib.text(resources.VolumeKmsKeyId), " (ResourceConfig.VolumeKmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(resources.VolumeKmsKeyId)
}

# --- output model artifacts ------------------------------------------------------------------------

output := lib.configuration.OutputDataConfig

has_output if is_object(output)

# OutputDataConfig is required by CreateTrainingJob: absent means not recorded, not "no key".
missing contains "the training job's output data configuration is not in the inventory" if {
	recorded
	not has_output
}

# Output to an S3 Express One Zone directory bucket ("<name>--<zone-id>--x-s3") is encrypted with
# SSE-S3 and SageMaker does not support a KMS key there (OutputDataConfig reference in METADATA).
express_one_zone if {
	path := output.S3OutputPath
	is_string(path)
	startswith(path, "s3://")
	bucket := split(trim_prefix(path, "s3://"), "/")[0]
	endswith(bucket, "--x-s3")
}

violations contains concat("", ["Training job ", lib.label, " does not encrypt its output model artifacts with a customer managed KMS key (OutputDataConfig.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."]) if {
	has_output
	not has_key(output, "KmsKeyId")
	not express_one_zone
}

violations contains concat("", ["Training job ", lib.label, " encrypts its output model artifacts with the AWS managed key ", lib.text(output.KmsKeyId), " (OutputDataConfig.KmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(output.KmsKeyId)
}

has_key(obj, key) if {
	is_string(obj[key])
	obj[key] != ""
}
