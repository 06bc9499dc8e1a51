package cafscan.tests.sagemaker_model_private_image

import data.cafscan.testing

id := "CAFAI-AS-05"

model(configuration) := {
	"type": "AWS::SageMaker::Model", "id": "assistant",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model/assistant",
	"name": "assistant", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

primary(container) := model({"ModelName": "assistant", "PrimaryContainer": container})

own := "111122223333.dkr.ecr.us-east-1.amazonaws.com/models/assistant:1.4.2"

aws_dlc := "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"

test_fails_with_a_docker_hub_image if {
	r := primary({"Image": "vllm/vllm-openai:latest", "ModelDataUrl": "s3://models/assistant.tar.gz"})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model assistant pulls container images from outside private Amazon ECR registries: vllm/vllm-openai:latest."]
}

test_fails_with_public_registries_in_an_inference_pipeline if {
	r := model({"ModelName": "assistant", "Containers": [
		{"Image": own},
		{"Image": "ghcr.io/huggingface/text-generation-inference:2.4"},
		{"Image": "public.ecr.aws/example/reranker:1"},
		{"Image": "nginx"},
	]})
	testing.messages(id, r) == ["Model assistant pulls container images from outside private Amazon ECR registries: ghcr.io/huggingface/text-generation-inference:2.4, nginx, public.ecr.aws/example/reranker:1."]
}

test_fails_with_a_look_alike_host if {
	testing.status(id, primary({"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com.evil.example/models/assistant:1"})) == "fail"
	testing.status(id, primary({"Image": "registry.example.com/111122223333.dkr.ecr.us-east-1.amazonaws.com/a:1"})) == "fail"
}

test_passes_with_ecr_images if {
	testing.status(id, primary({"Image": own})) == "pass"
	testing.status(id, primary({"Image": aws_dlc})) == "pass"
	testing.status(id, primary({"Image": "111122223333.dkr.ecr-fips.us-east-1.amazonaws.com/models/assistant@sha256:0123abcd"})) == "pass"
	testing.status(id, primary({"Image": "111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/models/assistant:1"})) == "pass"
	testing.status(id, primary({"Image": own, "ImageConfig": {"RepositoryAccessMode": "Platform"}})) == "pass"
}

test_passes_with_a_private_registry_in_the_vpc if {
	testing.status(id, primary({"Image": "registry.internal.example:5000/assistant:1", "ImageConfig": {"RepositoryAccessMode": "Vpc"}})) == "pass"
}

test_passes_with_a_model_package if {
	testing.status(id, model({"ModelName": "assistant", "Containers": [{"ModelPackageName": "arn:aws:sagemaker:us-east-1:111122223333:model-package/assistant/3"}]})) == "pass"
}

test_not_evaluated_without_configuration if {
	testing.status(id, model({})) == "not_evaluated"
	testing.messages(id, model({})) == ["the model's configuration is not in the inventory"]
}

test_not_evaluated_without_containers if {
	testing.status(id, model({"ModelName": "assistant"})) == "not_evaluated"
	testing.messages(id, model({"ModelName": "assistant"})) == ["the model's container definitions are not in the inventory"]
}

# AWS Config records the unused one of PrimaryContainer / Containers as null.
test_passes_with_a_null_primary_container_and_ecr_pipeline_containers if {
	testing.status(id, model({"ModelName": "assistant", "PrimaryContainer": null, "Containers": [{"Image": own}, {"Image": aws_dlc}]})) == "pass"
}

# An image or model package recorded as null or "" is no image: the container's source is unknown.
test_not_evaluated_with_a_null_or_empty_image_or_model_package if {
	testing.status(id, primary({"Image": null})) == "not_evaluated"
	testing.status(id, primary({"Image": ""})) == "not_evaluated"
	testing.status(id, primary({"ModelPackageName": null})) == "not_evaluated"
	testing.status(id, primary({"ModelPackageName": ""})) == "not_evaluated"
}

test_passes_with_a_model_package_and_an_empty_image if {
	testing.status(id, primary({"Image": "", "ModelPackageName": "arn:aws:sagemaker:us-east-1:111122223333:model-package/assistant/3"})) == "pass"
}

# One container of a pipeline without an image or a model package leaves the model unknown.
test_not_evaluated_when_one_pipeline_container_is_empty if {
	r := model({"ModelName": "assistant", "Containers": [{"Image": own}, {"ModelDataUrl": "s3://models/reranker.tar.gz"}]})
	testing.messages(id, r) == ["a container of the model has neither an image nor a model package in the inventory"]
}

# An ECR registry host without a repository path is no private ECR image.
test_fails_with_a_registry_host_alone if {
	testing.status(id, primary({"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com"})) == "fail"
}

test_not_evaluated_with_an_empty_container if {
	r := primary({"ModelDataUrl": "s3://models/assistant.tar.gz"})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["a container of the model has neither an image nor a model package in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(primary({"Image": "nginx"}), {"type": "AWS::SageMaker::EndpointConfig"}))
}

test_not_evaluated_with_an_unreadable_pipeline_container if {
	r := model({"ModelName": "assistant", "Containers": [{"Image": own}, null]})
	testing.messages(id, r) == ["a container of the model has neither an image nor a model package in the inventory"]
}

# The host test decides as the pattern it spells out in string tests.
host_samples := [
	"111122223333.dkr.ecr.us-east-1.amazonaws.com", "111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com",
	"111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn", "111122223333.dkr.ecr.us-east-1.amazonaws.com.evil",
	"11112222333.dkr.ecr.us-east-1.amazonaws.com", "1111222233334.dkr.ecr.us-east-1.amazonaws.com",
	"11112222333a.dkr.ecr.us-east-1.amazonaws.com", "111122223333.dkr.ecr..amazonaws.com",
	"111122223333.dkr.ecr.US-EAST-1.amazonaws.com", "111122223333.dkr.ecr.us_east_1.amazonaws.com",
	"111122223333.dkr.ecr-FIPS.us-east-1.amazonaws.com", "111122223333.dkr.ecrx.us-east-1.amazonaws.com",
	"111122223333.dkr.ecr.us-east-1.amazonaws.com.cn.cn", "111122223333.dkr.ecr.us-east-1.amazonaws.org",
	"111122223333.dkr.ecr.us.east.1.amazonaws.com", "111122223333.dkr.ecr.us-east-1.amazonaws.com.",
	"registry.example.com", "",
]

test_ecr_host_is_the_pattern if {
	pattern := `^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$`
	ecr := {h | some h in host_samples; data.cafscan.controls.sagemaker_model_private_image.ecr_host(split(h, "."))}
	ecr == {h | some h in host_samples; regex.match(pattern, h)}
	count(ecr) == 3
}
