# METADATA
# title: SageMaker training jobs encrypt their volumes and output with a KMS key
# description: >-
#   The training job names a KMS key for the storage volumes attached to its instances
#   (ResourceConfig.VolumeKmsKeyId) and for the model artifacts it writes to S3
#   (OutputDataConfig.KmsKeyId), so training data on disk and the trained model at rest are
#   protected by a key whose use is controlled and logged.
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
#     - id: sagemaker_training_jobs_volume_and_output_encryption_enabled
#       source: Prowler
#     - id: GENSEC01-BP03
#       source: AWS Well-Architected Generative AI Lens
package cafscan.controls.sagemaker_training_job_kms_encryption

import data.cafscan.lib

recorded if count(lib.configuration) > 0

missing contains "the training job's configuration is not in the inventory" if not recorded

violations contains sprintf("Training job %s does not encrypt its instance storage volumes with a KMS key.", [lib.label]) if {
	recorded
	not has_key(object.get(lib.configuration, "ResourceConfig", {}), "VolumeKmsKeyId")
}

violations contains sprintf("Training job %s does not encrypt its output model artifacts with a KMS key.", [lib.label]) if {
	recorded
	not has_key(object.get(lib.configuration, "OutputDataConfig", {}), "KmsKeyId")
}

has_key(obj, key) if {
	is_string(obj[key])
	obj[key] != ""
}
