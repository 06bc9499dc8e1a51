# METADATA
# title: SageMaker models run their containers in a VPC
# description: >-
#   The model has a VpcConfig with at least one subnet, so the containers that serve it on
#   endpoints, batch transform and asynchronous inference are attached to the account's VPC
#   and reach other hosts and AWS services only as that VPC's security groups, route tables
#   and VPC endpoint policies allow. Without it they run in a network SageMaker manages.
#   VpcConfig has no default (CreateModel): a recorded model without it fails.
# custom:
#   id: CAFAI-IP-11
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::Model"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for secure endpoints for AI models, for network
#     security controls chosen for the environment, and for an explicit allow-list of the
#     calls a model makes outside its own VPC. A model only has "its own VPC" when its
#     containers are placed in one: then security groups and endpoint policies define what
#     the inference code may reach, and flow logs show what it did.
#   remediation:
#     console: >-
#       A model's network settings cannot be changed. SageMaker AI console > Inference >
#       Models > Create model: use the same containers and artifacts and, under Network, choose
#       a VPC, private subnets and security groups. Create an endpoint configuration that uses
#       the new model, update the endpoint to it, then delete the old model.
#     cli: >-
#       aws sagemaker create-model --model-name NAME-vpc --execution-role-arn ROLE_ARN
#       --primary-container Image=IMAGE_URI,ModelDataUrl=S3_URI
#       --vpc-config SecurityGroupIds=SG_ID,Subnets=SUBNET_ID_1,SUBNET_ID_2
#     terraform: |-
#       resource "aws_sagemaker_model" "this" {
#         name               = "classifier"
#         execution_role_arn = aws_iam_role.model.arn
#         primary_container {
#           image          = var.image_uri
#           model_data_url = var.model_data_url
#         }
#         vpc_config {
#           subnets            = aws_subnet.private[*].id
#           security_group_ids = [aws_security_group.model.id]
#         }
#       }
#     cloudformation: |-
#       Model:
#         Type: AWS::SageMaker::Model
#         Properties:
#           ExecutionRoleArn: !GetAtt ModelRole.Arn
#           PrimaryContainer:
#             Image: !Ref ImageUri
#             ModelDataUrl: !Ref ModelDataUrl
#           VpcConfig:
#             Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
#             SecurityGroupIds: [!Ref ModelSecurityGroup]
#   references:
#     - id: CreateModel VpcConfig (no default, SageMaker-managed network)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html#sagemaker-CreateModel-request-VpcConfig
package cafscan.controls.sagemaker_model_vpc

import data.cafscan.lib

recorded if count(lib.configuration) > 0

missing contains "the model's configuration is not in the inventory" if not recorded

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Model ", lib.label, " does not run its containers in a VPC: it has no VpcConfig subnets."]) if {
	not in_vpc
}

in_vpc if {
	some subnet in lib.as_array(lib.configuration.VpcConfig.Subnets)
	is_string(subnet)
	subnet != ""
}
