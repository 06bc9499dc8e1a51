package cafscan.tests.sagemaker_training_job_network_isolation

import data.cafscan.testing

id := "CAFAI-IP-07"

job(configuration) := {
	"type": "AWS::SageMaker::TrainingJob", "id": "train-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/train-1",
	"name": "train-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"TrainingJobName": "train-1", "TrainingJobStatus": "Completed", "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1}}

test_fails_when_disabled if {
	r := job(object.union(base, {"EnableNetworkIsolation": false}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Training job train-1 does not have network isolation enabled."]
}

test_fails_when_absent if testing.status(id, job(base)) == "fail"

test_fails_when_false_as_string if testing.status(id, job(object.union(base, {"EnableNetworkIsolation": "false"}))) == "fail"

test_passes_when_enabled if testing.status(id, job(object.union(base, {"EnableNetworkIsolation": true}))) == "pass"

test_passes_when_enabled_as_string if testing.status(id, job(object.union(base, {"EnableNetworkIsolation": "True"}))) == "pass"

test_not_evaluated_without_configuration if testing.status(id, job({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job(base), {"type": "AWS::SageMaker::Model"}))
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, job({})) == ["the training job's configuration is not in the inventory"]
}

test_judges_a_configuration_with_a_single_recorded_field if {
	testing.status(id, job({"EnableNetworkIsolation": true})) == "pass"
}
