package cafscan.tests.sagemaker_model_network_isolation

import data.cafscan.testing

id := "CAFAI-IP-04"

model(configuration) := {
	"type": "AWS::SageMaker::Model", "id": "classifier",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model/classifier",
	"name": "classifier", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"ModelName": "classifier", "PrimaryContainer": {"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/clf:1"}}

test_fails_when_disabled if {
	r := model(object.union(base, {"EnableNetworkIsolation": false}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model classifier does not have network isolation enabled."]
}

test_fails_when_absent if testing.status(id, model(base)) == "fail"

test_passes_when_enabled if testing.status(id, model(object.union(base, {"EnableNetworkIsolation": true}))) == "pass"

test_passes_when_enabled_as_string if testing.status(id, model(object.union(base, {"EnableNetworkIsolation": "true"}))) == "pass"

test_not_evaluated_without_configuration if testing.status(id, model({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(model(base), {"type": "AWS::SageMaker::EndpointConfig"}))
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, model({})) == ["the model's configuration is not in the inventory"]
}

test_judges_a_configuration_with_a_single_recorded_field if {
	testing.status(id, model({"EnableNetworkIsolation": true})) == "pass"
}

test_fails_when_false_as_string if testing.status(id, model(object.union(base, {"EnableNetworkIsolation": "false"}))) == "fail"
