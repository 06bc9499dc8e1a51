# METADATA
# title: SageMaker models pull their container images from private Amazon ECR registries
# description: >-
#   Every container of the model (PrimaryContainer and Containers[]) takes its image from a
#   private Amazon ECR registry (ACCOUNT.dkr.ecr.REGION.amazonaws.com, .com.cn in China, or
#   the ecr-fips endpoint): the account's own repositories, a partner's shared by repository
#   policy, or the AWS registries of SageMaker AI algorithms and Deep Learning Containers. A
#   container set to pull from a private Docker registry in the VPC
#   (ImageConfig.RepositoryAccessMode Vpc), or that uses a model package instead of an image,
#   is also fine. Images from Docker Hub, ghcr.io, ECR Public or any other registry fail.
# custom:
#   id: CAFAI-AS-05
#   capability: application-security
#   component: model
#   severity: high
#   resource_types: ["AWS::SageMaker::Model"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that all model artifacts be stored in secure
#     repositories and that model pipelines be integrated with security scans. The inference
#     image is a model artifact that runs with the model's execution role and sees every
#     request; in a private ECR repository it is covered by IAM and repository policies, image
#     scanning and immutable tags, while an image on a public registry can be replaced or
#     typo-squatted by someone outside the organization, and the next endpoint update or
#     scale-out runs whatever it then contains.
#   remediation:
#     console: >-
#       Copy the image into a private ECR repository of the account (ECR console > Create
#       repository, with scan on push and immutable tags; then docker pull / tag / push, or an
#       ECR pull-through cache rule for the upstream registry), and grant the model's execution
#       role ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on it. A model's containers cannot
#       be changed: create a new model (SageMaker AI console > Inference > Models > Create
#       model) with the ECR image URI, point a new endpoint configuration at it, update the
#       endpoint and delete the old model.
#     cli: >-
#       aws ecr create-repository --repository-name models/NAME --image-scanning-configuration scanOnPush=true
#       --image-tag-mutability IMMUTABLE &&
#       docker pull SOURCE_IMAGE && docker tag SOURCE_IMAGE ACCOUNT.dkr.ecr.REGION.amazonaws.com/models/NAME:TAG &&
#       docker push ACCOUNT.dkr.ecr.REGION.amazonaws.com/models/NAME:TAG &&
#       aws sagemaker create-model --model-name NAME-v2 --execution-role-arn ROLE_ARN
#       --primary-container Image=ACCOUNT.dkr.ecr.REGION.amazonaws.com/models/NAME:TAG,ModelDataUrl=S3_URI
#     terraform: |-
#       resource "aws_ecr_repository" "model" {
#         name                 = "models/classifier"
#         image_tag_mutability = "IMMUTABLE"
#         image_scanning_configuration {
#           scan_on_push = true
#         }
#       }
#
#       resource "aws_sagemaker_model" "this" {
#         name               = "classifier"
#         execution_role_arn = aws_iam_role.model.arn
#         primary_container {
#           image          = "${aws_ecr_repository.model.repository_url}:1.4.2"
#           model_data_url = var.model_data_url
#         }
#       }
#   references:
#     - id: Use a private Docker registry for real-time inference containers
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-containers-inference-private.html
package cafscan.controls.sagemaker_model_private_image

import data.cafscan.lib

recorded if count(lib.configuration) > 0

containers contains container if {
	container := lib.configuration.PrimaryContainer
	is_object(container)
}

# Unlike a null PrimaryContainer (AWS Config's way of saying "not used"), an entry of Containers
# that is not an object is a container whose image is unknown: kept, so `missing` reports it.
containers contains container if {
	some container in lib.as_array(lib.configuration.Containers)
}

has_image(container) if {
	is_string(container.Image)
	container.Image != ""
}

has_model_package(container) if {
	is_string(container.ModelPackageName)
	container.ModelPackageName != ""
}

# Pulled from a private registry the customer runs in the VPC.
vpc_registry(container) if container.ImageConfig.RepositoryAccessMode == "Vpc"

# ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com[.cn]/repository[:tag|@digest]
private_ecr(image) if {
	parts := split(image, "/")
	count(parts) > 1 # a registry host alone names no repository, so no image
	ecr_host(split(parts[0], "."))
}

# The host as ^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$ says, in string
# tests on its dot-separated labels (no part of the pattern but the dots can hold a dot): a regex
# is compiled on every call in opa-wasm, ~60 µs per model.
ecr_host(labels) if {
	count(labels) in {6, 7}
	count(labels[0]) == 12
	trim_left(labels[0], "0123456789") == ""
	labels[1] == "dkr"
	labels[2] in {"ecr", "ecr-fips"}
	labels[3] != ""
	trim(labels[3], "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
	labels[4] == "amazonaws"
	labels[5] == "com"
	china_suffix(labels)
}

china_suffix(labels) if count(labels) == 6

china_suffix(labels) if labels[6] == "cn"

outside_images contains container.Image if {
	some container in containers
	has_image(container)
	not vpc_registry(container)

	# lint-rego: allow not-call-on-field — has_image(container) above guarantees a string Image
	not private_ecr(container.Image)
}

missing contains "the model's configuration is not in the inventory" if not recorded

missing contains "the model's container definitions are not in the inventory" if {
	recorded
	count(containers) == 0
}

missing contains "a container of the model has neither an image nor a model package in the inventory" if {
	some container in containers
	not has_image(container)
	not has_model_package(container)
}

violations contains msg if {
	count(outside_images) > 0
	msg := concat("", [
		"Model ", lib.label, " pulls container images from outside private Amazon ECR registries: ", concat(", ", sort(outside_images)), ".",
	])
}
