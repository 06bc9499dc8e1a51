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
	testing.messages(id, j) == [volume_message, output_message]
}

test_fails_with_only_the_volume_key if {
	testing.status(id, job({"ResourceConfig": {"VolumeKmsKeyId": key}, "OutputDataConfig": {"KmsKeyId": ""}})) == "fail"
}

output_message := "Training job train-1 does not encrypt its output model artifacts with a customer managed KMS key (OutputDataConfig.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."

volume_message := "Training job train-1 does not encrypt its instance storage volumes with a KMS key."

# AWS rejects a VolumeKmsKeyId on local NVMe instance storage, which it encrypts in hardware.
test_passes_without_a_volume_key_on_instance_storage_types if {
	every t in ["ml.g5.2xlarge", "ml.p4d.24xlarge", "ml.p4de.24xlarge", "ml.g4dn.xlarge", "ml.m5d.large", "ml.c5d.xlarge", "ml.r5d.large", "ml.p5.48xlarge", "ml.p5en.48xlarge", "ml.g6.xlarge", "ml.trn1.32xlarge", "ml.trn1n.32xlarge", "ml.p3dn.24xlarge"] {
		testing.status(id, job({"ResourceConfig": {"InstanceType": t, "InstanceCount": 1}, "OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": key}})) == "pass"
	}
}

test_output_key_still_required_on_instance_storage_types if {
	j := job({"ResourceConfig": {"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 1}, "OutputDataConfig": {"S3OutputPath": "s3://b/o"}})
	testing.messages(id, j) == [output_message]
}

test_fails_on_ebs_only_types if {
	every t in ["ml.m5.xlarge", "ml.c5.xlarge", "ml.p3.2xlarge", "ml.p2.xlarge", "ml.inf2.xlarge"] {
		j := job({"ResourceConfig": {"InstanceType": t, "InstanceCount": 1}, "OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": key}})
		testing.messages(id, j) == [volume_message]
	}
}

test_heterogeneous_cluster_with_instance_storage if {
	groups := [{"InstanceGroupName": "a", "InstanceType": "ml.m5.xlarge", "InstanceCount": 1}, {"InstanceGroupName": "b", "InstanceType": "ml.g5.xlarge", "InstanceCount": 1}]
	testing.status(id, job({"ResourceConfig": {"InstanceGroups": groups}, "OutputDataConfig": {"KmsKeyId": key}})) == "pass"
	testing.messages(id, job({"ResourceConfig": {"InstanceGroups": [groups[0]]}, "OutputDataConfig": {"KmsKeyId": key}})) == [volume_message]
}

test_not_evaluated_when_the_instance_type_is_unknown if {
	j := job({"ResourceConfig": {"InstanceCount": 1}, "OutputDataConfig": {"KmsKeyId": key}})
	testing.status(id, j) == "not_evaluated"
	testing.messages(id, j) == ["the training job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown"]
}

test_not_evaluated_without_output_config if {
	j := job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": key}})
	testing.status(id, j) == "not_evaluated"
	testing.messages(id, j) == ["the training job's output data configuration is not in the inventory"]
}

test_not_evaluated_without_configuration if testing.status(id, job({})) == "not_evaluated"

test_not_applicable_to_models if testing.not_applicable(id, object.union(job({}), {"type": "AWS::SageMaker::Model"}))

test_not_evaluated_without_resource_config if {
	testing.status(id, job({"TrainingJobName": "train-1", "OutputDataConfig": {"KmsKeyId": key}})) == "not_evaluated"
}

# SageMaker supports no KMS key for output to S3 Express One Zone (SSE-S3 only).
test_output_key_not_required_for_express_one_zone_output if {
	j := job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": key}, "OutputDataConfig": {"S3OutputPath": "s3://models--use1-az4--x-s3/out/"}})
	testing.status(id, j) == "pass"
	testing.status(id, job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": key}, "OutputDataConfig": {"S3OutputPath": "s3://models-x-s3/out/"}})) == "fail"
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, job({})) == ["the training job's configuration is not in the inventory"]
}

# Config snapshots write null for an unset key: null is no key.
test_null_keys_are_no_keys if {
	j := job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": null}, "OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": null}})
	testing.messages(id, j) == [volume_message, output_message]
}

# S3OutputPath must be an s3:// URI; anything else is not taken for a directory bucket.
test_output_path_without_the_s3_scheme_is_not_express_one_zone if {
	j := job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": key}, "OutputDataConfig": {"S3OutputPath": "models--use1-az4--x-s3/out/"}})
	testing.messages(id, j) == [output_message]
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
aws_managed_aliases := ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"]

test_fails_with_an_aws_managed_output_key_alias if {
	every k in aws_managed_aliases {
		j := job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": key}, "OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": k}})
		testing.status(id, j) == "fail"
		testing.messages(id, j) == [sprintf("Training job train-1 encrypts its output model artifacts with the AWS managed key %s (OutputDataConfig.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_fails_with_an_aws_managed_volume_key_alias if {
	every k in ["alias/aws/ebs", "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/ebs"] {
		j := job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": k}, "OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": key}})
		testing.messages(id, j) == [sprintf("Training job train-1 encrypts its instance storage volumes with the AWS managed key %s (ResourceConfig.VolumeKmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	j := job({"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": "alias/ml-data"}, "OutputDataConfig": {"S3OutputPath": "s3://b/o", "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"}})
	testing.status(id, j) == "pass"
}
