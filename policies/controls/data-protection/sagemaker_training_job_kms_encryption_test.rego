package cafscan.tests.sagemaker_training_job_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-07"

job(configuration) := {
	"type": "AWS::SageMaker::TrainingJob", "id": "train-1", "arn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/train-1",
	"name": "train-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

key := "arn:aws:kms:us-east-1:111122223333:key/1234"

test_passes_with_both_keys if {
	testing.status(id, job({"TrainingJobName": "train-1", "ResourceConfig": {"VolumeKmsKeyId": key}, "OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": key}})) == "pass"
}

test_fails_without_keys if {
	j := job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceType": "ml.m5.large"}, "OutputDataConfig": {"S3OutputPath": "s3://b/o"}})
	testing.status(id, j) == "fail"
	testing.messages(id, j) == [
		"Training job train-1 does not encrypt its instance storage volumes with a KMS key.",
		"Training job train-1 does not encrypt its output model artifacts with a KMS key.",
	]
}

test_fails_with_only_the_volume_key if {
	testing.status(id, job({"ResourceConfig": {"VolumeKmsKeyId": key}, "OutputDataConfig": {"KmsKeyId": ""}})) == "fail"
}

test_not_evaluated_without_configuration if testing.status(id, job({})) == "not_evaluated"

test_not_applicable_to_models if testing.not_applicable(id, object.union(job({}), {"type": "AWS::SageMaker::Model"}))
