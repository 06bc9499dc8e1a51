package cafscan.tests.sagemaker_training_job_vpc

import data.cafscan.testing

id := "CAFAI-IP-09"

job(configuration) := {
	"type": "AWS::SageMaker::TrainingJob", "id": "train-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/train-1",
	"name": "train-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"TrainingJobName": "train-1", "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1}}

test_fails_without_vpc_config if {
	r := job(base)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Training job train-1 does not run in a VPC: it has no VpcConfig subnets."]
}

test_fails_with_empty_subnets if {
	testing.status(id, job(object.union(base, {"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": []}}))) == "fail"
	testing.status(id, job(object.union(base, {"VpcConfig": null}))) == "fail"
}

test_passes_with_subnets if {
	testing.status(id, job(object.union(base, {"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["subnet-1", "subnet-2"]}}))) == "pass"
}

test_not_evaluated_without_configuration if testing.status(id, job({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job(base), {"type": "AWS::SageMaker::NotebookInstance"}))
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, job({})) == ["the training job's configuration is not in the inventory"]
}

test_judges_a_configuration_with_a_single_recorded_field if {
	testing.status(id, job({"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["subnet-1"]}})) == "pass"
}

# A subnet list that holds no subnet id (empty strings, nulls in a Config snapshot) is no VPC.
test_fails_when_no_listed_subnet_is_an_id if {
	every subnets in [[""], [null]] {
		testing.status(id, job(object.union(base, {"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": subnets}}))) == "fail"
	}
}
