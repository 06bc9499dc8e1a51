# METADATA
# title: SageMaker multi-container models pull every container image from a private registry in the VPC
# description: >-
#   Every entry of the model's Containers (an inference pipeline or a multi-container endpoint)
#   has ImageConfig.RepositoryAccessMode "Vpc", so each image comes from a private Docker registry
#   reached through the model's VPC. A container with no ImageConfig is judged as AWS's documented
#   meaning of none, an Amazon ECR image pulled by the platform ("Platform"), and fails; one entry
#   that is not a container definition at all is unknown (not evaluated). Models with a single
#   PrimaryContainer are CAFAI-IP-50's.
# custom:
#   id: CAFAI-IP-51
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::Model"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the places models run be isolated and that what
#     enters them arrive over paths the organization controls. In an inference pipeline every
#     container sees the request or its transformed form, so one container pulled from outside
#     the private registry undoes the isolation of the others: every container is checked, and
#     the finding names each one that is not "Vpc". As with CAFAI-IP-50, "Platform" (Amazon ECR)
#     is not insecure in itself — CAFAI-AS-05 checks the images' registries — but it is not the
#     private-registry isolation this control asks for.
#   remediation:
#     console: >-
#       Models cannot be edited. Push each image to a private Docker registry reachable from the
#       model's VPC, create a new model whose containers all use "Use a private registry" (the VPC
#       and subnets of the registry), point the endpoint configuration at it and delete the old
#       model.
#     cli: >-
#       aws sagemaker create-model --model-name NAME-vpc --execution-role-arn ROLE_ARN
#       --vpc-config SecurityGroupIds=sg-0123,Subnets=subnet-0123
#       --containers 'ContainerHostname=preprocess,Image=registry.internal.example:5000/pre:2,ImageConfig={RepositoryAccessMode=Vpc}'
#       'ContainerHostname=predict,Image=registry.internal.example:5000/predict:7,ImageConfig={RepositoryAccessMode=Vpc}'
#     terraform: |-
#       resource "aws_sagemaker_model" "pipeline" {
#         execution_role_arn = aws_iam_role.model.arn
#         container {
#           container_hostname = "preprocess"
#           image              = "registry.internal.example:5000/pre:2"
#           image_config { repository_access_mode = "Vpc" }
#         }
#         container {
#           container_hostname = "predict"
#           image              = "registry.internal.example:5000/predict:7"
#           image_config { repository_access_mode = "Vpc" }
#         }
#         vpc_config {
#           subnets            = [aws_subnet.private.id]
#           security_group_ids = [aws_security_group.model.id]
#         }
#       }
#     cloudformation: |-
#       PipelineModel:
#         Type: AWS::SageMaker::Model
#         Properties:
#           ExecutionRoleArn: !GetAtt ModelRole.Arn
#           Containers:
#             - ContainerHostname: preprocess
#               Image: registry.internal.example:5000/pre:2
#               ImageConfig: { RepositoryAccessMode: Vpc }
#             - ContainerHostname: predict
#               Image: registry.internal.example:5000/predict:7
#               ImageConfig: { RepositoryAccessMode: Vpc }
#           VpcConfig:
#             SecurityGroupIds: [!Ref ModelSecurityGroup]
#             Subnets: [!Ref PrivateSubnet]
#   references:
#     - id: ImageConfig (RepositoryAccessMode Platform | Vpc)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ImageConfig.html
#     - id: CreateModel (Containers)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html
package cafscan.controls.sagemaker_model_containers_vpc_registry

import data.cafscan.lib

recorded if count(lib.configuration) > 0

containers := lib.as_array(lib.configuration.Containers)

uses_containers if count(containers) > 0

# A single PrimaryContainer: evaluated by CAFAI-IP-50.
has_primary if is_object(lib.configuration.PrimaryContainer)

out_of_scope if {
	not uses_containers
	has_primary
}

# "the container named by its hostname", else by its 1-based position.
name(i, c) := concat("", ["container ", c.ContainerHostname]) if {
	is_string(c.ContainerHostname)
	c.ContainerHostname != ""
} else := concat("", ["container ", format_int(i + 1, 10)])

mode(c) := c.ImageConfig.RepositoryAccessMode if is_string(c.ImageConfig.RepositoryAccessMode)

# Absent ImageConfig: Amazon ECR through the platform (see METADATA).
else := "Platform (no ImageConfig)"

# An entry that is not an object is reported by missing, which wins over violations.
outside contains concat("", [name(i, c), " (", mode(c), ")"]) if {
	some i, c in containers
	mode(c) != "Vpc"
}

missing contains "the model's configuration is not in the inventory" if not recorded

# (A model with only a PrimaryContainer is out of scope above, which wins over missing.)
missing contains "the model's container definitions are not in the inventory" if {
	recorded
	not uses_containers
}

missing contains concat("", ["container ", format_int(i + 1, 10), " of the model is not a container definition in the inventory"]) if {
	some i, c in containers
	not is_object(c)
}

violations contains concat("", ["Model ", lib.label, " pulls container images from outside a private registry in the VPC: ", concat(", ", sort(outside)), "."]) if {
	count(outside) > 0
}
