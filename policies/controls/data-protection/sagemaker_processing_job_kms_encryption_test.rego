package cafscan.tests.sagemaker_processing_job_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-31"

key := "arn:aws:kms:us-east-1:111122223333:key/1234"

job(configuration) := {
	"type": "AWS::SageMaker::ProcessingJob", "id": "prep-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep-1",
	"name": "prep-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"ProcessingJobName": "prep-1"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

cluster(extra) := {"ProcessingResources": {"ClusterConfig": object.union({"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30}, extra)}}

s3_outputs(extra) := {"ProcessingOutputConfig": object.union({"Outputs": [{"OutputName": "features", "S3Output": {"S3Uri": "s3://features/prep", "LocalPath": "/opt/ml/processing/output", "S3UploadMode": "EndOfJob"}}]}, extra)}

volume_message := "Processing job prep-1 does not encrypt its instance storage volumes with a KMS key."

output_message := "Processing job prep-1 does not encrypt its S3 outputs with a customer managed KMS key (ProcessingOutputConfig.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."

test_passes_with_both_keys if {
	testing.status(id, job(object.union(cluster({"VolumeKmsKeyId": key}), s3_outputs({"KmsKeyId": key})))) == "pass"
}

test_fails_without_keys if {
	r := job(object.union(cluster({}), s3_outputs({})))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == [output_message, volume_message]
}

test_fails_with_only_the_volume_key if {
	r := job(object.union(cluster({"VolumeKmsKeyId": key}), s3_outputs({"KmsKeyId": ""})))
	testing.messages(id, r) == [output_message]
}

test_fails_with_only_the_output_key if {
	r := job(object.union(cluster({}), s3_outputs({"KmsKeyId": key})))
	testing.messages(id, r) == [volume_message]
}

# AWS rejects a VolumeKmsKeyId on local NVMe instance storage, which it encrypts in hardware.
test_passes_without_a_volume_key_on_instance_storage_types if {
	every t in ["ml.g5.2xlarge", "ml.m5d.large", "ml.p4d.24xlarge", "ml.trn1.32xlarge"] {
		testing.status(id, job(object.union(cluster({"InstanceType": t}), s3_outputs({"KmsKeyId": key})))) == "pass"
	}
}

# No S3 output (no output configuration, no outputs, or Feature Store outputs only): nothing to key.
test_output_key_not_needed_without_s3_outputs if {
	testing.status(id, job(cluster({"VolumeKmsKeyId": key}))) == "pass"
	testing.status(id, job(object.union(cluster({"VolumeKmsKeyId": key}), {"ProcessingOutputConfig": {"Outputs": []}}))) == "pass"
	feature_store := {"ProcessingOutputConfig": {"Outputs": [{"OutputName": "fs", "FeatureStoreOutput": {"FeatureGroupName": "customers"}}]}}
	testing.status(id, job(object.union(cluster({"VolumeKmsKeyId": key}), feature_store))) == "pass"
}

test_not_evaluated_when_the_instance_type_is_unknown if {
	r := job(s3_outputs({"KmsKeyId": key}))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the processing job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown"]
}

# A known gap elsewhere still shows, but an unknown volume wins (not_evaluated, never pass).
test_unknown_instance_type_with_a_missing_output_key_is_not_evaluated if {
	testing.status(id, job(s3_outputs({}))) == "not_evaluated"
}

test_volume_key_settles_an_unknown_instance_type if {
	testing.status(id, job(object.union({"ProcessingResources": {"ClusterConfig": {"VolumeKmsKeyId": key}}}, s3_outputs({"KmsKeyId": key})))) == "pass"
}

test_not_evaluated_without_configuration if {
	r := json.patch(job({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the processing job's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(job(object.union(cluster({}), s3_outputs({}))), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job(cluster({})), {"type": "AWS::SageMaker::TrainingJob"}))
}

# A key id that is not a string is no key.
test_fails_when_the_output_key_is_not_a_string if {
	testing.messages(id, job(object.union(cluster({"VolumeKmsKeyId": key}), s3_outputs({"KmsKeyId": 7})))) == [output_message]
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_output_key_alias if {
	every k in ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"] {
		r := job(object.union(cluster({"VolumeKmsKeyId": key}), s3_outputs({"KmsKeyId": k})))
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Processing job prep-1 encrypts its S3 outputs with the AWS managed key %s (ProcessingOutputConfig.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_fails_with_an_aws_managed_volume_key_alias if {
	every k in ["alias/aws/ebs", "arn:aws:kms:us-east-1:111122223333:alias/aws/ebs"] {
		r := job(object.union(cluster({"VolumeKmsKeyId": k}), s3_outputs({"KmsKeyId": key})))
		testing.messages(id, r) == [sprintf("Processing job prep-1 encrypts its instance storage volumes with the AWS managed key %s (ProcessingResources.ClusterConfig.VolumeKmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_customer_aliases if {
	testing.status(id, job(object.union(cluster({"VolumeKmsKeyId": "alias/ml-data"}), s3_outputs({"KmsKeyId": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})))) == "pass"
}
