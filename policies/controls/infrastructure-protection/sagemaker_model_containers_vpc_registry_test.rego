package cafscan.tests.sagemaker_model_containers_vpc_registry

import data.cafscan.testing

id := "CAFAI-IP-51"

model(configuration) := {
	"type": "AWS::SageMaker::Model", "id": "pipeline",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model/pipeline",
	"name": "pipeline", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"ModelName": "pipeline", "PrimaryContainer": null}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

container(hostname, mode) := {"ContainerHostname": hostname, "Image": "registry.internal.example:5000/x:1", "ImageConfig": {"RepositoryAccessMode": mode}}

test_fails_when_one_container_uses_the_platform if {
	r := model({"Containers": [container("pre", "Vpc"), container("predict", "Platform")]})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model pipeline pulls container images from outside a private registry in the VPC: container predict (Platform)."]
}

test_passes_when_every_container_uses_the_vpc if {
	testing.status(id, model({"Containers": [container("pre", "Vpc"), container("predict", "Vpc")]})) == "pass"
	testing.status(id, model({"Containers": [container("only", "Vpc")]})) == "pass"
}

# No ImageConfig: AWS's documented meaning is an Amazon ECR image pulled by the platform.
test_fails_on_the_default_and_names_containers_without_hostname_by_position if {
	r := model({"Containers": [container("pre", "Vpc"), {"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/p:1"}, {"ContainerHostname": "", "Image": "y", "ImageConfig": {}}]})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model pipeline pulls container images from outside a private registry in the VPC: container 2 (Platform (no ImageConfig)), container 3 (Platform (no ImageConfig))."]
}

test_a_single_container_object_is_read_as_a_list if {
	testing.status(id, model({"Containers": container("solo", "Platform")})) == "fail"
}

test_not_applicable_to_single_primary_container_models if {
	testing.not_applicable(id, model({"PrimaryContainer": {"Image": "x"}}))
	testing.not_applicable(id, model({"PrimaryContainer": {"Image": "x"}, "Containers": []}))
}

test_not_evaluated_on_an_unreadable_container_entry if {
	r := model({"Containers": [container("pre", "Vpc"), "predict"]})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["container 2 of the model is not a container definition in the inventory"]
}

test_not_evaluated_without_container_definitions if {
	r := model({})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the model's container definitions are not in the inventory"]
}

test_not_evaluated_without_configuration if {
	r := json.patch(model({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the model's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(model({"Containers": [container("p", "Platform")]}), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(model({"Containers": [container("p", "Platform")]}), {"type": "AWS::SageMaker::Endpoint"}))
}

# A configuration of one key is still a recorded one.
test_a_configuration_with_only_containers_is_evaluated if {
	r := json.patch(model({}), [{"op": "replace", "path": "/configuration", "value": {"Containers": [container("p", "Vpc")]}}])
	testing.status(id, r) == "pass"
}

# Both recorded (not what AWS returns, but what a hand-made inventory may hold): Containers is read.
test_containers_are_evaluated_next_to_a_primary_container if {
	testing.status(id, model({"PrimaryContainer": {"Image": "x"}, "Containers": [container("p", "Platform")]})) == "fail"
}

test_a_null_mode_is_the_default if {
	r := model({"Containers": [{"ContainerHostname": "p", "Image": "x", "ImageConfig": {"RepositoryAccessMode": null}}]})
	testing.messages(id, r) == ["Model pipeline pulls container images from outside a private registry in the VPC: container p (Platform (no ImageConfig))."]
}
