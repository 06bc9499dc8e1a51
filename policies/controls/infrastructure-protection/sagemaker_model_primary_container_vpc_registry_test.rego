package cafscan.tests.sagemaker_model_primary_container_vpc_registry

import data.cafscan.testing

id := "CAFAI-IP-50"

model(configuration) := {
	"type": "AWS::SageMaker::Model", "id": "churn",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model/churn",
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"ModelName": "churn", "ExecutionRoleArn": "arn:aws:iam::111122223333:role/model"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

primary(mode) := {"PrimaryContainer": {"Image": "registry.internal.example:5000/churn:3", "ImageConfig": {"RepositoryAccessMode": mode}}}

test_fails_on_platform_access if {
	r := model(primary("Platform"))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model churn's primary container pulls its image with RepositoryAccessMode Platform, not from a private registry in the VPC (Vpc)."]
}

test_passes_on_vpc_access if testing.status(id, model(primary("Vpc"))) == "pass"

test_mode_is_case_sensitive_as_the_api if testing.status(id, model(primary("vpc"))) == "fail"

# No ImageConfig: AWS's documented meaning is an Amazon ECR image pulled by the platform.
test_fails_on_the_default_without_image_config if {
	r := model({"PrimaryContainer": {"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/churn:3"}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model churn's primary container has no ImageConfig: its image is pulled from Amazon ECR by the SageMaker platform (Platform), not from a private registry in the VPC."]
}

test_fails_on_the_default_with_an_empty_or_null_mode if {
	testing.status(id, model({"PrimaryContainer": {"Image": "x", "ImageConfig": {}}})) == "fail"
	testing.status(id, model({"PrimaryContainer": {"Image": "x", "ImageConfig": null}})) == "fail"
	testing.status(id, model(primary(null))) == "fail"
}

# Config records an unused PrimaryContainer as null next to Containers.
test_not_applicable_to_multi_container_models if {
	testing.not_applicable(id, model({"PrimaryContainer": null, "Containers": [{"Image": "x"}]}))
	testing.not_applicable(id, model({"Containers": [{"Image": "x", "ImageConfig": {"RepositoryAccessMode": "Platform"}}]}))
}

test_primary_container_wins_over_containers if {
	testing.status(id, model(object.union(primary("Platform"), {"Containers": [{"Image": "x"}]}))) == "fail"
}

test_not_evaluated_without_container_definitions if {
	r := model({})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the model's container definitions are not in the inventory"]
	testing.status(id, model({"PrimaryContainer": null, "Containers": []})) == "not_evaluated"
	testing.status(id, model({"PrimaryContainer": "x"})) == "not_evaluated"
}

test_not_evaluated_without_configuration if {
	r := json.patch(model({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the model's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(model(primary("Platform")), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(model(primary("Platform")), {"type": "AWS::SageMaker::EndpointConfig"}))
}

# A configuration of one key is still a recorded one.
test_a_configuration_with_only_the_primary_container_is_evaluated if {
	r := json.patch(model({}), [{"op": "replace", "path": "/configuration", "value": primary("Vpc")}])
	testing.status(id, r) == "pass"
}
