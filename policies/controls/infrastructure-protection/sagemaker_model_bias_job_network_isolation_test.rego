package cafscan.tests.sagemaker_model_bias_job_network_isolation

import data.cafscan.testing

id := "CAFAI-IP-42"

definition(configuration) := {
	"type": "AWS::SageMaker::ModelBiasJobDefinition", "id": "churn-monitor",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model-bias-job-definition/churn-monitor",
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

test_passes_when_isolated if {
	testing.status(id, definition({"NetworkConfig": {"EnableNetworkIsolation": true}})) == "pass"
	testing.status(id, definition({"NetworkConfig": {"EnableNetworkIsolation": "True"}})) == "pass"
}

test_fails_when_isolation_is_off if {
	r := definition({"NetworkConfig": {"EnableNetworkIsolation": false, "EnableInterContainerTrafficEncryption": true}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model bias job definition churn-monitor does not have network isolation enabled."]
}

# NetworkConfig is optional and EnableNetworkIsolation defaults to false.
test_fails_on_the_default_when_absent if {
	testing.status(id, definition(instances(1))) == "fail"
	testing.status(id, definition({"NetworkConfig": {}})) == "fail"
	testing.status(id, definition({"NetworkConfig": null})) == "fail"
}

test_fails_when_the_flag_is_the_string_false if {
	testing.status(id, definition({"NetworkConfig": {"EnableNetworkIsolation": "false"}})) == "fail"
}

# The id stands in for a name that is not recorded.
test_names_the_definition_by_id_without_a_name if {
	r := object.union(definition({}), {"name": null})
	testing.messages(id, r) == ["Model bias job definition churn-monitor does not have network isolation enabled."]
}
