package cafscan.tests.sagemaker_processing_job_intercontainer_encryption

import data.cafscan.testing

id := "CAFAI-IP-33"

job(configuration) := {
	"type": "AWS::SageMaker::ProcessingJob", "id": "prep-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep-1",
	"name": "prep-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"ProcessingJobName": "prep-1"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

instances(n) := {"ProcessingResources": {"ClusterConfig": {"InstanceCount": n, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30}}}

test_passes_when_encrypted if {
	testing.status(id, job(object.union(instances(3), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": true}}))) == "pass"
	testing.status(id, job(object.union(instances(3), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": "true"}}))) == "pass"
}

test_fails_on_several_instances_without_encryption if {
	r := job(object.union(instances(4), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": false, "EnableNetworkIsolation": true}}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Processing job prep-1 does not encrypt the traffic between its 4 instances."]
}

# NetworkConfig is optional and the flag defaults to false.
test_fails_on_the_default_when_absent if {
	testing.status(id, job(instances(2))) == "fail"
	testing.status(id, job(object.union(instances(2), {"NetworkConfig": {}}))) == "fail"
}

test_not_applicable_on_a_single_instance if {
	testing.not_applicable(id, job(instances(1)))
}

test_not_evaluated_when_the_instance_count_is_unknown if {
	r := job({"ProcessingResources": {"ClusterConfig": {"InstanceType": "ml.m5.xlarge"}}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the processing job's instance count is not in the inventory, so whether its instances exchange traffic is unknown"]
	testing.status(id, job({})) == "not_evaluated"
}

# Encryption on settles it whatever the count.
test_passes_when_encrypted_and_the_count_is_unknown if {
	testing.status(id, job({"NetworkConfig": {"EnableInterContainerTrafficEncryption": true}})) == "pass"
}

test_not_evaluated_without_configuration if {
	r := json.patch(job({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the processing job's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(job(instances(2)), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job(instances(2)), {"type": "AWS::SageMaker::TrainingJob"}))
}

test_fails_when_the_flag_is_the_string_false if {
	testing.status(id, job(object.union(instances(2), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": "false"}}))) == "fail"
}

# A count that is not a number is not a count: unknown, never a pass.
test_not_evaluated_when_the_instance_count_is_not_a_number if {
	testing.status(id, job(instances("2"))) == "not_evaluated"
}
