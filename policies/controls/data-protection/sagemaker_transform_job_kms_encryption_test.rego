package cafscan.tests.sagemaker_transform_job_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-32"

key := "arn:aws:kms:us-east-1:111122223333:key/1234"

job(configuration) := {
	"type": "AWS::SageMaker::TransformJob", "id": "score-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:transform-job/score-1",
	"name": "score-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"TransformJobName": "score-1", "ModelName": "scorer"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

resources(extra) := {"TransformResources": object.union({"InstanceType": "ml.m5.xlarge", "InstanceCount": 1}, extra)}

out(extra) := {"TransformOutput": object.union({"S3OutputPath": "s3://scores/out/", "AssembleWith": "Line"}, extra)}

volume_message := "Transform job score-1 does not encrypt its instance storage volumes with a KMS key."

output_message := "Transform job score-1 does not encrypt its results with a customer managed KMS key (TransformOutput.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."

test_passes_with_both_keys if {
	testing.status(id, job(object.union(resources({"VolumeKmsKeyId": key}), out({"KmsKeyId": key})))) == "pass"
}

test_fails_without_keys if {
	r := job(object.union(resources({}), out({})))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == [volume_message, output_message]
}

test_each_missing_key_fails_alone if {
	testing.messages(id, job(object.union(resources({"VolumeKmsKeyId": key}), out({"KmsKeyId": ""})))) == [output_message]
	testing.messages(id, job(object.union(resources({}), out({"KmsKeyId": key})))) == [volume_message]
}

# AWS rejects a VolumeKmsKeyId on local NVMe instance storage, which it encrypts in hardware.
test_passes_without_a_volume_key_on_instance_storage_types if {
	every t in ["ml.g5.2xlarge", "ml.m5d.large", "ml.g4dn.xlarge", "ml.p4d.24xlarge"] {
		testing.status(id, job(object.union(resources({"InstanceType": t}), out({"KmsKeyId": key})))) == "pass"
	}
}

test_not_evaluated_when_the_instance_type_is_unknown if {
	r := job(out({"KmsKeyId": key}))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the transform job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown"]
}

test_volume_key_settles_an_unknown_instance_type if {
	testing.status(id, job(object.union({"TransformResources": {"VolumeKmsKeyId": key}}, out({"KmsKeyId": key})))) == "pass"
}

# TransformOutput is required by the API: its absence is a gap in the data, not a missing key.
test_not_evaluated_without_the_output_configuration if {
	r := job(resources({"VolumeKmsKeyId": key}))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the transform job's output configuration is not in the inventory"]
}

test_not_evaluated_without_configuration if {
	r := json.patch(job({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the transform job's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(job(object.union(resources({}), out({}))), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job(resources({})), {"type": "AWS::SageMaker::TrainingJob"}))
}

# A key id that is not a string is no key.
test_fails_when_the_output_key_is_not_a_string if {
	testing.messages(id, job(object.union(resources({"VolumeKmsKeyId": key}), out({"KmsKeyId": 7})))) == [output_message]
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_output_key_alias if {
	every k in ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"] {
		r := job(object.union(resources({"VolumeKmsKeyId": key}), out({"KmsKeyId": k})))
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Transform job score-1 encrypts its results with the AWS managed key %s (TransformOutput.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_fails_with_an_aws_managed_volume_key_alias if {
	every k in ["alias/aws/ebs", "arn:aws:kms:us-east-1:111122223333:alias/aws/ebs"] {
		r := job(object.union(resources({"VolumeKmsKeyId": k}), out({"KmsKeyId": key})))
		testing.messages(id, r) == [sprintf("Transform job score-1 encrypts its instance storage volumes with the AWS managed key %s (TransformResources.VolumeKmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_customer_aliases if {
	testing.status(id, job(object.union(resources({"VolumeKmsKeyId": "alias/ml-data"}), out({"KmsKeyId": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})))) == "pass"
}
