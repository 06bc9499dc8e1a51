package cafscan.tests.sagemaker_model_quality_job_intercontainer_encryption

import data.cafscan.testing

id := "CAFAI-IP-46"

definition(configuration) := {
	"type": "AWS::SageMaker::ModelQualityJobDefinition", "id": "churn-monitor",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model-quality-job-definition/churn-monitor",
	"name": "churn-monitor", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"JobDefinitionName": "churn-monitor", "RoleArn": "arn:aws:iam::111122223333:role/monitor"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

instances(n) := {"JobResources": {"ClusterConfig": {"InstanceCount": n, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 20}}}

test_not_evaluated_without_configuration if {
	r := json.patch(definition({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the job definition's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(definition(instances(2)), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(definition(instances(2)), {"type": "AWS::SageMaker::MonitoringSchedule"}))
}

test_passes_when_encrypted if {
	testing.status(id, definition(object.union(instances(3), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": true}}))) == "pass"
	testing.status(id, definition(object.union(instances(3), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": "true"}}))) == "pass"
}

test_fails_on_several_instances_without_encryption if {
	r := definition(object.union(instances(4), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": false, "EnableNetworkIsolation": true}}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model quality job definition churn-monitor does not encrypt the traffic between its 4 instances."]
}

# NetworkConfig is optional and the flag defaults to false.
test_fails_on_the_default_when_absent if {
	testing.status(id, definition(instances(2))) == "fail"
	testing.status(id, definition(object.union(instances(2), {"NetworkConfig": {}}))) == "fail"
	testing.status(id, definition(object.union(instances(2), {"NetworkConfig": null}))) == "fail"
}

test_fails_when_the_flag_is_the_string_false if {
	testing.status(id, definition(object.union(instances(2), {"NetworkConfig": {"EnableInterContainerTrafficEncryption": "false"}}))) == "fail"
}

test_not_applicable_on_a_single_instance if {
	testing.not_applicable(id, definition(instances(1)))
}

test_not_evaluated_when_the_instance_count_is_unknown if {
	r := definition({"JobResources": {"ClusterConfig": {"InstanceType": "ml.m5.xlarge"}}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the job definition's instance count is not in the inventory, so whether its instances exchange traffic is unknown"]
	testing.status(id, definition({})) == "not_evaluated"
}

# A count that is not a number is not a count: unknown, never a pass.
test_not_evaluated_when_the_instance_count_is_not_a_number if {
	testing.status(id, definition(instances("2"))) == "not_evaluated"
}

# Encryption on settles it whatever the count.
test_passes_when_encrypted_and_the_count_is_unknown if {
	testing.status(id, definition({"NetworkConfig": {"EnableInterContainerTrafficEncryption": true}})) == "pass"
}
