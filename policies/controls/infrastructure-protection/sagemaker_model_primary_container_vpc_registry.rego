# METADATA
# title: SageMaker models pull their primary container image from a private registry in the VPC
# description: >-
#   The model's PrimaryContainer has ImageConfig.RepositoryAccessMode "Vpc": SageMaker pulls the
#   inference image from a private Docker registry reached through the model's VPC, not through
#   the SageMaker platform's own network path. An ImageConfig that is absent is judged as AWS's
#   documented meaning of no ImageConfig, an image hosted in Amazon ECR and pulled by the platform
#   ("Platform"), and fails. Models built from several containers (Containers instead of
#   PrimaryContainer) are CAFAI-IP-51's.
# custom:
#   id: CAFAI-IP-50
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::Model"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the places models run be isolated and that what
#     enters them arrive over paths the organization controls. The inference image is the code
#     that handles every request; with RepositoryAccessMode "Vpc" it is fetched from a registry the
#     organization runs inside its own network, under its own network controls and logging, so the
#     hosting environment needs no route to a registry outside it. "Platform" (Amazon ECR, or a
#     container with no ImageConfig) is not an insecure registry in itself — CAFAI-AS-05 checks that
#     images come from private ECR repositories — but it is not the private-registry isolation this
#     control, like Security Hub's, asks for; teams that standardise on private ECR can accept the
#     finding with a suppression that says so.
#   remediation:
#     console: >-
#       Models cannot be edited. Push the image to a private Docker registry reachable from the
#       model's VPC, then SageMaker console > Inference > Models > Create model: container input
#       options "Provide model artifacts and inference image location", image location in your
#       VPC's registry ("Use a private registry"), the VPC and subnets of the registry; point the
#       endpoint configuration at the new model and delete the old one.
#     cli: >-
#       aws sagemaker create-model --model-name NAME-vpc --execution-role-arn ROLE_ARN
#       --vpc-config SecurityGroupIds=sg-0123,Subnets=subnet-0123
#       --primary-container 'Image=registry.internal.example:5000/inference:1.4,ImageConfig={RepositoryAccessMode=Vpc}'
#     terraform: |-
#       resource "aws_sagemaker_model" "this" {
#         execution_role_arn = aws_iam_role.model.arn
#         primary_container {
#           image = "registry.internal.example:5000/inference:1.4"
#           image_config {
#             repository_access_mode = "Vpc"
#           }
#         }
#         vpc_config {
#           subnets            = [aws_subnet.private.id]
#           security_group_ids = [aws_security_group.model.id]
#         }
#       }
#     cloudformation: |-
#       InferenceModel:
#         Type: AWS::SageMaker::Model
#         Properties:
#           ExecutionRoleArn: !GetAtt ModelRole.Arn
#           PrimaryContainer:
#             Image: registry.internal.example:5000/inference:1.4
#             ImageConfig:
#               RepositoryAccessMode: Vpc
#           VpcConfig:
#             SecurityGroupIds: [!Ref ModelSecurityGroup]
#             Subnets: [!Ref PrivateSubnet]
#   references:
#     - id: ImageConfig (RepositoryAccessMode Platform | Vpc)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ImageConfig.html
#     - id: ContainerDefinition (ImageConfig optional)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html
#     - id: Use a private Docker registry for real-time inference containers
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-containers-inference-private.html
package cafscan.controls.sagemaker_model_primary_container_vpc_registry

import data.cafscan.lib

recorded if count(lib.configuration) > 0

primary := lib.configuration.PrimaryContainer

has_primary if is_object(primary)

# Containers instead of PrimaryContainer: a multi-container model, evaluated by CAFAI-IP-51.
uses_containers if count(lib.as_array(lib.configuration.Containers)) > 0

out_of_scope if {
	not has_primary
	uses_containers
}

mode := primary.ImageConfig.RepositoryAccessMode

stated if is_string(mode)

missing contains "the model's configuration is not in the inventory" if not recorded

# (A model with Containers and no PrimaryContainer is out of scope above, which wins over missing.)
missing contains "the model's container definitions are not in the inventory" if {
	recorded
	not has_primary
}

violations contains concat("", ["Model ", lib.label, "'s primary container pulls its image with RepositoryAccessMode ", mode, ", not from a private registry in the VPC (Vpc)."]) if {
	stated
	mode != "Vpc"
}

# No ImageConfig (or no mode in it): the image is hosted in Amazon ECR and pulled by the platform,
# AWS's documented meaning of an absent ImageConfig (see METADATA). Without a primary container
# the model is out of scope or missing, which both win over violations.
violations contains concat("", ["Model ", lib.label, "'s primary container has no ImageConfig: its image is pulled from Amazon ECR by the SageMaker platform (Platform), not from a private registry in the VPC."]) if {
	not stated
}
